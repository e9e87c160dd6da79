/**
 * Engine results as Discord embeds and message content, always within
 * Discord's limits (see `limits.ts`) and with every untrusted text escaped
 * (see `escape.ts`). Pure: plain API objects in, plain API objects out, so
 * every limit is unit-tested without Discord.
 */
import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { ArticleMeta } from '../../corpus/types.ts';
import type { Answer, AskResult, Citation, MetadataField } from '../../engine/engine.ts';
import { citationLine } from './citation.ts';
import { codeBlockText, escapeMarkdown } from './escape.ts';
import { fitEmbed, LIMITS } from './limits.ts';
import { renderQuote } from './quote.ts';
import { escapedFit, plainFit } from './text.ts';

/** Embed colours, by kind of reply. */
export const COLORS = {
  answer: 0x2b6cb0,
  abstention: 0x718096,
  summary: 0x2f855a,
  source: 0x6b46c1,
  help: 0x4a5568,
} as const;

/** Passages per page of an answer. Default of {@link RenderAnswersOptions.pageSize}. */
export const DEFAULT_PAGE_SIZE = 3;

/** Shortest quote budget worth showing next to other passages; below it, a passage moves to the next page. */
export const MIN_QUOTE = 120;

/** Longest footer the renderers write (Discord allows 2048; shorter keeps the 6000 total safe). */
const FOOTER_MAX = 300;

/** A passage to lay out: its text, the words to bold, and its rendered citation line. */
interface Passage {
  text: string;
  bold: string[];
  citation: string;
}

/** Shares `room` among passages: short ones get all they need, long ones split the rest evenly. */
function waterFill(natural: readonly number[], room: number): number[] {
  const order = natural.map((_, i) => i).sort((a, b) => natural[a]! - natural[b]!);
  const out = new Array<number>(natural.length).fill(0);
  let left = room;
  let k = natural.length;
  for (const i of order) {
    const give = Math.min(natural[i]!, Math.floor(left / k));
    out[i] = give;
    left -= give;
    k--;
  }
  return out;
}

/**
 * Lays passages out as block quotes, each followed by its citation line,
 * within `budget` code units. Shows as many of them (from the first) as fit
 * with at least {@link MIN_QUOTE} of quote each; the first is always shown.
 */
export function layoutPassages(passages: readonly Passage[], budget: number): { text: string; shown: number } {
  const natural = passages.map((p) => renderQuote(p.text, p.bold).length);
  for (let n = passages.length; n >= 1; n--) {
    const chosen = passages.slice(0, n);
    // "> " + quote + "\n" + citation, passages separated by a blank line
    const fixed = chosen.reduce((s, p) => s + 3 + p.citation.length, 0) + 2 * (n - 1);
    const budgets = waterFill(natural.slice(0, n), Math.max(0, budget - fixed));
    if (n > 1 && budgets.some((b, i) => b < Math.min(natural[i]!, MIN_QUOTE))) continue;
    const text = chosen.map((p, i) => `> ${renderQuote(p.text, p.bold, budgets[i]!)}\n${p.citation}`).join('\n\n');
    return { text, shown: n };
  }
  return { text: '', shown: 0 };
}

/** Names the articles of some citations for a footer: "DER SPIEGEL — Headline (id)" or "3 articles: a, b, c". */
export function articlesLabel(citations: readonly Pick<Citation, 'articleId' | 'title' | 'publisher'>[]): string {
  const seen = new Map<string, Pick<Citation, 'articleId' | 'title' | 'publisher'>>();
  for (const c of citations) if (!seen.has(c.articleId)) seen.set(c.articleId, c);
  const list = [...seen.values()];
  if (list.length === 1) {
    const c = list[0]!;
    return `${c.publisher ? `${c.publisher} — ` : ''}${c.title} (${c.articleId})`;
  }
  return `${list.length} articles: ${list.map((c) => c.articleId).join(', ')}`;
}

/** Options of {@link renderAnswers}. */
export interface RenderAnswersOptions {
  /** Index of the first answer to show. Default: 0. */
  offset?: number;
  /** Most passages on the page. Default: {@link DEFAULT_PAGE_SIZE}. */
  pageSize?: number;
  /** Put before the question in the title, e.g. "Find in article: ". Default: none. */
  heading?: string;
}

