/**
 * Scores sentences for a query plan and decides whether the evidence is
 * strong enough to quote. MiniSearch supplies BM25 per index term and field;
 * terms are combined per question word (best alternative wins), weighted by
 * the sentence's role, and raised when the sentence holds an answer of the
 * kind the question asks for.
 *
 * At 250,000 sentences a question's expansions touch tens of thousands of
 * sentences, so the work is arranged to stay cheap:
 * - each index term is scored once, straight from MiniSearch's term index,
 *   with MiniSearch's own BM25 (see {@link TermScorer}), into typed arrays;
 * - question words are combined in reusable typed arrays indexed by sentence
 *   number, not in maps of objects;
 * - with a `limit`, only the sentences that can still reach the top are
 *   scored in full (role, answer type, explanations): role and answer type
 *   can raise a score at most {@link MAX_FACTOR}-fold, so a sentence whose
 *   word score times that stays below the limit-th final score cannot enter.
 * The results are the same as scoring every sentence in full, with one
 * deliberate exception in large indexes: very frequent terms only re-rank the
 * sentences rarer terms reach (see {@link COST_CONTROLS}).
 */
import MiniSearch from 'minisearch';
import { fold } from './normalize.ts';
import type { QueryPlan } from './query.ts';
import { ANSWER_THRESHOLD } from './model.ts';
import { answerProbability, questionFeatures, RERANK_DEPTH, type RerankInput, rerank, topicSimilarity } from './rerank.ts';
import { FIELD_BOOST, MINISEARCH_OPTIONS, miniSearchInternals, ROLE_WEIGHT, type SentenceDoc, type SentenceIndex } from './sentenceIndex.ts';

/** Which question word reached a sentence, and through which index term. */
export interface TermMatch {
  /** The question word as typed. */
  word: string;
  /** The index term it matched. */
  term: string;
  via: string;
}

/** A scored sentence. */
export interface Scored {
  id: string;
  score: number;
  /** Share of the question's weight (by IDF) that the sentence matches, 0..1. */
  coverage: number;
  /** True when the sentence holds an answer of the asked kind beyond the question's own words. */
  typed: boolean;
  /** One entry per question word that matched. */
  matches: TermMatch[];
}

/** The ranking, with what the abstention decision needs. */
export interface Ranking {
  results: Scored[];
  /** Question words (names, or all words when none matched at all) that occur nowhere in the corpus. */
  missing: string[];
  /** True when the evidence is too weak to quote. */
  weak: boolean;
  /** The calibrated probability that the best sentence answers the question (reranked rankings only; else null). */
  confidence: number | null;
  /** What the second stage was given (for training it: scripts/train-ranker.ts). */
  evidence: RerankInput;
}

/** Options of {@link rank}. */
export interface RankOptions {
  /** Only sentences of this article. Default: all articles. */
  articleId?: string;
  /**
   * Return only the best `limit` results (the same ones, in the same order,
   * as the first `limit` of the full ranking); the rest are not scored in
   * full. Default: every matching sentence.
   */
  limit?: number;
  /**
   * Rescore the first stage's best {@link RERANK_DEPTH} sentences with the
   * fitted model (rerank.ts) and decide to answer with the calibrated
   * answer probability; false keeps the first stage's BM25 order and its
   * coverage threshold (topic relevance for summaries uses that). Default: true.
   */
  rerank?: boolean;
}

/** Score factor for a sentence that holds an answer of the asked kind. */
export const ANSWER_TYPE_BONUS = 0.35;
/** Weight of a question word the corpus lacks, when it is no key word. */
export const MISSING_WORD_WEIGHT = 0.5;
/** How much a match only through an anaphor's antecedent covers a question word. */
export const CONTEXT_COVERAGE = 0.5;
/** Least coverage of the question (by IDF weight) the best sentence needs, or the engine abstains. */
export const MIN_COVERAGE = 0.25;

/** Inverse document frequency, as BM25 computes it. */
function idf(n: number, total: number): number {
  return Math.log(1 + (total - n + 0.5) / (n + 0.5));
}

/**
 * Very frequent terms (in more than `frequentShare` of the sentences of an
 * index of at least `frequentMinSentences`) contribute little (an IDF of
 * about 4 or less) and cost the most. They are scored only for the sentences
 * that match some rarer term of the question, so they re-rank candidates but
 * do not bring in sentences of their own; a question of only frequent terms
 * is scored in full. The same holds, in such an index, for terms that only
 * loose links reach (synonyms, spelling variants, aliases, or any link
 * weighing less than `looseWeight`). Small corpora are never affected.
 */
