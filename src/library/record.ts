/**
 * The record of an article added at run time (`/article add`, the console's
 * `/add`): one JSON file per article, `DATA_DIR/guilds/SERVER_ID/articles/ID.json`
 * (or `DATA_DIR/console/articles/ID.json`), holding the page or file as it
 * was fetched (decoded to text) and where it came from:
 *
 * ```json
 * {"format": 1, "id": "town-votes-to-remove-dam", "scope": "123456789012345678",
 *  "source": {"kind": "url", "url": "https://…", "finalUrl": "https://…"},
 *  "addedBy": "234567890123456789", "addedAt": "2024-05-01T12:00:00.000Z",
 *  "type": "html", "content": "<!doctype html>…"}
 * ```
 *
 * - `source`: the URL asked for and the one the page came from after
 *   redirects, or for a file its name (`{"kind": "file", "name": "page.html"}`;
 *   a Discord attachment's address is not kept: it is signed and expires).
 * - `addedBy`: the Discord user id of the member who added it (null in the
 *   console). It is the one thing that identifies a person in DATA_DIR: the
 *   article's provenance, shown by `/article list`, deleted with the article.
 *
 * The article is ingested again from `content` at load (the persisted index
 * makes that rare), so an ingest improvement reaches added articles too.
 */
import { createHash } from 'node:crypto';
import { readFile, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ARTICLE_ID } from '../corpus/metadata.ts';
import type { DocumentKind } from '../fetch/fetcher.ts';
import { syncDirectory, writeAtomically } from '../storage/atomic.ts';

/** Version of the record format. */
export const RECORD_FORMAT = 1;

/** Where an added article came from. */
export type RecordSource = { kind: 'url'; url: string; finalUrl: string } | { kind: 'file'; name: string };

/** An added article's record (see the module). */
export interface ArticleRecord {
  format: typeof RECORD_FORMAT;
  id: string;
  /** The scope it was added in: a Discord server id, or `console`. */
  scope: string;
  source: RecordSource;
  /** Discord user id of whoever added it; null in the console. */
  addedBy: string | null;
  /** When it was added (ISO 8601, UTC). */
  addedAt: string;
  type: DocumentKind;
  /** The page or file as fetched, decoded to text. */
  content: string;
}

/** A record read from its file. */
export interface RecordFile {
  record: ArticleRecord;
  path: string;
  /** File name (`ID.json`). */
  name: string;
  /** SHA-256 of the file's bytes. */
  hash: string;
}

/** The scope of the console's own articles. */
export const CONSOLE_SCOPE = 'console';
const SNOWFLAKE = /^\d{15,21}$/;

/** Whether a scope id can name a folder: a Discord server id or `console`. */
export function isScope(scope: string): boolean {
  return scope === CONSOLE_SCOPE || SNOWFLAKE.test(scope);
}

/** The folder of a scope's records. */
export function scopeDir(dataDir: string, scope: string): string {
  if (!isScope(scope)) throw new Error(`not a scope: ${JSON.stringify(scope)}`);
  return scope === CONSOLE_SCOPE ? join(dataDir, 'console', 'articles') : join(dataDir, 'guilds', scope, 'articles');
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** Thrown for a record file that is not a valid record; the message names the file. */
export class RecordError extends Error {}

const isText = (v: unknown): v is string => typeof v === 'string';

/** Checks the shape of a parsed record. */
function validRecord(v: unknown, path: string): ArticleRecord {
  const r = v as Partial<ArticleRecord> | null;
  const bad = (what: string) => new RecordError(`${path}: not an article record (${what})`);
  if (!r || typeof r !== 'object') throw bad('not a JSON object');
  if (r.format !== RECORD_FORMAT) throw bad(`format ${JSON.stringify(r.format)}, expected ${RECORD_FORMAT}`);
  if (!isText(r.id) || !ARTICLE_ID.test(r.id)) throw bad('bad id');
  if (basename(path) !== `${r.id}.json`) throw bad(`its id "${r.id}" is not its file name`);
  if (!isText(r.scope) || !isScope(r.scope)) throw bad('bad scope');
  const s = r.source as Partial<RecordSource> | undefined;
  const okSource = s && ((s.kind === 'url' && isText(s.url) && isText(s.finalUrl)) || (s.kind === 'file' && isText(s.name)));
  if (!okSource) throw bad('bad source');
  if (!(r.addedBy === null || (isText(r.addedBy) && SNOWFLAKE.test(r.addedBy)))) throw bad('bad addedBy');
  if (!isText(r.addedAt) || Number.isNaN(Date.parse(r.addedAt))) throw bad('bad addedAt');
  if (r.type !== 'html' && r.type !== 'text' && r.type !== 'markdown') throw bad('bad type');
  if (!isText(r.content)) throw bad('no content');
  return r as ArticleRecord;
}

/** Reads a record file; throws {@link RecordError} (naming it) when it is not one, or the file system's error. */
export async function readRecord(path: string): Promise<RecordFile> {
  const bytes = await readFile(path);
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    throw new RecordError(`${path}: not an article record (not JSON: ${(err as Error).message})`);
  }
  return { record: validRecord(parsed, path), path, name: basename(path), hash: sha256(bytes) };
}

/** Writes a record atomically (a crash leaves no half file) and returns it as read back. */
export async function writeRecord(dir: string, record: ArticleRecord): Promise<RecordFile> {
  const path = join(dir, `${record.id}.json`);
  const text = `${JSON.stringify(record, null, 1)}\n`;
  await writeAtomically(path, text);
  return { record, path, name: basename(path), hash: sha256(Buffer.from(text, 'utf8')) };
}

/** Deletes a record file (and makes the deletion durable). */
export async function deleteRecord(file: RecordFile): Promise<void> {
  await unlink(file.path);
  await syncDirectory(join(file.path, '..'));
}
