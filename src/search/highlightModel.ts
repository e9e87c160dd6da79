/**
 * The fitted weights of highlighting (see highlight.ts). Written by
 * `npm run train:highlight -- --write` (scripts/train-highlight.ts) from the
 * shared dev data; edit that script, not these numbers.
 */
import type { HighlightModel } from './highlight.ts';

/** Span weights (CANDIDATE_FEATURES) and confidence weights (CONFIDENCE_FEATURES). */
export const HIGHLIGHT_MODEL: HighlightModel = {
  "span": {
    "proximity": 1.1114,
    "adjacent": 1.1478,
    "governed": 0.292,
    "nounNext": 1.4313,
    "before": 0.1613,
    "opening": 0.0215,
    "acronym": -0.7112,
    "length": 0.2471,
    "quoted": 0.2451,
    "unit": -0.4423,
    "modified": 0.0523,
    "measure": 0.4619,
    "clause": 0.5978,
    "between": -0.197,
    "nounBefore": 0.3003,
    "otherNoun": -0.4805,
    "englishWord": -0.9287,
    "germanWord": -0.1803
  },
  "confidence": {
    "bias": -0.9006,
    "person": -0.0541,
    "name": -0.3676,
    "time": 0.4685,
    "number": 0.1212,
    "place": -0.1452,
    "reason": -0.0411,
    "definition": -0.0052,
    "sort": 0.0099,
    "explicit": 0.2116,
    "share": 0.2136,
    "margin": 0.1917,
    "alone": -0.219,
    "rivals": -0.1735,
    "proximity": 0.0761,
    "adjacent": 0.1678,
    "governed": 0.1016,
    "nounNext": 0.5902,
    "coverage": 0.2096,
    "acronym": -0.0876,
    "length": 0.1542,
    "far": -0.296,
    "nameNear": 0.0466,
    "personNear": 0.0616,
    "numberNear": 0.0313,
    "clause": 0.0919,
    "englishWord": -0.2651,
    "germanWord": -0.2108,
    "measure": 0.1012,
    "otherNoun": 0.072,
    "support": 0.2347,
    "namesMissing": 0.0523,
    "later": -0.8506,
    "scoreGap": -0.7323
  }
};

/**
 * Least confidence at which a highlight is shown: the least at which, on
 * held-out XQuAD dev articles (English questions on the German text), at
 * least 70 % of the shown spans have token F1 ≥ 0.5 with the gold span.
 */
export const HIGHLIGHT_THRESHOLD = 0.39;
