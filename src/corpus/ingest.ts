/**
 * Ingest: article text → metadata and role-tagged sentences with stable ids
 * and offsets into that text.
 *
 * A page is read line by line. Each line is first judged on its own
 * (chrome.ts: prompts, credits, date rows, bylines, menu words …), then by
 * its place on the page (layout.ts: the headline and its kicker, navigation
 * above it, the article's end, repeats, link lists, alt texts, lines amid
 * chrome). Bylines become metadata. Every remaining line is a block with a
 * role: headline, teaser, caption, subhead or body. What was dropped is kept
 * with the reason, for `npm run ingest`.
 *
 * The text of an HTML page (html.ts) comes with its structure: the headline
 * is its first line and every block's role is known from the markup, so only
 * the line rules and the rules on repeats and chrome neighbours apply.
 */
import { attribute } from './attribution.ts';
import { bylineOf, datelineAgencyOf, isAgencyCredit, isPersonName, LIST_MARKER, lineChromeWhy, TRAILING_AUTHOR, trailingCreditAt } from './chrome.ts';
import { detectLanguage } from './language.ts';
import { bylineInRow, findHeadline, type HeadlineFind, isProse, type LayoutInput, markAboveHeadline, markArticleEnd, markByNeighbours, type PageLine, PROSE_END, wordCount } from './layout.ts';
import { ARTICLE_ID, type MetadataInput, parseMetadata, splitFrontMatter } from './metadata.ts';
import { splitSentences } from './segment.ts';
import type { Article, Role, Sentence } from './types.ts';

/**
 * Version of what ingest makes of a text (chrome rules, headline, roles,
 * sentence splitting). Part of the persisted index's key: bump it whenever
 * the same file would ingest differently, so no stale index is loaded.
 */
export const INGEST_VERSION = 42;

/** The structure of a text whose markup is known (an HTML page's article text, see html.ts). */
export interface TextStructure {
  /** True when the text's first line is the headline. */
  headlineFirst: boolean;
  /** The kicker, from the markup; null when none. */
  kicker: string | null;
  /** The role of each block, by the offset of the line it starts. */
  roles: ReadonlyMap<number, Role>;
  /** The offsets of the lines that are list items (`<li>`). */
  listItems: ReadonlySet<number>;
  /** The offsets of the lines quoted from someone (`<blockquote>`). Default: none. */
  quotations?: ReadonlySet<number>;
}

/** Options of {@link ingestArticle}. */
export interface IngestOptions {
  /** Article id used when the metadata has none. */
  id: string;
  /** Path of the source file, for citations and error messages. */
  path: string;
  /** Metadata from a sidecar file; it overrides front matter. Default: none. */
  meta?: MetadataInput;
  /** The structure from the page's markup (HTML). Default: none, inferred from the text's layout. */
  structure?: TextStructure;
}

/** A line, or the part of a line, that ingest left out, and why. */
export interface DroppedText {
  start: number;
  end: number;
  text: string;
  why: string;
}

/** An ingested article with what was left out of it, as `npm run ingest` shows. */
export interface IngestReport {
  article: Article;
  dropped: DroppedText[];
}

interface Block {
  start: number;
  end: number;
  text: string;
  role: Role | null;
  /** Index of the line it came from. */
  line: number;
}

/** Lines of `source` from `from` on, trimmed, with offsets; blank lines are left out. */
function linesOf(source: string, from: number): PageLine[] {
  const out: PageLine[] = [];
  const re = /[^\r\n]+/g;
  re.lastIndex = from;
  let lastEnd = from;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (!text) continue;
    const gapBefore = out.length === 0 || /\n[ \t\r]*\n/.test(source.slice(lastEnd, m.index + 1));
    out.push({ start: m.index + lead, end: m.index + lead + text.length, text, gapBefore });
    lastEnd = m.index + raw.length;
  }
  return out;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * The headline named by the metadata, inside the first lines (scrapers often
 * glue the kicker to it), or null when it is not there.
 */
