/**
 * English↔German lexicon for cross-lingual retrieval, compiled from the Ding
 * dictionary (GPL-2.0-or-later, Frank Richter, TU Chemnitz) into
 * `src/search/lexicon/de-en.tsv.gz` by `scripts/build-lexicon.ts`. See
 * `src/search/lexicon/README.md` for attribution and how to regenerate it.
 *
 * Every term, looked up or returned, is folded with {@link fold} and its words
 * joined by single spaces (as `words(fold(text)).join(' ')` gives), so
 * "Geschäftspartner" is "geschaftspartner" and "market share" is "market share".
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** A bilingual English↔German word and phrase lexicon. */
export interface Lexicon {
  /**
   * German translations of a folded English word or space-joined multi-word
   * phrase, most common sense first; each translation is a folded German word
   * or space-joined phrase (at most 3 words, at most 12 translations).
   * Inflected English forms work too: the dictionary's own inflections
   * ("agencies", "succeeded", "dealt") are compiled in, and other forms fall
   * back to {@link englishLemmas}. undefined when unknown.
   */
  toGerman(english: string): readonly string[] | undefined;
  /**
   * English translations of a folded German word or phrase (reverse direction),
   * same conventions. Plurals and participles the dictionary lists
   * ("geheimdienste", "gespeichert") are compiled in; other forms fall back to
   * {@link germanLemmas}. undefined when unknown.
   */
  toEnglish(german: string): readonly string[] | undefined;
  /** Longest English multi-word entry, in words (so callers know how far to look ahead). */
  readonly maxEnglishPhraseWords: number;
  /**
   * True when the folded word is a German headword of the dictionary, or a form
   * of one that the dictionary lists (plural, participle). Used to split
   * compounds like "spionagebehorden" into "spionage" + "behorden".
   */
  isGermanWord(word: string): boolean;
  /**
   * The dictionary form of a folded German word form the dictionary lists as
   * an inflection ("gefunden" → "finden", "geheimdienste" → "geheimdienst"),
   * or undefined. Strong verbs change their vowel, so no stemmer joins them.
   */
  germanLemma(word: string): string | undefined;
  /**
   * English single-word headwords that begin with a folded `prefix`, in the
   * dictionary's (byte) order, at most `limit` (default 64). Finds a word's
   * derivational family ("arriv" → arrival, arrive, arrived …); see
   * derivation.ts.
   */
  englishWordsWithPrefix(prefix: string, limit?: number): string[];
}

/** Where the committed lexicon lives, next to this module. */
export const LEXICON_PATH = new URL('./lexicon/de-en.tsv.gz', import.meta.url);

/**
 * Plausible English lemmas of a folded word, most likely first, without the
 * word itself: "agencies" → "agency"; "stored" → "stor", "store"; "planned" →
 * "plann", "plan"; "making" → "mak", "make". Only used when the word itself is
 * not in the lexicon; candidates are tried in order and the first known one
 * wins. Phrases are lemmatized on their last word ("market shares") and, for
 * verb phrases, their first word ("dealt with" is compiled in; "dealing with").
 */
export function englishLemmas(word: string): string[] {
  const out: string[] = [];
  const w = word;
  const n = w.length;
  const push = (s: string) => {
    if (s.length >= 2 && s !== w && !out.includes(s)) out.push(s);
  };
  if (n > 4 && w.endsWith('ies')) push(w.slice(0, -3) + 'y');
  if (n > 4 && w.endsWith('ied')) push(w.slice(0, -3) + 'y');
  if (n > 4 && w.endsWith('ves')) push(w.slice(0, -3) + 'f'), push(w.slice(0, -3) + 'fe');
  if (n > 3 && w.endsWith('es')) push(w.slice(0, -2));
  if (n > 3 && w.endsWith('s') && !w.endsWith('ss')) push(w.slice(0, -1));
  if (n > 4 && w.endsWith('ed')) {
    const stem = w.slice(0, -2);
    push(stem);
    push(stem + 'e');
    if (stem.length > 2 && stem[stem.length - 1] === stem[stem.length - 2]) push(stem.slice(0, -1));
  }
  if (n > 5 && w.endsWith('ing')) {
    const stem = w.slice(0, -3);
    push(stem);
    push(stem + 'e');
    if (stem.length > 2 && stem[stem.length - 1] === stem[stem.length - 2]) push(stem.slice(0, -1));
    if (stem.endsWith('y')) push(stem.slice(0, -1) + 'ie');
  }
  return out;
}

/**
 * Plausible German base forms of a folded word, most likely first, without the
 * word itself: strips the inflection endings -es, -en, -er, -em, -e, -s, -n
 * ("geheimdienstes" → "geheimdienst", "behorden" → "behord", "behorde").
 * Only used when the word itself is not in the lexicon, and only candidates of
 * at least 4 letters are produced.
 */
