/** The seed article, loaded once per test file. */
import { readFileSync } from 'node:fs';
import { loadCorpus } from '../src/corpus/load.ts';

export const SEED_DIR = new URL('../corpus/', import.meta.url).pathname;
export const SEED_PATH = `${SEED_DIR}spiegel-gchq-aws.txt`;
export const SEED_SOURCE = readFileSync(SEED_PATH, 'utf8');
export function loadSeed() {
  const corpus = loadCorpus(SEED_DIR);
  const article = corpus.articles.find((a) => a.meta.id === 'spiegel-gchq-aws');
  if (!article) throw new Error('seed article missing');
  return { corpus, article };
}
