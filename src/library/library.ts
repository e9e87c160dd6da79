/**
 * The articles people add at run time, per scope: a Discord server (its id)
 * or the local console (`console`). An article added in a scope is visible
 * there only; the `corpus/` articles are visible in every scope.
 *
 * - {@link ArticleLibrary.engineFor} gives a scope's engine: the corpus's
 *   engine for a scope with no articles of its own, else an engine over the
 *   scope's own index (see scope.ts), which holds the corpus's articles and
 *   the scope's and nothing else.
 * - {@link ArticleLibrary.add} fetches a page or file (src/fetch, safely),
 *   makes an article of it as the corpus would, refuses duplicates and a full
 *   scope, keeps it as a record file under `DATA_DIR` (record.ts, written
 *   atomically), and swaps in the scope's rebuilt index before it resolves:
 *   the article answers at once. A refusal changes nothing.
 * - {@link ArticleLibrary.remove} deletes a scope's own article (never a
 *   corpus article) and its file.
 * - {@link ArticleLibrary.open} loads every scope's records at start, each
 *   scope's index from its persisted file when nothing changed. When the
 *   corpus's engine is a {@link LiveEngine}, every scope is rebuilt after the
 *   corpus changes.
 *
 * Changes to one scope run one at a time; scopes do not wait for each other.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Article, ArticleMeta, Sentence } from '../corpus/types.ts';
import type { Engine } from '../engine/engine.ts';
import { LiveEngine } from '../engine/live.ts';
import { DEFAULT_MAX_BYTES, type DocumentKind, FetchError, type FetchOptions, type FetchProblem, parseUserUrl, safeFetch } from '../fetch/fetcher.ts';
import { type Lexicon, loadLexicon } from '../search/lexicon.ts';
import { DEFAULT_CACHE_DIR } from '../search/persist.ts';
import { baseViewOf } from './base.ts';
import { sameText, sentenceSet, urlKey } from './duplicates.ts';
import { DocumentError, type DocumentProblem, decodeDocument, ingestDocument, kindOfFileName } from './document.ts';
import { newArticleId, urlSlugSource } from './ids.ts';
import { type ArticleRecord, deleteRecord, isScope, readRecord, RECORD_FORMAT, type RecordFile, RecordError, type RecordSource, scopeDir, writeRecord } from './record.ts';
import { buildScope, type FreshArticles, loadScope, removeScopeIndex, type ScopeState, scopeIndexFile } from './scope.ts';

/** Articles one scope may add when not configured (`MAX_ARTICLES_PER_GUILD`). */
export const DEFAULT_MAX_ARTICLES = 100;

/** Options of {@link ArticleLibrary.open}. */
export interface LibraryOptions {
  /** `DATA_DIR`: records go to `guilds/ID/articles/` and `console/articles/` under it. */
  dataDir: string;
  /** The corpus's engine; its articles are in every scope. */
  base: Engine;
  /**
   * Where the corpus's engine keeps its persisted index (to take its articles'
   * analysis from there instead of analysing them again); false: it keeps none.
   * Default: `.cache/beleg/`, as for `openEngine`.
   */
  baseCacheDir?: string | false;
  /** Persist each scope's index beside its records (`…/articles.idx`) and load it at start. Default: true. */
  persist?: boolean;
  /** Most articles one scope may add; 0 turns adding off. Default: {@link DEFAULT_MAX_ARTICLES} (100). */
  maxArticlesPerScope?: number;
  /** How pages are fetched: allowed hosts, deadline, size cap (see src/fetch/fetcher.ts for the defaults). */
  fetch?: Omit<FetchOptions, 'allowGenericType'>;
  /** Where problems and rebuilds are reported. Default: stderr. */
  log?: (line: string) => void;
  /** Clock, for `addedAt`. Default: the system's. */
  now?: () => Date;
  /** The lexicon. Default: the committed one, loaded once. */
  lexicon?: Lexicon;
}

/** What to add: a link, a Discord attachment (fetched from its address), or a file on this machine (the console). */
export type AddInput = { kind: 'url'; url: string } | { kind: 'attachment'; name: string; url: string; size?: number | null } | { kind: 'file'; path: string };

