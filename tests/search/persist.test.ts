import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync, readdirSync, truncateSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateArticles } from '../../src/bench/generate.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { openIndex } from '../../src/engine/live.ts';
import { openEngine } from '../../src/engine/open.ts';
import { learnAliases } from '../../src/search/aliases.ts';
import { analyzerLanguage } from '../../src/search/analyzer.ts';
import { splitCompound } from '../../src/search/compounds.ts';
import { loadLexicon } from '../../src/search/lexicon.ts';
import { cacheFileOf, LOAD_OPTIONS } from '../../src/search/persist.ts';
import { buildIndex, isGermanNoun } from '../../src/search/sentenceIndex.ts';
import { SEED_DIR } from '../seed.ts';

const QUESTIONS = ['Who succeeded Bezos?', 'Wo werden die Daten gespeichert?', "What is AWS's market share?", 'Who did GCHQ partner with?', 'What is the capital of France?'];

/** A temporary corpus: the seed article and a few generated ones. */
function makeCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'beleg-persist-'));
  for (const name of readdirSync(SEED_DIR)) copyFileSync(join(SEED_DIR, name), join(dir, name));
  for (const f of generateArticles({ articles: 6, seed: 3 })) writeFileSync(join(dir, f.name), f.text);
  return dir;
}

const answersOf = (ask: (q: string) => unknown) => JSON.stringify(QUESTIONS.map((q) => ask(q)));

