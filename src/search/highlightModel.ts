/**
 * The fitted weights of highlighting (see highlight.ts). Written by
 * `npm run train:highlight -- --write` (scripts/train-highlight.ts) from the
 * shared dev data; edit that script, not these numbers.
 */
import type { HighlightModel } from './highlight.ts';

/** Span weights (CANDIDATE_FEATURES) and confidence weights (CONFIDENCE_FEATURES). */
export const HIGHLIGHT_MODEL: HighlightModel = {
  "span": {
    "proximity": 1.0276,
    "adjacent": 1.2107,
    "governed": 0.3052,
    "nounNext": 1.4201,
    "before": 0.2025,
    "opening": 0.1195,
    "acronym": -0.6463,
    "length": 0.2934,
    "quoted": 0.377,
    "unit": -0.3286,
    "modified": 0.046,
    "measure": 0.4856,
    "clause": 0.5754,
    "between": -0.1839,
    "nounBefore": 0.3654,
    "otherNoun": -0.5246,
    "englishWord": -0.8582,
    "germanWord": -0.157
  },
  "confidence": {
    "bias": -0.8599,
    "person": -0.0782,
    "name": -0.3763,
    "time": 0.5002,
    "number": 0.1367,
    "place": -0.1578,
    "reason": -0.0244,
    "definition": -0.0051,
    "sort": -0.0074,
    "explicit": 0.2479,
    "share": 0.2109,
    "margin": 0.1773,
    "alone": -0.2103,
    "rivals": -0.1771,
    "proximity": 0.0551,
    "adjacent": 0.1326,
    "governed": 0.0999,
    "nounNext": 0.5491,
    "coverage": 0.2035,
    "acronym": -0.1364,
    "length": 0.1697,
    "far": -0.3063,
    "nameNear": 0,
    "personNear": 0.0818,
    "numberNear": 0.0187,
    "clause": 0.1236,
    "englishWord": -0.2634,
    "germanWord": -0.2091,
    "measure": 0.0571,
    "otherNoun": 0.0722,
    "support": 0.2268,
    "namesMissing": -0.0136,
    "later": -0.8315,
    "scoreGap": -0.7121
  }
};

/**
 * Least confidence at which a highlight is shown: the least at which, on
 * held-out XQuAD dev articles (English questions on the German text), at
 * least 70 % of the shown spans have token F1 ≥ 0.5 with the gold span.
 */
export const HIGHLIGHT_THRESHOLD = 0.28;