export function germanLemmas(word: string): string[] {
  const out: string[] = [];
  for (const ending of ['es', 'en', 'er', 'em', 'e', 's', 'n']) {
    if (word.endsWith(ending) && word.length - ending.length >= 4) {
      const stem = word.slice(0, -ending.length);
      if (!out.includes(stem)) out.push(stem);
    }
  }
  return out;
}

/**
 * The compiled file, gunzipped but not decoded: lines are found by byte
 * offset, terms decoded only when returned. Decoding and splitting the whole
 * ~20 MB text would cost more than the gunzip itself.
 */
interface Store {
  bytes: Buffer;
  /** Byte offset of the start of each line; one extra entry past the last line. */
  lineStart: Int32Array;
}

/** One language's block: `count` lines from line `start`, each `term<TAB>translations`. */
interface Block {
  store: Store;
  start: number;
  count: number;
}

const TAB = 9;
const NEWLINE = 10;
const utf8 = new TextEncoder();

/** Offsets of the first `lines` lines of `bytes` (native `indexOf`, several times faster than a JS loop). */
function indexLines(bytes: Buffer, lines: number): Int32Array | undefined {
  const starts = new Int32Array(lines + 1);
  let p = 0;
  for (let k = 1; k <= lines; k++) {
    const nl = bytes.indexOf(NEWLINE, p);
    if (nl < 0) return undefined;
    starts[k] = p = nl + 1;
  }
  return starts;
}

/**
 * Compares line `line` with `probe`, byte by byte, as the compiler sorted
 * them; 0 means equal over the probe's length. A whole-term probe is the
 * term's UTF-8 bytes followed by TAB; a prefix probe (`prefix`) has no TAB, and
 * a line whose term ends (at its TAB) before the probe does sorts first.
 */
function compareLine(store: Store, line: number, probe: Uint8Array, prefix = false): number {
  const { bytes, lineStart } = store;
  const start = lineStart[line]!;
  const end = lineStart[line + 1]! - 1;
  for (let j = 0; j < probe.length; j++) {
    const a = start + j < end ? bytes[start + j]! : -1;
    if (prefix && a === TAB) return -1;
    const b = probe[j]!;
    if (a !== b) return a - b;
  }
  return 0;
}

/** Line number (0-based, within the block) of `term`, or -1. Binary search; TAB sorts before any term byte. */
function find(block: Block, term: string): number {
  const probe = utf8.encode(term + '\t');
  let lo = 0;
  let hi = block.count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareLine(block.store, block.start + mid, probe);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}


/** Single-word terms of a block that begin with `prefix`, in order, at most `limit`. Binary search for the first, then a scan. */
function withPrefix(block: Block, prefix: string, limit: number): string[] {
  const probe = utf8.encode(prefix);
  let lo = 0;
  let hi = block.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareLine(block.store, block.start + mid, probe, true) < 0) lo = mid + 1;
    else hi = mid;
  }
  const out: string[] = [];
  // Phrases ("arrival time") sort among the words; they are skipped but counted, so a scan stays short.
  for (let i = lo, seen = 0; i < block.count && out.length < limit && seen < 8 * limit; i++, seen++) {
    if (compareLine(block.store, block.start + i, probe, true) !== 0) break;
    const term = termAt(block, i);
    if (!term.includes(' ')) out.push(term);
  }
  return out;
}

/** Byte offset of the TAB of a line. */
function tabOf(store: Store, line: number): number {
  let i = store.lineStart[line]!;
  while (store.bytes[i] !== TAB) i++;
  return i;
}

/** The term of line `i` of a block. */
function termAt(block: Block, i: number): string {
  const line = block.start + i;
  const { bytes, lineStart } = block.store;
  return bytes.toString('utf8', lineStart[line]!, tabOf(block.store, line));
}

/** Byte offset where the translations column of a line ends (its second TAB, or the newline). */
function columnEnd(store: Store, line: number): number {
  const end = store.lineStart[line + 1]! - 1;
  const tab = store.bytes.indexOf(TAB, tabOf(store, line) + 1);
  return tab >= 0 && tab < end ? tab : end;
}

/** The lemma column of line `i` of a German block, as a term of the same block; null when absent. */
function lemmaAt(block: Block, i: number): string | null {
  const line = block.start + i;
  const end = block.store.lineStart[line + 1]! - 1;
  const from = columnEnd(block.store, line);
  if (from >= end) return null;
  return termAt(block, parseInt(block.store.bytes.toString('latin1', from + 1, end), 36));
}

