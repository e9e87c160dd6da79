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

/**
 * How the answering span is marked inside a quote; the quote's own characters
 * are never changed. `ansi`: bold on a terminal (ESC[1m … ESC[22m), so the
 * text on screen is exactly the article's. `markdown`: `**…**` around the
 * span, for pipes, files and terminals without colour (NO_COLOR).
 */
export type HighlightMarking = 'ansi' | 'markdown';

/** The marking for an output stream: bold on a terminal unless NO_COLOR is set (https://no-color.org), else `**…**`. */
export function markingFor(stream: NodeJS.WritableStream, env: NodeJS.ProcessEnv = process.env): HighlightMarking {
  return (stream as NodeJS.WriteStream).isTTY && !env.NO_COLOR ? 'ansi' : 'markdown';
}

/** A quote with its answering span marked (see {@link HighlightMarking}); the quote itself unchanged when there is none. */
export function markHighlight(text: string, highlight: { start: number; end: number } | null | undefined, marking: HighlightMarking = 'markdown'): string {
  if (!highlight || highlight.start < 0 || highlight.end > text.length || highlight.start >= highlight.end) return text;
  const [open, close] = marking === 'ansi' ? ['\x1b[1m', '\x1b[22m'] : ['**', '**'];
  return `${text.slice(0, highlight.start)}${open}${text.slice(highlight.start, highlight.end)}${close}${text.slice(highlight.end)}`;
}

/** Options of {@link formatResult}. */
export interface FormatOptions {
  /** How a highlight is marked in a quote. Default: `markdown`. */
  marking?: HighlightMarking;
}

/** Renders an answer or abstention as text, in the language `t`. */
export function formatResult(result: AskResult, t: Catalogue = en, options: FormatOptions = {}): string {
  if (result.abstained) return refusalText(t, result.refusal, t === en ? result.reason : null);
  if (result.answers[0]?.kind === 'metadata') return result.answers.map((a) => formatMetadata(a, t)).join('\n\n');
  const head =
    result.answers[0]?.kind === 'summary'
      ? `${t.metadata.summaryIntro}\n\n`
      : result.unmentioned?.length
        ? `${t.bot.answer.unmentioned(result.unmentioned.map((w) => `"${w}"`).join(', '))}\n\n`
        : '';
  return head + result.answers
    .map((a, i) => {
      const matched = a.matched.length ? `\n   ${t.console.matched}: ${a.matched.map((m) => (m.question === m.article ? m.question : `${m.question} → ${m.article}`)).join(', ')}` : '';
      // A quote that opens by pointing back ("He …", "Das berichtet …") is followed by the sentence it points at.
      const before = a.context ? `\n   ${t.console.before}: »${a.context.text}«` : '';
      return `${i + 1}. »${markHighlight(a.text, a.highlight, options.marking)}«\n   ${citationLine(a.citation, t)}${before}${matched}`;
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
