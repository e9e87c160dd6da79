/**
 * Spelling variants and cognates for question words the lexicon cannot
 * translate and the corpus does not contain as they are: "Huguenots" →
 * Hugenotten, "Superbowl" → Super Bowl's "superbowl", "parliment" →
 * "parliament". In the manner of Pirkola et al.'s fuzzy translation of
 * cross-lingual spelling variants ("Fuzzy translation of cross-lingual
 * spelling variants", SIGIR 2003): both words are mapped to a rough common
 * spelling (c/k/z, ph/f, th/t, an h after b, d, g, k or r dropped as in
 * Ghandi/Gandhi, y/i, doubled letters), then compared by the
 * Dice coefficient of their character bigrams and 1-skip bigrams (s-grams).
 *
 * Candidates are the index's own terms that share the word's first two
 * letters in that spelling (cognates rarely differ at the start), so a
 * lookup touches a few hundred terms even in a large archive. The bucket
 * table is built once per index, lazily. No npm package does cross-lingual
 * s-gram matching against an index vocabulary, so this is hand-written.
 */
import { termOf } from './analyzer.ts';
import { fold, words } from './normalize.ts';
import { miniSearchInternals, type SentenceIndex } from './sentenceIndex.ts';

/** A corpus term that is a spelling variant of the question word, with its similarity (0..1). */
export interface FuzzyMatch {
  term: string;
  similarity: number;
}

/** Options of {@link fuzzyMatches}. */
export interface FuzzyOptions {
  /** Least similarity of a variant. Default: 0.72. */
  minSimilarity?: number;
  /** Most variants returned, best first. Default: 3. */
  limit?: number;
  /** Shortest word looked up (shorter words have too many look-alikes). Default: 5. */
  minLength?: number;
  /**
   * Only corpus words the corpus writes capitalised after a sentence's first word: nouns and
   * names. A name's variant is a name or a noun ("Huguenots" → "Hugenotten"), never a verb form
   * that happens to look alike ("Trent" → "trennte"). Default: false.
   */
  capitalisedOnly?: boolean;
}

/** A rough spelling shared by English and German cognates. */
export function skeleton(word: string): string {
  return word
    .replace(/ph/g, 'f')
    .replace(/th/g, 't')
    .replace(/([bdgkr])h/g, '$1')
    .replace(/sch/g, 'sh')
    .replace(/[ckqz]/g, 'k')
    .replace(/y/g, 'i')
    .replace(/w/g, 'v')
    .replace(/(.)\1+/g, '$1');
}

/**
 * A name in English transliteration as German writes it: Russian and Ukrainian names are romanised by different
 * conventions (Zelensky / Selenskyj, Yeltsin / Jelzin, Zhukov / Schukow, Khrushchev / Chruschtschow, Zakharova /
 * Sacharowa, Tchaikovsky / Tschaikowski). Only the letters the two conventions spell differently change; the
 * spelling comparison then does the rest. Folded word in, folded word out.
 */
export function germanTransliteration(word: string): string {
  // Upper-case letters hold the converted sounds while the rest is rewritten (the word is folded: lower case only).
  return word
    .replace(/shch/g, 'A')
    .replace(/t?ch/g, 'B')
    .replace(/zh|sh/g, 'C')
    .replace(/kh/g, 'D')
    .replace(/ts/g, 'E')
    .replace(/z/g, 's')
    .replace(/v/g, 'w')
    .replace(/^y|y(?=[aeiou])/g, 'j')
    .replace(/iy$/, 'ij')
    .replace(/A/g, 'schtsch')
    .replace(/B/g, 'tsch')
    .replace(/C/g, 'sch')
    .replace(/D/g, 'ch')
    .replace(/E/g, 'z');
}

/** Bigrams and 1-skip bigrams of a padded word. */
function grams(word: string): Map<string, number> {
  const padded = `_${word}_`;
  const out = new Map<string, number>();
  const add = (g: string) => out.set(g, (out.get(g) ?? 0) + 1);
  for (let i = 0; i + 1 < padded.length; i++) add(padded.slice(i, i + 2));
  for (let i = 0; i + 2 < padded.length; i++) add(padded[i]! + '-' + padded[i + 2]!);
  return out;
}

/** Dice coefficient of two gram multisets. */
function dice(a: Map<string, number>, b: Map<string, number>): number {
  let common = 0;
  let na = 0;
  let nb = 0;
  for (const [g, n] of a) {
    na += n;
    common += Math.min(n, b.get(g) ?? 0);
  }
  for (const n of b.values()) nb += n;
  return na + nb ? (2 * common) / (na + nb) : 0;
}