/** Translations of line `i` of `from`, as terms of `to`; null when it has none. */
function decode(from: Block, to: Block, i: number): readonly string[] | null {
  const line = from.start + i;
  const { bytes } = from.store;
  const packed = bytes.toString('latin1', tabOf(from.store, line) + 1, columnEnd(from.store, line));
  if (packed === '') return null;
  return Object.freeze(packed.split(',').map((s) => termAt(to, parseInt(s, 36))));
}

/** Tries `term`, then its lemmas, in block `from`. */
function lookup(
  term: string,
  from: Block,
  to: Block,
  lemmas: (word: string) => string[],
  cache: Map<string, readonly string[] | null>,
): readonly string[] | undefined {
  const cached = cache.get(term);
  if (cached !== undefined) return cached ?? undefined;
  let found: readonly string[] | null = null;
  const i = term === '' ? -1 : find(from, term);
  if (i >= 0) found = decode(from, to, i);
  if (!found && term !== '') {
    const ws = term.split(' ');
    // Inflection on the last word (nouns: "market shares"), then on the first (verbs: "dealing with").
    const positions = ws.length > 1 ? [ws.length - 1, 0] : [0];
    outer: for (const p of positions) {
      for (const lemma of lemmas(ws[p]!)) {
        const j = find(from, [...ws.slice(0, p), lemma, ...ws.slice(p + 1)].join(' '));
        if (j >= 0 && (found = decode(from, to, j))) break outer;
      }
    }
  }
  if (cache.size > 50_000) cache.clear();
  cache.set(term, found);
  return found ?? undefined;
}

/**
 * Builds a {@link Lexicon} over a compiled lexicon file after gunzip (the
 * layout is described in `src/search/lexicon/compile.ts`). Exported for
 * tests; most callers want {@link loadLexicon}.
 * @param bytes the gunzipped file
 * @param origin names the source in error messages; default "lexicon"
 */
export function lexiconFromBytes(bytes: Uint8Array, origin = 'lexicon'): Lexicon {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  const headerEnd = buffer.indexOf(NEWLINE);
  const header = buffer.toString('utf8', 0, headerEnd < 0 ? Math.min(buffer.length, 200) : headerEnd).split('\t');
  if (header[0] !== 'beleg-lexicon' || header[1] !== '2') {
    throw new Error(`${origin}: not a version 2 Beleg lexicon (header ${JSON.stringify(header.join(' ').slice(0, 40))}); run scripts/build-lexicon.ts`);
  }
  const maxEnglishPhraseWords = Number(header[2]);
  const nEnglish = Number(header[3]);
  const nGerman = Number(header[4]);
  const lineStart = indexLines(buffer, 1 + nEnglish + nGerman);
  if (!lineStart) throw new Error(`${origin}: truncated lexicon`);
  const store: Store = { bytes: buffer, lineStart };
  const en: Block = { store, start: 1, count: nEnglish };
  const de: Block = { store, start: 1 + nEnglish, count: nGerman };
  const germanCache = new Map<string, readonly string[] | null>();
  const englishCache = new Map<string, readonly string[] | null>();
  return {
    toGerman: (english) => lookup(english, en, de, englishLemmas, germanCache),
    toEnglish: (german) => lookup(german, de, en, germanLemmas, englishCache),
    maxEnglishPhraseWords,
    isGermanWord: (word) => word !== '' && !word.includes(' ') && find(de, word) >= 0,
    germanLemma: (word) => {
      const i = word === '' ? -1 : find(de, word);
      return i >= 0 ? (lemmaAt(de, i) ?? undefined) : undefined;
    },
    englishWordsWithPrefix: (prefix, limit = 64) => (prefix === '' ? [] : withPrefix(en, prefix, limit)),
  };
}

let cached: Lexicon | undefined;

/**
 * Loads the committed lexicon once and caches it; later calls return the same
 * object. Synchronous: reads and gunzips `src/search/lexicon/de-en.tsv.gz`
 * (7 MB, 20 MB unpacked) and indexes its line offsets, which takes about
 * 100–150 ms on a 2-core machine; nothing else is built up front (lookups
 * binary-search the sorted lines and decode translation lists on demand,
 * caching them). Keeps about 23 MB in memory.
 * @param path the compiled lexicon; default {@link LEXICON_PATH}. Any other
 *   path is loaded afresh, bypassing the cache.
 */
export function loadLexicon(path: string | URL = LEXICON_PATH): Lexicon {
  const isDefault = path === LEXICON_PATH;
  if (isDefault && cached) return cached;
  const lexicon = lexiconFromBytes(gunzipSync(readFileSync(path)), String(path));
  if (isDefault) cached = lexicon;
  return lexicon;
}
