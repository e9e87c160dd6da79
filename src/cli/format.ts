/**
 * Plain-text rendering of engine results for the console and the CLI.
 */
import type { ArticleMeta } from '../corpus/types.ts';
import type { AskResult, Citation } from '../engine/engine.ts';

/** One line naming where a quote comes from. */
export function citationLine(c: Citation): string {
  const parts = [c.publisher, `„${c.title}“`, c.byline].filter(Boolean).join(', ');
  const where = `paragraph ${c.paragraph}, sentence ${c.sentence}${c.role === 'body' ? '' : ` (${c.role})`}`;
  const per = c.attributedTo ? ` · per ${c.attributedTo}` : '';
  return `— ${parts} · ${where}${per}`;
}

/** Renders an answer or abstention as text. */
export function formatResult(result: AskResult): string {
  if (result.abstained) return result.reason ?? 'The article does not say.';
  return result.answers
    .map((a, i) => {
      const matched = a.matched.length ? `\n   matched: ${a.matched.map((m) => (m.question === m.article ? m.question : `${m.question} → ${m.article}`)).join(', ')}` : '';
      return `${i + 1}. »${a.text}«\n   ${citationLine(a.citation)}${matched}`;
    })
    .join('\n\n');
}

/** Renders an article's metadata. */
export function formatSource(meta: ArticleMeta): string {
  const rows: [string, string | null][] = [
    ['Headline', meta.title],
    ['Kicker', meta.kicker],
    ['Publisher', meta.publisher],
    ['Byline', meta.byline],
    ['Language', meta.language],
    ['Date', meta.date],
    ['URL', meta.url],
    ['Id', meta.id],
  ];
  return rows.filter(([, v]) => v).map(([k, v]) => `${k.padEnd(10)} ${v}`).join('\n');
}
