/**
 * From what was fetched to an article: the bytes decoded to text (by the
 * charset the response declares, else as the corpus reads a file of that
 * kind), then ingested as the corpus ingests a page or a text file. What
 * cannot become an article is said as a {@link DocumentProblem}.
 */
import { extname } from 'node:path';
import { ingestHtml } from '../corpus/html.ts';
import { IngestError, type IngestReport, ingestReport } from '../corpus/ingest.ts';
import { decodeHtml, decodeText } from '../corpus/load.ts';
import { MetadataError } from '../corpus/metadata.ts';
import type { DocumentKind } from '../fetch/fetcher.ts';

/** Why a document cannot become an article. */
export type DocumentProblem =
  /** No article in it: a login wall, a cookie notice, a list of links. */
  | { code: 'no-article' }
  /** Not readable as text or as a page: empty, binary, an unknown encoding, markup too deep or large, bad front matter. */
  | { code: 'unreadable'; why: 'empty' | 'binary' | 'encoding' | 'markup' | 'metadata'; detail: string };

/** A document that cannot become an article. */
export class DocumentError extends Error {
  constructor(readonly problem: DocumentProblem) {
    super(problem.code === 'no-article' ? 'no article found' : problem.detail);
  }
}

/** What a file name says a document is: `.html`/`.htm`, `.md`/`.markdown`, `.txt`; null for anything else. */
export function kindOfFileName(name: string): DocumentKind | null {
  const ext = extname(name).toLowerCase();
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  if (ext === '.txt') return 'text';
  return null;
}

/** The file name extensions {@link kindOfFileName} knows, for messages. */
export const FILE_EXTENSIONS = ['.html', '.htm', '.txt', '.md'];

/** The problem an ingest or decoding error stands for. */
function problemOf(err: Error): DocumentProblem {
  const m = err.message;
  if (err instanceof MetadataError) return { code: 'unreadable', why: 'metadata', detail: m };
  if (/no article (?:text )?found/.test(m)) return { code: 'no-article' };
  if (/is empty/.test(m)) return { code: 'unreadable', why: 'empty', detail: m };
  if (/binary/.test(m)) return { code: 'unreadable', why: 'binary', detail: m };
  if (/UTF|encoding/.test(m)) return { code: 'unreadable', why: 'encoding', detail: m };
  return { code: 'unreadable', why: 'markup', detail: m };
}

/**
 * Decodes fetched bytes: in the charset the response declared when it names
 * one this runtime knows; otherwise an HTML page as the corpus reads one (its
 * byte order mark, its `<meta charset>`, UTF-8, else windows-1252) and text
 * as UTF-8, else windows-1252 (HTTP's default for text without a charset).
 */
export function decodeDocument(bytes: Buffer, kind: DocumentKind, charset: string | null, where: string): string {
  try {
    if (bytes.length === 0) throw new IngestError(`${where}: the file is empty`);
    let decoder: InstanceType<typeof TextDecoder> | null = null;
    if (charset) {
      try {
        decoder = new TextDecoder(charset);
      } catch {
        decoder = null;
      }
    }
    if (decoder) {
      if (bytes.includes(0) && !decoder.encoding.startsWith('utf-16')) throw new IngestError(`${where}: this is a binary file, not article text`);
      return decoder.decode(bytes);
    }
    if (kind === 'html') return decodeHtml(bytes, where);
    try {
      return decodeText(bytes, where);
    } catch (err) {
      if (!/not valid UTF-8/.test((err as Error).message)) throw err;
      return new TextDecoder('windows-1252').decode(bytes);
    }
  } catch (err) {
    if (err instanceof IngestError) throw new DocumentError(problemOf(err));
    throw err;
  }
}

/** Options of {@link ingestDocument}. */
export interface IngestDocumentOptions {
  /** The article's id. */
  id: string;
  /** Where the article is kept (its record file), for citations and messages. */
  path: string;
  /** The address it came from, if any (an HTML page's canonical URL, when it has one, wins). */
  url?: string;
}

/**
 * Makes an article of a decoded document: an HTML page through Readability
 * (as `corpus/*.html`), text and Markdown as `corpus/*.txt` and `*.md`. Throws
 * {@link DocumentError} when it holds no article or cannot be read.
 */
export function ingestDocument(content: string, kind: DocumentKind, options: IngestDocumentOptions): IngestReport {
  try {
    const meta = { id: options.id, ...(options.url ? { url: options.url } : {}) };
    if (kind === 'html') return ingestHtml(content, { id: options.id, path: options.path, url: options.url, meta: { id: options.id } });
    const report = ingestReport(content, { id: options.id, path: options.path, meta });
    return { ...report, article: { ...report.article, sourceKind: 'stored' } };
  } catch (err) {
    if (err instanceof IngestError || err instanceof MetadataError) throw new DocumentError(problemOf(err));
    throw err;
  }
}
