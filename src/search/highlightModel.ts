/**
 * The fitted weights of highlighting (see highlight.ts). Written by
 * `npm run train:highlight -- --write` (scripts/train-highlight.ts) from the
 * shared dev data; edit that script, not these numbers.
 */
import type { HighlightModel } from './highlight.ts';

/** Span weights (CANDIDATE_FEATURES) and confidence weights (CONFIDENCE_FEATURES). */
export const HIGHLIGHT_MODEL: HighlightModel = {
  "span": {
    "proximity": 1.046,
    "adjacent": 1.1239,
    "governed": 0.2946,
    "nounNext": 1.3916,
    "before": 0.1704,
    "opening": 0.0199,
    "acronym": -0.7034,
    "length": 0.2651,
    "quoted": 0.3598,
    "unit": -0.4512,
    "modified": 0.0634,
    "measure": 0.4841,
    "clause": 0.5781,
    "between": -0.1627,
    "nounBefore": 0.3498,
    "otherNoun": -0.4825,
    "englishWord": -0.923,
    "germanWord": -0.174
  },
  "confidence": {
    "bias": -0.8415,
    "person": -0.0599,
    "name": -0.3846,
    "time": 0.4755,
    "number": 0.1388,
    "place": -0.1539,
    "reason": -0.0426,
    "definition": -0.0051,
    "sort": 0.0193,
    "explicit": 0.2219,
    "share": 0.1992,
    "margin": 0.1754,
    "alone": -0.2038,
    "rivals": -0.2022,
    "proximity": 0.0607,
    "adjacent": 0.1561,
    "governed": 0.1004,
    "nounNext": 0.5827,
    "coverage": 0.2175,
    "acronym": -0.0856,
    "length": 0.1537,
    "far": -0.2817,
    "nameNear": 0.0428,
    "personNear": 0.056,
    "numberNear": 0.0197,
    "clause": 0.0952,
    "englishWord": -0.2525,
    "germanWord": -0.2186,
    "measure": 0.1549,
    "otherNoun": 0.0738,
    "support": 0.2416,
    "namesMissing": 0.0518,
    "later": -0.8659,
    "scoreGap": -0.7312
  }
};

/**
 * Least confidence at which a highlight is shown: the least at which, on
 * held-out XQuAD dev articles (English questions on the German text), at
 * least 70 % of the shown spans have token F1 ≥ 0.5 with the gold span.
 */
export const HIGHLIGHT_THRESHOLD = 0.38;
