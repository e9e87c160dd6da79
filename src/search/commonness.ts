/**
 * How common a word is in general language, from the compiled table
 * `src/search/lexicon/commonness.tsv.gz` (see scripts/build-commonness.ts:
 * the number of Ding dictionary entries a word occurs in). Everyday words
 * tell little about what a question is about; a question whose specific
 * words an article holds is about that article.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { AnalyzerLanguage } from './analyzer.ts';

/** Where the compiled table lives, next to the lexicon. */
export const COMMONNESS_PATH = new URL('./lexicon/commonness.tsv.gz', import.meta.url);

/** Dictionary entries at which a word counts as fully everyday (specificity 0). */
export const EVERYDAY_COUNT = 1000;

let table: Record<AnalyzerLanguage, Map<string, number>> | undefined;

/** The table, read once on first use (about 54,000 terms). */
function load(): Record<AnalyzerLanguage, Map<string, number>> {
  if (table) return table;
  const out: Record<AnalyzerLanguage, Map<string, number>> = { de: new Map(), en: new Map() };
  for (const line of gunzipSync(readFileSync(COMMONNESS_PATH)).toString('utf8').split('\n')) {
    const [lang, term, n] = line.split('\t');
    if ((lang === 'de' || lang === 'en') && term && n) out[lang].set(term, Number(n));
  }
  return (table = out);
}

/** In how many dictionary entries an analysed term occurs (0: fewer than 3, or unknown). */
export function entryCount(term: string, language: AnalyzerLanguage): number {
  return load()[language].get(term) ?? 0;
}

/** How specific an analysed term is, 0 (everyday: in 1000 entries or more) to 1 (rare or unknown); log-scaled. */
export function specificity(term: string, language: AnalyzerLanguage): number {
  const n = entryCount(term, language);
  return 1 - Math.min(1, Math.log1p(n) / Math.log1p(EVERYDAY_COUNT));
}