describe('the persisted index', () => {
  let dir: string;
  let cacheDir: string;
  const logs: string[] = [];
  const log = (line: string) => logs.push(line);
  beforeAll(() => {
    dir = makeCorpus();
    cacheDir = mkdtempSync(join(tmpdir(), 'beleg-cache-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('is written on the first open and reused on the second, with the same answers', () => {
    const first = openIndex(dir, { cacheDir, log });
    expect(first.fromCache).toBe(false);
    const second = openIndex(dir, { cacheDir, log });
    expect(second.fromCache).toBe(true);
    expect(second.key).toBe(first.key);
    expect(answersOf(second.engine.ask)).toBe(answersOf(first.engine.ask));
    expect(JSON.stringify(second.engine.summarize({ topic: 'Daten' }))).toBe(JSON.stringify(first.engine.summarize({ topic: 'Daten' })));
    expect(second.engine.articles()).toEqual(first.engine.articles());
    // Every sentence is restored verbatim from the file, with its place and attribution.
    for (const a of first.index.articles.values()) expect(second.engine.article(a.meta.id)).toEqual(a);
    expect([...second.index.df]).toEqual([...first.index.df]);
    expect(second.index.aliases.entities).toEqual(first.index.aliases.entities);
    expect(logs).toEqual([]);
  });

  it('loads the same through MiniSearch’s public loadJS', () => {
    const direct = openIndex(dir, { cacheDir, log });
    LOAD_OPTIONS.direct = false;
    try {
      const viaPublic = openIndex(dir, { cacheDir, log });
      expect(viaPublic.fromCache).toBe(true);
      expect(answersOf(viaPublic.engine.ask)).toBe(answersOf(direct.engine.ask));
      expect(viaPublic.index.search.termCount).toBe(direct.index.search.termCount);
    } finally {
      LOAD_OPTIONS.direct = true;
    }
  });

  it('is rebuilt when an article, a sidecar or the file set changes', () => {
    const before = openIndex(dir, { cacheDir, log });
    const path = join(dir, 'bench-00001.txt');
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replace(/\n\n/, '\n\nEin neuer Absatz über Hafenkräne in Bremen.\n\n'));
    const edited = openIndex(dir, { cacheDir, log });
    expect(edited.fromCache).toBe(false);
    expect(edited.key).not.toBe(before.key);
    expect(edited.engine.ask('Hafenkräne Bremen').answers[0]?.text).toContain('Hafenkräne');
    expect(openIndex(dir, { cacheDir, log }).fromCache).toBe(true);

    writeFileSync(join(dir, 'bench-00003.meta.yaml'), 'publisher: Hafenblatt\nlanguage: de\n');
    const sidecar = openIndex(dir, { cacheDir, log });
    expect(sidecar.fromCache).toBe(false);
    expect(sidecar.engine.article('bench-00003')?.meta.publisher).toBe('Hafenblatt');

    rmSync(join(dir, 'bench-00002.txt'));
    const removed = openIndex(dir, { cacheDir, log });
    expect(removed.fromCache).toBe(false);
    expect(removed.engine.article('bench-00002')).toBeUndefined();
    expect(logs).toEqual([]);
  });

  it('reports files that could not be loaded also when loading from the cache', () => {
    writeFileSync(join(dir, 'broken.txt'), Buffer.from([0, 1, 2, 3]));
    const built = openIndex(dir, { cacheDir, log });
    const cached = openIndex(dir, { cacheDir, log });
    expect(cached.fromCache).toBe(true);
    expect(cached.errors).toEqual(built.errors);
    expect(cached.errors.map((e) => e.message).join('\n')).toMatch(/broken\.txt: this is a binary file/);
    rmSync(join(dir, 'broken.txt'));
  });

  it('ignores a corrupt or truncated cache file with a log line, and rebuilds', () => {
    openIndex(dir, { cacheDir, log });
    const file = cacheFileOf(cacheDir, dir);
    const size = statSync(file).size;
    const bytes = readFileSync(file);
    for (const corrupt of [
      () => truncateSync(file, Math.floor(size / 2)),
      () => writeFileSync(file, 'not an index'),
      () => writeFileSync(file, Buffer.concat([bytes.subarray(0, 400), Buffer.from('garbage{['), bytes.subarray(409)])),
      () => writeFileSync(file, ''),
    ]) {
      logs.length = 0;
      corrupt();
      const opened = openIndex(dir, { cacheDir, log });
      expect(opened.fromCache).toBe(false);
      expect(logs).toHaveLength(1);
      expect(logs[0]).toMatch(/ignoring the index cache .*rebuilding/);
      expect(opened.engine.ask('Who succeeded Bezos?').answers[0]?.text).toContain('Andy Jassy');
      // The rebuild wrote a good file again.
      expect(openIndex(dir, { cacheDir, log }).fromCache).toBe(true);
    }
  });

  it('replaces an index file of another format version without a log line', () => {
    openIndex(dir, { cacheDir, log });
    const file = cacheFileOf(cacheDir, dir);
    const bytes = readFileSync(file);
    writeFileSync(file, Buffer.concat([Buffer.from('beleg-index\t1\n{"key":"x","sections":{}}\n'), bytes.subarray(100)]));
    logs.length = 0;
    expect(openIndex(dir, { cacheDir, log }).fromCache).toBe(false);
    expect(logs).toEqual([]);
    expect(openIndex(dir, { cacheDir, log }).fromCache).toBe(true);
  });

  it('is neither read nor written with cacheDir: false, and openEngine keeps its shape', () => {
    const first = openEngine(dir, { cacheDir: false });
    const second = openEngine(dir, { cacheDir: false });
    expect([first.fromCache, second.fromCache]).toEqual([false, false]);
    expect(second.timings.saveMs).toBe(0);
    expect(second.engine.articles().length).toBeGreaterThan(1);
    expect(second.errors).toEqual([]);
  });
});

describe('alias learning over the sentences that can teach an alias', () => {
  it('learns the same entities as reading every sentence', () => {
    const dir = makeCorpus();
    for (const f of generateArticles({ articles: 30, seed: 9 })) writeFileSync(join(dir, f.name.replace('bench-', 'more-')), f.text.replace(/^byline: .*$/m, ''));
    const lexicon = loadLexicon();
    const { articles } = loadCorpus(dir);
    const isWord = (w: string) => lexicon.isGermanWord(w);
    const everySentence = learnAliases(
      articles.flatMap((a) => {
        const german = analyzerLanguage(a.meta.language) === 'de';
        const isCommonNoun = (w: string) => german && (isGermanNoun(lexicon, w) || splitCompound(w, isWord) !== null);
        return a.sentences.map((s) => ({ text: s.text, isCommonNoun }));
      }),
    );
    const index = buildIndex(articles, { lexicon });
    expect(everySentence.entities.length).toBeGreaterThan(10);
    expect(index.aliases.entities).toEqual(everySentence.entities);
    rmSync(dir, { recursive: true, force: true });
  });
});
