/**
 * Retrieval quality on a question file: each line is
 * `{"id", "lang", "q", "gold": [substrings]}`; `gold: []` means the right
 * reply is "not in the article" (an abstention).
 */
import { readFileSync } from 'node:fs';
import type { AskOptions, AskResult } from '../engine/engine.ts';

/** One question of an eval file. */
export interface EvalQuestion {
  id: string;
  lang?: string;
  q: string;
  gold: string[];
}

/** Outcome of one question. */
export interface EvalRow {
  question: EvalQuestion;
  /** 1-based rank of the first answer containing a gold substring; null when none does. */
  rank: number | null;
  abstained: boolean;
  top: string | null;
}

/** Figures over a question file. */
export interface EvalSummary {
  rows: EvalRow[];
  answerable: number;
  outOfScope: number;
  hit1: number;
  hit3: number;
  /** Mean reciprocal rank over the answerable questions (answers up to rank 10). */
  mrr: number;
  /** Out-of-scope questions correctly abstained. */
  abstainedOutOfScope: number;
  /** Answerable questions wrongly abstained. */
  abstainedInScope: number;
}

/** Reads a JSONL question file; throws naming the line of a malformed entry. */
export function readQuestions(path: string): EvalQuestion[] {
  const out: EvalQuestion[] = [];
  readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let q: unknown;
    try {
      q = JSON.parse(line);
    } catch {
      throw new Error(`${path}:${i + 1}: not valid JSON`);
    }
    const e = q as EvalQuestion;
    if (typeof e?.q !== 'string' || !Array.isArray(e.gold)) throw new Error(`${path}:${i + 1}: needs "q" (text) and "gold" (list)`);
    out.push({ id: String(e.id ?? `line-${i + 1}`), lang: e.lang, q: e.q, gold: e.gold.map(String) });
  });
  return out;
}

/** Asks every question and scores the replies. */
export function evaluate(ask: (q: string, o: AskOptions) => AskResult, questions: readonly EvalQuestion[]): EvalSummary {
  const rows: EvalRow[] = questions.map((question) => {
    const result = ask(question.q, { limit: 10 });
    const idx = result.answers.findIndex((a) => question.gold.some((g) => a.text.includes(g)));
    return { question, rank: idx >= 0 ? idx + 1 : null, abstained: result.abstained, top: result.answers[0]?.text ?? null };
  });
  const answerable = rows.filter((r) => r.question.gold.length > 0);
  const outOfScope = rows.filter((r) => r.question.gold.length === 0);
  return {
    rows,
    answerable: answerable.length,
    outOfScope: outOfScope.length,
    hit1: answerable.filter((r) => r.rank === 1).length,
    hit3: answerable.filter((r) => r.rank !== null && r.rank <= 3).length,
    mrr: answerable.length ? answerable.reduce((s, r) => s + (r.rank ? 1 / r.rank : 0), 0) / answerable.length : 0,
    abstainedOutOfScope: outOfScope.filter((r) => r.abstained).length,
    abstainedInScope: answerable.filter((r) => r.abstained).length,
  };
}