export const COST_CONTROLS = { frequentShare: 0.02, frequentMinSentences: 10_000, looseWeight: 0.5 };

/** Links too loose to bring a sentence in by themselves in a large index (they still re-rank the ones others reach). */
const LOOSE_VIAS = new Set(['synonym', 'fuzzy', 'alias']);

/** Most a sentence's role and answer type can multiply its word score by. */
export const MAX_FACTOR = Math.max(...Object.values(ROLE_WEIGHT)) * (1 + ANSWER_TYPE_BONUS);

/** The sentences holding one index term, with the term's score in each (as `search(term, { boost: FIELD_BOOST })` gives it). */
export interface TermPostings {
  /** Sentence numbers (see {@link TermScorer}). */
  ids: Int32Array;
  scores: Float64Array;
  /** 1 when the sentence has the term in its own words (terms or parts), 0 when only through its context field. */
  own: Uint8Array;
}

const NO_POSTINGS: TermPostings = { ids: new Int32Array(0), scores: new Float64Array(0), own: new Uint8Array(0) };

/**
 * Scores single index terms over an index. Sentences are numbered: MiniSearch's
 * own short ids when its internals are at hand (then a term's postings are
 * read straight from its term index and scored with its BM25 formula and
 * parameters, field by field in its order, so the scores are the very numbers
 * `search()` returns), else positions in the index (then each term goes
 * through the public `search()`).
 */
export interface TermScorer {
  /** One more than the highest sentence number. */
  readonly size: number;
  /** The term's postings; with `among`, only those of these sentence numbers. */
  score(term: string, among?: readonly number[]): TermPostings;
  /** The sentence id of a number. */
  idOf(n: number): string | undefined;
  /** The number of a sentence id. */
  numberOf(id: string): number | undefined;
}

