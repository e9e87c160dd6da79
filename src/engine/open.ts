/**
 * Opens an engine over a corpus directory: loads every article (or the
 * persisted index, when nothing changed since it was written), reports the
 * files that could not be loaded, and refuses to run with no article at all.
 * With `watch`, the engine is a {@link LiveEngine} that reloads the corpus
 * when its files change.
 */
import type { CorpusError } from '../corpus/types.ts';
import type { Engine } from './engine.ts';
import { type IndexOptions, LiveEngine, NoArticlesError, openIndex, type OpenTimings, type ReloadResult } from './live.ts';

export { NoArticlesError };

/** Options of {@link openEngine}. */
export interface OpenOptions extends IndexOptions {
  /**
   * Watch the corpus directory and swap in a rebuilt index when it changes
   * (the engine is then a {@link LiveEngine}). Default: false.
   */
  watch?: boolean | { debounceMs?: number; usePolling?: boolean };
  /** Called after every reload (with `watch`). */
  onReload?: (result: ReloadResult) => void;
}

/** An engine with the load problems of its corpus. */
export interface OpenedEngine {
  engine: Engine;
  /** Files that were skipped, each with a message naming it. */
  errors: CorpusError[];
  /** True when the index was loaded from the persisted index instead of being built. */
  fromCache: boolean;
  timings: OpenTimings;
  /** The live engine (the same object as `engine`) when watching; else undefined. */
  live?: LiveEngine;
  /** Stops watching (a no-op without `watch`). */
  close(): Promise<void>;
}

/**
 * Loads `corpusDir` and builds (or loads) its index; throws
 * {@link NoArticlesError} when nothing loads. Synchronous; with `watch`, the
 * watcher starts in the background (changes are seen once it is ready).
 */
export function openEngine(corpusDir: string, options: OpenOptions = {}): OpenedEngine {
  const state = openIndex(corpusDir, options);
  const opened = { errors: state.errors, fromCache: state.fromCache, timings: state.timings };
  if (!options.watch) return { ...opened, engine: state.engine, close: async () => {} };
  const live = new LiveEngine(state, options);
  void live.watch(options.watch === true ? {} : options.watch);
  return { ...opened, engine: live, live, close: () => live.close() };
}
