/**
 * Plain-text rendering of engine results for the console and the CLI.
 */
import type { ArticleMeta } from '../corpus/types.ts';
import type { Answer, AskResult, Citation, MetadataField } from '../engine/engine.ts';

/** One line naming where a quote comes from (a metadata answer has no paragraph or sentence). */
export function citationLine(c: Citation): string {
  const parts = [c.publisher, `„${c.title}“`, c.byline].filter(Boolean).join(', ');
  const where = c.paragraph === null ? '' : ` · paragraph ${c.paragraph}, sentence ${c.sentence}${c.role === 'body' ? '' : ` (${c.role})`}`;
  const per = c.attributedTo ? ` · per ${c.attributedTo}` : '';
  return `— ${parts}${where}${per}`;
}

/** How each metadata field is named. */
const FIELD_LABELS: Record<MetadataField, string> = { byline: 'Byline', date: 'Date', publisher: 'Publication', url: 'Address', sources: 'Source the article cites' };

/** A metadata answer as text: label, value, and where the value comes from (not a quote). */
function formatMetadata(a: Answer): string {
  const label = FIELD_LABELS[a.field ?? 'byline'];
  const c = a.citation;
  const names = [c.publisher, `„${c.title}“`, c.byline].filter(Boolean).join(', ');
  const from =
    a.field === 'sources'
      ? c.paragraph === null ? '' : ` · first credited in paragraph ${c.paragraph}, sentence ${c.sentence}`
      : a.span ? ` · quoted verbatim from line ${a.span.line} of the page` : " · from the article's metadata";
  return `${label}: ${a.text}\n   — ${names}${from}`;
}

/** Renders an answer or abstention as text. */
export function formatResult(result: AskResult): string {
  if (result.abstained) return result.reason ?? 'The article does not say.';
  if (result.answers[0]?.kind === 'metadata') return result.answers.map(formatMetadata).join('\n\n');
  const head = result.answers[0]?.kind === 'summary' ? "The article's summary, in its own sentences:\n\n" : '';
  return head + result.answers
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
