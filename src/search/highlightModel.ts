/**
 * The fitted weights of highlighting (see highlight.ts). Written by
 * `npm run train:highlight -- --write` (scripts/train-highlight.ts) from the
 * shared dev data; edit that script, not these numbers.
 */
import type { HighlightModel } from './highlight.ts';

/** Span weights (CANDIDATE_FEATURES) and confidence weights (CONFIDENCE_FEATURES). */
export const HIGHLIGHT_MODEL: HighlightModel = {
  "span": {
    "proximity": 1.0592,
    "adjacent": 1.217,
    "governed": 0.3078,
    "nounNext": 1.4199,
    "before": 0.2118,
    "opening": 0.1182,
    "acronym": -0.6383,
    "length": 0.3029,
    "quoted": 0.3668,
    "unit": -0.3391,
    "modified": 0.0419,
    "measure": 0.4868,
    "clause": 0.5658,
    "between": -0.1839,
    "nounBefore": 0.3652,
    "otherNoun": -0.532,
    "englishWord": -0.8898,
    "germanWord": -0.193
  },
  "confidence": {
    "bias": -0.8423,
    "person": -0.0729,
    "name": -0.3798,
    "time": 0.5023,
    "number": 0.1431,
    "place": -0.1557,
    "reason": -0.037,
    "definition": -0.005,
    "sort": -0.0073,
    "explicit": 0.2414,
    "share": 0.2078,
    "margin": 0.1747,
    "alone": -0.211,
    "rivals": -0.1852,
    "proximity": 0.0658,
    "adjacent": 0.1341,
    "governed": 0.0926,
    "nounNext": 0.5623,
    "coverage": 0.2015,
    "acronym": -0.1398,
    "length": 0.1746,
    "far": -0.3175,
    "nameNear": -0.0088,
    "personNear": 0.0696,
    "numberNear": 0.012,
    "clause": 0.1278,
    "englishWord": -0.2447,
    "germanWord": -0.2258,
    "measure": 0.062,
    "otherNoun": 0.0697,
    "support": 0.2263,
    "namesMissing": 0.0407,
    "later": -0.8498,
    "scoreGap": -0.7217
  }
};

/**
 * Least confidence at which a highlight is shown: the least at which, on
 * held-out XQuAD dev articles (English questions on the German text), at
 * least 70 % of the shown spans have token F1 ≥ 0.5 with the gold span.
 */
export const HIGHLIGHT_THRESHOLD = 0.30;