/** One page of an answer. */
export interface AnswerPage {
  embed: APIEmbed;
  /** How many answers this page shows, starting at the offset. */
  shown: number;
  /** Whether answers remain after this page (show a "More" button). */
  more: boolean;
}

/** The embed title for a question or claim: the user's words, escaped so they cannot ping or format. */
export function questionTitle(question: string, heading = ''): string {
  return heading + escapedFit(question, LIMITS.embedTitle - heading.length);
}

/**
 * A page of answers: each quote a block quote with the matched words in bold,
 * then its citation line; the footer names the article(s) and the page. The
 * answer to "What is this article about?" (kind "summary") is laid out the
 * same way under a line saying it is the summary; metadata answers ("Who
 * wrote this?") are shown as metadata, not as quotes (see {@link renderMetadata}).
 */
export function renderAnswers(result: AskResult, options: RenderAnswersOptions = {}): AnswerPage {
  if (result.answers[0]?.kind === 'metadata') return { embed: renderMetadata(result, options.heading), shown: result.answers.length, more: false };
  const offset = Math.max(0, options.offset ?? 0);
  const pageSize = Math.max(1, options.pageSize ?? DEFAULT_PAGE_SIZE);
  const page = result.answers.slice(offset, offset + pageSize);
  const summary = page[0]?.kind === 'summary';
  const intro = summary ? '*The article\'s summary, in its own sentences:*\n\n' : '';
  const passages = page.map((a: Answer): Passage => ({ text: a.text, bold: a.matched.map((m) => m.article), citation: citationLine(a.citation) }));
  const { text, shown } = layoutPassages(passages, LIMITS.embedDescription - intro.length);
  const total = result.answers.length;
  const noun = summary ? 'sentence' : 'passage';
  const range = shown === 1 ? `${noun} ${offset + 1}` : `${noun}s ${offset + 1}–${offset + shown}`;
  const footer = `${range} of ${total} · ${articlesLabel(page.slice(0, shown).map((a) => a.citation))}`;
  const embed: APIEmbed = {
    color: summary ? COLORS.summary : COLORS.answer,
    title: questionTitle(result.question, options.heading),
    description: text ? intro + text : 'No passage to show.',
    footer: { text: plainFit(footer, FOOTER_MAX) },
  };
  return { embed: fitEmbed(embed), shown, more: offset + shown < total };
}

/** How each metadata field is named in a reply. */
export const FIELD_LABELS: Record<MetadataField, string> = {
  byline: 'Byline',
  date: 'Date',
  publisher: 'Publication',
  url: 'Address',
  sources: 'Source the article cites',
};

/** Where a metadata answer comes from, in words: the line of the page it is quoted from, or the article's metadata. */
export function provenance(answer: Pick<Answer, 'span' | 'field' | 'citation'>): string {
  if (answer.field === 'sources') {
    const where = answer.citation.paragraph === null ? '' : `first credited in ¶ ${answer.citation.paragraph}, sentence ${answer.citation.sentence}`;
    return where;
  }
  return answer.span ? `quoted verbatim from line ${answer.span.line} of the page` : 'from the article\'s metadata';
}

/**
 * Metadata answers ("Who wrote this?", "When was it published?", "What are
 * its sources?"): each field as a label and its value, with where the value
 * comes from (a line of the page, or the article's metadata). Not block
 * quotes: a byline or a date is no sentence of the article.
 */
export function renderMetadata(result: AskResult, heading?: string): APIEmbed {
  const several = new Set(result.answers.map((a) => a.citation.articleId)).size > 1;
  const lines = result.answers.map((a) => {
    const label = FIELD_LABELS[a.field ?? 'byline'];
    const of = several ? ` of \`${a.citation.articleId.replace(/`/g, 'ˋ')}\`` : '';
    const from = provenance(a);
    return `**${label}${of}:** ${escapedFit(a.text, 300)}${from ? `\n*${from}*` : ''}`;
  });
  return fitEmbed({
    color: COLORS.source,
    title: questionTitle(result.question, heading),
    description: lines.join('\n\n') || 'Nothing to show.',
    footer: { text: plainFit(articlesLabel(result.answers.map((a) => a.citation)), FOOTER_MAX) },
  });
}

