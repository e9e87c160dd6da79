/**
 * Aliases learned from the corpus itself, so a question can name a thing the
 * way the article does not:
 *
 * - acronym definitions, found with the algorithm of Schwartz & Hearst (2003,
 *   "A simple algorithm for identifying abbreviation definitions in
 *   biomedical text"): "Amazon Web Service (AWS)", "künstliche Intelligenz
 *   (KI)", and German "Government Communications Headquarters, kurz GCHQ,";
 * - appositions, a descriptive noun phrase right before a name: "die
 *   britische Spionagebehörde Government Communications Headquarters", "der
 *   Nachrichtenagentur Reuters", "Amazon-Gründer Jeff Bezos".
 *
 * Names that are defined as each other form one entity; an entity's
 * descriptors ("Spionagebehörde", "britisch") let a question about the name
 * reach sentences that use only the description. No npm package implements
 * Schwartz & Hearst or German apposition finding, so this is hand-written.
 */
import { isStopWord } from './analyzer.ts';
import { fold } from './normalize.ts';

/** One entity the corpus names in several ways. */
export interface Entity {
  /** Folded surface forms of the entity's names ("gchq", "government communications headquarters"). */
  names: Set<string>;
  /** Folded descriptive words the article uses for it ("spionagebehorde", "britische"). */
  descriptors: Set<string>;
}

/** Finds the entities behind a question word. */
export interface AliasTable {
  /** Entities that have `word` (folded) as a name or as one word of a multi-word name. */
  lookup(word: string): Entity[];
  readonly entities: readonly Entity[];
}

/** A word with its place in the text. */
interface Tok {
  text: string;
  start: number;
  end: number;
}

const tokenize = (text: string): Tok[] =>
  [...text.matchAll(/[\p{L}\p{N}]+(?:[-.&][\p{L}\p{N}]+)*/gu)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));

/** A short form: 2 to 10 characters, starting with a letter or digit, with at least one capital. */
const isShortForm = (s: string) => /^[\p{L}\p{N}][\p{L}\p{N}&.-]{1,9}$/u.test(s) && /\p{Lu}/u.test(s) && s.split(/\s+/).length === 1;

/**
 * Schwartz & Hearst's long-form match: walks the short form's characters
 * backwards through the candidate, requiring the first character to start a
 * word. Returns the long form, or null.
 */
export function matchLongForm(shortForm: string, candidate: string): string | null {
  const sf = shortForm.toLowerCase();
  const lf = candidate.toLowerCase();
  let s = sf.length - 1;
  let l = lf.length - 1;
  const alnum = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
  while (s >= 0) {
    const c = sf[s]!;
    if (!alnum(c)) {
      s--;
      continue;
    }
    while ((l >= 0 && lf[l] !== c) || (s === 0 && l > 0 && alnum(lf[l - 1]))) l--;
    if (l < 0) return null;
    l--;
    s--;
  }
  const begin = lf.lastIndexOf(' ', l) + 1;
  const long = candidate.slice(begin).trim();
  // The long form must be longer than the short form and have more than one word or be much longer.
  if (long.length <= shortForm.length || long.toLowerCase() === sf) return null;
  // A long form opens with a content word: a match that reaches back to a function word ("ist das erste Treffen der
  // Internationalen Unterstützergruppe (ISSG)", a translated acronym) took the letters from unrelated words.
  const first = fold(long.split(/\s+/)[0]!);
  if (isStopWord(first, 'de') || isStopWord(first, 'en')) return null;
  return long;
}

