/**
 * Loads every article of a corpus directory. A file that cannot be used is
 * reported by name in `errors` and the others still load.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { ingestHtml } from './html.ts';
import { IngestError, type IngestReport, ingestReport } from './ingest.ts';
import { MetadataError, type MetadataInput, parseMetadata } from './metadata.ts';
import type { Article, Corpus, CorpusError } from './types.ts';

/** Options of {@link loadCorpus}. */
export interface LoadOptions {
  /** Largest article file accepted, in bytes. Default: 5 MiB (a long article is ~50 KiB). */
  maxFileBytes?: number;
  /**
   * Reads a file's bytes, throwing as `readFileSync` does (ENOENT for a
   * missing sidecar). Default: from disk. A corpus snapshot passes the bytes
   * it hashed, so that what loads is what was hashed.
   */
  readFile?: (path: string) => Buffer;
  /** An article loaded before from this very file (same bytes), used instead of ingesting the file again. */
  reuse?: (path: string) => Article | undefined;
}

/** File extensions read as articles: text (scraped or written) and web pages. */
export const ARTICLE_EXTENSIONS = ['.txt', '.md', '.html', '.htm'];
/** File extensions read as HTML pages (through Readability, see html.ts). */
export const HTML_EXTENSIONS = ['.html', '.htm'];
/** Suffix of sidecar metadata files: `NAME.meta.yaml` describes `NAME.txt`. */
export const SIDECAR_SUFFIX = '.meta.yaml';

const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Largest sidecar metadata file accepted, in bytes (or the article limit, if smaller): metadata is a few lines. */
export const MAX_SIDECAR_BYTES = 64 * 1024;

/** Decodes bytes as UTF-8, or explains why the file is not article text. */
export function decodeText(bytes: Buffer, path: string): string {
  if (bytes.length === 0) throw new IngestError(`${path}: the file is empty`);
  // UTF-16 (what some editors save as "Unicode") is full of NUL bytes: name it before calling it binary.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new IngestError(`${path}: the file is UTF-16 text; save it as UTF-8`);
  }
  if (bytes.includes(0)) throw new IngestError(`${path}: this is a binary file, not article text`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new IngestError(`${path}: the file is not valid UTF-8 text; save it as UTF-8`);
  }
}

/**
 * The character encoding an HTML page declares in its first 1024 bytes
 * (`<meta charset="…">` or `<meta http-equiv="Content-Type" content="…;
 * charset=…">`), as the HTML standard's prescan finds it; null when none.
 */
function declaredCharset(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 1024).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  return m ? m[1]!.toLowerCase() : null;
}

/**
 * Decodes an HTML page: by its byte order mark, else by the charset it
 * declares (many older German pages are ISO-8859-1 or windows-1252), else as
 * UTF-8, falling back to windows-1252 (what browsers assume for Western pages
 * that do not say) when the bytes are not UTF-8.
 */
export function decodeHtml(bytes: Buffer, path: string): string {
  if (bytes.length === 0) throw new IngestError(`${path}: the file is empty`);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (bytes.includes(0)) throw new IngestError(`${path}: this is a binary file, not a web page`);
  let label = declaredCharset(bytes);
  if (label !== null) {
    try {
      const decoder = new TextDecoder(label);
      label = decoder.encoding;
    } catch {
      throw new IngestError(`${path}: the page declares the character encoding "${label}", which is not known; save it as UTF-8`);
    }
  }
  if (label === null || label === 'utf-8') {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      if (label === 'utf-8') throw new IngestError(`${path}: the page says it is UTF-8 but is not valid UTF-8; save it again as UTF-8`);
      return new TextDecoder('windows-1252').decode(bytes);
    }
  }
  return new TextDecoder(label).decode(bytes);
}

/** Sizes as people read them: "52.4 MiB", "64 KiB". */
function formatSize(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MiB` : `${Math.ceil(n / 1024)} KiB`;
}

/** Loads one article file with its optional sidecar metadata. */
export function loadArticleFile(path: string, options: LoadOptions = {}): Article {
  return loadArticleReport(path, options).article;
}

/** {@link loadArticleFile}, with the text ingest left out of the article and why (for `npm run ingest`). */
export function loadArticleReport(path: string, options: LoadOptions = {}): IngestReport {
  const max = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const read = options.readFile ?? ((p: string) => readFileSync(p));
  const tooLarge = (n: number) => new IngestError(`${path}: the file is ${formatSize(n)}, over the ${formatSize(max)} limit for one article`);
  const size = statSync(path).size;
  if (size > max) throw tooLarge(size);
  const bytes = read(path);
  if (bytes.length > max) throw tooLarge(bytes.length);
  const ext = extname(path);
  const html = HTML_EXTENSIONS.includes(ext);
  const source = html ? decodeHtml(bytes, path) : decodeText(bytes, path);
  const stem = basename(path, ext);
  const sidecarPath = join(path, '..', stem + SIDECAR_SUFFIX);
  let meta: MetadataInput | undefined;
  let sidecar: Buffer | undefined;
  try {
    // Checked by size before it is read: a sidecar holds a few lines of metadata.
    const n = statSync(sidecarPath).size;
    const limit = Math.min(max, MAX_SIDECAR_BYTES);
    if (n > limit) throw new MetadataError(`${sidecarPath}: the metadata file is ${formatSize(n)}, over the ${formatSize(limit)} limit`);
    sidecar = read(sidecarPath);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  if (sidecar) meta = parseMetadata(decodeText(sidecar, sidecarPath), sidecarPath);
  return html ? ingestHtml(source, { id: stem, path, meta }) : ingestReport(source, { id: stem, path, meta });
}

/** Loads every article file in `dir` (not recursive), in file-name order. */
export function loadCorpus(dir: string, options: LoadOptions = {}): Corpus {
  const articles: Article[] = [];
  const errors: CorpusError[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (err) {
    return { articles, errors: [{ path: dir, message: `${dir}: cannot read the corpus directory (${(err as Error).message})` }] };
  }
  const byId = new Map<string, string>();
  for (const name of names) {
    if (!ARTICLE_EXTENSIONS.includes(extname(name)) || name.startsWith('.')) continue;
    const path = join(dir, name);
    try {
      if (!statSync(path).isFile()) continue;
      const article = options.reuse?.(path) ?? loadArticleFile(path, options);
      const clash = byId.get(article.meta.id);
      if (clash) {
        errors.push({ path, message: `${path}: article id "${article.meta.id}" is already used by ${clash}; give one of them another id` });
        continue;
      }
      byId.set(article.meta.id, path);
      articles.push(article);
    } catch (err) {
      const known = err instanceof IngestError || err instanceof MetadataError;
      errors.push({ path, message: known ? (err as Error).message : `${path}: ${(err as Error).message}` });
    }
  }
  return { articles, errors };
}