function metadataHeadline(lines: readonly PageLine[], headline: string): HeadlineFind | null {
  const wanted = collapse(headline);
  for (let i = 0; i < Math.min(lines.length, 5); i++) {
    const line = lines[i]!;
    const at = line.text.indexOf(wanted);
    if (at >= 0) return { index: i, start: line.start + at, end: line.start + at + wanted.length, kicker: null, kickerIndex: null, variantIndexes: [] };
  }
  return null;
}

/** Thrown when a file has no article text at all. */
export class IngestError extends Error {}

/** Control characters no text file has more than a stray few of (tab, line breaks and form feed excepted). */
const CONTROL_CHARS = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

/** More than this share of control characters means the file is binary data that happens to decode as UTF-8. */
export const MAX_CONTROL_SHARE = 0.01;

/** Longest caption, in words: a longer paragraph above a credit line is text beside a graphic, not its caption. */
const MAX_CAPTION_WORDS = 30;

/** A photo's credit (not a chart's "Daten: …/Grafik: …"): the line above it is the photo's caption. */
const PHOTO_CREDIT = /^(?:Fotos?|Bild|Bilder|Photos?|Photograph|Image|Picture|Credit|©|\(c\)|Copyright)\b/i;

/** Reasons after which the paragraph above was the article's lead (teaser): the head's furniture under it. */
const HEAD_FURNITURE = /byline|date|credit|video|alt text|kicker/;

/** Most words of a block that is a note on the author after the article. */
const MAX_BIO_WORDS = 40;

/** The people a byline names, as full names of two words or more ("By Jane Doe and Tom Roe" → Jane Doe, Tom Roe); no agency or initials. */
function authorNames(byline: string): string[] {
  return byline
    .replace(/^(?:by|von)\s+/i, '')
    .split(/\s*(?:,|\bund\b|\band\b|&)\s*/u)
    .map((n) => n.trim())
    .filter((n) => isPersonName(n));
}

/** Ingests one article's text. Throws {@link IngestError} or MetadataError on unusable input. */
export function ingestArticle(source: string, options: IngestOptions): Article {
  return ingestReport(source, options).article;
}

