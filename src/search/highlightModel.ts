/**
 * The fitted weights of highlighting (see highlight.ts). Written by
 * `npm run train:highlight -- --write` (scripts/train-highlight.ts) from the
 * shared dev data; edit that script, not these numbers.
 */
import type { HighlightModel } from './highlight.ts';

/** Span weights (CANDIDATE_FEATURES) and confidence weights (CONFIDENCE_FEATURES). */
export const HIGHLIGHT_MODEL: HighlightModel = {
  "span": {
    "proximity": 1.0444,
    "adjacent": 1.219,
    "governed": 0.3078,
    "nounNext": 1.418,
    "before": 0.2206,
    "opening": 0.1199,
    "acronym": -0.6281,
    "length": 0.2811,
    "quoted": 0.3357,
    "unit": -0.3373,
    "modified": 0.0517,
    "measure": 0.4878,
    "clause": 0.5574,
    "between": -0.1806,
    "nounBefore": 0.3668,
    "otherNoun": -0.5441,
    "englishWord": -0.9059,
    "germanWord": -0.1715
  },
  "confidence": {
    "bias": -0.9105,
    "person": -0.0739,
    "name": -0.3891,
    "time": 0.4875,
    "number": 0.1492,
    "place": -0.1563,
    "reason": -0.0203,
    "definition": -0.005,
    "sort": -0.0054,
    "explicit": 0.254,
    "share": 0.1983,
    "margin": 0.177,
    "alone": -0.2035,
    "rivals": -0.1904,
    "proximity": 0.0456,
    "adjacent": 0.1443,
    "governed": 0.0942,
    "nounNext": 0.5524,
    "coverage": 0.2218,
    "acronym": -0.1494,
    "length": 0.1947,
    "far": -0.2884,
    "nameNear": 0.0162,
    "personNear": 0.042,
    "numberNear": 0.0118,
    "clause": 0.1337,
    "englishWord": -0.2575,
    "germanWord": -0.2134,
    "measure": 0.0643,
    "otherNoun": 0.0751,
    "support": 0.2456,
    "namesMissing": 0.0311,
    "later": -0.8115,
    "scoreGap": -0.7117
  }
};

/**
 * Least confidence at which a highlight is shown: the least at which, on
 * held-out XQuAD dev articles (English questions on the German text), at
 * least 70 % of the shown spans have token F1 ≥ 0.5 with the gold span.
 */
export const HIGHLIGHT_THRESHOLD = 0.36;
