/**
 * The fitted weights of highlighting (see highlight.ts). Written by
 * `npm run train:highlight -- --write` (scripts/train-highlight.ts) from the
 * shared dev data; edit that script, not these numbers.
 */
import type { HighlightModel } from './highlight.ts';

/** Span weights (CANDIDATE_FEATURES) and confidence weights (CONFIDENCE_FEATURES). */
export const HIGHLIGHT_MODEL: HighlightModel = {
  "span": {
    "proximity": 1.0689,
    "adjacent": 1.2691,
    "governed": 0.3059,
    "nounNext": 1.4048,
    "before": 0.1751,
    "opening": 0.1193,
    "acronym": -0.6656,
    "length": 0.3147,
    "quoted": 0.2079,
    "unit": -0.3457,
    "modified": 0.0347,
    "measure": 0.4895,
    "clause": 0.5876,
    "between": -0.2207,
    "nounBefore": 0.3563,
    "otherNoun": -0.5519,
    "englishWord": -0.8936,
    "germanWord": -0.1846
  },
  "confidence": {
    "bias": -0.8313,
    "person": -0.067,
    "name": -0.3704,
    "time": 0.5059,
    "number": 0.1241,
    "place": -0.1626,
    "reason": -0.0292,
    "definition": -0.0053,
    "sort": -0.0078,
    "explicit": 0.2323,
    "share": 0.2083,
    "margin": 0.174,
    "alone": -0.2151,
    "rivals": -0.1997,
    "proximity": 0.0555,
    "adjacent": 0.1336,
    "governed": 0.0917,
    "nounNext": 0.5836,
    "coverage": 0.2138,
    "acronym": -0.1183,
    "length": 0.1603,
    "far": -0.3264,
    "nameNear": -0.0144,
    "personNear": 0.0671,
    "numberNear": 0.0226,
    "clause": 0.1272,
    "englishWord": -0.2216,
    "germanWord": -0.1965,
    "measure": 0.0743,
    "otherNoun": 0.0415,
    "support": 0.2355,
    "namesMissing": 0.0234,
    "later": -0.851,
    "scoreGap": -0.7321
  }
};

/**
 * Least confidence at which a highlight is shown: the least at which, on
 * held-out XQuAD dev articles (English questions on the German text), at
 * least 70 % of the shown spans have token F1 ≥ 0.5 with the gold span.
 */
export const HIGHLIGHT_THRESHOLD = 0.35;
