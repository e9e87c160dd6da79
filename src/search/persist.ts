/**
 * The persisted index: what {@link buildIndex} computes, written to one file
 * under a git-ignored cache directory and reused at start when nothing
 * changed, so a restart over 10,000 articles does not ingest and analyse them
 * all again.
 *
 * The file is keyed by a content hash of the corpus (every article file's
 * name and bytes, and its `.meta.yaml` sidecar), the analyzer's version
 * ({@link ANALYZER_VERSION}), ingest's version ({@link INGEST_VERSION}), the lexicon file's bytes, the mechanisms, the
 * load options, this file format's version and the corpus directory as given
 * (it is in every article's path). Any difference means a rebuild.
 *
 * Layout: a first line `beleg-index<TAB>FORMAT`, a second line of JSON
 * naming the key and each section's byte range, then the sections, each a
 * JSON text:
 * - `articles`: per article its file name, file hash, metadata, sentence
 *   spans (the text is the source file's bytes at those offsets, re-read at
 *   load; for an HTML page, the extracted article text saved with it) and the
 *   answers each sentence holds;
 * - `errors`: the files that could not be loaded, with their messages;
 * - `aliases`: the entities learned from the corpus;
 * - `df`: each index term's document frequency;
 * - `minisearch`: MiniSearch's own `toJSON()`, loaded with
 *   {@link MINISEARCH_OPTIONS};
 * - `prepared.0`, `prepared.1`, …: per article (500 a section), its analysed
 *   MiniSearch documents and what alias learning needs; read only when the
 *   corpus changes while serving, a section at a time, so an unchanged
 *   article is not analysed again.
 *
 * A cache file that is missing, stale, truncated or otherwise unreadable is
 * reported (one log line) and ignored: the caller rebuilds. Writes go to a
 * temporary file renamed into place, so a reader never sees half a file.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import MiniSearch from 'minisearch';
import { INGEST_VERSION } from '../corpus/ingest.ts';
import { ARTICLE_EXTENSIONS, type LoadOptions, SIDECAR_SUFFIX } from '../corpus/load.ts';
import type { Article, ArticleMeta, CorpusError, Role, Sentence } from '../corpus/types.ts';
import { aliasTableOf, type Entity } from './aliases.ts';
import { ANALYZER_VERSION } from './analyzer.ts';
import type { AnswerType, SentenceAnswers } from './answerTypes.ts';
import { LEXICON_PATH, type Lexicon } from './lexicon.ts';
import { ALL_MECHANISMS, type Mechanisms } from './mechanisms.ts';
import { fold } from './normalize.ts';
import { type AliasFinds, memoizedLexicon, MINISEARCH_OPTIONS, miniSearchInternals, type SentenceDoc, type SentenceIndex } from './sentenceIndex.ts';

/** Version of the file layout; bump when it changes. */
export const PERSIST_FORMAT = 3;

/** Where persisted indexes go by default: `.cache/beleg/` in the project (git-ignored). */
export const DEFAULT_CACHE_DIR = fileURLToPath(new URL('../../.cache/beleg/', import.meta.url));

/** Most index files kept in a cache directory; the least recently written are removed. */
export const MAX_CACHE_FILES = 8;

const MAGIC = 'beleg-index';

/** One article file of a corpus snapshot. */
export interface SnapshotFile {
  /** File name inside the corpus directory. */
  name: string;
  /** Hash of the file's name, bytes and sidecar (or why they could not be read). */
  hash: string;
}

/** The article files of a corpus directory, read and hashed. */
export interface CorpusSnapshot {
  dir: string;
  files: SnapshotFile[];
  /** Hash over every file's name and hash. */
  hash: string;
  /**
   * The bytes that were hashed, for {@link LoadOptions.readFile}: an article
   * or sidecar file of the snapshot, else (a file that appeared since) from disk.
   */
  readFile(path: string): Buffer;
}

