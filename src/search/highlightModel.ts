/**
 * The fitted weights of highlighting (see highlight.ts). Written by
 * `npm run train:highlight -- --write` (scripts/train-highlight.ts) from the
 * shared dev data; edit that script, not these numbers.
 */
import type { HighlightModel } from './highlight.ts';

/** Span weights (CANDIDATE_FEATURES) and confidence weights (CONFIDENCE_FEATURES). */
export const HIGHLIGHT_MODEL: HighlightModel = {
  "span": {
    "proximity": 0.8875,
    "adjacent": 1.2731,
    "governed": 0.049,
    "nounNext": 1.3302,
    "before": 0.1355,
    "opening": 0.0521,
    "acronym": -0.7071,
    "length": 0.2804,
    "quoted": 0.2315,
    "unit": -0.1404,
    "modified": 0.0793,
    "measure": 0.5543,
    "clause": 0.5835,
    "between": -0.2643,
    "nounBefore": 0.3696,
    "otherNoun": -0.6717,
    "englishWord": -0.7967,
    "germanWord": -0.2857
  },
  "confidence": {
    "bias": -0.7542,
    "person": -0.1279,
    "name": -0.2591,
    "time": 0.5646,
    "number": 0.1569,
    "place": -0.2444,
    "reason": -0.0011,
    "definition": -0.0067,
    "sort": -0.0919,
    "explicit": 0.2671,
    "share": 0.2044,
    "margin": 0.1789,
    "alone": -0.2057,
    "rivals": -0.1907,
    "proximity": 0.0864,
    "adjacent": 0.1469,
    "governed": 0.0363,
    "nounNext": 0.6227,
    "coverage": 0.1073,
    "acronym": -0.0889,
    "length": 0.1693,
    "far": -0.3424,
    "nameNear": -0.0065,
    "personNear": 0.0712,
    "numberNear": 0.0345,
    "clause": 0.093,
    "englishWord": -0.1856,
    "germanWord": -0.2251,
    "measure": 0.1325,
    "otherNoun": -0.0028,
    "support": 0.1414,
    "namesMissing": 0.027,
    "later": -0.8479,
    "scoreGap": -0.7391
  }
};

/**
 * Least confidence at which a highlight is shown: the least at which, on
 * held-out XQuAD dev articles (English questions on the German text), at
 * least 70 % of the shown spans have token F1 ≥ 0.5 with the gold span.
 */
export const HIGHLIGHT_THRESHOLD = 0.35;
