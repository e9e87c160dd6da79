/**
 * Question → query plan. Each content word of the question becomes a group of
 * alternative index terms (its stems in each language, later its
 * translations and aliases). A group scores by its best alternative, so a word
 * with many alternatives does not outweigh a word with one (the idea of
 * Pirkola's structured queries).
 */
import { detectLanguage, type DetectedLanguage } from '../corpus/language.ts';
import { type AnalyzerLanguage, isAcronym, isStopWord, termOf } from './analyzer.ts';
import { fold, words } from './normalize.ts';

/** How an alternative was reached from the question word. */
export type Via = 'word' | 'translation' | 'alias' | 'compound';

/** One index term that stands for a question word. */
export interface Alternative {
  term: string;
  /** Multiplies the term's score; 1 for the word itself, less for looser expansions. */
  weight: number;
  via: Via;
}

/** The alternatives for one question word. */
export interface QueryGroup {
  /** The question word as typed. */
  word: string;
  /** Names, numbers and acronyms are kept as they are and weigh more. */
  isName: boolean;
  /** Relative weight of this word in the question. */
  weight: number;
  alternatives: Alternative[];
}

/** What the engine searches for. */
export interface QueryPlan {
  question: string;
  language: DetectedLanguage;
  groups: QueryGroup[];
}

/** True for a word that names something: capitalised mid-sentence, an acronym, or containing digits. */
export function looksLikeName(word: string, index: number, language: DetectedLanguage): boolean {
  if (/\p{N}/u.test(word)) return true;
  if (isAcronym(word)) return true;
  // German capitalises every noun, so capitalisation marks a name only in English.
  return index > 0 && language === 'en' && /^\p{Lu}/u.test(word);
}

/** Stop-word test for a question in `language`; with no clear language, a stop word of either counts. */
function isQuestionStopWord(word: string, language: DetectedLanguage): boolean {
  if (language === 'de' || language === 'en') return isStopWord(word, language);
  return isStopWord(word, 'de') || isStopWord(word, 'en');
}

/** Builds the plan for a question, with each word's own stems as its alternatives. */
export function planQuery(question: string): QueryPlan {
  const language = detectLanguage(question);
  const groups: QueryGroup[] = [];
  const seen = new Set<string>();
  words(question).forEach((word, i) => {
    if (isQuestionStopWord(word, language)) return;
    const key = fold(word);
    if (seen.has(key)) return;
    seen.add(key);
    const isName = looksLikeName(word, i, language);
    const langs: AnalyzerLanguage[] = language === 'en' ? ['en', 'de'] : ['de', 'en'];
    const alternatives: Alternative[] = [];
    for (const term of [fold(word), ...langs.map((l) => termOf(word, l))]) {
      if (!alternatives.some((a) => a.term === term)) alternatives.push({ term, weight: 1, via: 'word' });
    }
    groups.push({ word, isName, weight: isName ? 1.5 : 1, alternatives });
  });
  return { question, language, groups };
}
