/**
 * The fitted weights of highlighting (see highlight.ts). Written by
 * `npm run train:highlight -- --write` (scripts/train-highlight.ts) from the
 * shared dev data; edit that script, not these numbers.
 */
import type { HighlightModel } from './highlight.ts';

/** Span weights (CANDIDATE_FEATURES) and confidence weights (CONFIDENCE_FEATURES). */
export const HIGHLIGHT_MODEL: HighlightModel = {
  "span": {
    "proximity": 1.1129,
    "adjacent": 1.1397,
    "governed": 0.2938,
    "nounNext": 1.4328,
    "before": 0.1913,
    "opening": 0.0136,
    "acronym": -0.6971,
    "length": 0.2804,
    "quoted": 0.248,
    "unit": -0.4554,
    "modified": 0.0419,
    "measure": 0.4646,
    "clause": 0.6143,
    "between": -0.2041,
    "nounBefore": 0.3033,
    "otherNoun": -0.4896,
    "englishWord": -0.9193,
    "germanWord": -0.1729
  },
  "confidence": {
    "bias": -0.9116,
    "person": -0.0295,
    "name": -0.371,
    "time": 0.4699,
    "number": 0.0981,
    "place": -0.1461,
    "reason": -0.0407,
    "definition": -0.0053,
    "sort": 0.011,
    "explicit": 0.2109,
    "share": 0.213,
    "margin": 0.1948,
    "alone": -0.2236,
    "rivals": -0.1757,
    "proximity": 0.0802,
    "adjacent": 0.1737,
    "governed": 0.1014,
    "nounNext": 0.5992,
    "coverage": 0.206,
    "acronym": -0.0877,
    "length": 0.1539,
    "far": -0.2936,
    "nameNear": 0.0436,
    "personNear": 0.0595,
    "numberNear": 0.0407,
    "clause": 0.0982,
    "englishWord": -0.2602,
    "germanWord": -0.2017,
    "measure": 0.1086,
    "otherNoun": 0.0432,
    "support": 0.2291,
    "namesMissing": 0.0336,
    "later": -0.8582,
    "scoreGap": -0.727
  }
};

/**
 * Least confidence at which a highlight is shown: the least at which, on
 * held-out XQuAD dev articles (English questions on the German text), at
 * least 70 % of the shown spans have token F1 ≥ 0.5 with the gold span.
 */
export const HIGHLIGHT_THRESHOLD = 0.38;
