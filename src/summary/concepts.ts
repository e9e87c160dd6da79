/**
 * The content words of an article's sentences as concepts, so a summary can
 * tell a sentence that adds something from one that restates what is already
 * quoted, in other words. Redundancy is counted on what the search index
 * makes of the words (src/search: `wordTermsOf`, `splitGerman`, the
 * lexicon), not on their spelling:
 *
 * - a word's stem, weak-verb stem and dictionary lemma are one concept
 *   ("Geheimdienst", "Geheimdienste"; "gespeichert", "speichern");
 * - the parts of a German compound count as half a concept each, so
 *   "Spionagebehörden" half-restates a sentence about "Spionage";
 * - two words that share at least {@link MIN_SHARED_TRANSLATIONS} of their
 *   first {@link TRANSLATIONS} lexicon translations are one concept
 *   ("Waffenruhe" and "Feuerpause" are both "ceasefire" and "truce"); one
 *   shared translation is not enough, since "Geheimdienst" and "Intelligenz"
 *   share "intelligence". Translations are compared as the other language's
 *   analysis sees them, so "cars" is "car", and a one-word translation
 *   matches a longer one it is the head of: "Pkw" (automobile, passenger car)
 *   and "Autos" (cars, automobiles) are one concept. Two longer ones with the
 *   same head and different modifiers ("news agency", "intelligence agency")
 *   do not match.
 *
 * Concepts are numbered per article; nothing here depends on other articles.
 */
import { type AnalyzerLanguage, analyze } from '../search/analyzer.ts';
import type { Lexicon } from '../search/lexicon.ts';
import type { Mechanisms } from '../search/mechanisms.ts';
import { fold } from '../search/normalize.ts';
import { splitGerman, wordTermsOf } from '../search/sentenceIndex.ts';

/** Weight of a compound part against a whole word. */
export const PART_WEIGHT = 0.5;
/** How many of a word's translations (most common sense first) are compared. */
export const TRANSLATIONS = 4;
/** Two words are one concept when they share this many of their first {@link TRANSLATIONS} translations. */
export const MIN_SHARED_TRANSLATIONS = 2;

/** A sentence's concepts: concept number → weight (1 for a word, {@link PART_WEIGHT} for a compound part only). */
export type ConceptSet = Map<number, number>;

/**
 * A word's first {@link TRANSLATIONS} distinct senses: its translations
 * (most common first) analysed in their own language, each as its terms, so
 * "automobiles" and "automobile" are one sense, and "passenger cars" is
 * `["passeng", "car"]`; a translation of stop words only is kept as written.
 */
function senses(translations: readonly string[], language: AnalyzerLanguage): string[][] {
  const out: string[][] = [];
  const seen = new Set<string>();
  for (const t of translations) {
    const terms = analyze(t, language).map((x) => x.term);
    const sense = terms.length > 0 ? terms : [t.toLowerCase()];
    const key = sense.join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(sense);
    if (out.length === TRANSLATIONS) break;
  }
  return out;
}

