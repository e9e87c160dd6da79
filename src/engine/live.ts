/**
 * Opening a corpus's index (from the persisted index when nothing changed),
 * and a live engine that keeps serving while the corpus changes.
 *
 * {@link LiveEngine} implements {@link Engine} by delegating every call to the
 * engine of its current index. A reload builds the new index off to the side,
 * yielding to the event loop as it goes, so requests keep being answered from
 * the old index; then it swaps the new one in with a single assignment. Each
 * request runs on one index from start to end (the engine is synchronous), so
 * none sees a half-built one. Only changed files are ingested and analysed
 * again; unchanged ones are taken from the serving index and the persisted
 * index's prepared data. A broken file is reported and skipped, as
 * {@link loadCorpus} does; when no article at all loads, the old index keeps
 * serving.
 */
import { basename } from 'node:path';
import { loadCorpus } from '../corpus/load.ts';
import type { Article, CorpusError } from '../corpus/types.ts';
import { type CorpusWatcher, watchCorpus } from '../corpus/watch.ts';
import { type Lexicon, loadLexicon } from '../search/lexicon.ts';
import {
  cacheFileOf,
  type CorpusSnapshot,
  DEFAULT_CACHE_DIR,
  indexKey,
  lexiconIdentity,
  loadIndex,
  loadPrepared,
  type PreparedByHash,
  saveIndex,
  saveIndexAsync,
  snapshotCorpus,
  snapshotCorpusAsync,
} from '../search/persist.ts';
import { countTerms, indexPrepared, indexPreparedAsync, memoizedLexicon, type PreparedArticle, prepareArticle, type SentenceIndex } from '../search/sentenceIndex.ts';
import { type Engine, engineFromIndex } from './engine.ts';

/** Thrown when no article could be loaded; the message lists why. */
export class NoArticlesError extends Error {
  constructor(
    message: string,
    /** The files that could not be loaded. */
    readonly errors: CorpusError[] = [],
  ) {
    super(message);
  }
}

/** Options for opening and reloading a corpus's index. */
export interface IndexOptions {
  /** Directory of persisted indexes; false: never persist. Default: {@link DEFAULT_CACHE_DIR} (`.cache/beleg/`). */
  cacheDir?: string | false;
  /** Where log lines go (an ignored cache file, a failed write, reloads). Default: stderr. */
  log?: (line: string) => void;
  /** Largest article file accepted, in bytes (see LoadOptions). */
  maxFileBytes?: number;
}

/** How long opening took, in ms. */
export interface OpenTimings {
  /** Loading the lexicon (0 when it was loaded before in this process). */
  lexiconMs: number;
  /** Reading and hashing the corpus files. */
  snapshotMs: number;
  /** Loading the persisted index (0 when there was none to load). */
  loadMs: number;
  /** Ingesting the articles (0 when loaded from the persisted index). */
  ingestMs: number;
  /** Analysing and indexing the sentences (0 when loaded from the persisted index). */
  buildMs: number;
  /** Writing the persisted index (0 when none was written). */
  saveMs: number;
  totalMs: number;
}

/** A corpus's index with what it was built from. */
export interface IndexState {
  dir: string;
  index: SentenceIndex;
  engine: Engine;
  /** Files that were skipped, each with a message naming it. */
  errors: CorpusError[];
  /** The persisted index's key (see persist.ts). */
  key: string;
  /** Hash of each loaded article's file (see {@link CorpusSnapshot}), by file name, with the article's id. */
  files: Map<string, { hash: string; articleId: string }>;
  /** True when the index was loaded from the persisted index. */
  fromCache: boolean;
  timings: OpenTimings;
  /** The articles' prepared data, kept in memory only while there is no persisted index to read it from. */
  prepared?: PreparedByHash;
}

const stderrLog = (line: string) => console.error(line);
const now = () => performance.now();
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

interface Setup {
  lexicon: Lexicon;
  lexiconMs: number;
  snapshot: CorpusSnapshot;
  snapshotMs: number;
  key: string;
  cacheFile: string | null;
}