/** Why an article was not added, as data (front ends say it in their reader's language). */
export type AddRefusal =
  | FetchProblem
  | DocumentProblem
  /** A file whose name says it is no page, text or Markdown. */
  | { code: 'file-type'; name: string }
  /** A file on this machine that cannot be read (the console). */
  | { code: 'no-file'; name: string }
  /** The same URL or the same text is already an article of the scope. */
  | { code: 'duplicate'; id: string; by: 'url' | 'text' }
  /** The scope has added as many articles as it may. */
  | { code: 'limit'; max: number };

/** An article just added. */
export interface AddedArticle {
  meta: ArticleMeta;
  sentences: number;
  /** Lines (or parts of lines) of page chrome ingest dropped. */
  dropped: number;
  type: DocumentKind;
  source: RecordSource;
}

export type AddOutcome = { ok: true; added: AddedArticle } | { ok: false; refusal: AddRefusal };

/** Why an article was not removed: it is a corpus article, or the scope has none by that id. */
export type RemoveRefusal = { code: 'corpus'; id: string } | { code: 'unknown'; id: string };
export type RemoveOutcome = { ok: true; meta: ArticleMeta } | { ok: false; refusal: RemoveRefusal };

/** An article a scope can ask about, with where it comes from. */
export type LibraryEntry =
  | { origin: 'corpus'; meta: ArticleMeta }
  | { origin: 'added'; meta: ArticleMeta; source: RecordSource; addedBy: string | null; addedAt: string };

interface Slot {
  scope: string;
  dir: string;
  cacheFile: string | null;
  /** The scope's index; null while it has no article of its own (the corpus's engine serves it). */
  state: ScopeState | null;
  /** Every record file of the scope (also those that did not load). */
  files: RecordFile[];
  queue: Promise<unknown>;
  engine: Engine;
}

const stderrLog = (line: string) => console.error(line);

/** An engine that asks whichever engine `get` names now (so a swapped index serves the next call). */
function delegating(get: () => Engine): Engine {
  return {
    ask: (question, options) => get().ask(question, options),
    articles: () => get().articles(),
    article: (id) => get().article(id),
    sentence: (id) => get().sentence(id),
    cite: (s: Sentence) => get().cite(s),
    summarize: (options) => get().summarize(options),
    sources: (id) => get().sources(id),
  };
}

/** An ingested article under its final id and path (sentence ids carry the article id). */
function withId(article: Article, id: string, path: string): Article {
  return {
    ...article,
    path,
    meta: { ...article.meta, id },
    sentences: article.sentences.map((s) => ({ ...s, id: `${id}:${s.paragraph}.${s.sentence}`, articleId: id })),
  };
}

export class ArticleLibrary {
  readonly #base: Engine;
  readonly #dataDir: string;
  readonly #cacheDir: string | false;
  readonly #persist: boolean;
  readonly #max: number;
  readonly #fetch: Omit<FetchOptions, 'allowGenericType'>;
  readonly #log: (line: string) => void;
  readonly #now: () => Date;
  readonly #lexicon: Lexicon;
  readonly #slots = new Map<string, Slot>();
  #unsubscribe: (() => void) | null = null;

  private constructor(options: LibraryOptions) {
    this.#base = options.base;
    this.#dataDir = options.dataDir;
    this.#cacheDir = options.baseCacheDir === undefined ? DEFAULT_CACHE_DIR : options.baseCacheDir;
    this.#persist = options.persist ?? true;
    this.#max = options.maxArticlesPerScope ?? DEFAULT_MAX_ARTICLES;
    this.#fetch = options.fetch ?? {};
    this.#log = options.log ?? stderrLog;
    this.#now = options.now ?? (() => new Date());
    this.#lexicon = options.lexicon ?? loadLexicon();
  }

