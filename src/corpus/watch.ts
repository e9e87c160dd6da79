/**
 * Watches a corpus directory and calls back, debounced, when an article or
 * sidecar file is added, changed or removed. What changed is not passed on:
 * the reload compares content hashes of the whole directory, which is cheap
 * next to ingest and is right however the editor or copier wrote the files
 * (in place, via a temporary file and a rename, in several writes).
 *
 * Uses chokidar (its native fs.watch backend; polling can be asked for, for
 * network or container mounts where change events do not arrive).
 */
import { basename, extname, resolve } from 'node:path';
import { watch } from 'chokidar';
import { ARTICLE_EXTENSIONS, SIDECAR_SUFFIX } from './load.ts';

/** Options of {@link watchCorpus}. */
export interface WatchOptions {
  /** Quiet time after the last change before calling back, in ms. Default: 300. */
  debounceMs?: number;
  /** Poll the directory instead of relying on change events. Default: false. */
  usePolling?: boolean;
  /** Called with watcher errors (the watcher keeps running). Default: ignored. */
  onError?: (err: Error) => void;
}

/** A running watcher. */
export interface CorpusWatcher {
  /** Resolves once the watcher is watching (changes after this are seen). */
  ready: Promise<void>;
  /** Stops watching and cancels a pending callback. */
  close(): Promise<void>;
}

/** True for a file name the corpus reads: an article file or a sidecar, not hidden. */
export function isCorpusFile(name: string): boolean {
  if (name.startsWith('.')) return false;
  return ARTICLE_EXTENSIONS.includes(extname(name)) || name.endsWith(SIDECAR_SUFFIX);
}

/** Watches `dir` (not recursively) and calls `onChange` once things have been quiet for `debounceMs`. */
export function watchCorpus(dir: string, onChange: () => void, options: WatchOptions = {}): CorpusWatcher {
  const debounceMs = options.debounceMs ?? 300;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const root = resolve(dir);
  const watcher = watch(root, {
    ignoreInitial: true,
    depth: 0,
    usePolling: options.usePolling ?? false,
    interval: 250,
    // The directory itself is watched; of its entries, only corpus files (and nothing below it).
    ignored: (path, stats) => resolve(path) !== root && ((stats !== undefined && !stats.isFile()) || !isCorpusFile(basename(path))),
  });
  const schedule = () => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (!closed) onChange();
    }, debounceMs);
  };
  watcher.on('add', schedule).on('change', schedule).on('unlink', schedule);
  watcher.on('error', (err) => options.onError?.(err as Error));
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return {
    ready,
    async close() {
      closed = true;
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