function setup(dir: string, options: IndexOptions): Setup {
  let t = now();
  const lexicon = loadLexicon();
  const lexiconMs = now() - t;
  t = now();
  const snapshot = snapshotCorpus(dir, { maxFileBytes: options.maxFileBytes });
  return finishSetup(dir, options, lexicon, lexiconMs, snapshot, now() - t);
}

/** {@link setup}, reading the corpus files without blocking the event loop for long. */
async function setupAsync(dir: string, options: IndexOptions): Promise<Setup> {
  let t = now();
  const lexicon = loadLexicon();
  const lexiconMs = now() - t;
  t = now();
  const snapshot = await snapshotCorpusAsync(dir, { maxFileBytes: options.maxFileBytes });
  return finishSetup(dir, options, lexicon, lexiconMs, snapshot, now() - t);
}

function finishSetup(dir: string, options: IndexOptions, lexicon: Lexicon, lexiconMs: number, snapshot: CorpusSnapshot, snapshotMs: number): Setup {
  const key = indexKey(snapshot, { lexiconId: lexiconIdentity(), maxFileBytes: options.maxFileBytes });
  const cacheDir = options.cacheDir === undefined ? DEFAULT_CACHE_DIR : options.cacheDir;
  return { lexicon, lexiconMs, snapshot, snapshotMs, key, cacheFile: cacheDir === false ? null : cacheFileOf(cacheDir, dir) };
}

function noArticles(dir: string, errors: CorpusError[]): NoArticlesError {
  const why = errors.length ? errors.map((e) => `  - ${e.message}`).join('\n') : `  - ${dir} has no .txt, .md or .html article files`;
  return new NoArticlesError(`No article could be loaded from ${dir}:\n${why}`, errors);
}

function fileMap(snapshot: CorpusSnapshot, articles: Iterable<Article>): IndexState['files'] {
  const hashes = new Map(snapshot.files.map((f) => [f.name, f.hash]));
  const out: IndexState['files'] = new Map();
  for (const a of articles) {
    const name = basename(a.path);
    out.set(name, { hash: hashes.get(name) ?? '', articleId: a.meta.id });
  }
  return out;
}

function byHash(files: IndexState['files'], prepared: readonly PreparedArticle[]): PreparedByHash {
  const hashOf = new Map([...files.values()].map((f) => [f.articleId, f.hash]));
  return new Map(prepared.map((p) => [hashOf.get(p.article.meta.id) ?? '', { docs: p.docs, aliasFinds: p.aliasFinds, vocabulary: p.vocabulary }]));
}

/** {@link persisted}, yielding to the event loop while it works. */
async function persistedAsync(state: IndexState, cacheFile: string, prepared: readonly PreparedArticle[] | undefined, log: (line: string) => void): Promise<boolean> {
  try {
    const fileHashes = new Map([...state.files.values()].map((f) => [f.articleId, f.hash]));
    await saveIndexAsync(cacheFile, { key: state.key, index: state.index, fileHashes, errors: state.errors, prepared });
    return true;
  } catch (err) {
    log(`beleg: could not write the index cache ${cacheFile} (${(err as Error).message}); the next start will rebuild`);
    return false;
  }
}

/** Writes the persisted index of a state; a failure is logged, never thrown. Returns whether it was written. */
function persisted(state: IndexState, cacheFile: string, prepared: readonly PreparedArticle[] | undefined, log: (line: string) => void): boolean {
  try {
    const fileHashes = new Map([...state.files.values()].map((f) => [f.articleId, f.hash]));
    saveIndex(cacheFile, { key: state.key, index: state.index, fileHashes, errors: state.errors, prepared });
    return true;
  } catch (err) {
    log(`beleg: could not write the index cache ${cacheFile} (${(err as Error).message}); the next start will rebuild`);
    return false;
  }
}

/**
 * Opens the index of `dir`: loads the persisted index when the corpus, the
 * analyzer and the lexicon are unchanged, else ingests and indexes the
 * corpus and persists the result. A persisted index that cannot be read is
 * logged and rebuilt. Throws {@link NoArticlesError} when no article loads.
 */
