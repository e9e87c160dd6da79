/**
 * Opens an engine over a corpus directory: loads every article, reports the
 * files that could not be loaded, and refuses to run with no article at all.
 */
import { loadCorpus } from '../corpus/load.ts';
import type { CorpusError } from '../corpus/types.ts';
import { createEngine, type Engine } from './engine.ts';

/** Thrown when no article could be loaded; the message lists why. */
export class NoArticlesError extends Error {}

/** An engine with the load problems of its corpus. */
export interface OpenedEngine {
  engine: Engine;
  /** Files that were skipped, each with a message naming it. */
  errors: CorpusError[];
}

/** Loads `corpusDir` and builds an engine; throws {@link NoArticlesError} when nothing loads. */
export function openEngine(corpusDir: string): OpenedEngine {
  const corpus = loadCorpus(corpusDir);
  if (corpus.articles.length === 0) {
    const why = corpus.errors.length ? corpus.errors.map((e) => `  - ${e.message}`).join('\n') : `  - ${corpusDir} has no .txt or .md article files`;
    throw new NoArticlesError(`No article could be loaded from ${corpusDir}:\n${why}`);
  }
  return { engine: createEngine(corpus.articles), errors: corpus.errors };
}
