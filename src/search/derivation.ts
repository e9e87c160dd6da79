/**
 * English derivational families from the dictionary: "arriving" → arrival;
 * "settlers" → settlement; "illness" → ill; "depend" → dependent. A question
 * often uses one part of speech where the article uses another ("upon
 * arriving" / "vor der Ankunft"); the dictionary translates each headword on
 * its own, so the family's translations link them.
 *
 * Two words are of one family when they share a base: a dictionary headword
 * that each is, is an inflection of, or is with one derivational suffix
 * added ("settle" + "ment", "arriv(e)" + "al", "ill" + "ness"). Snowball
 * stems are no test for this: they join "university" with "universal" and
 * "general" with "generous", and part "settler" from "settle". Candidates are
 * the dictionary's headwords that begin with the base less its last letter (a
 * range of its sorted English block, see {@link Lexicon.englishWordsWithPrefix}).
 * Written by hand: no npm package offers English derivational morphology
 * over our dictionary.
 */
import { englishLemmas, type Lexicon } from './lexicon.ts';

/**
 * Derivational suffixes, each with the shortest base it may be taken off:
 * short bases with short suffixes are often no derivation at all ("cent" +
 * "er" is no "center").
 */
const SUFFIXES: readonly (readonly [suffix: string, minBase: number])[] = [
  ['ation', 4],
  ['ition', 5],
  ['ment', 4],
  ['ness', 3],
  ['ance', 4],
  ['ence', 4],
  ['ion', 4],
  ['ism', 4],
  ['ity', 5],
  ['ing', 4],
  ['ant', 5],
  ['ent', 5],
  ['ure', 5],
  ['al', 5],
  ['er', 5],
  ['or', 5],
];

/** Suffixes before which a base's final "y" is written "i". */
const Y_SUFFIXES = new Set(['ness', 'ment', 'er', 'ance']);

/**
 * Shortest base through which two derivations of it count as one family
 * ("settler" and "settlement" through "settle"); shorter bases are too often
 * the meeting point of unrelated words ("statement", "station" and "stature"
 * through "state"). A word and its own base are linked at any length.
 */
const MIN_SIBLING_BASE = 6;

/** How many headwords beginning with a base are looked at. */
const SCAN_LIMIT = 120;

/** Single lower-case words only: no phrases, names or numbers. */
const WORD = /^\p{Ll}+$/u;

/**
 * The bases of a folded English word: itself, its dictionary lemmas, and the
 * headwords it is with one derivational suffix added. Each base is a
 * headword of the dictionary (but the word itself), or one of `alsoKnown`
 * (a question word the dictionary has no translation for, such as "depend").
 */
export function englishBases(word: string, lexicon: Lexicon, alsoKnown: readonly string[] = []): string[] {
  const known = (w: string) => w !== word && (alsoKnown.includes(w) || lexicon.toGerman(w) !== undefined);
  const out = [word];
  const forms = [word, ...englishLemmas(word).filter(known)];
  for (const f of forms.slice(1)) if (!out.includes(f)) out.push(f);
  for (const form of forms) {
    for (const [suffix, minBase] of SUFFIXES) {
      if (!form.endsWith(suffix)) continue;
      const stem = form.slice(0, -suffix.length);
      // "happiness" → happy, "merriment" → merry, "carrier" → carry; not "partial" → party.
      const y = stem.endsWith('i') && Y_SUFFIXES.has(suffix) ? stem.slice(0, -1) + 'y' : '';
      const candidates = [stem, stem + 'e', y, suffix === 'ation' ? stem + 'ate' : ''];
      for (const c of candidates) if (c.length >= minBase && known(c) && !out.includes(c)) out.push(c);
    }
  }
  return out;
}

const memos = new WeakMap<Lexicon, Map<string, string[]>>();

/**
 * The other single-word headwords of a folded English word's family, at most
 * `limit` (default 6): its bases first, then the words derived from them,
 * shorter words first. Memoised per lexicon.
 */
export function englishFamily(word: string, lexicon: Lexicon, limit = 6): string[] {
  let memo = memos.get(lexicon);
  if (!memo) memos.set(lexicon, (memo = new Map()));
  const key = `${limit}\u0000${word}`;
  let out = memo.get(key);
  if (out) return out;
  out = [];
  if (WORD.test(word)) {
    const bases = englishBases(word, lexicon);
    // The word and its inflectional lemmas link to any derivation of theirs; its other bases only when long enough.
    const forms = new Set([word, ...englishLemmas(word)]);
    const meeting = bases.filter((b) => forms.has(b) || b.length >= MIN_SIBLING_BASE);
    const derived: string[] = [];
    const prefixes = new Set(bases.map((b) => b.slice(0, Math.max(3, b.length - 1))));
    for (const prefix of prefixes) {
      for (const candidate of lexicon.englishWordsWithPrefix(prefix, SCAN_LIMIT)) {
        if (bases.includes(candidate) || derived.includes(candidate) || !WORD.test(candidate)) continue;
        // Plurals and past forms translate as their lemma does; a form in -ing may be a noun of its own ("coloring").
        if (!candidate.endsWith('ing') && englishLemmas(candidate).some((l) => lexicon.toGerman(l) !== undefined)) continue;
        if (englishBases(candidate, lexicon, bases).some((b) => meeting.includes(b))) derived.push(candidate);
      }
    }
    derived.sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
    out = [...bases.slice(1), ...derived].slice(0, limit);
  }
  if (memo.size >= 50_000) memo.clear();
  memo.set(key, out);
  return out;
}
