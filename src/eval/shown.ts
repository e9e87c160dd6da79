/**
 * How many quotes a reply shows first, and how often a shown quote that is
 * not the first is wrong, for candidate ratios of {@link strongCount}: the
 * figures behind `STRONG_RATIO` (`npm run eval:shown`). A quote is right when
 * it contains a gold substring; questions the engine refuses, and questions
 * with no gold (the right reply is a refusal), are left out.
 */
import { strongCount } from '../engine/strong.ts';

/** One answered question: its answers' scores and whether each answer is right, best first. */
export interface ShownCase {
  scores: number[];
  right: boolean[];
}

/** Figures of one ratio over a set of questions. */
export interface ShownFigures {
  /** The ratio (null: the old reply, the first `pageSize` answers). */
  ratio: number | null;
  questions: number;
  /** Average quotes shown per reply. */
  averageShown: number;
  /** Shown quotes that are not the first. */
  extraShown: number;
  /** ...of which wrong (no gold substring). */
  extraWrong: number;
  /** Replies whose first quote is wrong but another shown quote is right (what showing more buys). */
  rescued: number;
  /** Replies whose first quote is right. */
  firstRight: number;
}

/** The shown-quotes figures of each ratio (null: the first `pageSize`, as replies were before). */
export function shownFigures(cases: readonly ShownCase[], ratios: readonly (number | null)[], pageSize = 3): ShownFigures[] {
  return ratios.map((ratio) => {
    const f: ShownFigures = { ratio, questions: cases.length, averageShown: 0, extraShown: 0, extraWrong: 0, rescued: 0, firstRight: 0 };
    for (const c of cases) {
      const n = ratio === null ? Math.min(pageSize, c.scores.length) : strongCount(c.scores, ratio, pageSize);
      f.averageShown += n;
      f.extraShown += Math.max(0, n - 1);
      for (let i = 1; i < n; i++) if (!c.right[i]) f.extraWrong++;
      if (c.right[0]) f.firstRight++;
      else if (c.right.slice(1, n).some(Boolean)) f.rescued++;
    }
    if (cases.length) f.averageShown /= cases.length;
    return f;
  });
}

/** A case from an engine's answers and the gold substrings. */
export function shownCase(answers: readonly { text: string; score: number }[], gold: readonly string[]): ShownCase {
  return { scores: answers.map((a) => a.score), right: answers.map((a) => gold.some((g) => a.text.includes(g))) };
}