export function openIndex(dir: string, options: IndexOptions = {}): IndexState {
  const log = options.log ?? stderrLog;
  const start = now();
  const s = setup(dir, options);
  const timings: OpenTimings = { lexiconMs: s.lexiconMs, snapshotMs: s.snapshotMs, loadMs: 0, ingestMs: 0, buildMs: 0, saveMs: 0, totalMs: 0 };
  if (s.cacheFile) {
    const t = now();
    try {
      const loaded = loadIndex(s.cacheFile, { key: s.key, snapshot: s.snapshot, lexicon: s.lexicon });
      if (loaded) {
        timings.loadMs = now() - t;
        timings.totalMs = now() - start;
        return {
          dir,
          index: loaded.index,
          engine: engineFromIndex(loaded.index),
          errors: loaded.errors,
          key: s.key,
          files: fileMap(s.snapshot, loaded.index.articles.values()),
          fromCache: true,
          timings,
        };
      }
    } catch (err) {
      log(`beleg: ignoring the index cache ${s.cacheFile}: ${(err as Error).message}; rebuilding the index`);
    }
  }
  let t = now();
  const corpus = loadCorpus(dir, { maxFileBytes: options.maxFileBytes, readFile: s.snapshot.readFile });
  timings.ingestMs = now() - t;
  if (corpus.articles.length === 0) throw noArticles(dir, corpus.errors);
  t = now();
  const analysis = { lexicon: memoizedLexicon(s.lexicon) };
  const prepared = corpus.articles.map((a) => prepareArticle(a, analysis));
  const index = indexPrepared(prepared, { lexicon: s.lexicon });
  timings.buildMs = now() - t;
  const files = fileMap(s.snapshot, corpus.articles);
  const state: IndexState = { dir, index, engine: engineFromIndex(index), errors: corpus.errors, key: s.key, files, fromCache: false, timings };
  t = now();
  if (!s.cacheFile || !persisted(state, s.cacheFile, prepared, log)) state.prepared = byHash(files, prepared);
  timings.saveMs = s.cacheFile ? now() - t : 0;
  timings.totalMs = now() - start;
  return state;
}

/** What a reload did. */
export interface ReloadResult {
  /** False when the corpus was as before (nothing was rebuilt). */
  changed: boolean;
  /** True when a new index was swapped in. */
  swapped: boolean;
  /** Articles serving after the reload. */
  articles: number;
  /** Files skipped by the reload (all of them, not only new ones). */
  errors: CorpusError[];
  /** Why the old index was kept, when it was. */
  reason: string | null;
  /** Articles ingested and analysed again (new or changed files). */
  analysed: number;
  ms: number;
}

/**
 * Builds the index of the corpus as it is now, reusing what `current` holds
 * for unchanged files; yields to the event loop while it works. Resolves to
 * null when nothing changed, or to the new state and the articles analysed.
 * Throws {@link NoArticlesError} when no article loads.
 */
