/**
 * The fitted weights of highlighting (see highlight.ts). Written by
 * `npm run train:highlight -- --write` (scripts/train-highlight.ts) from the
 * shared dev data; edit that script, not these numbers.
 */
import type { HighlightModel } from './highlight.ts';

/** Span weights (CANDIDATE_FEATURES) and confidence weights (CONFIDENCE_FEATURES). */
export const HIGHLIGHT_MODEL: HighlightModel = {
  "span": {
    "proximity": 0.8997,
    "adjacent": 1.2684,
    "governed": 0.0522,
    "nounNext": 1.3073,
    "before": 0.2165,
    "opening": 0.1379,
    "acronym": -0.6778,
    "length": 0.3309,
    "quoted": 0.2482,
    "unit": -0.2516,
    "modified": 0.0299,
    "measure": 0.4965,
    "clause": 0.5944,
    "between": -0.2806,
    "nounBefore": 0.4728,
    "otherNoun": -0.7252,
    "englishWord": -0.7743,
    "germanWord": -0.1966
  },
  "confidence": {
    "bias": -0.8035,
    "person": -0.1201,
    "name": -0.3094,
    "time": 0.5318,
    "number": 0.1585,
    "place": -0.2285,
    "reason": 0.007,
    "definition": -0.0056,
    "sort": -0.0447,
    "explicit": 0.2499,
    "share": 0.2108,
    "margin": 0.1615,
    "alone": -0.1909,
    "rivals": -0.2623,
    "proximity": 0.0328,
    "adjacent": 0.1349,
    "governed": 0.0356,
    "nounNext": 0.5719,
    "coverage": 0.2031,
    "acronym": -0.113,
    "length": 0.1502,
    "far": -0.3152,
    "nameNear": -0.0832,
    "personNear": 0.155,
    "numberNear": 0.0411,
    "clause": 0.1194,
    "englishWord": -0.2156,
    "germanWord": -0.1804,
    "measure": 0.0695,
    "otherNoun": 0.0312,
    "support": 0.2329,
    "namesMissing": 0.0093,
    "later": -0.8249,
    "scoreGap": -0.7322
  }
};

/**
 * Least confidence at which a highlight is shown: the least at which, on
 * held-out XQuAD dev articles (English questions on the German text), at
 * least 70 % of the shown spans have token F1 ≥ 0.5 with the gold span.
 */
export const HIGHLIGHT_THRESHOLD = 0.35;
