/**
 * Ingest: raw scraped article text → metadata and role-tagged sentences with
 * stable ids and offsets into the source text.
 *
 * A scraped page is read line by line. Page chrome (see chrome.ts) is dropped,
 * a byline is taken as metadata, and everything after the article's end (a
 * trailing byline or a "read more" heading) is treated as page footer. Each
 * remaining line is a block with a role: headline, teaser, caption, subhead or
 * body.
 */
import { attribute } from './attribution.ts';
import { bylineOf, isChromeLine, isCreditLine, isFooterMarker } from './chrome.ts';
import { detectLanguage } from './language.ts';
import { ARTICLE_ID, type MetadataInput, parseMetadata, splitFrontMatter } from './metadata.ts';
import { splitSentences } from './segment.ts';
import type { Article, Role, Sentence } from './types.ts';

/** Options of {@link ingestArticle}. */
export interface IngestOptions {
  /** Article id used when the metadata has none. */
  id: string;
  /** Path of the source file, for citations and error messages. */
  path: string;
  /** Metadata from a sidecar file; it overrides front matter. Default: none. */
  meta?: MetadataInput;
}

interface Line {
  start: number;
  end: number;
  text: string;
}

interface Block extends Line {
  role: Role | null;
}

/** Lines of `source` from `from` on, trimmed, with offsets; blank lines are left out. */
function linesOf(source: string, from: number): Line[] {
  const out: Line[] = [];
  const re = /[^\r\n]+/g;
  re.lastIndex = from;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text) out.push({ start: m.index + lead, end: m.index + lead + text.length, text });
  }
  return out;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Ends like a sentence: a full stop, question or exclamation mark, maybe inside closing quotes. */
const PROSE_END = /[.!?…:][»«“”"')\]]*$/;

/**
 * Finds the headline at the top of the page. With a known headline, its span
 * inside the first lines is used (scrapers often glue the kicker to it);
 * otherwise the first line is the headline.
 */
function findHeadline(lines: Line[], meta: MetadataInput): { headline: Line; index: number } | null {
  if (meta.headline) {
    const wanted = collapse(meta.headline);
    for (let i = 0; i < Math.min(lines.length, 5); i++) {
      const line = lines[i]!;
      const at = line.text.indexOf(wanted);
      if (at >= 0) {
        return { headline: { start: line.start + at, end: line.start + at + wanted.length, text: wanted }, index: i };
      }
    }
  }
  const first = lines.findIndex((l) => !isChromeLine(l.text) && !isCreditLine(l.text) && !bylineOf(l.text));
  return first >= 0 ? { headline: lines[first]!, index: first } : null;
}

/** Thrown when a file has no article text at all. */
export class IngestError extends Error {}

/** Control characters no text file has more than a stray few of (tab, line breaks and form feed excepted). */
const CONTROL_CHARS = /[\u0000-\u0008\u000e-\u001f\u007f]/g;

/** More than this share of control characters means the file is binary data that happens to decode as UTF-8. */
export const MAX_CONTROL_SHARE = 0.01;

/** Ingests one article file's text. Throws {@link IngestError} or MetadataError on unusable input. */
export function ingestArticle(source: string, options: IngestOptions): Article {
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
  const lines = linesOf(source, bodyStart);
  const top = findHeadline(lines, meta);
  if (!top) throw new IngestError(`${options.path}: no article text found (the file is empty or only page chrome)`);

  const blocks: Block[] = [{ ...top.headline, role: 'headline' }];
  let byline: string | null = meta.byline ?? null;
  let previous: Line | null = null;
  for (const line of lines.slice(top.index + 1)) {
    if (isFooterMarker(line.text)) break;
    const by = bylineOf(line.text);
    if (by) {
      byline ??= by;
      // A byline below the text closes the article; what follows is page footer.
      if (blocks.length > 2) break;
      continue;
    }
    const last = blocks[blocks.length - 1]!;
    if (isCreditLine(line.text)) {
      // The line right above a photo credit is that photo's caption.
      if (previous === last && last.role === null) last.role = 'caption';
      previous = line;
      continue;
    }
    if (isChromeLine(line.text)) {
      previous = line;
      continue;
    }
    if (collapse(line.text) === collapse(last.text)) {
      // Pages print a caption twice (over the image and in the gallery); keep it once.
      if (last.role === null) last.role = 'caption';
      previous = last;
      continue;
    }
    const block: Block = { ...line, role: null };
    blocks.push(block);
    previous = block;
  }

  // Roles of the rest: the lead paragraph set off by an image is the teaser; short unpunctuated lines are subheads.
  for (let i = 1; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.role !== null) continue;
    const prose = PROSE_END.test(b.text);
    if (i === 1 && prose && blocks[2]?.role === 'caption') b.role = 'teaser';
    else if (!prose && b.text.split(/\s+/).length <= 12) b.role = 'subhead';
    else b.role = 'body';
  }

  const body = blocks.map((b) => b.text).join('\n');
  const detected = detectLanguage(body);
  const language = meta.language ?? (detected === 'en' ? 'en' : 'de');
  const id = meta.id ?? options.id;

  const sentences: Omit<Sentence, 'attributedTo'>[] = [];
  blocks.forEach((block, bi) => {
    splitSentences(block.text, language).forEach((span, si) => {
      const start = block.start + span.start;
      const end = block.start + span.end;
      sentences.push({
        id: `${id}:${bi + 1}.${si + 1}`,
        articleId: id,
        text: source.slice(start, end),
        start,
        end,
        paragraph: bi + 1,
        sentence: si + 1,
        role: block.role ?? 'body',
      });
    });
  });
  const credits = attribute(sentences, { language });

  return {
    meta: {
      id,
      title: meta.headline ?? top.headline.text,
      kicker: meta.kicker ?? null,
      publisher: meta.publisher ?? null,
      byline,
      language,
      url: meta.url ?? null,
      date: meta.date ?? null,
    },
    path: options.path,
    source,
    sentences: sentences.map((s, i) => ({ ...s, attributedTo: credits[i] ?? null })),
  };
}
