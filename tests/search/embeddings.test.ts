import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EMBEDDINGS_FORMAT, loadWordVectors, meanSimilarity, rowsOf } from '../../src/search/embeddings.ts';
import { loadLexicon } from '../../src/search/lexicon.ts';
import { tempDir } from '../tempDir.ts';

const vectors = loadWordVectors();
const lexicon = loadLexicon();
const sim = (a: string, b: string) => vectors.similarity(vectors.rowOf(a)!, vectors.rowOf(b)!);

describe('word vectors', () => {
  it('hold the most frequent English words, in frequency order', () => {
    expect(vectors.size).toBe(50_000);
    expect(vectors.dimensions).toBe(100);
    expect(vectors.rowOf('the')).toBe(0);
    expect(vectors.rowOf('purchased')).toBeGreaterThan(vectors.rowOf('bought')!);
    expect(vectors.rowOf('Bought')).toBeUndefined();
  });
  it('put words of like meaning close and unrelated words far apart', () => {
    expect(sim('bought', 'bought')).toBeCloseTo(1, 2);
    expect(sim('bought', 'purchased')).toBeGreaterThan(0.7);
    expect(sim('river', 'table')).toBeLessThan(0.4);
    expect(sim('striker', 'forward')).toBeGreaterThan(sim('striker', 'roof'));
  });
  it('stand for an English word itself and for a German word through its English translations', () => {
    expect(rowsOf(vectors, lexicon, 'Bought', 'en')).toEqual([vectors.rowOf('bought')]);
    const kaufte = rowsOf(vectors, lexicon, 'kaufte', 'de');
    expect(kaufte.map((r) => vectors.similarity(r, vectors.rowOf('bought')!)).some((s) => s > 0.99)).toBe(true);
    // A compound the lexicon lacks stands for its parts, head first.
    expect(rowsOf(vectors, lexicon, 'Stadiondach', 'de')).toEqual([vectors.rowOf('roof'), vectors.rowOf('stadium')]);
    // Stop words, short words and numbers stand for nothing.
    expect(rowsOf(vectors, lexicon, 'the', 'en')).toEqual([]);
    expect(rowsOf(vectors, lexicon, 'und', 'de')).toEqual([]);
    expect(rowsOf(vectors, lexicon, '2019', 'en')).toEqual([]);
  });
  it('average words into a unit-length mean, zero for none', () => {
    const mean = vectors.mean([vectors.rowOf('club')!, vectors.rowOf('striker')!]);
    expect(meanSimilarity(mean, mean)).toBeCloseTo(1, 5);
    expect(meanSimilarity(vectors.mean([]), mean)).toBe(0);
  });
  it('refuse a file that is not such a table, saying how to rebuild it', () => {
    const dir = tempDir('beleg-vectors-');
    const wrong = join(dir, 'wrong.bin.gz');
    writeFileSync(wrong, gzipSync(Buffer.from('something else\n')));
    expect(() => loadWordVectors(wrong)).toThrow(/build-embeddings/);
    const truncated = join(dir, 'truncated.bin.gz');
    writeFileSync(truncated, gzipSync(Buffer.concat([Buffer.from(`${EMBEDDINGS_FORMAT}\t2\t3\ttest\na\nb\n`), Buffer.from([1, 2, 3])])));
    expect(() => loadWordVectors(truncated)).toThrow(/truncated/);
  });
});
