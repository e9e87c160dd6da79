/**
 * Scores sentences for a query plan and decides whether the evidence is
 * strong enough to quote. MiniSearch supplies BM25 per index term and field;
 * terms are combined per question word (best alternative wins), weighted by
 * the sentence's role, and raised when the sentence holds an answer of the
 * kind the question asks for.
 */
import { fold } from './normalize.ts';
import type { QueryPlan } from './query.ts';
import { FIELD_BOOST, ROLE_WEIGHT, type SentenceIndex } from './sentenceIndex.ts';

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
}

/** Options of {@link rank}. */
export interface RankOptions {
  /** Only sentences of this article. Default: all articles. */
  articleId?: string;
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

/** Scores every sentence that matches at least one question word, best first, and judges the evidence. */
export function rank(index: SentenceIndex, plan: QueryPlan, options: RankOptions = {}): Ranking {
  const total = Math.max(1, index.sentences.size);
  const termHits = new Map<string, Map<string, { score: number; own: boolean }>>();
  for (const group of plan.groups) {
    for (const alt of group.alternatives) {
      if (termHits.has(alt.term)) continue;
      const hits = new Map<string, { score: number; own: boolean }>();
      for (const r of index.search.search(alt.term, { boost: FIELD_BOOST })) {
        // A match only through the previous sentence (context) does not count as the sentence's own evidence.
        const own = Object.values(r.match).some((fields) => fields.some((f) => f !== 'context'));
        hits.set(r.id as string, { score: r.score, own });
      }
      termHits.set(alt.term, hits);
    }
  }

  // Each group's weight by its rarest present alternative: what matching it is worth.
  const groupIdf = plan.groups.map((g) => {
    const counts = g.alternatives.map((a) => termHits.get(a.term)!.size).filter((n) => n > 0);
    if (counts.length) return idf(Math.min(...counts), total);
    // A word the corpus lacks: a key word (name, German noun) weighs fully against the evidence;
    // other words (mostly verbs, which questions paraphrase freely) weigh less.
    return idf(0, total) * (g.isKey ? 1 : MISSING_WORD_WEIGHT);
  });
  // Optional groups (dictionary phrases on top of their words) neither count towards coverage nor go missing.
  const totalWeight = plan.groups.reduce((s, g, i) => s + (g.optional ? 0 : g.weight * groupIdf[i]!), 0) || 1;
  const missing = plan.groups.filter((g) => !g.optional && g.alternatives.every((a) => termHits.get(a.term)!.size === 0));

  const scored = new Map<string, Scored & { covered: number }>();
  plan.groups.forEach((group, gi) => {
    const best = new Map<string, { score: number; weight: number; term: string; via: string; own: boolean }>();
    for (const alt of group.alternatives) {
      for (const [id, hit] of termHits.get(alt.term)!) {
        const score = hit.score * alt.weight;
        const prev = best.get(id);
        if (!prev || score > prev.score) {
          best.set(id, { score, weight: Math.max(alt.weight, prev?.weight ?? 0), term: alt.term, via: alt.via, own: hit.own || (prev?.own ?? false) });
        } else if (hit.own) prev.own = true;
      }
    }
    for (const [id, b] of best) {
      let entry = scored.get(id);
      if (!entry) scored.set(id, (entry = { id, score: 0, coverage: 0, covered: 0, typed: false, matches: [] }));
      entry.score += b.score * group.weight;
      // A match through the previous sentence (an anaphor's antecedent) covers the word half.
      // A looser alternative (a later translation, an alias) covers the word only in part.
      if (!group.optional) entry.covered += group.weight * groupIdf[gi]! * Math.min(1, b.weight) * (b.own ? 1 : CONTEXT_COVERAGE);
      if (b.own) entry.matches.push({ word: group.word, term: b.term, via: b.via });
    }
  });

  const questionTerms = new Set(plan.groups.flatMap((g) => g.alternatives.map((a) => a.term)).concat(plan.groups.map((g) => fold(g.word))));
  const results: Scored[] = [];
  for (const entry of scored.values()) {
    const sentence = index.sentences.get(entry.id);
    if (!sentence || (options.articleId && sentence.articleId !== options.articleId)) continue;
    entry.coverage = entry.covered / totalWeight;
    entry.score *= ROLE_WEIGHT[sentence.role];
    const answers = index.answers.get(entry.id);
    if (answers && plan.answerType !== 'other' && plan.answerType !== 'yesno') {
      entry.typed =
        plan.answerType === 'person'
          ? answers.names.some((n) => !questionTerms.has(n) && !questionTerms.has(n.replace(/s$/, '')))
          : plan.answerType === 'definition'
            ? plan.groups.some((g) => answers.defines.includes(fold(g.word)))
            : answers.types.has(plan.answerType);
      if (entry.typed) entry.score *= 1 + ANSWER_TYPE_BONUS;
    }
    const { covered: _covered, ...result } = entry;
    results.push(result);
  }
  results.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));

  // A name the corpus never mentions, or most of the question's key nouns missing, means another story.
  const keyGroups = plan.groups.filter((g) => g.isKey && !g.optional);
  const missingKeys = missing.filter((g) => g.isKey);
  const offTopic = missingKeys.some((g) => g.isName) || (missingKeys.length > 0 && 2 * missingKeys.length >= keyGroups.length);
  const best = results[0];
  const weak = !best || best.coverage < MIN_COVERAGE || offTopic;
  return { results, missing: offTopic ? missingKeys.map((g) => g.word) : weak ? missing.map((g) => g.word) : [], weak };
}