/** MiniSearch's default BM25 parameters, which the index uses. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
const FIELDS = MINISEARCH_OPTIONS.fields as (keyof typeof FIELD_BOOST)[];

/** Reusable scratch arrays of one scorer; rank() is synchronous, so one set per index suffices. */
class Scratch {
  readonly acc: Float64Array;
  readonly own: Uint8Array;
  readonly mark: Int32Array;
  stamp = 0;
  constructor(readonly size: number) {
    this.acc = new Float64Array(size);
    this.own = new Uint8Array(size);
    this.mark = new Int32Array(size);
  }
  /** A fresh stamp: entries of `mark` equal to it were touched since. */
  next(): number {
    if (this.stamp >= 0x7ffffff0) {
      this.mark.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }
}

function directScorer(search: MiniSearch<SentenceDoc>): TermScorer | undefined {
  const ms = miniSearchInternals(search);
  if (!ms) return undefined;
  const size = ms._nextId;
  const fieldIds = FIELDS.map((f) => ms._fieldIds[f]);
  if (fieldIds.some((id) => typeof id !== 'number')) return undefined;
  let scratch: Scratch | undefined;
  // BM25's length normalisation per field and sentence, k·(1 − b + b·length/average), computed once
  // (the same operations as MiniSearch's calcBM25Score, so the same numbers).
  let norms: Float64Array[] | undefined;
  const normsOf = (): Float64Array[] => {
    norms ??= fieldIds.map((fieldId) => {
      const out = new Float64Array(size);
      const avg = ms._avgFieldLength[fieldId!]!;
      ms._fieldLength.forEach((lengths, doc) => {
        out[doc] = BM25.k * (1 - BM25.b + (BM25.b * lengths[fieldId!]!) / avg);
      });
      return out;
    });
    return norms;
  };
  return {
    size,
    idOf: (n) => ms._documentIds.get(n),
    numberOf: (id) => ms._idToShortId.get(id),
    score(term, among) {
      const data = ms._index.get(term);
      if (!data) return NO_POSTINGS;
      scratch ??= new Scratch(size);
      const { acc, own, mark } = scratch;
      const stamp = scratch.next();
      const fieldNorms = normsOf();
      const list: number[] = [];
      const total = ms._documentCount;
      for (let f = 0; f < FIELDS.length; f++) {
        const freqs = data.get(fieldIds[f]!);
        if (!freqs) continue;
        const boost = FIELD_BOOST[FIELDS[f]!];
        const matching = freqs.size;
        const invDocFreq = Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
        const isOwn = FIELDS[f] !== 'context' ? 1 : 0;
        const norm = fieldNorms[f]!;
        const add = (tf: number, doc: number) => {
          // MiniSearch's calcBM25Score, times the field boost (its term weight, term boost and document boost are 1).
          const weighted = boost * (invDocFreq * (BM25.d + (tf * (BM25.k + 1)) / (tf + norm[doc]!)));
          if (mark[doc] !== stamp) {
            mark[doc] = stamp;
            acc[doc] = weighted;
            own[doc] = isOwn;
            list.push(doc);
          } else {
            acc[doc] = acc[doc]! + weighted;
            if (isOwn) own[doc] = 1;
          }
        };
        if (!among) freqs.forEach(add);
        else
          for (const doc of among) {
            const tf = freqs.get(doc);
            if (tf !== undefined) add(tf, doc);
          }
      }
      const out: TermPostings = { ids: new Int32Array(list), scores: new Float64Array(list.length), own: new Uint8Array(list.length) };
      for (let i = 0; i < list.length; i++) {
        out.scores[i] = acc[list[i]!]!;
        out.own[i] = own[list[i]!]!;
      }
      return out;
    },
  };
}

function publicScorer(index: SentenceIndex): TermScorer {
  const ids = [...index.sentences.keys()];
  const numbers = new Map(ids.map((id, n) => [id, n]));
  return {
    size: ids.length,
    idOf: (n) => ids[n],
    numberOf: (id) => numbers.get(id),
    score(term, among) {
      const keep = among ? new Set(among.map((n) => ids[n])) : null;
      const results = index.search.search(term, { boost: FIELD_BOOST, ...(keep ? { filter: (r: { id: string }) => keep.has(r.id) } : {}) });
      const out: TermPostings = { ids: new Int32Array(results.length), scores: new Float64Array(results.length), own: new Uint8Array(results.length) };
      results.forEach((r, i) => {
        out.ids[i] = numbers.get(r.id as string)!;
        out.scores[i] = r.score;
        // A match only through the previous sentence (context) does not count as the sentence's own evidence.
        out.own[i] = Object.values(r.match).some((fields) => fields.some((f) => f !== 'context')) ? 1 : 0;
      });
      return out;
    },
  };
}

const scorers = new WeakMap<SentenceIndex, { scorer: TermScorer; scratch: RankScratch }>();

/** Set `direct` to false to score through MiniSearch's public search() only (tests compare both ways). */
export const SCORER_OPTIONS = { direct: true };

/** The term scorer of an index (made once per index). */
export function termScorer(index: SentenceIndex): TermScorer {
  return scorerState(index).scorer;
}

function scorerState(index: SentenceIndex): { scorer: TermScorer; scratch: RankScratch } {
  let state = scorers.get(index);
  if (!state) {
    const scorer = (SCORER_OPTIONS.direct ? directScorer(index.search) : undefined) ?? publicScorer(index);
    state = { scorer, scratch: new RankScratch(scorer.size) };
    scorers.set(index, state);
  }
  return state;
}

/**
 * Per-sentence working arrays of {@link rank}, reused from call to call. What
 * one posting touches lies side by side (one cache line, not five): at
 * 250,000 sentences the loops are bound by memory, not by arithmetic.
 */
class RankScratch {
  /** Per sentence: [group stamp, best score in the group, its weight, best alternative × 2 + own]. */
  readonly group: Float64Array;
  /** Per sentence: [question stamp, word score, coverage]. */
  readonly acc: Float64Array;
  /** Per sentence: a stamp marking it (allowed article, candidate, result). */
  readonly mark: Int32Array;
  readonly allowed: Int32Array;
  stamp = 0;
  constructor(size: number) {
    this.group = new Float64Array(4 * size);
    this.acc = new Float64Array(3 * size);
    this.mark = new Int32Array(size);
    this.allowed = new Int32Array(size);
  }
  next(): number {
    if (this.stamp >= 0x7ffffff0) {
      this.group.fill(0);
      this.acc.fill(0);
      this.mark.fill(0);
      this.allowed.fill(0);
      this.stamp = 0;
    }
    return ++this.stamp;
  }
}

/** The postings of the sentences `keep` accepts. */
function keepOnly(p: TermPostings, keep: (n: number) => boolean): TermPostings {
  const at: number[] = [];
  for (let j = 0; j < p.ids.length; j++) if (keep(p.ids[j]!)) at.push(j);
  if (at.length === p.ids.length) return p;
  return { ids: Int32Array.from(at, (j) => p.ids[j]!), scores: Float64Array.from(at, (j) => p.scores[j]!), own: Uint8Array.from(at, (j) => p.own[j]!) };
}

/** Indexes of the `k` largest values (a min-heap over the values). */
function topByScore(values: Float64Array, k: number): number[] {
  const heap: number[] = [];
  const less = (a: number, b: number) => values[a]! < values[b]!;
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && less(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && less(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  for (let n = 0; n < values.length; n++) {
    if (heap.length < k) {
      heap.push(n);
      for (let i = heap.length - 1; i > 0; ) {
        const p = (i - 1) >> 1;
        if (!less(heap[i]!, heap[p]!)) break;
        [heap[i], heap[p]] = [heap[p]!, heap[i]!];
        i = p;
      }
    } else if (less(heap[0]!, n)) {
      heap[0] = n;
      down(0);
    }
  }
  return heap;
}

/** Scores every sentence that matches at least one question word, best first, and judges the evidence. */
export function rank(index: SentenceIndex, plan: QueryPlan, options: RankOptions = {}): Ranking {
  const total = Math.max(1, index.sentences.size);
  const { scorer, scratch } = scorerState(index);
  const stamp = scratch.next();

  // Only this article's sentences, when asked.
  let allowed: ((n: number) => boolean) | null = null;
  if (options.articleId) {
    for (const s of index.articles.get(options.articleId)?.sentences ?? []) {
      const n = scorer.numberOf(s.id);
      if (n !== undefined) scratch.allowed[n] = stamp;
    }
    allowed = (n) => scratch.allowed[n] === stamp;
  }

  // Each index term's postings, scored once.
  const postings = new Map<string, TermPostings>();
  const postingsOf = (term: string): TermPostings => {
    let p = postings.get(term);
    if (!p) postings.set(term, (p = scorer.score(term)));
    return p;
  };
  // How many sentences hold a term in any field: what a search for it returns.
  const df = (term: string) => index.df.get(term) ?? 0;

  // Frequent terms, and terms only loose links reach (synonyms, spelling variants, unlikely senses): only among
  // the sentences that the other terms reach (see COST_CONTROLS).
  const large = total >= COST_CONTROLS.frequentMinSentences;
  const frequentDf = large ? COST_CONTROLS.frequentShare * total : Infinity;
  const terms = [...new Set(plan.groups.flatMap((g) => g.alternatives.map((a) => a.term)))].filter((t) => df(t) > 0);
  const strongest = new Map<string, number>();
  for (const g of plan.groups) for (const a of g.alternatives) if (!LOOSE_VIAS.has(a.via)) strongest.set(a.term, Math.max(strongest.get(a.term) ?? 0, a.weight));
  const restricted = (t: string) => df(t) > frequentDf || (large && (strongest.get(t) ?? 0) < COST_CONTROLS.looseWeight);
  const frequent = terms.filter(restricted);
  if (frequent.length && frequent.length < terms.length) {
    const candidateStamp = scratch.next();
    const candidates: number[] = [];
    for (const t of terms) {
      if (restricted(t)) continue;
      for (const n of postingsOf(t).ids) {
        if (scratch.mark[n] === candidateStamp || (allowed && !allowed(n))) continue;
        scratch.mark[n] = candidateStamp;
        candidates.push(n);
      }
    }
    // Scored among the candidates, or, when its own postings are fewer, in full and then kept to the candidates.
    for (const t of frequent) {
      if (candidates.length < df(t)) postings.set(t, scorer.score(t, candidates));
      else postings.set(t, keepOnly(postingsOf(t), (n) => scratch.mark[n] === candidateStamp));
    }
  }

  // Each group's weight by its rarest present alternative: what matching it is worth.
  const groupIdf = plan.groups.map((g) => {
    const counts = g.alternatives.map((a) => df(a.term)).filter((n) => n > 0);
    if (counts.length) return idf(Math.min(...counts), total);
    // A word the corpus lacks: a key word (name, German noun) weighs fully against the evidence;
    // other words (mostly verbs, which questions paraphrase freely) weigh less.
    return idf(0, total) * (g.isKey ? 1 : MISSING_WORD_WEIGHT);
  });
  // Optional groups (dictionary phrases on top of their words) neither count towards coverage nor go missing.
  const totalWeight = plan.groups.reduce((s, g, i) => s + (g.optional ? 0 : g.weight * groupIdf[i]!), 0) || 1;
  const missing = plan.groups.filter((g) => !g.optional && g.alternatives.every((a) => df(a.term) === 0));

  // Word scores: per group the best alternative per sentence, summed over groups.
  const G = scratch.group;
  const A = scratch.acc;
  const touched: number[] = [];
  // Per group, its sentences with the alternative that gave each its best score, for the explanations.
  const groupMembers: { members: number[]; altOwn: Int32Array }[] = [];
  plan.groups.forEach((group, gi) => {
    const groupStamp = scratch.next();
    const members: number[] = [];
    group.alternatives.forEach((alt, ai) => {
      if (df(alt.term) === 0) return;
      const p = postingsOf(alt.term);
      const weight = alt.weight;
      for (let j = 0; j < p.ids.length; j++) {
        const n = p.ids[j]!;
        if (allowed && !allowed(n)) continue;
        const s = p.scores[j]! * weight;
        const own = p.own[j]!;
        const o = 4 * n;
        if (G[o] !== groupStamp) {
          G[o] = groupStamp;
          G[o + 1] = s;
          G[o + 2] = weight;
          G[o + 3] = 2 * ai + own;
          members.push(n);
        } else if (s > G[o + 1]!) {
          G[o + 1] = s;
          G[o + 2] = Math.max(weight, G[o + 2]!);
          G[o + 3] = 2 * ai + (own | (G[o + 3]! & 1));
        } else if (own) G[o + 3] = G[o + 3]! | 1;
      }
    });
    const altOwn = new Int32Array(members.length);
    const groupWeight = group.weight;
    const idfWeight = group.weight * groupIdf[gi]!;
    for (let k = 0; k < members.length; k++) {
      const n = members[k]!;
      const o = 4 * n;
      const ao = G[o + 3]!;
      altOwn[k] = ao;
      const a = 3 * n;
      if (A[a] !== stamp) {
        A[a] = stamp;
        A[a + 1] = 0;
        A[a + 2] = 0;
        touched.push(n);
      }
      A[a + 1] = A[a + 1]! + G[o + 1]! * groupWeight;
      // A match through the previous sentence (an anaphor's antecedent) covers the word half.
      // A looser alternative (a later translation, an alias) covers the word only in part.
      if (!group.optional) A[a + 2] = A[a + 2]! + idfWeight * Math.min(1, G[o + 2]!) * (ao & 1 ? 1 : CONTEXT_COVERAGE);
    }
    groupMembers.push({ members, altOwn });
  });

  // Final scores: role and answer type, for the sentences that can still make the cut.
  const base = new Float64Array(touched.length);
  for (let i = 0; i < touched.length; i++) base[i] = A[3 * touched[i]! + 1]!;
  const questionTerms = new Set(plan.groups.flatMap((g) => g.alternatives.map((a) => a.term)).concat(plan.groups.map((g) => fold(g.word))));
  const final = (i: number): Scored | null => {
    const n = touched[i]!;
    const id = scorer.idOf(n);
    const sentence = id === undefined ? undefined : index.sentences.get(id);
    if (!sentence) return null;
    let value = base[i]! * ROLE_WEIGHT[sentence.role];
    let typed = false;
    const answers = index.answers.get(sentence.id);
    // A quote question's typed answer depends on what the quote is about, which the second stage weighs (rerank.ts).
    if (answers && plan.answerType !== 'other' && plan.answerType !== 'yesno' && plan.answerType !== 'quote') {
      typed =
        plan.answerType === 'person'
          ? answers.names.some((name) => !questionTerms.has(name) && !questionTerms.has(name.replace(/s$/, '')))
          : plan.answerType === 'definition'
            ? plan.groups.some((g) => answers.defines.includes(fold(g.word)))
            : answers.types.has(plan.answerType);
      if (typed) value *= 1 + ANSWER_TYPE_BONUS;
    }
    return { id: sentence.id, score: value, coverage: A[3 * n + 2]! / totalWeight, typed, matches: [] };
  };
  const byRank = (a: Scored, b: Scored) => b.score - a.score || a.id.localeCompare(b.id);
  let results: Scored[];
  const reranking = options.rerank !== false && index.mechanisms.rerank;
  // The first stage keeps enough candidates for the second to choose from.
  const limit = options.limit !== undefined && options.limit > 0 ? (reranking ? Math.max(options.limit, RERANK_DEPTH) : options.limit) : reranking ? RERANK_DEPTH : undefined;
  if (limit !== undefined && touched.length > limit && reranking) {
    // The second stage re-orders the pool anyway: the best sentences by word score are the pool (ties by id,
    // so the pool does not depend on how sentences happen to be numbered).
    const top = topByScore(base, limit);
    const cut = Math.min(...top.map((i) => base[i]!));
    const tied: number[] = [];
    for (let i = 0; i < base.length; i++) if (base[i]! >= cut) tied.push(i);
    const id = (i: number) => scorer.idOf(touched[i]!) ?? '';
    tied.sort((a, b) => base[b]! - base[a]! || id(a).localeCompare(id(b)));
    results = tied
      .slice(0, limit)
      .map(final)
      .filter((r): r is Scored => r !== null)
      .sort(byRank);
  } else if (limit !== undefined && touched.length > limit) {
    const topIndexes = topByScore(base, limit);
    const top = topIndexes.map(final).filter((r): r is Scored => r !== null);
    const cut = top.length >= limit ? Math.min(...top.map((r) => r.score)) : -Infinity;
    const evaluated = new Set(topIndexes);
    const pool = [...top];
    // Any sentence whose word score times MAX_FACTOR reaches the cut may still get in (a little slack for rounding).
    const bound = cut / MAX_FACTOR - Math.abs(cut) * 1e-9;
    for (let i = 0; i < base.length; i++) {
      if (base[i]! < bound || evaluated.has(i)) continue;
      const r = final(i);
      if (r) pool.push(r);
    }
    results = pool.sort(byRank).slice(0, limit);
  } else {
    results = [];
    for (let i = 0; i < touched.length; i++) {
      const r = final(i);
      if (r) results.push(r);
    }
    results.sort(byRank);
  }

  // The second stage: the fitted model rescores the candidates and decides whether to answer.
  let confidence: number | null = null;
  const input: RerankInput = {
    groupIdf,
    absent: plan.groups.map((g) => g.alternatives.every((a) => df(a.term) === 0)),
    presence: plan.groups.map((g) => Math.max(0, ...g.alternatives.filter((a) => df(a.term) > 0).map((a) => Math.min(1, a.weight)))),
  };
  if (reranking) {
    const rescored = rerank(index, plan, input, results.map((r) => ({ id: r.id, base: r.score })));
    rescored.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
    confidence = answerProbability(questionFeatures(plan, input, rescored, rescored[0] ? topicSimilarity(index, plan, rescored[0].id) : 0));
    const byId = new Map(results.map((r) => [r.id, r]));
    results = rescored.map((r) => ({ ...byId.get(r.id)!, score: r.score, coverage: r.coverage, typed: r.typed }));
  }
  if (options.limit !== undefined && options.limit > 0) results = results.slice(0, options.limit);

  // Which question word reached each result, through which term.
  if (results.length) {
    const slot = new Map<number, Scored>();
    const resultStamp = scratch.next();
    for (const r of results) {
      const n = scorer.numberOf(r.id)!;
      slot.set(n, r);
      scratch.mark[n] = resultStamp;
    }
    plan.groups.forEach((group, gi) => {
      const { members, altOwn } = groupMembers[gi]!;
      for (let k = 0; k < members.length; k++) {
        const n = members[k]!;
        if (scratch.mark[n] !== resultStamp || !(altOwn[k]! & 1)) continue;
        const alt = group.alternatives[altOwn[k]! >> 1]!;
        slot.get(n)!.matches.push({ word: group.word, term: alt.term, via: alt.via });
      }
    });
  }

  // A name the corpus never mentions, or most of the question's key nouns missing, means another story.
  const keyGroups = plan.groups.filter((g) => g.isKey && !g.optional);
  const missingKeys = missing.filter((g) => g.isKey);
  const offTopic = missingKeys.some((g) => g.isName) || (missingKeys.length > 0 && 2 * missingKeys.length >= keyGroups.length);
  const top = results[0];
  if (confidence !== null) {
    const weak = !top || confidence < ANSWER_THRESHOLD;
    const absentKeys = missingKeys.map((g) => g.word);
    return { results, missing: weak ? (absentKeys.length ? absentKeys : missing.map((g) => g.word)) : [], weak, confidence, evidence: input };
  }
  const weak = !top || top.coverage < MIN_COVERAGE || offTopic;
  return { results, missing: offTopic ? missingKeys.map((g) => g.word) : weak ? missing.map((g) => g.word) : [], weak, confidence, evidence: input };
}
