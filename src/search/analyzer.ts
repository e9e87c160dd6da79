/**
 * Text analysis shared by the index and the query side: tokenizing, folding
 * (case, umlauts, ß), stop words and stemming, per language.
 *
 * Stemming uses the Snowball stemmers of `@orama/stemmers`; stop words come
 * from the `stopword` package. Both sides of the index call the same
 * functions, so a term folded one way at index time is folded the same way
 * at query time.
 */
import { stemmer as germanStemmer } from '@orama/stemmers/german';
import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { deu, eng } from 'stopword';
import { fold, words } from './normalize.ts';

/** Languages with their own analysis. Other language codes are analysed as German. */
export type AnalyzerLanguage = 'de' | 'en';

const STOP: Record<AnalyzerLanguage, Set<string>> = {
  de: new Set(deu.map(fold)),
  en: new Set(eng.map(fold)),
};

const STEM: Record<AnalyzerLanguage, (word: string) => string> = {
  de: germanStemmer,
  en: englishStemmer,
};

/** Bumped whenever analysis changes, so persisted indexes built with the old analysis are rebuilt. */
export const ANALYZER_VERSION = 1;

/** Maps a language code to the analyzer used for it. */
export function analyzerLanguage(code: string): AnalyzerLanguage {
  return code === 'en' ? 'en' : 'de';
}

/** True when the folded word is a stop word of `language`. */
export function isStopWord(word: string, language: AnalyzerLanguage): boolean {
  return STOP[language].has(fold(word));
}

/**
 * The index term of one word: stemmed in its language, then folded. Numbers
 * and all-caps acronyms are kept whole (folded), never stemmed.
 */
export function termOf(word: string, language: AnalyzerLanguage): string {
  if (/^\p{N}/u.test(word) || isAcronym(word)) return fold(word);
  return fold(STEM[language](word.toLowerCase()));
}

/** An acronym: 2 to 6 characters, all upper case (digits allowed), e.g. "AWS", "GCHQ", "MI5". Longer all-caps words are shouting. */
export function isAcronym(word: string): boolean {
  return word.length >= 2 && word.length <= 6 && word === word.toUpperCase() && /^\p{Lu}/u.test(word);
}

/** One analysed word of a text. */
export interface Token {
  /** The word as written. */
  word: string;
  /** Its index term. */
  term: string;
}

/** Analyses a text into index tokens, stop words removed. */
export function analyze(text: string, language: AnalyzerLanguage): Token[] {
  const out: Token[] = [];
  for (const word of words(text)) {
    if (STOP[language].has(fold(word))) continue;
    out.push({ word, term: termOf(word, language) });
  }
  return out;
}
