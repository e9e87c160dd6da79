/**
 * Engine results as Discord embeds and message content, always within
 * Discord's limits (see `limits.ts`) and with every untrusted text escaped
 * (see `escape.ts`). Pure: plain API objects in, plain API objects out, so
 * every limit is unit-tested without Discord.
 */
import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { ArticleMeta } from '../../corpus/types.ts';
import type { Answer, AskResult, Citation, MatchedWord, MetadataField, TextSpan } from '../../engine/engine.ts';
import { type Catalogue, en, refusalText } from '../../i18n/index.ts';
import { citationLine } from './citation.ts';
import { codeBlockText, escapeMarkdown, neutralizeMentions } from './escape.ts';
import { ELLIPSIS, fitEmbed, LIMITS } from './limits.ts';
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

/**
 * A passage to lay out: its text, the span to bold (the answer), its rendered
 * citation line, its "before it:" line (the sentence a quote opening with
 * "He …" points at; '' for none) and its "matched:" line ('' for none).
 */
interface Passage {
  text: string;
  highlight: TextSpan | null;
  citation: string;
  before: string;
  matched: string;
}

/** Longest "before it:" line under a quote: enough to name whom "he" or "das" stands for. */
const BEFORE_MAX = 240;

/** The line under a quote giving the sentence it refers back to, escaped, cut to {@link BEFORE_MAX} and in italics; '' for none. */
export function beforeLine(context: Answer['context'], t: Catalogue = en): string {
  return context ? `*${escapedFit(t.bot.answer.before(context.text), BEFORE_MAX)}*` : '';
}

/** Longest "matched:" line under a quote. */
const MATCHED_MAX = 300;

/**
 * The line under a quote naming which question words matched which article
 * words ("matched: partner → Geschäftspartner, Bezos"), escaped and in
 * italics; '' when nothing matched. The quote itself bolds the answer, not
 * these words.
 */
export function matchedLine(matched: readonly MatchedWord[], t: Catalogue = en): string {
  if (matched.length === 0) return '';
  const words = matched.map((m) => (m.question === m.article ? m.question : `${m.question} → ${m.article}`)).join(', ');
  return `*${escapedFit(t.bot.answer.matched(words), MATCHED_MAX)}*`;
}

/** A passage of an answer: the quote with its highlight, its citation, and the words that matched. */
function passageOf(a: Pick<Answer, 'text' | 'citation' | 'matched'> & Partial<Pick<Answer, 'highlight' | 'context'>>, citation: string, t: Catalogue): Passage {
  return { text: a.text, highlight: a.highlight ?? null, citation, before: beforeLine(a.context, t), matched: matchedLine(a.matched, t) };
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
  const natural = passages.map((p) => renderQuote(p.text, p.highlight).length);
  for (let n = passages.length; n >= 1; n--) {
    const chosen = passages.slice(0, n);
    // "> " + quote + "\n" + citation (+ "\n" + before line)(+ "\n" + matched line), passages separated by a blank line
    const fixed = chosen.reduce((s, p) => s + 3 + p.citation.length + (p.before ? 1 + p.before.length : 0) + (p.matched ? 1 + p.matched.length : 0), 0) + 2 * (n - 1);
    const budgets = waterFill(natural.slice(0, n), Math.max(0, budget - fixed));
    if (n > 1 && budgets.some((b, i) => b < Math.min(natural[i]!, MIN_QUOTE))) continue;
    const text = chosen.map((p, i) => `> ${renderQuote(p.text, p.highlight, budgets[i]!)}\n${p.citation}${p.before ? `\n${p.before}` : ''}${p.matched ? `\n${p.matched}` : ''}`).join('\n\n');
    return { text, shown: n };
  }
  return { text: '', shown: 0 };
}

type Named = Pick<Citation, 'articleId' | 'title' | 'publisher'> & { byline?: string | null };

/** Whether every citation is of one article (its quotes then get short citation lines, and the footer names it once). */
export function oneArticle(citations: readonly Pick<Citation, 'articleId'>[]): boolean {
  return citations.every((c) => c.articleId === citations[0]?.articleId);
}

/**
 * Names the articles of some citations for a footer: "DER SPIEGEL — Headline, byline (id)"
 * (the byline only with `withByline`, when the quotes' own citation lines are short)
 * or "3 articles: a, b, c".
 */
