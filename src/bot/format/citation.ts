/** The line under a quote saying where it comes from. Pure. */
import type { Citation } from '../../engine/engine.ts';
import { type Catalogue, en } from '../../i18n/index.ts';
import { escapedFit, plainFit } from './text.ts';

/** Longest citation line. Default budget of {@link citationLine}. */
export const CITATION_MAX = 400;

/** Options of {@link citationLine}. */
export interface CitationLineOptions {
  /** Leave out publisher, headline and byline (when the footer already names the article). Default: false. */
  short?: boolean;
  /** Most code units. Default: {@link CITATION_MAX}. */
  max?: number;
  /** Plain text (for code blocks and footers) instead of escaped markdown. Default: false. */
  plain?: boolean;
  /** The reader's language. Default: English. */
  t?: Catalogue;
}

/**
 * `— DER SPIEGEL, „Headline“, jlk/Reuters · ¶ 8, sentence 4 · per Financial Times`
 * (short: `— ¶ 8, sentence 4 · per Financial Times`), in the reader's language, with
 * the block's role when it is not body text (`(teaser)`), escaped for markdown (or
 * plain), every part cut to its share so the line stays within `max`. A metadata
 * answer's citation has no position: its line names the article (short or not).
 */
export function citationLine(c: Citation, options: CitationLineOptions = {}): string {
  const max = options.max ?? CITATION_MAX;
  const t = options.t ?? en;
  const fit = options.plain ? plainFit : escapedFit;
  // A metadata answer (a byline, a date) is no sentence of the article: it has no position.
  const where =
    c.paragraph === null || c.sentence === null
      ? ''
      : `${t.citation.where(c.paragraph, c.sentence)}${c.role && c.role !== 'body' ? ` (${t.citation.role[c.role] ?? c.role})` : ''}`;
  const per = c.attributedTo ? t.citation.per(fit(c.attributedTo, 80)) : '';
  const names = [c.publisher ? fit(c.publisher, 60) : null, `„${fit(c.title, 150)}“`, c.byline ? fit(c.byline, 60) : null].filter(Boolean).join(', ');
  // Short lines leave the article to the footer, but a line with neither position nor source still names it.
  const parts = [options.short && (where || per) ? '' : names, where, per].filter(Boolean);
  const line = `— ${parts.join(' · ')}`;
  if (line.length <= max) return line;
  // Only with a tiny budget: keep the position, which identifies the sentence.
  return fit(`— ${where || c.articleId}`, max);
}
