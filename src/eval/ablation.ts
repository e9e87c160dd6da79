/**
 * Ablation: the eval with each retrieval mechanism switched off in turn, to
 * show what each one contributes.
 */
import type { Article } from '../corpus/types.ts';
import { createEngine } from '../engine/engine.ts';
import { ALL_MECHANISMS, type Mechanisms } from '../search/mechanisms.ts';
import { type EvalQuestion, type EvalSummary, evaluate } from './evaluate.ts';

/** One row of the ablation table: which mechanism was off (null: none) and the eval figures. */
export interface AblationRow {
  off: keyof Mechanisms | 'all' | null;
  summary: EvalSummary;
}

/** Runs the eval with all mechanisms, with each one off, and with all off. */
export function ablate(articles: readonly Article[], questions: readonly EvalQuestion[]): AblationRow[] {
  const run = (mechanisms: Partial<Mechanisms>) => evaluate(createEngine(articles, { mechanisms }).ask, questions);
  const names = Object.keys(ALL_MECHANISMS) as (keyof Mechanisms)[];
  const none = Object.fromEntries(names.map((n) => [n, false])) as unknown as Mechanisms;
  return [
    { off: null, summary: run({}) },
    ...names.map((name): AblationRow => ({ off: name, summary: run({ [name]: false }) })),
    { off: 'all', summary: run(none) },
  ];
}
