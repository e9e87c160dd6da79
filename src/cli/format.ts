/**
 * Plain-text rendering of engine results for the console and the CLI, in
 * the reader's language (the catalogue; default English). Quotes are the
 * article's own words in any language.
 */
import type { ArticleMeta } from '../corpus/types.ts';
import type { Answer, AskResult, Citation } from '../engine/engine.ts';
import { type Catalogue, en, refusalText } from '../i18n/index.ts';

/** One line naming where a quote comes from (a metadata answer has no paragraph or sentence). */
export function citationLine(c: Citation, t: Catalogue = en): string {
  const parts = [c.publisher, `„${c.title}“`, c.byline].filter(Boolean).join(', ');
  const where =
    c.paragraph === null || c.sentence === null
      ? ''
      : ` · ${t.console.paragraph(c.paragraph, c.sentence)}${c.role && c.role !== 'body' ? ` (${t.citation.role[c.role] ?? c.role})` : ''}`;
  const per = c.attributedTo ? ` · ${t.citation.per(c.attributedTo)}` : '';
  return `— ${parts}${where}${per}`;
}

/** A metadata answer as text: label, value, and where the value comes from (not a quote). */
function formatMetadata(a: Answer, t: Catalogue): string {
  const label = t.metadata.labels[a.field ?? 'byline'];
  const c = a.citation;
  const names = [c.publisher, `„${c.title}“`, c.byline].filter(Boolean).join(', ');
  const from =
    a.field === 'sources'
      ? c.paragraph === null || c.sentence === null ? '' : t.metadata.firstCredited(t.console.paragraph(c.paragraph, c.sentence))
      : a.span ? t.metadata.fromLine(a.span.line) : t.metadata.fromMetadata;
  return `${label}: ${a.text}\n   — ${names}${from ? ` · ${from}` : ''}`;
}

/** Renders an answer or abstention as text, in the language `t`. */
export function formatResult(result: AskResult, t: Catalogue = en): string {
  if (result.abstained) return refusalText(t, result.refusal, t === en ? result.reason : null);
  if (result.answers[0]?.kind === 'metadata') return result.answers.map((a) => formatMetadata(a, t)).join('\n\n');
  const head = result.answers[0]?.kind === 'summary' ? `${t.metadata.summaryIntro}\n\n` : '';
  return head + result.answers
    .map((a, i) => {
      const matched = a.matched.length ? `\n   ${t.console.matched}: ${a.matched.map((m) => (m.question === m.article ? m.question : `${m.question} → ${m.article}`)).join(', ')}` : '';
      return `${i + 1}. »${a.text}«\n   ${citationLine(a.citation, t)}${matched}`;
    })
    .join('\n\n');
}

/** Renders an article's metadata, and the sources it cites when given. */
export function formatSource(meta: ArticleMeta, t: Catalogue = en, cited: readonly string[] = []): string {
  const l = t.console.labels;
  const rows: [string, string | null][] = [
    [l.headline, meta.title],
    [l.kicker, meta.kicker],
    [l.publisher, meta.publisher],
    [l.byline, meta.byline],
    [l.language, meta.language],
    [l.date, meta.date],
    [l.url, meta.url],
    [l.id, meta.id],
    [l.cites, cited.length ? cited.join('; ') : null],
  ];
  const width = Math.max(10, ...rows.map(([k]) => k.length));
  return rows.filter(([, v]) => v).map(([k, v]) => `${k.padEnd(width)} ${v}`).join('\n');
}