export function articlesLabel(citations: readonly Named[], t: Catalogue = en, withByline = false): string {
  const seen = new Map<string, Named>();
  for (const c of citations) if (!seen.has(c.articleId)) seen.set(c.articleId, c);
  const list = [...seen.values()];
  if (list.length === 1) {
    const c = list[0]!;
    return `${c.publisher ? `${c.publisher} — ` : ''}${c.title}${withByline && c.byline ? `, ${c.byline}` : ''} (${c.articleId})`;
  }
  return t.bot.answer.articles(list.length, list.map((c) => c.articleId).join(', '));
}

/** Options of {@link renderAnswers}. */
export interface RenderAnswersOptions {
  /** Index of the first answer to show. Default: 0. */
  offset?: number;
  /** Most passages on the page. Default: {@link DEFAULT_PAGE_SIZE}. */
  pageSize?: number;
  /** Put before the question in the title, e.g. "Find in article: ". Default: none. */
  heading?: string;
  /** The reader's language. Default: English. */
  t?: Catalogue;
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
 * A page of answers: each quote a block quote with the part that answers the
 * question in bold (the engine's highlight; none when it is not sure), then
 * its citation line and a line naming the question words that matched; the footer names the article(s) and the page. When
 * every quote of the page is from one article, the citation lines are short
 * (`— ¶ 8, sentence 4 · per Financial Times`) and the footer names the article
 * once, with its byline. The answer to "What is this article about?" (kind
 * "summary") is laid out the same way under a line saying it is the summary;
 * metadata answers ("Who wrote this?") are shown as metadata, not as quotes
 * (see {@link renderMetadata}).
 */
export function renderAnswers(result: AskResult, options: RenderAnswersOptions = {}): AnswerPage {
  const t = options.t ?? en;
  if (result.answers[0]?.kind === 'metadata') return { embed: renderMetadata(result, options.heading, t), shown: result.answers.length, more: false };
  const offset = Math.max(0, options.offset ?? 0);
  const pageSize = Math.max(1, options.pageSize ?? DEFAULT_PAGE_SIZE);
  const page = result.answers.slice(offset, offset + pageSize);
  const summary = page[0]?.kind === 'summary';
  const unmentioned = result.unmentioned?.length ? `*${escapedFit(t.bot.answer.unmentioned(result.unmentioned.map((w) => `„${w}“`).join(', ')), 300)}*\n\n` : '';
  const intro = summary ? `*${t.metadata.summaryIntro}*\n\n` : unmentioned;
  const short = oneArticle(page.map((a) => a.citation));
  const passages = page.map((a: Answer): Passage => passageOf(a, citationLine(a.citation, { short, t }), t));
  const { text, shown } = layoutPassages(passages, LIMITS.embedDescription - intro.length);
  const total = result.answers.length;
  const range = summary
    ? shown === 1 ? t.bot.answer.sentence(offset + 1, total) : t.bot.answer.sentences(offset + 1, offset + shown, total)
    : shown === 1 ? t.bot.answer.passage(offset + 1, total) : t.bot.answer.passages(offset + 1, offset + shown, total);
  const footer = `${range} · ${articlesLabel(page.slice(0, shown).map((a) => a.citation), t, short)}`;
  const embed: APIEmbed = {
    color: summary ? COLORS.summary : COLORS.answer,
    title: questionTitle(result.question, options.heading),
    description: text ? intro + text : t.bot.answer.noPassage,
    footer: { text: plainFit(footer, FOOTER_MAX) },
  };
  return { embed: fitEmbed(embed), shown, more: offset + shown < total };
}

/**
 * Where a metadata answer comes from, in the reader's words: the line of the
 * page it is quoted from, or the article's metadata; for a cited source, the
 * sentence that first credits it.
 */
export function provenance(answer: Pick<Answer, 'span' | 'field' | 'citation'>, t: Catalogue = en): string {
  const c = answer.citation;
  if (answer.field === 'sources') return c.paragraph === null || c.sentence === null ? '' : t.metadata.firstCredited(t.citation.where(c.paragraph, c.sentence));
  return answer.span ? t.metadata.fromLine(answer.span.line) : t.metadata.fromMetadata;
}

/**
 * Metadata answers ("Who wrote this?", "When was it published?", "What are
 * its sources?"): each field as a label and its value, with where the value
 * comes from (a line of the page, or the article's metadata), in the
 * reader's language. Not block quotes: a byline or a date is no sentence of
 * the article.
 */
export function renderMetadata(result: AskResult, heading?: string, t: Catalogue = en): APIEmbed {
  const several = !oneArticle(result.answers.map((a) => a.citation));
  const lines = result.answers.map((a) => {
    const field = t.metadata.labels[a.field ?? 'byline'];
    const label = several ? t.metadata.labelOf(field, `\`${a.citation.articleId.replace(/`/g, 'ˋ')}\``) : field;
    const from = provenance(a, t);
    return `**${label}:** ${escapedFit(a.text, 300)}${from ? `\n*${from}*` : ''}`;
  });
  return fitEmbed({
    color: COLORS.source,
    title: questionTitle(result.question, heading),
    description: lines.join('\n\n') || t.bot.answer.nothingToShow,
    footer: { text: plainFit(articlesLabel(result.answers.map((a) => a.citation), t), FOOTER_MAX) },
  });
}

