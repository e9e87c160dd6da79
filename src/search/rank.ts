/**
 * Scores sentences for a query plan. MiniSearch supplies BM25 per index term;
 * the terms are combined per question word (best alternative wins), then
 * weighted by the sentence's role.
 */
import type { QueryPlan } from './query.ts';
import { ROLE_WEIGHT, type SentenceIndex } from './sentenceIndex.ts';

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
  /** One entry per question word that matched. */
  matches: TermMatch[];
}

/** Options of {@link rank}. */
export interface RankOptions {
  /** Only sentences of this article. Default: all articles. */
  articleId?: string;
}

/** Scores every sentence that matches at least one question word, best first. */
export function rank(index: SentenceIndex, plan: QueryPlan, options: RankOptions = {}): Scored[] {
  const termScores = new Map<string, Map<string, number>>();
  for (const group of plan.groups) {
    for (const alt of group.alternatives) {
      if (termScores.has(alt.term)) continue;
      const hits = new Map<string, number>();
      for (const r of index.search.search(alt.term)) hits.set(r.id as string, r.score);
      termScores.set(alt.term, hits);
    }
  }
  const scored = new Map<string, Scored>();
  for (const group of plan.groups) {
    // For each sentence, the best alternative of this question word.
    const best = new Map<string, { score: number; term: string; via: string }>();
    for (const alt of group.alternatives) {
      for (const [id, s] of termScores.get(alt.term) ?? []) {
        const score = s * alt.weight;
        const prev = best.get(id);
        if (!prev || score > prev.score) best.set(id, { score, term: alt.term, via: alt.via });
      }
    }
    for (const [id, b] of best) {
      let entry = scored.get(id);
      if (!entry) scored.set(id, (entry = { id, score: 0, matches: [] }));
      entry.score += b.score * group.weight;
      entry.matches.push({ word: group.word, term: b.term, via: b.via });
    }
  }
  const out: Scored[] = [];
  for (const entry of scored.values()) {
    const sentence = index.sentences.get(entry.id);
    if (!sentence || (options.articleId && sentence.articleId !== options.articleId)) continue;
    entry.score *= ROLE_WEIGHT[sentence.role];
    out.push(entry);
  }
  return out.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
}
