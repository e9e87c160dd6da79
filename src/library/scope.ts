/**
 * A scope's index: the corpus's articles and the articles added in one scope
 * (a Discord server, or the console), indexed together, so that everything
 * the engine computes over the corpus (document frequencies, aliases, which
 * words the articles mention at all) is computed over what that scope can
 * see and nothing else: another server's articles cannot change an answer,
 * a refusal or a suggestion here.
 *
 * It is persisted like the corpus's index (src/search/persist.ts), one file
 * per scope beside its records (`DATA_DIR/guilds/ID/articles.idx`), keyed by the corpus's index key and
 * every record file's hash, and loaded at start when nothing changed. When
 * it is rebuilt (an article added or removed, the corpus changed), unchanged
 * articles are neither ingested nor analysed again: the corpus's come from
 * its own index, a scope's own from the scope's previous index.
 */
import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Article, CorpusError } from '../corpus/types.ts';
import { type Engine, engineFromIndex } from '../engine/engine.ts';
import type { Lexicon } from '../search/lexicon.ts';
import { type CorpusSnapshot, loadIndex, loadPrepared, type PreparedByHash, saveIndexAsync } from '../search/persist.ts';
import { indexPreparedAsync, memoizedLexicon, type PreparedArticle, prepareArticle, type SentenceIndex } from '../search/sentenceIndex.ts';
import type { BaseView } from './base.ts';
import { DocumentError, ingestDocument } from './document.ts';
import type { RecordFile } from './record.ts';

/** Version of how a scope's index is made; part of its key. */
export const SCOPE_FORMAT = 1;

/** A scope's index and what it was built from. */
export interface ScopeState {
  key: string;
  index: SentenceIndex;
  engine: Engine;
  /** The record of each of the scope's own articles that loaded, by article id, oldest first. */
  records: Map<string, RecordFile>;
  /** Record files that could not be loaded, each with why (the file stays; the operator may look). */
  errors: CorpusError[];
  /** True when the index was loaded from its persisted file. */
  fromCache: boolean;
  /** The articles' prepared data while no persisted file holds it. */
  prepared?: PreparedByHash;
}