export async function rebuildIndex(current: IndexState, options: IndexOptions = {}): Promise<{ state: IndexState; analysed: number; prepared: PreparedArticle[]; cacheFile: string | null } | null> {
  const start = now();
  const s = await setupAsync(current.dir, options);
  if (s.key === current.key) return null;
  const hashes = new Map(s.snapshot.files.map((f) => [f.name, f.hash]));
  const reuse = (path: string): Article | undefined => {
    const name = basename(path);
    const old = current.files.get(name);
    return old && old.hash === hashes.get(name) ? current.index.articles.get(old.articleId) : undefined;
  };
  await yieldToEventLoop();
  let t = now();
  const corpus = loadCorpus(current.dir, { maxFileBytes: options.maxFileBytes, readFile: s.snapshot.readFile, reuse });
  const ingestMs = now() - t;
  if (corpus.articles.length === 0) throw noArticles(current.dir, corpus.errors);
  await yieldToEventLoop();
  t = now();
  const store: PreparedByHash = current.prepared ?? (s.cacheFile ? await loadPrepared(s.cacheFile, current.key) : new Map());
  const analysis = { lexicon: memoizedLexicon(s.lexicon) };
  const prepared: PreparedArticle[] = [];
  const kept = new Set<string>();
  let analysed = 0;
  for (const article of corpus.articles) {
    const unchanged = current.index.articles.get(article.meta.id) === article;
    if (unchanged) kept.add(article.meta.id);
    const old = unchanged ? store.get(current.files.get(basename(article.path))!.hash) : undefined;
    if (old && old.docs.length === article.sentences.length) {
      const docs = old.docs.map((d, i) => ({ id: article.sentences[i]!.id, terms: d.terms, parts: d.parts, context: d.context }));
      prepared.push({ article, docs, answers: article.sentences.map((x) => current.index.answers.get(x.id)!), aliasFinds: old.aliasFinds, vocabulary: old.vocabulary });
      continue;
    }
    prepared.push(prepareArticle(article, analysis));
    if (++analysed % 16 === 0) await yieldToEventLoop();
  }
  // Document frequencies: the old ones, less the articles gone or changed, plus the new ones (when the old ones' documents are at hand).
  let df: Map<string, number> | undefined = new Map(current.index.df);
  for (const { hash, articleId } of current.files.values()) {
    if (kept.has(articleId)) continue;
    const gone = store.get(hash);
    if (!gone) {
      df = undefined;
      break;
    }
    countTerms(df, gone.docs, -1);
  }
  if (df) for (const p of prepared) if (!kept.has(p.article.meta.id)) countTerms(df, p.docs, 1);
  await yieldToEventLoop();
  const index = await indexPreparedAsync(prepared, { lexicon: s.lexicon, df });
  const files = fileMap(s.snapshot, corpus.articles);
  const timings: OpenTimings = { lexiconMs: s.lexiconMs, snapshotMs: s.snapshotMs, loadMs: 0, ingestMs, buildMs: now() - t, saveMs: 0, totalMs: now() - start };
  // Kept in memory until the persisted index holds it (for good, without a cache directory).
  const state: IndexState = { dir: current.dir, index, engine: engineFromIndex(index), errors: corpus.errors, key: s.key, files, fromCache: false, timings, prepared: byHash(files, prepared) };
  return { state, analysed, prepared, cacheFile: s.cacheFile };
}

/** Options of {@link LiveEngine}. */
export interface LiveOptions extends IndexOptions {
  /** Called after every reload with what it did. */
  onReload?: (result: ReloadResult) => void;
}

/** An {@link Engine} over a corpus directory whose index can be reloaded while it serves. */
export class LiveEngine implements Engine {
  #state: IndexState;
  #options: LiveOptions;
  #log: (line: string) => void;
  #running: Promise<ReloadResult> | null = null;
  #again: Promise<ReloadResult> | null = null;
  #watcher: CorpusWatcher | null = null;
  #generation = 0;
  #saving: Promise<void> = Promise.resolve();
  #listeners = new Set<(state: IndexState) => void>();

  constructor(state: IndexState, options: LiveOptions = {}) {
    this.#state = state;
    this.#options = options;
    this.#log = options.log ?? stderrLog;
  }

  /** Opens `dir` (see {@link openIndex}) as a live engine. */
  static open(dir: string, options: LiveOptions = {}): LiveEngine {
    return new LiveEngine(openIndex(dir, options), options);
  }