/** Text before position `end`, at most `maxWords` words, within the same clause. */
function wordsBefore(text: string, end: number, maxWords: number): string {
  const before = text.slice(0, end).replace(/\s+$/, '');
  const clause = before.split(/[;:!?()»«„“"]|,(?!\d)|\.\s/).pop() ?? '';
  return clause.trim().split(/\s+/).slice(-maxWords).join(' ');
}

/** Acronym definitions in one sentence, as [shortForm, longForm] pairs. */
export function acronymDefinitions(text: string): [string, string][] {
  const out: [string, string][] = [];
  // "long form (SF)" and "long form (kurz: SF)"
  for (const m of text.matchAll(/\(\s*(?:kurz:?\s*|abgekürzt:?\s*|short:?\s*)?([^()\s]{2,10})\s*\)/giu)) {
    const sf = m[1]!;
    if (!isShortForm(sf)) continue;
    const candidate = wordsBefore(text, m.index, Math.min(sf.length + 5, sf.length * 2));
    const long = matchLongForm(sf, candidate);
    if (long) out.push([sf, long]);
  }
  // "long form, kurz SF," / "long form – kurz SF –" / "long form, or SF,"
  for (const m of text.matchAll(/[,–-]\s*(?:kurz|abgekürzt|short|or)\s+([\p{L}\p{N}&.-]{2,10})(?=[\s,–).]|$)/giu)) {
    const sf = m[1]!;
    if (!isShortForm(sf)) continue;
    const candidate = wordsBefore(text, m.index, Math.min(sf.length + 5, sf.length * 2));
    const long = matchLongForm(sf, candidate);
    if (long) out.push([sf, long]);
  }
  return out;
}

const DETERMINERS = new Set(['der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einer', 'einem', 'einen', 'eines', 'the', 'a', 'an', 'its', 'their', 'seinen', 'seine', 'ihren', 'ihre']);

/** Options for apposition finding: how to tell names from common nouns in this language. */
export interface AppositionOptions {
  /** True when a capitalised word is a common noun of the language (German capitalises all nouns). */
  isCommonNoun: (folded: string) => boolean;
}

/**
 * Appositions in one sentence, as [name, descriptors] pairs: a run of names
 * (capitalised words that are not common nouns, or acronyms) right after a
 * descriptive noun phrase. "die britische Spionagebehörde Government
 * Communications Headquarters" → ["Government Communications Headquarters",
 * ["britische", "Spionagebehörde"]].
 */
export function appositions(text: string, options: AppositionOptions): [string, string[]][] {
  const toks = tokenize(text);
  const isNameTok = (t: Tok, i: number) =>
    /^\p{Lu}/u.test(t.text) && (i > 0 || /^\p{Lu}{2,}/u.test(t.text)) && !options.isCommonNoun(fold(t.text.split('-').pop()!));
  const out: [string, string[]][] = [];
  for (let i = 1; i < toks.length; i++) {
    if (!isNameTok(toks[i]!, i) || isNameTok(toks[i - 1]!, i - 1)) continue;
    // The name run: adjacent names ("Government Communications Headquarters", "Andy Jassy").
    let j = i;
    while (j + 1 < toks.length && isNameTok(toks[j + 1]!, j + 1) && text.slice(toks[j]!.end, toks[j + 1]!.start) === ' ') j++;
    // The descriptor: a noun right before the name, with the adjectives before it, back to a determiner.
    const noun = toks[i - 1]!;
    if (text.slice(noun.end, toks[i]!.start) !== ' ') continue;
    const nounHead = noun.text.split('-').pop()!;
    const germanNoun = /^\p{Lu}/u.test(nounHead) && options.isCommonNoun(fold(nounHead));
    // In English the phrase is lower case after a determiner: "the news agency Reuters".
    const englishNoun =
      /^\p{Ll}/u.test(noun.text) &&
      [2, 3, 4].some((d) => i >= d && DETERMINERS.has(fold(toks[i - d]!.text)) && toks.slice(i - d + 1, i).every((t) => /^\p{Ll}+$/u.test(t.text)));
    if (!germanNoun && !englishNoun) continue;
    // A hyphenated noun describes by its head: "Amazon-Gründer Jeff Bezos" is a Gründer, and "Amazon" names another
    // entity, so it is no descriptor of Bezos.
    const descriptors = [nounHead];
    for (let k = i - 2; k >= 0 && k >= i - 4; k--) {
      const t = toks[k]!;
      if (DETERMINERS.has(fold(t.text))) break;
      // German attributive adjectives end in -e, -en, -er, -es, -em; English ones stand between determiner and noun.
      const adjective = germanNoun ? /^\p{Ll}+(?:e|en|er|es|em)$/u.test(t.text) : /^\p{Ll}+$/u.test(t.text);
      if (!adjective || text.slice(t.end, toks[k + 1]!.start) !== ' ') break;
      descriptors.unshift(t.text);
    }
    const name = text.slice(toks[i]!.start, toks[j]!.end);
    out.push([name, descriptors]);
    i = j;
  }
  return out;
}

/** A sentence to learn from, with how its language tells names from nouns. */
export interface AliasSource extends AppositionOptions {
  text: string;
}

/**
 * Collects acronym definitions and appositions into entities. `vocabulary`
 * (every folded word of the corpus) tells a genitive ("der Marktanteil
 * Amazons") from an apposition ("der Agentur Reuters").
 */
export class AliasCollector {
  readonly #entities: Entity[] = [];
  readonly #byName = new Map<string, Entity>();
  readonly #vocabulary: ReadonlySet<string>;

  constructor(vocabulary: ReadonlySet<string>) {
    this.#vocabulary = vocabulary;
  }

  #entityOf(name: string): Entity {
    const key = fold(name);
    let e = this.#byName.get(key);
    if (!e) {
      e = { names: new Set([key]), descriptors: new Set() };
      this.#byName.set(key, e);
      this.#entities.push(e);
    }
    return e;
  }

  /** "long form (SF)": both name one entity. */
  addDefinition(shortForm: string, longForm: string): void {
    const a = this.#entityOf(shortForm);
    const b = this.#entityOf(longForm);
    if (a === b) return;
    for (const n of b.names) {
      a.names.add(n);
      this.#byName.set(n, a);
    }
    for (const d of b.descriptors) a.descriptors.add(d);
    this.#entities.splice(this.#entities.indexOf(b), 1);
  }

  /** "die britische Spionagebehörde NAME": the descriptors describe NAME (unless NAME is a genitive). */
  addApposition(name: string, descriptors: readonly string[]): void {
    const f = fold(name);
    if (!f.includes(' ') && f.endsWith('s') && this.#vocabulary.has(f.slice(0, -1))) return;
    const e = this.#entityOf(name);
    for (const d of descriptors) e.descriptors.add(fold(d));
  }

  /** The table of every entity with more than one name or a descriptor. */
  table(): AliasTable {
    return aliasTableOf(this.#entities.filter((e) => e.names.size > 1 || e.descriptors.size > 0));
  }
}

/** The alias lookup over entities: by each name and each word of a name. */
export function aliasTableOf(entities: Entity[]): AliasTable {
  const index = new Map<string, Entity[]>();
  for (const e of entities) {
    for (const name of e.names) {
      for (const key of new Set([name, ...name.split(/[\s-]+/)])) {
        if (key.length < 2) continue;
        const list = index.get(key) ?? [];
        if (!list.includes(e)) list.push(e);
        index.set(key, list);
      }
    }
  }
  return { lookup: (word) => index.get(fold(word)) ?? [], entities };
}

/** Builds the alias table from sentence texts. */
export function learnAliases(sentences: Iterable<AliasSource>): AliasTable {
  const list = [...sentences];
  const collector = new AliasCollector(new Set(list.flatMap((s) => tokenize(s.text).map((t) => fold(t.text)))));
  for (const { text, isCommonNoun } of list) {
    for (const [sf, long] of acronymDefinitions(text)) collector.addDefinition(sf, long);
    for (const [name, descriptors] of appositions(text, { isCommonNoun })) collector.addApposition(name, descriptors);
  }
  return collector.table();
}
