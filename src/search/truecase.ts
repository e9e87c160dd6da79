/**
 * Capitalisation a question typed in lower case left out: "france" is read as
 * "France", so it counts as a name, as it would have had it been capitalised
 * (query.ts). The words are the English proper nouns and adjectives the
 * dictionary writes capitalised (compiled by scripts/build-proper-nouns.ts
 * into `src/search/lexicon/proper-nouns.txt.gz`); words that are also common
 * words ("may", "bill", "rose") are not among them.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fold } from './normalize.ts';

/** Where the compiled list lives, next to the lexicon. */
export const PROPER_NOUNS_PATH = new URL('./lexicon/proper-nouns.txt.gz', import.meta.url);

let proper: Set<string> | undefined;

/** The list, read once on first use (about 2,100 words). */
function load(): Set<string> {
  return (proper ??= new Set(gunzipSync(readFileSync(PROPER_NOUNS_PATH)).toString('utf8').split('\n').filter(Boolean)));
}

/** An English word as it would be capitalised: "france" → "France"; any other word as it is. */
export function truecase(word: string): string {
  return /^\p{Ll}+$/u.test(word) && isProperNoun(fold(word)) ? word[0]!.toUpperCase() + word.slice(1) : word;
}

/** True when the folded English word is a proper noun or adjective of the dictionary ("indian", "france"). */
export function isProperNoun(folded: string): boolean {
  return load().has(folded);
}
