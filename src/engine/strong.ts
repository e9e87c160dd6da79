/**
 * Which answers are about as strong as the best one: a reply shows those
 * first and keeps the rest for a "More" page, so a reader is not handed
 * weak passages as part of the answer. Pure, so the ratio can be re-tuned
 * (`npm run eval:shown`) whenever ranking scores change.
 */

/**
 * Default of {@link strongCount}'s `ratio`: an answer is shown first when its
 * score is at least this share of the best answer's score. Chosen with
 * `npm run eval:shown` on the seed's and XQuAD's dev questions: at 0.95 the
 * seed's replies show one quote each, and XQuAD's 1.10 on average, where a
 * second quote within 5 % of the best is right about a quarter of the time;
 * below it, wrong second quotes grow faster than right ones (figures in the
 * README). Re-measure it whenever the ranking's scores change (the second
 * stage's scores are a linear model's; a best score of 0 or less shows one).
 */
export const STRONG_RATIO = 0.95;

/**
 * How many leading answers (scores best first) are at least `ratio` times as
 * strong as the first: always at least 1 when there is an answer, at most
 * `max`. A ratio of 0 shows `max`; a ratio above 1 shows the first alone.
 * Scores that are not finite, or a best score of 0 or less, count only the
 * first answer as strong.
 *
 * @param scores - the answers' scores, best first
 * @param ratio - least share of the best score. Default: {@link STRONG_RATIO}
 * @param max - most answers counted. Default: no limit
 */
export function strongCount(scores: readonly number[], ratio: number = STRONG_RATIO, max = Infinity): number {
  if (scores.length === 0 || max < 1) return 0;
  const best = scores[0]!;
  const limit = Math.min(scores.length, Math.floor(max));
  if (!(best > 0) || !Number.isFinite(best)) return 1;
  let n = 1;
  while (n < limit && Number.isFinite(scores[n]!) && scores[n]! >= ratio * best) n++;
  return n;
}