  /** Loads every scope's articles under `dataDir` (see the module) and resolves to the library. */
  static async open(options: LibraryOptions): Promise<ArticleLibrary> {
    const library = new ArticleLibrary(options);
    await library.#loadAll();
    if (options.base instanceof LiveEngine) {
      library.#unsubscribe = options.base.onSwap(() => {
        for (const slot of library.#slots.values()) {
          if (slot.files.length) void library.#run(slot, () => library.#rebuild(slot, slot.files)).catch((err: unknown) => library.#log(`beleg: rebuilding the articles of ${slot.scope} failed: ${(err as Error).message}`));
        }
      });
    }
    return library;
  }

  /** Most articles one scope may add. */
  get maxArticlesPerScope(): number {
    return this.#max;
  }

  /** The engine of a scope (null: no scope, e.g. a DM: the corpus only). */
  engineFor(scope: string | null): Engine {
    if (scope === null || !isScope(scope)) return this.#base;
    return this.#slot(scope).engine;
  }

  /** The articles a scope can ask about: the corpus's, then its own, oldest first. */
  entries(scope: string | null): LibraryEntry[] {
    const slot = scope !== null && isScope(scope) ? this.#slots.get(scope) : undefined;
    return this.engineFor(scope)
      .articles()
      .map((meta): LibraryEntry => {
        const f = slot?.state?.records.get(meta.id);
        return f ? { origin: 'added', meta, source: f.record.source, addedBy: f.record.addedBy, addedAt: f.record.addedAt } : { origin: 'corpus', meta };
      });
  }

  /** The scope's own articles (those `remove` can remove). */
  ownArticles(scope: string): ArticleMeta[] {
    return this.entries(scope)
      .filter((e) => e.origin === 'added')
      .map((e) => e.meta);
  }

  /**
   * Adds an article to a scope (see the module). Resolves to what was added,
   * or to why not; rejects only on a failure of this machine (a full disk).
   * `addedBy` is the Discord user id of whoever added it (null in the console).
   */
  async add(scope: string, input: AddInput, addedBy: string | null): Promise<AddOutcome> {
    if (!isScope(scope)) throw new Error(`not a scope: ${JSON.stringify(scope)}`);
    const slot = this.#slot(scope);
    const refuse = (refusal: AddRefusal): AddOutcome => ({ ok: false, refusal });
    if (this.#ownCount(slot) >= this.#max) return refuse({ code: 'limit', max: this.#max });
    const maxBytes = this.#fetch.maxBytes ?? DEFAULT_MAX_BYTES;
    let content: string;
    let kind: DocumentKind;
    let source: RecordSource;
    try {
      if (input.kind === 'url') {
        const url = parseUserUrl(input.url);
        const known = this.#duplicateUrl(slot, [url.href]);
        if (known) return refuse({ code: 'duplicate', id: known, by: 'url' });
        const fetched = await safeFetch(url, this.#fetch);
        kind = fetched.kind!;
        content = decodeDocument(fetched.bytes, kind, fetched.charset, url.href);
        source = { kind: 'url', url: fetched.url, finalUrl: fetched.finalUrl };
      } else {
        const name = input.kind === 'file' ? basename(input.path) : input.name;
        const byName = kindOfFileName(name);
        if (!byName) return refuse({ code: 'file-type', name });
        kind = byName;
        let bytes: Buffer;
        let charset: string | null = null;
        if (input.kind === 'attachment') {
          if (input.size && input.size > maxBytes) return refuse({ code: 'too-large', maxBytes });
          // What the file is, its name says: the CDN may serve it as text/plain or octet-stream.
          const fetched = await safeFetch(input.url, { ...this.#fetch, allowGenericType: true });
          bytes = fetched.bytes;
          charset = fetched.charset;
        } else {
          try {
            const size = (await stat(input.path)).size;
            if (size > maxBytes) return refuse({ code: 'too-large', maxBytes });
            bytes = await readFile(input.path);
          } catch {
            return refuse({ code: 'no-file', name: input.path });
          }
        }
        content = decodeDocument(bytes, kind, charset, name);
        source = { kind: 'file', name };
      }
    } catch (err) {
      if (err instanceof FetchError || err instanceof DocumentError) return refuse(err.problem);
      throw err;
    }

    // Made an article of before taking the scope's turn: ingest is the slow part, and needs no lock.
    const provisional = 'new-article';
    let made: ReturnType<typeof ingestDocument>;
    try {
      made = ingestDocument(content, kind, { id: provisional, path: join(slot.dir, `${provisional}.json`), url: source.kind === 'url' ? source.finalUrl : undefined });
    } catch (err) {
      if (err instanceof DocumentError) return refuse(err.problem);
      throw err;
    }
    const ingested = made.article;

    return this.#run(slot, async (): Promise<AddOutcome> => {
      if (this.#ownCount(slot) >= this.#max) return refuse({ code: 'limit', max: this.#max });
      const urls = source.kind === 'url' ? [source.url, source.finalUrl, ingested.meta.url] : [ingested.meta.url];
      const sameUrl = this.#duplicateUrl(slot, urls);
      if (sameUrl) return refuse({ code: 'duplicate', id: sameUrl, by: 'url' });
      const engine = this.engineFor(scope);
      const sentences = sentenceSet(ingested);
      const twin = engine.articles().find((m) => {
        const a = engine.article(m.id);
        return a !== undefined && sameText(sentences, a);
      });
      if (twin) return refuse({ code: 'duplicate', id: twin.id, by: 'text' });
      const stem = source.kind === 'url' ? urlSlugSource(source.finalUrl) : basename(source.name, extname(source.name));
      const taken = (id: string) => engine.article(id) !== undefined || this.#base.article(id) !== undefined || slot.files.some((f) => f.record.id === id) || existsSync(join(slot.dir, `${id}.json`));
      const id = newArticleId([ingested.meta.title, stem], taken);
      const article = withId(ingested, id, join(slot.dir, `${id}.json`));
      const record: ArticleRecord = { format: RECORD_FORMAT, id, scope, source, addedBy, addedAt: this.#now().toISOString(), type: kind, content };
      const file = await writeRecord(slot.dir, record);
      try {
        await this.#rebuild(slot, [...slot.files, file], new Map([[id, article]]));
      } catch (err) {
        await deleteRecord(file).catch(() => undefined);
        throw err;
      }
      this.#log(`beleg: added article ${id} to ${scope} (${article.sentences.length} sentences)`);
      return { ok: true, added: { meta: article.meta, sentences: article.sentences.length, dropped: made.dropped.length, type: kind, source } };
    });
  }

  /** Removes one of a scope's own articles and deletes its file; corpus articles cannot be removed. */
  async remove(scope: string, id: string): Promise<RemoveOutcome> {
    if (!isScope(scope)) throw new Error(`not a scope: ${JSON.stringify(scope)}`);
    const slot = this.#slot(scope);
    return this.#run(slot, async (): Promise<RemoveOutcome> => {
      const file = slot.files.find((f) => f.record.id === id);
      if (!file) return { ok: false, refusal: this.#base.article(id) ? { code: 'corpus', id } : { code: 'unknown', id } };
      const meta = slot.state?.index.articles.get(id)?.meta ?? { id, title: id, kicker: null, publisher: null, byline: null, language: '', url: null, date: null };
      await deleteRecord(file);
      await this.#rebuild(slot, slot.files.filter((f) => f !== file));
      this.#log(`beleg: removed article ${id} from ${scope}`);
      return { ok: true, meta };
    });
  }

  /** Stops following the corpus's reloads and waits for every scope's pending work. */
  async close(): Promise<void> {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    await Promise.all([...this.#slots.values()].map((s) => s.queue));
  }

  #ownCount(slot: Slot): number {
    return slot.state?.records.size ?? 0;
  }

  /** The id of an article of the scope with one of these URLs (asked for, redirected to, canonical), if any. */
  #duplicateUrl(slot: Slot, urls: readonly (string | null | undefined)[]): string | null {
    const wanted = new Set(urls.map(urlKey).filter((k): k is string => k !== null));
    if (wanted.size === 0) return null;
    for (const f of slot.files) {
      const s = f.record.source;
      const loaded = slot.state?.index.articles.get(f.record.id);
      if (!loaded) continue;
      const keys = s.kind === 'url' ? [s.url, s.finalUrl, loaded.meta.url] : [loaded.meta.url];
      if (keys.some((k) => wanted.has(urlKey(k) ?? ''))) return f.record.id;
    }
    for (const meta of this.#base.articles()) if (wanted.has(urlKey(meta.url) ?? '')) return meta.id;
    return null;
  }

  #slot(scope: string): Slot {
    let slot = this.#slots.get(scope);
    if (!slot) {
      const dir = scopeDir(this.#dataDir, scope);
      const created: Slot = {
        scope,
        dir,
        cacheFile: this.#persist ? scopeIndexFile(dir) : null,
        state: null,
        files: [],
        queue: Promise.resolve(),
        engine: this.#base,
      };
      created.engine = delegating(() => created.state?.engine ?? this.#base);
      this.#slots.set(scope, (slot = created));
    }
    return slot;
  }

  /** Runs `task` after the scope's earlier work. */
  #run<T>(slot: Slot, task: () => Promise<T>): Promise<T> {
    const run = slot.queue.then(task);
    slot.queue = run.catch(() => undefined);
    return run;
  }

  /** Builds the scope's index over these record files and swaps it in. */
  async #rebuild(slot: Slot, files: RecordFile[], fresh: FreshArticles = new Map()): Promise<void> {
    if (files.length === 0) {
      slot.state = null;
      slot.files = [];
      if (slot.cacheFile) await removeScopeIndex(slot.cacheFile).catch(() => undefined);
      return;
    }
    const base = baseViewOf(this.#base, this.#cacheDir);
    const known = new Set(slot.state?.errors.map((e) => e.message));
    const state = await buildScope(base, files, slot.state, this.#buildOptions(slot), fresh);
    for (const e of state.errors) if (!known.has(e.message)) this.#log(`beleg: skipped ${e.message}`);
    slot.state = state.records.size ? state : null;
    slot.files = files;
  }

  #buildOptions(slot: Slot) {
    return { dir: slot.dir, lexicon: this.#lexicon, cacheFile: slot.cacheFile, log: this.#log };
  }

  /** Loads every scope found under the data directory. */
  async #loadAll(): Promise<void> {
    const scopes: string[] = [];
    const guilds = await readdir(join(this.#dataDir, 'guilds')).catch(() => [] as string[]);
    for (const g of guilds.sort()) if (isScope(g) && g !== 'console' && existsSync(scopeDir(this.#dataDir, g))) scopes.push(g);
    if (existsSync(scopeDir(this.#dataDir, 'console'))) scopes.push('console');
    for (const scope of scopes) {
      const slot = this.#slot(scope);
      const files = await this.#readRecords(slot.dir);
      if (files.length === 0) continue;
      const base = baseViewOf(this.#base, this.#cacheDir);
      const state = loadScope(base, files, this.#buildOptions(slot)) ?? (await buildScope(base, files, null, this.#buildOptions(slot)));
      for (const e of state.errors) this.#log(`beleg: skipped ${e.message}`);
      slot.state = state.records.size ? state : null;
      slot.files = files;
      this.#log(`beleg: ${scope}: ${state.records.size} added article${state.records.size === 1 ? '' : 's'} loaded${state.fromCache ? ' (persisted index)' : ''}`);
    }
  }

  /** The record files of a folder; a file that is no record is reported and left alone, a leftover temporary file removed. */
  async #readRecords(dir: string): Promise<RecordFile[]> {
    const out: RecordFile[] = [];
    for (const name of (await readdir(dir).catch(() => [] as string[])).sort()) {
      const path = join(dir, name);
      if (name.endsWith('.tmp')) {
        await rm(path, { force: true }).catch(() => undefined);
        continue;
      }
      if (!name.endsWith('.json') || name.startsWith('.')) continue;
      try {
        out.push(await readRecord(path));
      } catch (err) {
        this.#log(`beleg: skipped ${err instanceof RecordError ? err.message : `${path}: ${(err as Error).message}`}`);
      }
    }
    return out;
  }
}
