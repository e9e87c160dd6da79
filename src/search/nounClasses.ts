/**
 * What kind of thing an English noun names, from the compiled table
 * `src/search/lexicon/noun-classes.tsv.gz` (see scripts/build-noun-classes.ts:
 * WordNet's noun hierarchy). "Which player …" asks for a person, "In what
 * city …" for a place, "In which century …" for a time; a German question's
 * noun ("Welcher Spieler") is looked up through its English translations.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { englishLemmas } from './lexicon.ts';

/** What a noun names: a person or group, a place, a span of time, or anything else. */
export type NounClass = 'person' | 'place' | 'time' | 'thing';

/** A word's entry: the class of a word used mainly as a noun, or `verb` for one used mainly as a verb. */
export type WordClass = NounClass | 'verb';

/** Where the compiled table lives, next to the lexicon. */
export const NOUN_CLASSES_PATH = new URL('./lexicon/noun-classes.tsv.gz', import.meta.url);

let table: Map<string, WordClass> | undefined;
let verbNouns: Set<string> | undefined;

/** The table, read once on first use (about 45,000 nouns and 8,000 verbs). */
function load(): Map<string, WordClass> {
  if (table) return table;
  const out = new Map<string, WordClass>();
  verbNouns = new Set();
  for (const line of gunzipSync(readFileSync(NOUN_CLASSES_PATH)).toString('utf8').split('\n')) {
    const [lemma, cls, verb] = line.split('\t');
    if (lemma && cls) out.set(lemma, cls as WordClass);
    if (lemma && verb) verbNouns.add(lemma);
  }
  return (table = out);
}

/** True when a folded English word can be a form of a verb ("invited", "needs", "hosts"). */
export function canBeVerb(word: string): boolean {
  const t = load();
  return [word, ...englishLemmas(word)].some((w) => t.get(w) === 'verb' || verbNouns!.has(w));
}

/**
 * The class of a folded English word used mainly as a noun (also in the plural:
 * "players"), `verb` for one used mainly as a verb (also inflected: "invited"),
 * undefined when it is mainly an adjective or adverb, or unknown.
 */
export function wordClassOf(word: string): WordClass | undefined {
  const t = load();
  for (const w of [word, ...englishLemmas(word)]) {
    const cls = t.get(w);
    if (cls) return cls;
  }
  return undefined;
}

/** The class of a folded English word used mainly as a noun, else undefined (see {@link wordClassOf}). */
export function nounClassOf(word: string): NounClass | undefined {
  const cls = wordClassOf(word);
  return cls === 'verb' ? undefined : cls;
}