/** Union–find over string keys. */
class Keys {
  #parent = new Map<string, string>();
  find(key: string): string {
    let root = key;
    for (let p = this.#parent.get(root); p !== undefined && p !== root; p = this.#parent.get(root)) root = p;
    if (!this.#parent.has(key)) this.#parent.set(key, key);
    // Path compression.
    for (let k = key; k !== root; ) {
      const next = this.#parent.get(k)!;
      this.#parent.set(k, root);
      k = next;
    }
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    // The smaller key is the root, so the result does not depend on the order of unions.
    if (ra !== rb) (ra < rb ? this.#parent.set(rb, ra) : this.#parent.set(ra, rb));
  }
  has(key: string): boolean {
    return this.#parent.has(key);
  }
}

/** One written word, as concepts see it. */
interface WordConcept {
  /** The word, folded (what the lexicon looks up). */
  folded: string;
  /** Keys that name the word itself: its stem, verb stem, lemma. */
  identity: string[];
  /** Keys of its compound parts (modifiers and head). */
  parts: string[];
}

/**
 * The concepts of each text (sentences of one article, in its language).
 *
 * @param texts The sentences.
 * @param language The article's analyzer language.
 * @param lexicon The bilingual lexicon (compounds, lemmas, translations).
 * @param mechanisms Which analysis the index uses; compounds off means no parts.
 */
export function conceptsOf(texts: readonly string[], language: AnalyzerLanguage, lexicon: Lexicon, mechanisms: Mechanisms): ConceptSet[] {
  const keys = new Keys();
  const sentences: WordConcept[][] = texts.map((text) =>
    wordTermsOf(text, language, lexicon, mechanisms).map((w): WordConcept => {
      // wordTermsOf counts a compound's head like the word itself (right for retrieval: a
      // "Nettogewinn" is a "Gewinn"); for redundancy the head is a part, or every "…dienst" would be one concept.
      const split = mechanisms.compounds && language === 'de' ? splitGerman(lexicon, fold(w.word)) : null;
      const head = split ? analyze(split[split.length - 1]!, 'de').map((t) => t.term) : [];
      const identity = w.terms.filter((t, i) => i === 0 || !head.includes(t)).map((t) => `t:${t}`);
      const parts = [...w.parts, ...head.filter((t) => t !== w.terms[0])].map((t) => `t:${t}`);
      for (const key of identity.slice(1)) keys.union(identity[0]!, key);
      keys.find(identity[0]!);
      return { folded: fold(w.word), identity, parts };
    }),
  );

  // Words that share enough senses (translations, analysed) are one concept.
  const other: AnalyzerLanguage = language === 'de' ? 'en' : 'de';
  /** Words (identity keys) by a sense they have: the whole translation, a one-word translation, the head of a longer one. */
  const byWhole = new Map<string, Set<string>>();
  const bySingle = new Map<string, Set<string>>();
  const byHead = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, sense: string, key: string) => {
    let set = map.get(sense);
    if (!set) map.set(sense, (set = new Set()));
    set.add(key);
  };
  const translated = new Set<string>();
  for (const words of sentences) {
    for (const w of words) {
      const key = w.identity[0]!;
      if (translated.has(key)) continue;
      translated.add(key);
      const found = language === 'de' ? lexicon.toEnglish(w.folded) : lexicon.toGerman(w.folded);
      for (const sense of senses(found ?? [], other)) {
        add(byWhole, sense.join(' '), key);
        if (sense.length === 1) add(bySingle, sense[0]!, key);
        else add(byHead, sense[sense.length - 1]!, key);
      }
    }
  }
  // Pair → the senses it shares (a set, so "car" shared as a word and as the head of "passenger car" counts once).
  const shared = new Map<string, Set<string>>();
  const share = (a: string, b: string, sense: string) => {
    if (a === b) return;
    const pair = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    let set = shared.get(pair);
    if (!set) shared.set(pair, (set = new Set()));
    set.add(sense);
  };
  for (const [sense, set] of byWhole) {
    const list = [...set];
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) share(list[i]!, list[j]!, sense);
  }
  // A one-word sense matches a longer sense it heads ("car" and "passenger car"); two longer senses with
  // the same head and different modifiers do not ("news agency", "intelligence agency").
  for (const [head, heads] of byHead) {
    for (const a of bySingle.get(head) ?? []) for (const b of heads) share(a, b, head);
  }
  for (const [pair, senses] of shared) {
    if (senses.size < MIN_SHARED_TRANSLATIONS) continue;
    const [a, b] = pair.split('\u0000') as [string, string];
    keys.union(a, b);
  }

  // Number the concepts in order of first appearance, so results are deterministic.
  const numbers = new Map<string, number>();
  const numberOf = (key: string) => {
    const root = keys.find(key);
    let n = numbers.get(root);
    if (n === undefined) numbers.set(root, (n = numbers.size));
    return n;
  };
  return sentences.map((words) => {
    const set: ConceptSet = new Map();
    for (const w of words) set.set(numberOf(w.identity[0]!), 1);
    for (const w of words) {
      for (const part of w.parts) {
        const n = numberOf(part);
        if (!set.has(n)) set.set(n, PART_WEIGHT);
      }
    }
    return set;
  });
}
