/**
 * The fitted weights of highlighting (see highlight.ts). Written by
 * `npm run train:highlight -- --write` (scripts/train-highlight.ts) from the
 * shared dev data; edit that script, not these numbers.
 */
import type { HighlightModel } from './highlight.ts';

/** Span weights (CANDIDATE_FEATURES) and confidence weights (CONFIDENCE_FEATURES). */
export const HIGHLIGHT_MODEL: HighlightModel = {
  "span": {
    "proximity": 0.9411,
    "adjacent": 1.2996,
    "governed": 0.0521,
    "nounNext": 1.3074,
    "before": 0.1975,
    "opening": 0.1382,
    "acronym": -0.6746,
    "length": 0.3637,
    "quoted": 0.0767,
    "unit": -0.2666,
    "modified": 0.0256,
    "measure": 0.5008,
    "clause": 0.5969,
    "between": -0.2868,
    "nounBefore": 0.4389,
    "otherNoun": -0.735,
    "englishWord": -0.7682,
    "germanWord": -0.192
  },
  "confidence": {
    "bias": -0.8459,
    "person": -0.1314,
    "name": -0.313,
    "time": 0.5427,
    "number": 0.1591,
    "place": -0.2242,
    "reason": 0.0042,
    "definition": -0.0054,
    "sort": -0.0436,
    "explicit": 0.2537,
    "share": 0.2011,
    "margin": 0.1654,
    "alone": -0.1891,
    "rivals": -0.2395,
    "proximity": 0.0458,
    "adjacent": 0.1425,
    "governed": 0.0358,
    "nounNext": 0.5671,
    "coverage": 0.2059,
    "acronym": -0.1136,
    "length": 0.15,
    "far": -0.298,
    "nameNear": -0.0651,
    "personNear": 0.144,
    "numberNear": 0.0502,
    "clause": 0.1244,
    "englishWord": -0.2217,
    "germanWord": -0.1841,
    "measure": 0.0685,
    "otherNoun": 0.0298,
    "support": 0.237,
    "namesMissing": 0.003,
    "later": -0.8044,
    "scoreGap": -0.7289
  }
};

/**
 * Least confidence at which a highlight is shown: the least at which, on
 * held-out XQuAD dev articles (English questions on the German text), at
 * least 70 % of the shown spans have token F1 ≥ 0.5 with the gold span.
 */
export const HIGHLIGHT_THRESHOLD = 0.36;
