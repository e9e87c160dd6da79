/**
 * The fitted weights of highlighting (see highlight.ts). Written by
 * `npm run train:highlight -- --write` (scripts/train-highlight.ts) from the
 * shared dev data; edit that script, not these numbers.
 */
import type { HighlightModel } from './highlight.ts';

/** Span weights (CANDIDATE_FEATURES) and confidence weights (CONFIDENCE_FEATURES). */
export const HIGHLIGHT_MODEL: HighlightModel = {
  "span": {
    "proximity": 0.8843,
    "adjacent": 1.2793,
    "governed": 0.0489,
    "nounNext": 1.3281,
    "before": 0.1333,
    "opening": 0.052,
    "acronym": -0.7033,
    "length": 0.2888,
    "quoted": 0.2278,
    "unit": -0.143,
    "modified": 0.0769,
    "measure": 0.5531,
    "clause": 0.5845,
    "between": -0.2594,
    "nounBefore": 0.3686,
    "otherNoun": -0.6731,
    "englishWord": -0.7961,
    "germanWord": -0.284
  },
  "confidence": {
    "bias": -0.7344,
    "person": -0.1255,
    "name": -0.2627,
    "time": 0.5785,
    "number": 0.1514,
    "place": -0.2504,
    "reason": -0.0007,
    "definition": -0.0068,
    "sort": -0.0931,
    "explicit": 0.2742,
    "share": 0.2025,
    "margin": 0.1766,
    "alone": -0.2012,
    "rivals": -0.2033,
    "proximity": 0.0923,
    "adjacent": 0.1504,
    "governed": 0.036,
    "nounNext": 0.6214,
    "coverage": 0.1062,
    "acronym": -0.0894,
    "length": 0.1759,
    "far": -0.3484,
    "nameNear": -0.0018,
    "personNear": 0.0759,
    "numberNear": 0.0446,
    "clause": 0.0864,
    "englishWord": -0.194,
    "germanWord": -0.2349,
    "measure": 0.1347,
    "otherNoun": -0.0047,
    "support": 0.1359,
    "namesMissing": 0.0276,
    "later": -0.8344,
    "scoreGap": -0.7509
  }
};

/**
 * Least confidence at which a highlight is shown: the least at which, on
 * held-out XQuAD dev articles (English questions on the German text), at
 * least 70 % of the shown spans have token F1 ≥ 0.5 with the gold span.
 */
export const HIGHLIGHT_THRESHOLD = 0.35;