/** Similarity of two folded words after mapping both to the common spelling. */
export function spellingSimilarity(a: string, b: string): number {
  return dice(grams(skeleton(a)), grams(skeleton(b)));
}

const capitalised = new WeakMap<Map<string, number>, Map<string, boolean>>();

/** Sentences of a term looked at to tell whether the corpus capitalises it. */
const CAPITAL_SAMPLE = 50;

/**
 * True when the corpus writes a word of this index term capitalised after a
 * sentence's first word (a noun or a name), in one of the first sentences
 * that hold it; remembered per index. Looked up only for the few variants a
 * name's spelling reaches, so a large archive is never scanned whole.
 */
function capitalisedIn(index: SentenceIndex, term: string): boolean {
  let memo = capitalised.get(index.df);
  if (!memo) capitalised.set(index.df, (memo = new Map()));
  const known = memo.get(term);
  if (known !== undefined) return known;
  const ids: string[] = [];
  const internals = miniSearchInternals(index.search);
  if (internals) {
    const docs = internals._index.get(term)?.get(internals._fieldIds.terms!);
    for (const shortId of docs?.keys() ?? []) {
      if (ids.length >= CAPITAL_SAMPLE) break;
      const id = internals._documentIds.get(shortId);
      if (id) ids.push(id);
    }
  } else {
    for (const r of index.search.search(term, { fields: ['terms'] }).slice(0, CAPITAL_SAMPLE)) ids.push(r.id);
  }
  const result = ids.some((id) => {
    const tokens = index.sentences.get(id)?.text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
    return tokens.some(
      (t, i) => i > 0 && /^\p{Lu}/u.test(t) && words(t).some((part) => [fold(part), termOf(part, 'de'), termOf(part, 'en')].includes(term)),
    );
  });
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(term, result);
  return result;
}

const buckets = new WeakMap<Map<string, number>, Map<string, string[]>>();

/** The index's alphabetic terms by the first two letters of their skeleton (built once per document-frequency table). */
function bucketsOf(index: SentenceIndex): Map<string, string[]> {
  let b = buckets.get(index.df);
  if (!b) {
    b = new Map();
    for (const term of index.df.keys()) {
      if (term.length < 4 || !/^\p{Ll}+$/u.test(term)) continue;
      const key = skeleton(term).slice(0, 2);
      let list = b.get(key);
      if (!list) b.set(key, (list = []));
      list.push(term);
    }
    buckets.set(index.df, b);
  }
  return b;
}

/**
 * The index terms that are spelling variants of `word` (folded, and its
 * stems), best first.
 * @param forms - the word and its stems in either language; each is compared and the best similarity counts
 */
export function fuzzyMatches(index: SentenceIndex, forms: readonly string[], options: FuzzyOptions = {}): FuzzyMatch[] {
  const { minSimilarity = 0.72, limit = 3, minLength = 5, capitalisedOnly = false } = options;
  const probes = [...new Set(forms.filter((f) => f.length >= minLength && /^\p{Ll}+$/u.test(f)))];
  if (probes.length === 0) return [];
  // The same words come back question after question: remembered per index.
  let memo = memos.get(index.df);
  if (!memo) memos.set(index.df, (memo = new Map()));
  const key = `${minSimilarity} ${limit} ${capitalisedOnly} ${probes.join(' ')}`;
  const known = memo.get(key);
  if (known) return known;
  const table = bucketsOf(index);
  const best = new Map<string, number>();
  for (const probe of probes) {
    const g = grams(skeleton(probe));
    for (const term of table.get(skeleton(probe).slice(0, 2)) ?? []) {
      if (Math.abs(term.length - probe.length) > Math.max(3, probe.length / 2)) continue;
      const sim = dice(g, grams(skeleton(term)));
      if (sim >= minSimilarity && sim > (best.get(term) ?? 0)) best.set(term, sim);
    }
  }
  const out: FuzzyMatch[] = [];
  for (const [term, similarity] of [...best].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) {
    if (out.length >= limit) break;
    if (!capitalisedOnly || capitalisedIn(index, term)) out.push({ term, similarity });
  }
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(key, out);
  return out;
}

/** Most lookups remembered per index. */
const MEMO_SIZE = 10_000;
const memos = new WeakMap<Map<string, number>, Map<string, FuzzyMatch[]>>();
