import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureCorpus, generateArticles, prng, writeCorpus } from '../../src/bench/generate.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { createEngine } from '../../src/engine/engine.ts';

const files = (seed: number, articles = 6) => [...generateArticles({ articles, seed })];

describe('the benchmark corpus generator', () => {
  it('is deterministic: the same seed gives the same bytes, another seed other bytes', () => {
    const a = files(7);
    expect(files(7)).toEqual(a);
    expect(files(8)).not.toEqual(a);
    // A longer corpus starts with the same articles' vocabulary but its own text; ids are stable.
    expect(a.map((f) => f.name)).toEqual(['bench-00001.txt', 'bench-00002.txt', 'bench-00003.txt', 'bench-00003.meta.yaml', 'bench-00004.txt', 'bench-00005.txt', 'bench-00006.txt', 'bench-00006.meta.yaml']);
    const r = prng(42);
    const xs = Array.from({ length: 5 }, r);
    expect(Array.from({ length: 5 }, prng(42))).toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it('writes articles that ingest without errors, with headline, body, byline and sidecars', () => {
    const dir = mkdtempSync(join(tmpdir(), 'beleg-gen-'));
    try {
      const written = writeCorpus(dir, { articles: 30, seed: 2 });
      expect(written.files).toBe(40);
      const corpus = loadCorpus(dir);
      expect(corpus.errors).toEqual([]);
      expect(corpus.articles).toHaveLength(30);
      const sentences = corpus.articles.reduce((n, a) => n + a.sentences.length, 0);
      expect(sentences / 30).toBeGreaterThan(18);
      expect(sentences / 30).toBeLessThan(32);
      for (const a of corpus.articles) {
        expect(a.sentences[0]!.role).toBe('headline');
        expect(a.meta.byline).toMatch(/^[a-z]{3}\/\w+$/);
        expect(a.sentences.some((s) => s.role === 'body')).toBe(true);
        expect(a.meta.language).toBe('de');
      }
      expect(corpus.articles[2]!.meta.publisher).not.toBeNull();
      // German-like: stop words, capitalised nouns, names, numbers.
      const text = corpus.articles.map((a) => a.source).join('\n');
      expect(text).toMatch(/ der /);
      expect(text).toMatch(/ \d+(?:,\d)? (?:Prozent|Millionen Euro|Milliarden Euro|Menschen|Jahre|Tonnen|Kilometer)/);
      expect(text).toMatch(/sagte|erklärte|betonte|kritisierte|schrieb|teilte mit/);
      // The engine answers from it.
      const engine = createEngine(corpus.articles);
      const name = corpus.articles[0]!.sentences.find((s) => /[A-Z][a-z]+ [A-Z][a-z]+/.test(s.text))!;
      expect(engine.ask(name.text).answers[0]?.text).toBe(name.text);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('regenerates only when the options change', () => {
    const dir = mkdtempSync(join(tmpdir(), 'beleg-gen-'));
    try {
      expect(ensureCorpus(dir, { articles: 3, seed: 1 })).toBe(true);
      const before = readFileSync(join(dir, 'bench-00001.txt'));
      expect(ensureCorpus(dir, { articles: 3, seed: 1 })).toBe(false);
      expect(ensureCorpus(dir, { articles: 4, seed: 1 })).toBe(true);
      expect(readdirSync(dir).filter((n) => n.endsWith('.txt'))).toHaveLength(4);
      expect(readFileSync(join(dir, 'bench-00001.txt'))).toEqual(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
