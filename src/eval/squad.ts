/**
 * SQuAD-style answer scoring (Rajpurkar et al. 2016, the official v1.1
 * evaluation script): an answer and a gold span are normalised (lower case,
 * punctuation and symbols removed — "20-18" is one token, as there —,
 * articles removed, whitespace collapsed), then compared as
 * bags of tokens (F1) and as whole strings (exact match). Against several
 * gold spans, the best score counts.
 *
 * The official script strips the English articles a, an, the. Beleg's
 * answers are mostly German, so the German definite and indefinite articles
 * in every case (der, die, das, den, dem, des, ein, eine, einen, einem,
 * einer, eines) are stripped too, as MLQA's evaluation does for its
 * languages. Contractions of a preposition and an article (im, am, zum,
 * vom, beim) are prepositions and stay. Ported by hand: the official script
 * is Python and has no npm counterpart.
 */

const ARTICLES = new Set(['a', 'an', 'the', 'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'einer', 'eines']);

/** The normalised tokens of an answer: lower case, no punctuation, no articles. */
export function answerTokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[\p{P}\p{S}]/gu, '')
    .split(/\s+/)
    .filter((t) => t && !ARTICLES.has(t));
}

/** Token F1 of a predicted answer against one gold answer. */
export function tokenF1(predicted: string, gold: string): number {
  const p = answerTokens(predicted);
  const g = answerTokens(gold);
  if (p.length === 0 || g.length === 0) return p.length === g.length ? 1 : 0;
  const counts = new Map<string, number>();
  for (const t of g) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of p) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      common++;
      counts.set(t, n - 1);
    }
  }
  if (common === 0) return 0;
  const precision = common / p.length;
  const recall = common / g.length;
  return (2 * precision * recall) / (precision + recall);
}

/** True when the normalised answers are equal. */
export function exactMatch(predicted: string, gold: string): boolean {
  return answerTokens(predicted).join(' ') === answerTokens(gold).join(' ');
}

/** The best F1 and exact match of a predicted answer against any of the gold answers. */
export function bestMatch(predicted: string, golds: readonly string[]): { f1: number; exact: boolean } {
  let f1 = 0;
  let exact = false;
  for (const g of golds) {
    f1 = Math.max(f1, tokenF1(predicted, g));
    exact ||= exactMatch(predicted, g);
  }
  return { f1, exact };
}