/**
 * The reply when the engine found nothing: says what was not found, in the
 * engine's words. `scope` names what was searched ("all 2 articles", an id).
 */
export function renderAbstention(result: AskResult, scope: string, heading?: string): APIEmbed {
  const reason = result.reason ?? 'The article does not say.';
  return fitEmbed({
    color: COLORS.abstention,
    title: questionTitle(result.question, heading),
    // "Not found" only when the articles were searched; a question that could not be searched says why.
    description: result.invalid ? escapedFit(reason, 1500) : `**Not found.** ${escapedFit(reason, 1500)}`,
    footer: { text: plainFit(`Searched ${scope}`, FOOTER_MAX) },
  });
}

/** What `engine.summarize` returns, as far as rendering needs it. */
export interface SummaryView {
  articleId: string;
  title: string;
  topic: string | null;
  reason: string | null;
  sentences: readonly { text: string; sentenceId: string; citation: Citation }[];
}

/** An extractive summary: its sentences as block quotes with short citations; the footer names the article. */
export function renderSummary(summary: SummaryView, meta: Pick<ArticleMeta, 'id' | 'title' | 'publisher' | 'byline'>): APIEmbed {
  const about = summary.topic ? `About **${escapedFit(summary.topic, 200)}**\n\n` : '';
  let description: string;
  if (summary.sentences.length === 0) {
    description = `${about}**Nothing to quote.** ${escapedFit(summary.reason ?? 'The article has nothing to summarise.', 1500)}`;
  } else {
    const passages = summary.sentences.map((s): Passage => ({ text: s.text, bold: [], citation: citationLine(s.citation, { short: true }) }));
    description = about + layoutPassages(passages, LIMITS.embedDescription - about.length).text;
  }
  const footer = `${meta.publisher ? `${meta.publisher} — ` : ''}${meta.title}${meta.byline ? `, ${meta.byline}` : ''} (${meta.id})`;
  return fitEmbed({
    color: COLORS.summary,
    title: escapedFit(`Summary: ${summary.title}`, LIMITS.embedTitle),
    description,
    footer: { text: plainFit(footer, FOOTER_MAX) },
  });
}

/** Whether `url` is an http(s) URL Discord accepts as a link. */
function linkable(url: string | null): url is string {
  if (!url || url.length > LIMITS.url || /[\s<>]/.test(url)) return false;
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

/**
 * An article's source card: headline (linked when the URL is known),
 * publisher, byline, date, language, URL, and which sources the article
 * itself cites (`cited`, in order of first appearance).
 */
export function renderSource(meta: ArticleMeta, cited: readonly string[]): APIEmbed {
  const fields: APIEmbedField[] = [];
  const add = (name: string, value: string | null, max = 256, inline = true) => {
    if (value) fields.push({ name, value: escapedFit(value, max), inline });
  };
  add('Publisher', meta.publisher);
  add('Byline', meta.byline);
  add('Date', meta.date);
  add('Language', meta.language);
  if (meta.url) fields.push({ name: 'URL', value: linkable(meta.url) && meta.url.length <= LIMITS.fieldValue ? meta.url : escapedFit(meta.url, 512), inline: false });
  fields.push({
    name: 'Sources the article cites',
    value: cited.length ? escapedFit(cited.join(' · '), LIMITS.fieldValue) : 'None: the article attributes no claim to anyone.',
    inline: false,
  });
  return fitEmbed({
    color: COLORS.source,
    title: escapedFit(meta.title, LIMITS.embedTitle),
    ...(linkable(meta.url) ? { url: meta.url } : {}),
    ...(meta.kicker ? { description: `*${escapedFit(meta.kicker, 500)}*` } : {}),
    fields,
    footer: { text: plainFit(`id: ${meta.id}`, FOOTER_MAX) },
  });
}

/** The /help card: what each command does and which articles are loaded. */
export function renderHelp(articles: readonly Pick<ArticleMeta, 'id' | 'title'>[]): APIEmbed {
  const commands = [
    '`/ask question [article] [public]`: the passages that answer a question, quoted word for word. Ask about the article itself too: "What is this about?", "Who wrote this?", "When was it published?", "Which newspaper?", "What are its sources?"',
    '`/quote query [article]`: the single best passage, ready to paste, with a button to post it.',
    '`/summary [article] [sentences] [topic]`: a few central sentences of an article.',
    '`/source [article]`: headline, publisher, byline, date, URL, and whom the article cites.',
    '**Find in article** (right-click a message → Apps): the passages about that message\'s claim.',
    '**@mention** me with a question to get the answer as a reply.',
    '',
    'Every answer is a verbatim quote with its citation; when the article does not say, I say so.',
  ].join('\n');
  const list = articles.map((a) => `\`${a.id.replace(/`/g, 'ˋ')}\` ${escapeMarkdown(a.title)}`).join('\n');
  return fitEmbed({
    color: COLORS.help,
    title: 'Beleg: answers with verbatim, sourced quotes',
    description: commands,
    fields: [{ name: `Articles (${articles.length})`, value: escapedFitLines(list, LIMITS.fieldValue) || 'None loaded.', inline: false }],
  });
}