/** {@link ingestArticle}, with the text it left out and why. */
export function ingestReport(source: string, options: IngestOptions): IngestReport {
  const controls = source.match(CONTROL_CHARS)?.length ?? 0;
  if (controls > 0 && controls > MAX_CONTROL_SHARE * source.length) {
    throw new IngestError(`${options.path}: this is a binary file (${controls} control characters), not article text`);
  }
  const { yaml, bodyStart } = splitFrontMatter(source, options.path);
  const meta: MetadataInput = { ...(yaml !== null ? parseMetadata(yaml, options.path, 2) : {}), ...options.meta };
  if (meta.id === undefined && !ARTICLE_ID.test(options.id)) {
    // The file name is the id: it must be one an id may be, as a metadata id must.
    throw new IngestError(
      `${options.path}: the file name "${options.id}" cannot be an article id (letters, digits, "-", "_" and ".", at most 64); rename the file or set "id" in its metadata`,
    );
  }
  const structure = options.structure;
  const lines = linesOf(source, bodyStart);
  const why = lines.map((l) => lineChromeWhy(l.text));

  // The headline: named by the metadata, known from the markup, or found at the top of the page.
  let top: HeadlineFind | null = meta.headline ? metadataHeadline(lines, meta.headline) : null;
  if (!top && structure?.headlineFirst && lines[0]) {
    top = { index: 0, start: lines[0].start, end: lines[0].end, kicker: structure.kicker, kickerIndex: null, variantIndexes: [] };
  }
  if (!top && !structure) top = findHeadline(lines, why);
  const headlineIndex = top?.index ?? -1;
  if (top) {
    why[top.index] = null;
    for (const v of top.variantIndexes) why[v] = 'variant of the headline';
    if (top.kickerIndex !== null) why[top.kickerIndex] = 'kicker (metadata)';
  }
  const lastLine = lines[lines.length - 1];
  const cutLine = lastLine && lines.length > 1 && !/\n/.test(source.slice(lastLine.end)) && /[\p{L},]$/u.test(lastLine.text) ? lines.length - 1 : -1;
  const listItem = (i: number) => (structure ? structure.listItems.has(lines[i]!.start) : LIST_MARKER.test(lines[i]!.text));
  const layout: LayoutInput = { lines, why, headline: headlineIndex, headlineText: top ? source.slice(top.start, top.end) : null, cutLine, listItem };
  if (!structure) markAboveHeadline(layout);
  const end = markArticleEnd(layout);
  for (let i = end; i < lines.length; i++) why[i] ??= 'after the article (link lists and page footer)';
  markByNeighbours(layout, end, { pageLayout: !structure });

  // Blocks, in the page's order; bylines become metadata.
  const dropped: DroppedText[] = [];
  const drop = (start: number, stop: number, reason: string) => dropped.push({ start, end: stop, text: source.slice(start, stop).trim(), why: reason });
  const blocks: Block[] = [];
  let byline: string | null = meta.byline ?? null;
  let headlineBlock: Block | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const reason = why[i] ?? null;
    const last = blocks[blocks.length - 1];
    if (reason !== null) {
      if (i <= end) byline ??= bylineOf(line.text) ?? bylineInRow(line.text) ?? (reason === 'byline (metadata)' ? line.text : null);
      // The line right above a photo credit is that photo's caption.
      if (reason === 'credit' && PHOTO_CREDIT.test(line.text) && last && last.line === i - 1 && last.role === null && wordCount(last.text) <= MAX_CAPTION_WORDS) {
        last.role = 'caption';
      }
      drop(line.start, line.end, reason);
      continue;
    }
    if (i === headlineIndex && top) {
      if (top.start > line.start) drop(line.start, top.start, 'kicker (metadata)');
      headlineBlock = { start: top.start, end: top.end, text: source.slice(top.start, top.end), role: 'headline', line: i };
      blocks.push(headlineBlock);
      continue;
    }
    let start = line.start;
    let stop = line.end;
    let role: Role | null = structure?.roles.get(line.start) ?? null;
    const marker = LIST_MARKER.exec(line.text);
    if (marker && !structure) start += marker[0].length;
    const credit = trailingCreditAt(source.slice(start, stop));
    if (credit > 0) {
      drop(start + credit, stop, 'credit');
      stop = start + source.slice(start, start + credit).trimEnd().length;
      role = 'caption';
    }
    const author = TRAILING_AUTHOR.exec(source.slice(start, stop));
    if (author) {
      byline ??= author[1]!;
      drop(start + author.index + author[0].length - author[0].trimStart().length, stop, 'byline (metadata)');
      stop = start + author.index;
    }
    const text = source.slice(start, stop);
    if (structure?.kicker && blocks.length <= 2 && collapse(text) === collapse(structure.kicker)) {
      drop(start, stop, 'kicker (metadata)');
      continue;
    }
    if (last && collapse(text) === collapse(last.text)) {
      // Pages print a caption twice (over the image and in the gallery); keep it once.
      if (last.role === null) last.role = 'caption';
      drop(start, stop, last.role === 'headline' ? 'repeats the headline' : 'printed twice');
      continue;
    }
    byline ??= blocks.length <= 3 ? datelineAgencyOf(text) : null;
    blocks.push({ start, end: stop, text, role: role ?? (marker && !structure ? 'body' : null), line: i });
  }
  if (blocks.length === 0) throw new IngestError(`${options.path}: no article text found (the file is empty or only page chrome)`);

  // A note on the author after the article ("Steven Mufson covers the White House. Since joining …"): from the last
  // two blocks, the one that opens with an author's full name, and what follows it, when short, is about the writer.
  const authors = byline ? authorNames(byline) : [];
  for (let k = Math.max(1, blocks.length - 2); k < blocks.length && authors.length; k++) {
    const tail = blocks.slice(k);
    if (!authors.some((name) => blocks[k]!.text.startsWith(`${name} `)) || tail.some((b) => b === headlineBlock || wordCount(b.text) > MAX_BIO_WORDS)) continue;
    for (const b of tail) drop(b.start, b.end, 'note on the author');
    blocks.length = k;
    break;
  }

  // Roles of the rest: the lead paragraph over the head's furniture (an image, a byline, a date) is the teaser;
  // short unpunctuated lines are subheads.
  const h = headlineBlock ? blocks.indexOf(headlineBlock) : -1;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.role !== null) continue;
    const prose = PROSE_END.test(b.text);
    const furniture = HEAD_FURNITURE.test(why[b.line + 1] ?? '') || blocks[i + 1]?.role === 'caption';
    const afterQuote = i > 0 && /^[»«„“"].*[«»“”"]$/u.test(blocks[i - 1]!.text);
    const belowAgencyCredit = b.line > 0 && !lines[b.line]!.gapBefore && why[b.line - 1] === 'credit' && isAgencyCredit(lines[b.line - 1]!.text);
    // A question standing alone as a short paragraph over text is a subhead ("What does it mean for mortgages?").
    const question = /\?["»«“”']*$/.test(b.text) && !/[.!?]\s/.test(b.text) && wordCount(b.text) <= 12 && i + 1 < blocks.length;
    if (h >= 0 && i === h + 1 && prose && furniture) b.role = 'teaser';
    else if (i < h && isProse(b.text)) b.role = 'body';
    else if (b.line === cutLine || afterQuote) b.role = 'body';
    else if (belowAgencyCredit && wordCount(b.text) <= MAX_CAPTION_WORDS) b.role = 'caption';
    else if ((!prose && wordCount(b.text) <= 12) || question) b.role = 'subhead';
    else b.role = 'body';
  }
  // The headline is the first block, whatever the scraper put above it.
  if (h > 0) blocks.unshift(...blocks.splice(h, 1));

  const body = blocks.map((b) => b.text).join('\n');
  const detected = detectLanguage(body);
  const language = meta.language ?? (detected === 'en' ? 'en' : 'de');
  const id = meta.id ?? options.id;

  const sentences: Omit<Sentence, 'attributedTo'>[] = [];
  blocks.forEach((block, bi) => {
    splitSentences(block.text, language).forEach((span, si) => {
      const start = block.start + span.start;
      const stop = block.start + span.end;
      sentences.push({
        id: `${id}:${bi + 1}.${si + 1}`,
        articleId: id,
        text: source.slice(start, stop),
        start,
        end: stop,
        paragraph: bi + 1,
        sentence: si + 1,
        role: block.role ?? 'body',
      });
    });
  });
  const credits = attribute(sentences, { language });
  // A block quotation states what its source wrote: the source the paragraph before it credits, when it names none.
  const quoted = (s: Omit<Sentence, 'attributedTo'>) => structure?.quotations?.has(lines[blocks[s.paragraph - 1]!.line]!.start) ?? false;
  sentences.forEach((s, i) => {
    if (credits[i] || !quoted(s)) return;
    let j = i - 1;
    while (j >= 0 && quoted(sentences[j]!)) j--;
    // j is the last sentence of the paragraph that introduces the quotation: its last credited sentence names the source.
    for (let k = j; k >= 0 && sentences[k]!.paragraph === sentences[j]!.paragraph; k--) {
      if (credits[k]) {
        credits[i] = credits[k]!;
        break;
      }
    }
  });
  const firstSentence = sentences.find((s) => s.role !== 'caption')?.text ?? sentences[0]?.text ?? id;

  return {
    article: {
      meta: {
        id,
        title: meta.headline ?? (headlineBlock ? headlineBlock.text : firstSentence),
        kicker: meta.kicker ?? top?.kicker ?? null,
        publisher: meta.publisher ?? null,
        byline,
        language,
        url: meta.url ?? null,
        date: meta.date ?? null,
      },
      path: options.path,
      source,
      sentences: sentences.map((s, i) => ({ ...s, attributedTo: credits[i] ?? null })),
    },
    dropped: dropped.sort((a, b) => a.start - b.start),
  };
}