/**
 * The reply when the engine found nothing: says what was not found, in the
 * reader's language. `scope` names what was searched ("all 2 articles", an id).
 */
export function renderAbstention(result: AskResult, scope: string, heading?: string, t: Catalogue = en): APIEmbed {
  const reason = refusalText(t, result.refusal, t === en ? result.reason : null);
  return fitEmbed({
    color: COLORS.abstention,
    title: questionTitle(result.question, heading),
    // "Not found" only when the articles were searched; a question that could not be searched says why.
    description: result.invalid ? escapedFit(reason, 1500) : `**${t.bot.answer.notFound}** ${escapedFit(reason, 1500)}`,
    footer: { text: plainFit(t.bot.answer.searched(scope), FOOTER_MAX) },
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
export function renderSummary(summary: SummaryView, meta: Pick<ArticleMeta, 'id' | 'title' | 'publisher' | 'byline'>, t: Catalogue = en): APIEmbed {
  const about = summary.topic ? `${t.bot.summary.about} **${escapedFit(summary.topic, 200)}**\n\n` : '';
  let description: string;
  if (summary.sentences.length === 0) {
    // The engine's two reasons for an empty summary: a topic it says nothing about, or no body text.
    const reason = t === en && summary.reason ? summary.reason : summary.topic ? t.bot.summary.nothingAbout(summary.topic) : t.bot.summary.noBody;
    description = `${about}**${t.bot.summary.nothingToQuote}** ${escapedFit(reason, 1500)}`;
  } else {
    const passages = summary.sentences.map((s): Passage => ({ text: s.text, highlight: null, citation: citationLine(s.citation, { short: true, t }), before: '', matched: '' }));
    description = about + layoutPassages(passages, LIMITS.embedDescription - about.length).text;
  }
  const footer = `${meta.publisher ? `${meta.publisher} — ` : ''}${meta.title}${meta.byline ? `, ${meta.byline}` : ''} (${meta.id})`;
  return fitEmbed({
    color: COLORS.summary,
    title: escapedFit(t.bot.summary.title(summary.title), LIMITS.embedTitle),
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
export function renderSource(meta: ArticleMeta, cited: readonly string[], t: Catalogue = en): APIEmbed {
  const fields: APIEmbedField[] = [];
  const add = (name: string, value: string | null, max = 256, inline = true) => {
    if (value) fields.push({ name, value: escapedFit(value, max), inline });
  };
  const labels = t.bot.source;
  add(labels.publisher, meta.publisher);
  add(labels.byline, meta.byline);
  add(labels.date, meta.date);
  add(labels.language, meta.language);
  if (meta.url) fields.push({ name: labels.url, value: linkable(meta.url) && meta.url.length <= LIMITS.fieldValue ? meta.url : escapedFit(meta.url, 512), inline: false });
  fields.push({
    name: labels.cites,
    value: cited.length ? escapedFit(cited.join(' · '), LIMITS.fieldValue) : labels.citesNone,
    inline: false,
  });
  return fitEmbed({
    color: COLORS.source,
    title: escapedFit(meta.title, LIMITS.embedTitle),
    ...(linkable(meta.url) ? { url: meta.url } : {}),
    ...(meta.kicker ? { description: `*${escapedFit(meta.kicker, 500)}*` } : {}),
    fields,
    footer: { text: plainFit(labels.id(meta.id), FOOTER_MAX) },
  });
}

/** The /help card: what each command does and which articles are loaded. */
export function renderHelp(articles: readonly Pick<ArticleMeta, 'id' | 'title'>[], t: Catalogue = en): APIEmbed {
  const list = articles.map((a) => `\`${a.id.replace(/`/g, 'ˋ')}\` ${escapeMarkdown(a.title)}`).join('\n');
  return fitEmbed({
    color: COLORS.help,
    title: t.bot.help.title,
    description: t.bot.help.lines.join('\n'),
    fields: [{ name: t.bot.help.articles(articles.length), value: escapedFitLines(list, LIMITS.fieldValue) || t.bot.help.noArticles, inline: false }],
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
 * copy and paste, with its citation; the answer in it between ** markers (see
 * {@link plainQuote}); at most 2000 characters, the quote cut first so the
 * citation is kept.
 */
export function renderQuoteText(answer: Pick<Answer, 'text' | 'citation'> & Partial<Pick<Answer, 'kind' | 'field' | 'span' | 'highlight'>>, t: Catalogue = en): string {
  const metadata = answer.kind === 'metadata';
  const intro = metadata ? t.bot.quote.metadataIntro : t.bot.quote.intro;
  const citation = codeBlockText(citationLine(answer.citation, { plain: true, t }));
  // intro + "\n```\n" + „quote“ + "\n" + citation + "\n```"
  const room = LIMITS.content - intro.length - citation.length - 12;
  if (metadata) {
    // A byline or a date is metadata, not a quote: label and value, no quotation marks.
    const label = `${t.metadata.labels[answer.field ?? 'byline']}: `;
    const from = provenance({ citation: answer.citation, field: answer.field, span: answer.span }, t);
    const value = codeBlockText(plainFit(answer.text, Math.max(0, room - label.length - from.length - 3)));
    return `${intro}\n\`\`\`\n${label}${value}${from ? ` (${codeBlockText(from)})` : ''}\n${citation}\n\`\`\``;
  }
  const quote = codeBlockText(plainQuote(answer.text, answer.highlight, room));
  return `${intro}\n\`\`\`\n„${quote}“\n${citation}\n\`\`\``;
}

/** Private-use characters that stand for the highlight's ** markers while the quote is cut to fit. */
const OPEN = '\uE000';
const CLOSE = '\uE001';

/**
 * A quote as plain text in at most `room` code units, cut at a word, with the
 * highlight between ** markers: shown as they are in the code block, they make
 * the answer bold once the quote is pasted into a message. A highlight cut
 * short is closed before the "…"; one cut off entirely leaves no marker.
 */
export function plainQuote(text: string, highlight: TextSpan | null | undefined, room: number): string {
  const ok = highlight && highlight.start >= 0 && highlight.end <= text.length && highlight.start < highlight.end && !text.includes(OPEN) && !text.includes(CLOSE);
  if (!ok) return plainFit(text, room);
  const marked = `${text.slice(0, highlight.start)}${OPEN}${text.slice(highlight.start, highlight.end)}${CLOSE}${text.slice(highlight.end)}`;
  // Each marker becomes two characters, and a closing one may be added: three to spare.
  let out = plainFit(marked, room - 3);
  if (out.includes(OPEN) && !out.includes(CLOSE)) out = out.endsWith(ELLIPSIS) ? `${out.slice(0, -ELLIPSIS.length)}${CLOSE}${ELLIPSIS}` : `${out}${CLOSE}`;
  return neutralizeMentions(out.replace(`${OPEN}${CLOSE}`, '').replace(OPEN, '**').replace(CLOSE, '**'));
}

/** The public post of a quote: content "Quoted by <@user>" (never pinging) and the quote as an embed. */
export function renderQuotePost(
  answer: Pick<Answer, 'text' | 'citation' | 'matched'> & Partial<Pick<Answer, 'kind' | 'field' | 'span' | 'highlight' | 'context'>>,
  userId: string,
  t: Catalogue = en,
): { content: string; embeds: APIEmbed[] } {
  const mention = /^\d{1,25}$/.test(userId) ? `<@${userId}>` : t.bot.quote.someone;
  if (answer.kind === 'metadata') {
    const from = provenance({ citation: answer.citation, field: answer.field, span: answer.span }, t);
    const description = `**${t.metadata.labels[answer.field ?? 'byline']}:** ${escapedFit(answer.text, 300)}${from ? `\n*${from}*` : ''}\n${citationLine(answer.citation, { t })}`;
    return {
      content: t.bot.quote.sharedBy(mention),
      embeds: [fitEmbed({ color: COLORS.source, description, footer: { text: plainFit(articlesLabel([answer.citation], t), FOOTER_MAX) } })],
    };
  }
  // The post shows the quote with its answer in bold, not who matched what: it is a quote shared in a discussion.
  const { text } = layoutPassages([{ ...passageOf(answer, citationLine(answer.citation, { t }), t), matched: '' }], LIMITS.embedDescription);
  return {
    content: t.bot.quote.quotedBy(mention),
    embeds: [fitEmbed({ color: COLORS.answer, description: text, footer: { text: plainFit(articlesLabel([answer.citation], t), FOOTER_MAX) } })],
  };
}