/** Keeps whole lines of already escaped text within `max`, ending with "…" when lines were left out. */
function escapedFitLines(text: string, max: number): string {
  if (text.length <= max) return text;
  const lines = text.split('\n');
  let out = '';
  for (const line of lines) {
    const next = out ? `${out}\n${line}` : line;
    if (next.length > max - 2) break;
    out = next;
  }
  return `${out}\n…`;
}

/**
 * /quote's private reply: the passage as plain text in a code block, ready to
 * copy and paste, with its citation; at most 2000 characters, the quote cut
 * first so the citation is kept.
 */
export function renderQuoteText(answer: Pick<Answer, 'text' | 'citation'> & Partial<Pick<Answer, 'kind' | 'field' | 'span'>>): string {
  const metadata = answer.kind === 'metadata';
  const intro = metadata ? 'From the article (only you can see this):' : 'Your quote, ready to paste (only you can see this):';
  const citation = codeBlockText(citationLine(answer.citation, { plain: true }));
  // intro + "\n```\n" + „quote“ + "\n" + citation + "\n```"
  const room = LIMITS.content - intro.length - citation.length - 12;
  if (metadata) {
    // A byline or a date is metadata, not a quote: label and value, no quotation marks.
    const label = `${FIELD_LABELS[answer.field ?? 'byline']}: `;
    const from = provenance({ citation: answer.citation, field: answer.field, span: answer.span });
    const value = codeBlockText(plainFit(answer.text, Math.max(0, room - label.length - from.length - 3)));
    return `${intro}\n\`\`\`\n${label}${value}${from ? ` (${codeBlockText(from)})` : ''}\n${citation}\n\`\`\``;
  }
  const quote = codeBlockText(plainFit(answer.text, room));
  return `${intro}\n\`\`\`\n„${quote}“\n${citation}\n\`\`\``;
}

/** The public post of a quote: content "Quoted by <@user>" (never pinging) and the quote as an embed. */
export function renderQuotePost(answer: Pick<Answer, 'text' | 'citation' | 'matched'> & Partial<Pick<Answer, 'kind' | 'field' | 'span'>>, userId: string): { content: string; embeds: APIEmbed[] } {
  const mention = /^\d{1,25}$/.test(userId) ? `<@${userId}>` : 'someone';
  if (answer.kind === 'metadata') {
    const from = provenance({ citation: answer.citation, field: answer.field, span: answer.span });
    const description = `**${FIELD_LABELS[answer.field ?? 'byline']}:** ${escapedFit(answer.text, 300)}${from ? `\n*${from}*` : ''}\n${citationLine(answer.citation)}`;
    return {
      content: `Shared by ${mention}`,
      embeds: [fitEmbed({ color: COLORS.source, description, footer: { text: plainFit(articlesLabel([answer.citation]), FOOTER_MAX) } })],
    };
  }
  const { text } = layoutPassages([{ text: answer.text, bold: answer.matched.map((m) => m.article), citation: citationLine(answer.citation) }], LIMITS.embedDescription);
  return {
    content: `Quoted by ${mention}`,
    embeds: [fitEmbed({ color: COLORS.answer, description: text, footer: { text: plainFit(articlesLabel([answer.citation]), FOOTER_MAX) } })],
  };
}