  /** The index now serving. */
  get state(): IndexState {
    return this.#state;
  }
  /** Files skipped by the current index. */
  get errors(): CorpusError[] {
    return this.#state.errors;
  }
  /** How many times a new index was swapped in. */
  get generation(): number {
    return this.#generation;
  }
  /**
   * Calls `listener` with the new index each time one is swapped in (after the
   * swap; a listener's error is logged, never thrown). Returns a function that
   * stops the calls.
   */
  onSwap(listener: (state: IndexState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** True while a reload is building a new index. */
  get reloading(): boolean {
    return this.#running !== null;
  }

  // Engine, delegated to the current index's engine (arrow properties, so they work unbound too).
  ask: Engine['ask'] = (question, options) => this.#state.engine.ask(question, options);
  articles: Engine['articles'] = () => this.#state.engine.articles();
  article: Engine['article'] = (id) => this.#state.engine.article(id);
  sentence: Engine['sentence'] = (id) => this.#state.engine.sentence(id);
  cite: Engine['cite'] = (sentence) => this.#state.engine.cite(sentence);
  summarize: Engine['summarize'] = (options) => this.#state.engine.summarize(options);
  sources: Engine['sources'] = (articleId) => this.#state.engine.sources(articleId);

  /**
   * Rebuilds the index if the corpus changed and swaps it in. Calls during a
   * reload are coalesced into one more reload after it. Never rejects: a
   * failure keeps the old index and is reported in the result and the log.
   */
  reload(): Promise<ReloadResult> {
    if (this.#running) {
      this.#again ??= this.#running.then(() => {
        this.#again = null;
        return this.reload();
      });
      return this.#again;
    }
    const run = this.#reload().finally(() => {
      this.#running = null;
    });
    this.#running = run;
    return run;
  }

  async #reload(): Promise<ReloadResult> {
    const start = now();
    const result = (r: Omit<ReloadResult, 'ms'>): ReloadResult => {
      const out = { ...r, ms: now() - start };
      this.#options.onReload?.(out);
      return out;
    };
    const old = this.#state;
    try {
      const built = await rebuildIndex(old, this.#options);
      if (!built) return result({ changed: false, swapped: false, articles: old.index.articles.size, errors: old.errors, reason: null, analysed: 0 });
      const { state } = built;
      this.#state = state;
      this.#generation++;
      for (const listener of this.#listeners) {
        try {
          listener(state);
        } catch (err) {
          this.#log(`beleg: a listener of index swaps failed: ${(err as Error).message}`);
        }
      }
      const known = new Set(old.errors.map((e) => e.message));
      for (const e of state.errors) if (!known.has(e.message)) this.#log(`beleg: skipped ${e.message}`);
      this.#log(`beleg: corpus changed; now serving ${state.index.articles.size} articles (${state.index.sentences.size} sentences), ${built.analysed} analysed, in ${Math.round(now() - start)} ms`);
      // Persist after the swap, in slices, one save at a time, skipped once a newer index serves;
      // once written, the prepared data is read back from there when needed.
      if (built.cacheFile) {
        const file = built.cacheFile;
        this.#saving = this.#saving.then(async () => {
          if (this.#state !== state) return;
          if (await persistedAsync(state, file, built.prepared, this.#log)) delete state.prepared;
        });
      }
      return result({ changed: true, swapped: true, articles: state.index.articles.size, errors: state.errors, reason: null, analysed: built.analysed });
    } catch (err) {
      const reason = err instanceof NoArticlesError ? `${err.message}\nKeeping the articles already loaded.` : `rebuilding the index failed: ${(err as Error).message}`;
      this.#log(`beleg: ${reason}`);
      const errors = err instanceof NoArticlesError ? err.errors : old.errors;
      return result({ changed: true, swapped: false, articles: old.index.articles.size, errors, reason, analysed: 0 });
    }
  }

  /** Watches the corpus directory and reloads on change (debounced). Resolves once watching. */
  watch(options: { debounceMs?: number; usePolling?: boolean } = {}): Promise<void> {
    if (this.#watcher) return this.#watcher.ready;
    this.#watcher = watchCorpus(this.#state.dir, () => void this.reload(), {
      ...options,
      onError: (err) => this.#log(`beleg: watching ${this.#state.dir} failed: ${err.message}`),
    });
    return this.#watcher.ready;
  }

  /** Stops watching and waits for a running reload, and the writing of its persisted index, to finish. */
  async close(): Promise<void> {
    const watcher = this.#watcher;
    this.#watcher = null;
    await watcher?.close();
    await this.#again?.catch(() => undefined);
    await this.#running?.catch(() => undefined);
    await this.#saving;
  }
}