const sha = (...parts: (string | Uint8Array)[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest('hex');
};

/** Largest article file read into a snapshot; larger ones are hashed by size and time (loading rejects them). */
const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * Reads and hashes the article files of `dir` (the files {@link loadCorpus}
 * would read, each with its sidecar). A directory that cannot be read gives
 * an empty snapshot.
 */
export function snapshotCorpus(dir: string, options: { maxFileBytes?: number } = {}): CorpusSnapshot {
  const steps = snapshotSteps(dir, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** {@link snapshotCorpus}, yielding to the event loop every few hundred files. */
export async function snapshotCorpusAsync(dir: string, options: { maxFileBytes?: number } = {}): Promise<CorpusSnapshot> {
  const steps = snapshotSteps(dir, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function* snapshotSteps(dir: string, options: { maxFileBytes?: number }): Generator<void, CorpusSnapshot> {
  const max = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const bytesByName = new Map<string, Buffer | NodeJS.ErrnoException>();
  const readFile = (path: string): Buffer => {
    const known = resolve(path, '..') === resolve(dir) ? bytesByName.get(basename(path)) : undefined;
    if (known === undefined) return readFileSync(path);
    if (known instanceof Error) throw known;
    return known;
  };
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (err) {
    return { dir, files: [], hash: sha('unreadable', (err as NodeJS.ErrnoException).code ?? 'error'), readFile };
  }
  const present = new Set(names);
  const read = (name: string): Buffer | NodeJS.ErrnoException => {
    try {
      const bytes = readFileSync(join(dir, name));
      bytesByName.set(name, bytes);
      return bytes;
    } catch (err) {
      bytesByName.set(name, err as NodeJS.ErrnoException);
      return err as NodeJS.ErrnoException;
    }
  };
  const files: SnapshotFile[] = [];
  for (const name of names) {
    if (!ARTICLE_EXTENSIONS.includes(extname(name)) || name.startsWith('.')) continue;
    let stat;
    try {
      stat = statSync(join(dir, name));
    } catch (err) {
      files.push({ name, hash: sha(name, '\0unreadable\0', (err as NodeJS.ErrnoException).code ?? '') });
      continue;
    }
    if (!stat.isFile()) continue;
    if (stat.size > max) {
      files.push({ name, hash: sha(name, '\0large\0', String(stat.size), String(stat.mtimeMs)) });
      continue;
    }
    const bytes = read(name);
    const sidecar = basename(name, extname(name)) + SIDECAR_SUFFIX;
    const meta = present.has(sidecar) ? read(sidecar) : null;
    const part = (b: Buffer | NodeJS.ErrnoException | null) => (b === null ? 'none' : b instanceof Error ? `unreadable ${b.code}` : b);
    files.push({ name, hash: sha(name, '\0', part(bytes), '\0', part(meta)) });
    if (files.length % 250 === 0) yield;
  }
  return { dir, files, hash: sha(files.map((f) => `${f.name}\0${f.hash}`).join('\n')), readFile };
}

const lexiconIds = new Map<string, string>();

/** The identity of a compiled lexicon file: a hash of its bytes (computed once per path). */
export function lexiconIdentity(path: string | URL = LEXICON_PATH): string {
  const key = String(path);
  let id = lexiconIds.get(key);
  if (!id) lexiconIds.set(key, (id = sha(readFileSync(path))));
  return id;
}

/** What else, besides the corpus, decides the index. */
export interface KeyOptions {
  /** Identity of the lexicon (see {@link lexiconIdentity}). */
  lexiconId: string;
  mechanisms?: Partial<Mechanisms>;
  /** The load options' largest file, if not the default. */
  maxFileBytes?: number;
}

/** The cache key of an index over a corpus snapshot. */
export function indexKey(snapshot: CorpusSnapshot, options: KeyOptions): string {
  return sha(
    JSON.stringify({
      format: PERSIST_FORMAT,
      analyzer: ANALYZER_VERSION,
      ingest: INGEST_VERSION,
      lexicon: options.lexiconId,
      mechanisms: { ...ALL_MECHANISMS, ...options.mechanisms },
      maxFileBytes: options.maxFileBytes ?? null,
      dir: snapshot.dir,
      corpus: snapshot.hash,
    }),
  );
}

/** The cache file of a corpus directory (one per directory; a changed corpus replaces it). */
export function cacheFileOf(cacheDir: string, corpusDir: string): string {
  return join(cacheDir, `${sha(resolve(corpusDir)).slice(0, 16)}.idx`);
}

const ROLES: Role[] = ['headline', 'teaser', 'body', 'caption', 'subhead'];
const ANSWER_TYPES: AnswerType[] = ['person', 'time', 'number', 'place', 'reason', 'definition', 'yesno', 'other', 'quote'];

/**
 * An article as saved: file name, file hash, metadata, sentence spans [paragraph, sentence, start, end, role]…,
 * attributions by sentence index, answers, and for an HTML page the article text extracted from it (which is in no file),
 * then, for an article added at run time, the kind `'stored'` (its text is inside its record file; absent means `'html'`).
 */
type SavedArticle = [string, string, ArticleMeta, number[], Record<string, string>, SavedAnswers[], string?, 'stored'?];
/** A sentence's answers: a bit mask of answer types, or the mask with names and defined names. */
type SavedAnswers = number | [number, string[], string[]];
/** An article's prepared data: its file hash, its documents as [terms, parts, context], what it teaches alias learning, its vocabulary. */
type SavedPrepared = [string, [string, string, string][], AliasFinds[], string];
/** Articles per prepared section. */
const PREPARED_PER_SECTION = 500;

function saveAnswers(a: SentenceAnswers): SavedAnswers {
  let mask = 0;
  for (const t of a.types) mask |= 1 << ANSWER_TYPES.indexOf(t);
  return a.names.length || a.defines.length ? [mask, a.names, a.defines] : mask;
}

function loadAnswers(saved: SavedAnswers): SentenceAnswers {
  const [mask, names, defines] = typeof saved === 'number' ? [saved, [], []] : saved;
  const types = new Set<AnswerType>();
  for (let i = 0; i < ANSWER_TYPES.length; i++) if (mask & (1 << i)) types.add(ANSWER_TYPES[i]!);
  return { types, names, defines };
}

/** What is saved with an index besides the index itself. */
export interface SaveInput {
  key: string;
  index: SentenceIndex;
  /** File hash of each article, by article id (from the snapshot it was built from). */
  fileHashes: Map<string, string>;
  errors: CorpusError[];
  /** Prepared data of every article, in index order (for rebuilding after a change without analysing again). */
  prepared?: readonly PreparedData[];
}

/** MiniSearch's index without its postings, as saved; `ids[shortId]` is the document id. */
interface SavedMiniSearchMeta {
  documentCount: number;
  nextId: number;
  fieldIds: Record<string, number>;
  averageFieldLength: number[];
  dirtCount: number;
  serializationVersion: number;
  ids: (string | null)[];
  terms: string[];
}

/** Encoded MiniSearch index (see {@link encodeMiniSearch}). */
interface EncodedMiniSearch {
  meta: string;
  fieldLength: Int32Array;
  postings: Int32Array;
}

/** A growable Int32Array. */
class IntList {
  data = new Int32Array(1 << 16);
  length = 0;
  push(x: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }
  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

/**
 * Encodes MiniSearch's index compactly: the terms and ids as JSON, field
 * lengths and postings as 32-bit integers (per term: the number of fields,
 * then per field its id, its number of documents and (document, frequency)
 * pairs). Loading then builds no intermediate object graph the size of the
 * index (see {@link decodeMiniSearch}). Reads MiniSearch's Maps directly
 * when it can, yielding every few thousand terms (so a server can save in
 * slices), else its `toJSON()`.
 */
function* encodeMiniSearch(search: MiniSearch<SentenceDoc>): Generator<void, EncodedMiniSearch> {
  const internals = miniSearchInternals(search);
  const js = internals ? undefined : search.toJSON();
  const fieldIds = internals?._fieldIds ?? js!.fieldIds;
  const nextId = internals?._nextId ?? js!.nextId;
  const nFields = Object.keys(fieldIds).length;
  const ids: (string | null)[] = new Array<string | null>(nextId).fill(null);
  const fieldLength = new Int32Array(nextId * nFields).fill(-1);
  const setLengths = (shortId: number, lengths: number[]) =>
    lengths.forEach((n, f) => {
      if (typeof n === 'number') fieldLength[shortId * nFields + f] = n;
    });
  const postings = new IntList();
  const terms: string[] = [];
  if (internals) {
    internals._documentIds.forEach((id, shortId) => (ids[shortId] = id));
    internals._fieldLength.forEach((lengths, shortId) => setLengths(shortId, lengths));
    yield;
    for (const [term, data] of internals._index as unknown as Iterable<[string, Map<number, Map<number, number>>]>) {
      terms.push(term);
      postings.push(data.size);
      data.forEach((docs, fieldId) => {
        postings.push(fieldId);
        postings.push(docs.size);
        docs.forEach((freq, doc) => {
          postings.push(doc);
          postings.push(freq);
        });
      });
      if (terms.length % 5000 === 0) yield;
    }
  } else {
    for (const [shortId, id] of Object.entries(js!.documentIds)) ids[Number(shortId)] = id as string;
    for (const [shortId, lengths] of Object.entries(js!.fieldLength)) setLengths(Number(shortId), lengths as number[]);
    for (const [term, data] of js!.index) {
      terms.push(term);
      const fields = Object.entries(data);
      postings.push(fields.length);
      for (const [fieldId, docs] of fields) {
        const entries = Object.entries(docs as Record<string, number>);
        postings.push(Number(fieldId));
        postings.push(entries.length);
        for (const [doc, freq] of entries) {
          postings.push(Number(doc));
          postings.push(freq);
        }
      }
    }
  }
  const meta: SavedMiniSearchMeta = {
    documentCount: search.documentCount,
    nextId,
    fieldIds,
    averageFieldLength: internals?._avgFieldLength ?? js!.averageFieldLength,
    dirtCount: search.dirtCount,
    serializationVersion: 2,
    ids,
    terms,
  };
  return { meta: JSON.stringify(meta), fieldLength, postings: postings.done() };
}

/** Set to false to load through MiniSearch's public `loadJS` only (tests compare both ways). */
export const LOAD_OPTIONS = { direct: true };

/**
 * Loads MiniSearch from {@link encodeMiniSearch}'s encoding, with the same
 * options it was built with. MiniSearch's public `loadJS` wants every posting
 * list as an object keyed by document number, which it then turns into a Map
 * (2.9 million postings at 250,000 sentences: about 2 s and a heap spike). So
 * the instance is created by `loadJS` with an empty index, and the postings,
 * ids and field lengths are put straight into its Maps, the same Maps
 * `loadJS` would build. Should MiniSearch's internals ever differ, the result
 * is checked and it falls back to `loadJS` with the postings handed over term
 * by term.
 */
function decodeMiniSearch(metaText: string, fieldLength: Int32Array, postings: Int32Array): MiniSearch<SentenceDoc> {
  const meta = JSON.parse(metaText) as SavedMiniSearchMeta;
  const nFields = Object.keys(meta.fieldIds).length;
  if (fieldLength.length !== meta.ids.length * nFields) throw new CacheFormatError('field lengths do not match the documents');
  const lengthsOf = (shortId: number): number[] => {
    const row: number[] = [];
    for (let f = 0; f < nFields; f++) {
      const n = fieldLength[shortId * nFields + f]!;
      if (n >= 0) row[f] = n;
    }
    return row;
  };
  const base = {
    documentCount: meta.documentCount,
    nextId: meta.nextId,
    fieldIds: meta.fieldIds,
    averageFieldLength: meta.averageFieldLength,
    storedFields: {},
    dirtCount: meta.dirtCount,
    serializationVersion: meta.serializationVersion,
  };
  const load = (js: object) => MiniSearch.loadJS(js as Parameters<typeof MiniSearch.loadJS>[0], MINISEARCH_OPTIONS);
  const checkEnd = (p: number) => {
    if (p !== postings.length) throw new CacheFormatError('postings do not match the terms');
  };

  if (LOAD_OPTIONS.direct) {
    const search = load({ ...base, documentIds: {}, fieldLength: {}, index: [] });
    const internals = miniSearchInternals(search);
    if (internals) {
      meta.ids.forEach((id, shortId) => {
        if (id === null) return;
        internals._documentIds.set(shortId, id);
        internals._idToShortId.set(id, shortId);
        internals._fieldLength.set(shortId, lengthsOf(shortId));
      });
      let p = 0;
      for (const term of meta.terms) {
        const data = new Map<number, Map<number, number>>();
        const nf = postings[p++]!;
        for (let f = 0; f < nf; f++) {
          const fieldId = postings[p++]!;
          const n = postings[p++]!;
          const docs = new Map<number, number>();
          for (let i = 0; i < n; i++, p += 2) docs.set(postings[p]!, postings[p + 1]!);
          data.set(fieldId, docs);
        }
        internals._index.set(term, data);
      }
      checkEnd(p);
      const first = meta.ids.find((id) => id !== null);
      if (search.termCount === meta.terms.length && (first === undefined || search.has(first))) return search;
    }
  }

  const documentIds: Record<number, string> = {};
  const lengths: Record<number, number[]> = {};
  meta.ids.forEach((id, shortId) => {
    if (id === null) return;
    documentIds[shortId] = id;
    lengths[shortId] = lengthsOf(shortId);
  });
  function* index(): Generator<[string, Record<string, Record<string, number>>]> {
    let p = 0;
    for (const term of meta.terms) {
      const data: Record<string, Record<string, number>> = {};
      const nf = postings[p++]!;
      for (let f = 0; f < nf; f++) {
        const fieldId = postings[p++]!;
        const n = postings[p++]!;
        const docs: Record<string, number> = {};
        for (let i = 0; i < n; i++, p += 2) docs[postings[p]!] = postings[p + 1]!;
        data[fieldId] = docs;
      }
      yield [term, data];
    }
    checkEnd(p);
  }
  // loadJS iterates `index` with for…of, so a generator keeps one term's objects alive at a time.
  return load({ ...base, documentIds, fieldLength: lengths, index: index() });
}

/** Writes an index to `file` (atomically), and removes the oldest index files beyond {@link MAX_CACHE_FILES}. */
export function saveIndex(file: string, input: SaveInput): void {
  const steps = saveSteps(file, input);
  while (!steps.next().done);
}

/**
 * {@link saveIndex} in slices: yields to the event loop between them, so a
 * server that just swapped in a rebuilt index keeps answering while it is
 * written (the longest slice is encoding one section).
 */
export async function saveIndexAsync(file: string, input: SaveInput): Promise<void> {
  const steps = saveSteps(file, input);
  while (!steps.next().done) await new Promise((resolve) => setImmediate(resolve));
}

function* saveSteps(file: string, input: SaveInput): Generator<void, void> {
  const { index } = input;
  const articles: SavedArticle[] = [];
  for (const article of index.articles.values()) {
    const spans: number[] = [];
    const attributed: Record<string, string> = {};
    article.sentences.forEach((s, i) => {
      spans.push(s.paragraph, s.sentence, s.start, s.end, ROLES.indexOf(s.role));
      if (s.attributedTo !== null) attributed[i] = s.attributedTo;
    });
    const answers = article.sentences.map((s) => saveAnswers(index.answers.get(s.id)!));
    const saved: SavedArticle = [basename(article.path), input.fileHashes.get(article.meta.id) ?? '', article.meta, spans, attributed, answers];
    if (article.sourceKind === 'html') saved.push(article.source);
    if (article.sourceKind === 'stored') saved.push(article.source, 'stored');
    articles.push(saved);
  }
  const text = (t: string) => Buffer.from(t, 'utf8');
  const binary = (a: Int32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const sections: [string, Buffer][] = [['articles', text(JSON.stringify(articles))]];
  yield;
  sections.push(
    ['errors', text(JSON.stringify(input.errors))],
    ['aliases', text(JSON.stringify(index.aliases.entities.map((e) => [[...e.names], [...e.descriptors]])))],
    ['df', text(JSON.stringify([[...index.df.keys()], [...index.df.values()]]))],
  );
  yield;
  const ms = yield* encodeMiniSearch(index.search);
  sections.push(['msMeta', text(ms.meta)], ['msFieldLength', binary(ms.fieldLength)], ['msPostings', binary(ms.postings)]);
  yield;
  if (input.prepared) {
    const ids = [...index.articles.keys()];
    for (let start = 0; start < input.prepared.length; start += PREPARED_PER_SECTION) {
      const chunk = input.prepared.slice(start, start + PREPARED_PER_SECTION).map(
        (p, i): SavedPrepared => [input.fileHashes.get(ids[start + i]!) ?? '', p.docs.map((d) => [d.terms, d.parts, d.context]), p.aliasFinds, p.vocabulary],
      );
      sections.push([`prepared.${start / PREPARED_PER_SECTION}`, text(JSON.stringify(chunk))]);
      yield;
    }
  }
  // Sections start at multiples of 4 bytes after the header, so integer sections can be read in place.
  const ranges: Record<string, [number, number, string]> = {};
  const parts: Buffer[] = [];
  let offset = 0;
  for (const [name, bytes] of sections) {
    const pad = (4 - (offset % 4)) % 4;
    if (pad) parts.push(Buffer.alloc(pad));
    offset += pad;
    ranges[name] = [offset, bytes.length, sha(bytes)];
    yield;
    parts.push(bytes);
    offset += bytes.length;
  }
  let head = `${MAGIC}\t${PERSIST_FORMAT}\n${JSON.stringify({ key: input.key, sections: ranges })}\n`;
  head += ' '.repeat((4 - (Buffer.byteLength(head) % 4)) % 4);
  mkdirSync(join(file, '..'), { recursive: true });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    writeFileSync(tmp, Buffer.concat([Buffer.from(head, 'utf8'), ...parts]));
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
  pruneCache(join(file, '..'));
}

/** Removes the least recently written index files beyond {@link MAX_CACHE_FILES}, and stale temporary files. */
function pruneCache(dir: string): void {
  try {
    const entries = readdirSync(dir)
      .filter((n) => n.endsWith('.idx') || n.endsWith('.tmp'))
      .map((n) => ({ path: join(dir, n), tmp: n.endsWith('.tmp'), mtime: statSync(join(dir, n)).mtimeMs }));
    const now = Date.now();
    for (const e of entries) if (e.tmp && now - e.mtime > 3600_000) unlinkSync(e.path);
    const files = entries.filter((e) => !e.tmp).sort((a, b) => b.mtime - a.mtime);
    for (const e of files.slice(MAX_CACHE_FILES)) unlinkSync(e.path);
  } catch {
    // Pruning is housekeeping; another process may be pruning too.
  }
}

/** Thrown for a cache file that is not a readable index file. */
export class CacheFormatError extends Error {}

interface Header {
  key: string;
  /** Each section's offset (after the header), length and SHA-256, which is checked when the section is read. */
  sections: Record<string, [number, number, string]>;
  /** Byte offset of the first section in the file. */
  bodyStart: number;
}

/** Reads the header of an index file from its first bytes. */
function readHeader(bytes: Buffer): Header {
  const first = bytes.indexOf(10);
  const second = first < 0 ? -1 : bytes.indexOf(10, first + 1);
  if (first < 0 || second < 0) throw new CacheFormatError('no header');
  const magic = bytes.toString('utf8', 0, first);
  // An index file of another format version is stale, not damaged: it matches no key, and is replaced.
  if (magic.startsWith(`${MAGIC}\t`) && magic !== `${MAGIC}\t${PERSIST_FORMAT}`) return { key: '', sections: {}, bodyStart: 0 };
  if (magic !== `${MAGIC}\t${PERSIST_FORMAT}`) throw new CacheFormatError(`not a format ${PERSIST_FORMAT} index file`);
  const header = JSON.parse(bytes.toString('utf8', first + 1, second)) as Omit<Header, 'bodyStart'>;
  if (typeof header?.key !== 'string' || typeof header.sections !== 'object' || header.sections === null) throw new CacheFormatError('bad header');
  // The header is padded with spaces to a multiple of 4 bytes.
  let bodyStart = second + 1;
  while (bodyStart % 4 !== 0 && bytes[bodyStart] === 32) bodyStart++;
  return { ...header, bodyStart };
}

/** The key stored in an index file, or null when the file is missing or unreadable. Reads only the header. */
export function storedKey(file: string): string | null {
  try {
    const fd = openSync(file, 'r');
    try {
      return headerOf(fd).key;
    } finally {
      closeSync(fd);
    }
  } catch {
    return null;
  }
}

/** A loaded index with what else was saved. */
export interface LoadedIndex {
  index: SentenceIndex;
  errors: CorpusError[];
  /** File hash of each article, by article id. */
  fileHashes: Map<string, string>;
}

/** What {@link loadIndex} needs besides the file. */
export interface LoadInput {
  key: string;
  snapshot: CorpusSnapshot;
  lexicon: Lexicon;
  mechanisms?: Partial<Mechanisms>;
}

/**
 * Loads an index from `file` when it was saved under `key`; returns null when
 * there is no such file or it was saved under another key, and throws
 * {@link CacheFormatError} (or a JSON/MiniSearch error) when it is corrupt.
 */
export function loadIndex(file: string, input: LoadInput): LoadedIndex | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  try {
    return loadFrom(fd, input);
  } finally {
    closeSync(fd);
  }
}

/** Reads `length` bytes at `position` of an open file, or throws when the file is shorter. */
function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, done, length - done, position + done);
    if (n === 0) throw new CacheFormatError('truncated');
    done += n;
  }
  return buf;
}

/** Reads a section of an open index file and checks its hash. */
function sectionOf(fd: number, header: Header, name: string): Buffer {
  const range = header.sections[name];
  if (!Array.isArray(range) || range.length !== 3) throw new CacheFormatError(`no ${name} section`);
  const bytes = readAt(fd, header.bodyStart + range[0], range[1]);
  if (sha(bytes) !== range[2]) throw new CacheFormatError(`the ${name} section is damaged (checksum mismatch)`);
  return bytes;
}

/** Reads the header of an open index file. */
function headerOf(fd: number): Header {
  const size = fstatSync(fd).size;
  let length = Math.min(size, 4096);
  for (;;) {
    const bytes = readAt(fd, 0, length);
    try {
      return readHeader(bytes);
    } catch (err) {
      if (!(err instanceof CacheFormatError && err.message === 'no header') || length >= size) throw err;
      length = Math.min(size, length * 4);
    }
  }
}

function loadFrom(fd: number, input: LoadInput): LoadedIndex | null {
  const header = headerOf(fd);
  if (header.key !== input.key) return null;
  const raw = (name: string): Buffer => sectionOf(fd, header, name);
  const json = <T>(name: string): T => JSON.parse(raw(name).toString('utf8')) as T;
  const ints = (name: string): Int32Array => {
    const bytes = raw(name);
    if (bytes.length % 4 !== 0) throw new CacheFormatError(`${name}: not 32-bit integers`);
    // A fresh allocation of at least 4 KB has its own aligned ArrayBuffer; copy otherwise.
    const aligned = bytes.byteOffset % 4 === 0 ? bytes : Buffer.from(bytes);
    return new Int32Array(aligned.buffer, aligned.byteOffset, aligned.length / 4);
  };

  const byName = new Map(input.snapshot.files.map((f) => [f.name, f]));
  const decoder = new TextDecoder('utf-8');
  const articles = new Map<string, Article>();
  const sentences = new Map<string, Sentence>();
  const answers = new Map<string, SentenceAnswers>();
  const fileHashes = new Map<string, string>();
  const intern = answerInterner();
  for (const [name, hash, meta, spans, attributed, savedAnswers, extracted, stored] of json<SavedArticle[]>('articles')) {
    const file = byName.get(name);
    if (!file || file.hash !== hash) throw new CacheFormatError(`${name} does not match the snapshot`);
    // As loadArticleFile decodes it (a byte order mark is dropped); an HTML page's article text as it was extracted.
    const source = extracted ?? decoder.decode(input.snapshot.readFile(join(input.snapshot.dir, name)));
    const list: Sentence[] = [];
    for (let i = 0, k = 0; k < spans.length; i++, k += 5) {
      const paragraph = spans[k]!;
      const sentence = spans[k + 1]!;
      const start = spans[k + 2]!;
      const end = spans[k + 3]!;
      const s: Sentence = {
        id: `${meta.id}:${paragraph}.${sentence}`,
        articleId: meta.id,
        text: source.slice(start, end),
        start,
        end,
        paragraph,
        sentence,
        role: ROLES[spans[k + 4]!]!,
        attributedTo: attributed[i] ?? null,
      };
      list.push(s);
      sentences.set(s.id, s);
      answers.set(s.id, intern(loadAnswers(savedAnswers[i]!)));
    }
    articles.set(meta.id, { meta, path: join(input.snapshot.dir, name), source, sentences: list, ...(extracted !== undefined ? { sourceKind: stored ?? ('html' as const) } : {}) });
    fileHashes.set(meta.id, hash);
  }
  const errors = json<CorpusError[]>('errors');
  const entities = json<[string[], string[]][]>('aliases').map(([names, descriptors]): Entity => ({ names: new Set(names), descriptors: new Set(descriptors) }));
  const [terms, counts] = json<[string[], number[]]>('df');
  const df = new Map<string, number>();
  terms.forEach((t, i) => df.set(t, counts[i]!));
  const search = decodeMiniSearch(raw('msMeta').toString('utf8'), ints('msFieldLength'), ints('msPostings'));
  if (search.documentCount !== sentences.size) throw new CacheFormatError(`the index holds ${search.documentCount} sentences, the articles ${sentences.size}`);
  return {
    index: { search, sentences, articles, answers, aliases: aliasTableOf(entities), df, lexicon: memoizedLexicon(input.lexicon), mechanisms: { ...ALL_MECHANISMS, ...input.mechanisms } },
    errors,
    fileHashes,
  };
}

/**
 * Shares the answer-type sets of sentences that hold the same kinds of answer,
 * and one empty list for sentences without names: a quarter of a million
 * sentences need a few hundred sets, not a quarter of a million. (Nothing
 * changes a sentence's answers once they are computed.)
 */
export function answerInterner(): (a: SentenceAnswers) => SentenceAnswers {
  const sets = new Map<string, Set<AnswerType>>();
  const none: string[] = [];
  return (a) => {
    const key = [...a.types].sort().join(' ');
    let types = sets.get(key);
    if (!types) sets.set(key, (types = a.types));
    return { types, names: a.names.length ? a.names : none, defines: a.defines.length ? a.defines : none };
  };
}

/** What {@link prepareArticle} found in an article that an index rebuild needs again: its documents (without ids), alias finds, vocabulary. */
export interface PreparedData {
  docs: readonly Pick<SentenceDoc, 'terms' | 'parts' | 'context'>[];
  aliasFinds: AliasFinds[];
  vocabulary: string;
}

/** Prepared data of the articles in a saved index, by article file hash. */
export type PreparedByHash = Map<string, PreparedData>;

/**
 * Reads the prepared data of every article of an index file saved under `key`
 * (see {@link SaveInput.prepared}), by file hash, a section at a time,
 * yielding to the event loop in between; empty when the file is missing,
 * saved under another key, or has none. Never rejects.
 */
export async function loadPrepared(file: string, key: string): Promise<PreparedByHash> {
  const out: PreparedByHash = new Map();
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const header = headerOf(fd);
    if (header.key !== key) return out;
    for (let n = 0; header.sections[`prepared.${n}`]; n++) {
      const chunk = JSON.parse(sectionOf(fd, header, `prepared.${n}`).toString('utf8')) as SavedPrepared[];
      for (const [hash, docs, aliasFinds, vocabulary] of chunk) {
        out.set(hash, { docs: docs.map(([terms, parts, context]) => ({ terms, parts, context })), aliasFinds, vocabulary });
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
  } catch {
    // An unreadable cache only means re-analysing the articles.
    out.clear();
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  return out;
}