/** What building a scope's index needs besides the articles. */
export interface ScopeBuildOptions {
  /** The folder of the scope's records (record paths are in it). */
  dir: string;
  lexicon: Lexicon;
  /** The scope's persisted index file, or null for none. */
  cacheFile: string | null;
  /** Where problems go (a record that does not load, a failed write). */
  log: (line: string) => void;
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** The persisted index file of a scope: beside the folder of its records (`…/articles.idx`), so it goes where they go. */
export function scopeIndexFile(dir: string): string {
  return join(dir, '..', 'articles.idx');
}

/** Removes a scope's persisted index (when it has no articles of its own left). */
export async function removeScopeIndex(file: string): Promise<void> {
  await rm(file, { force: true });
}

function keyOf(base: BaseView, files: readonly RecordFile[]): string {
  return sha(JSON.stringify({ format: SCOPE_FORMAT, base: base.key, records: files.map((f) => [f.name, f.hash]).sort() }));
}

/** Records in the order a scope lists them: oldest first. */
export function byAddedAt(files: readonly RecordFile[]): RecordFile[] {
  return [...files].sort((a, b) => a.record.addedAt.localeCompare(b.record.addedAt) || a.name.localeCompare(b.name));
}

/**
 * Loads a scope's persisted index when it was saved for exactly this corpus
 * index and these record files; null otherwise (or when it cannot be read,
 * which is logged).
 */
export function loadScope(base: BaseView, files: readonly RecordFile[], options: ScopeBuildOptions): ScopeState | null {
  if (!options.cacheFile) return null;
  const key = keyOf(base, files);
  const byName = new Map(base.articles.map((a) => [basename(a.path), a]));
  // The corpus's articles are read back from the corpus's own (already loaded) text, the scope's from the index file.
  const snapshot: CorpusSnapshot = {
    dir: options.dir,
    files: [...base.articles.map((a) => ({ name: basename(a.path), hash: base.hashOf(a) })), ...files.map((f) => ({ name: f.name, hash: f.hash }))],
    hash: key,
    readFile: (path) => {
      const a = byName.get(basename(path));
      if (!a) throw new Error(`${basename(path)} is no corpus article of this scope`);
      return Buffer.from(a.source, 'utf8');
    },
  };
  let loaded;
  try {
    loaded = loadIndex(options.cacheFile, { key, snapshot, lexicon: options.lexicon });
  } catch (err) {
    options.log(`beleg: ignoring the index cache ${options.cacheFile}: ${(err as Error).message}; rebuilding it`);
    return null;
  }
  if (!loaded) return null;
  const { index } = loaded;
  // Share the corpus's article and sentence objects rather than hold a copy per scope.
  for (const a of base.articles) {
    if (!index.articles.has(a.meta.id)) return null;
    index.articles.set(a.meta.id, a);
    for (const s of a.sentences) index.sentences.set(s.id, s);
  }
  const records = new Map<string, RecordFile>();
  for (const f of byAddedAt(files)) if (index.articles.get(f.record.id)?.path === f.path) records.set(f.record.id, f);
  return { key, index, engine: engineFromIndex(index), records, errors: loaded.errors, fromCache: true };
}

/** An article made from a record just now, to be used instead of ingesting the record again. */
export type FreshArticles = ReadonlyMap<string, Article>;

const yieldToEventLoop = () => new Promise<void>((r) => setImmediate(r));

/**
 * Builds a scope's index over the corpus's articles and the scope's records
 * (oldest first), reusing what `previous` holds for unchanged records and
 * `fresh` for records just made, and persists it. A record that does not
 * become an article, or whose id a corpus article already has, is reported in
 * `errors` and left out.
 */
export async function buildScope(base: BaseView, files: readonly RecordFile[], previous: ScopeState | null, options: ScopeBuildOptions, fresh: FreshArticles = new Map()): Promise<ScopeState> {
  const key = keyOf(base, files);
  const baseIds = new Map(base.articles.map((a) => [a.meta.id, a]));
  const errors: CorpusError[] = [];
  const records = new Map<string, RecordFile>();
  const own: Article[] = [];
  for (const f of byAddedAt(files)) {
    const id = f.record.id;
    const clash = baseIds.get(id);
    if (clash) {
      errors.push({ path: f.path, message: `${f.path}: article id "${id}" is also the id of ${clash.path}; the corpus article is kept` });
      continue;
    }
    const old = previous?.records.get(id);
    let article = fresh.get(id) ?? (old && old.hash === f.hash ? previous!.index.articles.get(id) : undefined);
    if (!article) {
      try {
        const r = f.record;
        article = ingestDocument(r.content, r.type, { id, path: f.path, url: r.source.kind === 'url' ? r.source.finalUrl : undefined }).article;
      } catch (err) {
        if (!(err instanceof DocumentError)) throw err;
        errors.push({ path: f.path, message: `${f.path}: ${err.message}` });
        continue;
      }
      await yieldToEventLoop();
    }
    records.set(id, f);
    own.push(article);
  }

  const lexicon = options.lexicon;
  const prepared: PreparedArticle[] = await base.prepared(lexicon);
  await yieldToEventLoop();
  const store: PreparedByHash = previous ? (previous.prepared ?? (options.cacheFile ? await loadPrepared(options.cacheFile, previous.key) : new Map())) : new Map();
  const analysis = { lexicon: memoizedLexicon(lexicon) };
  for (const article of own) {
    const f = records.get(article.meta.id)!;
    const unchanged = previous?.records.get(article.meta.id)?.hash === f.hash && previous.index.articles.get(article.meta.id) === article;
    const data = unchanged ? store.get(f.hash) : undefined;
    if (data && data.docs.length === article.sentences.length) {
      prepared.push({
        article,
        docs: data.docs.map((d, i) => ({ id: article.sentences[i]!.id, terms: d.terms, parts: d.parts, context: d.context })),
        answers: article.sentences.map((s) => previous!.index.answers.get(s.id)!),
        aliasFinds: data.aliasFinds,
        vocabulary: data.vocabulary,
      });
    } else {
      prepared.push(prepareArticle(article, analysis));
      await yieldToEventLoop();
    }
  }
  const index = await indexPreparedAsync(prepared, { lexicon });
  const fileHashes = new Map<string, string>([...base.articles.map((a): [string, string] => [a.meta.id, base.hashOf(a)]), ...[...records.values()].map((f): [string, string] => [f.record.id, f.hash])]);
  const state: ScopeState = { key, index, engine: engineFromIndex(index), records, errors, fromCache: false };
  let saved = false;
  if (options.cacheFile) {
    try {
      await saveIndexAsync(options.cacheFile, { key, index, fileHashes, errors, prepared });
      saved = true;
    } catch (err) {
      options.log(`beleg: could not write the index cache ${options.cacheFile} (${(err as Error).message}); the next start will rebuild it`);
    }
  }
  if (!saved) state.prepared = new Map(prepared.map((p) => [fileHashes.get(p.article.meta.id) ?? '', { docs: p.docs, aliasFinds: p.aliasFinds, vocabulary: p.vocabulary }]));
  return state;
}
