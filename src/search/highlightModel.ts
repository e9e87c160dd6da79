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
    "bias": -0.8773,
    "person": -0.0855,
    "name": -0.3687,
    "time": 0.5101,
    "number": 0.1451,
    "place": -0.1538,
    "reason": -0.0259,
    "definition": -0.0049,
    "sort": -0.0293,
    "explicit": 0.2553,
    "share": 0.212,
    "margin": 0.1744,
    "alone": -0.2109,
    "rivals": -0.181,
    "proximity": 0.0574,
    "adjacent": 0.1338,
    "governed": 0.1005,
    "nounNext": 0.5509,
    "coverage": 0.2116,
    "acronym": -0.1316,
    "length": 0.1839,
    "far": -0.329,
    "nameNear": 0.0017,
    "personNear": 0.079,
    "numberNear": 0.0131,
    "clause": 0.1291,
    "englishWord": -0.2564,
    "germanWord": -0.2052,
    "measure": 0.056,
    "otherNoun": 0.0705,
    "support": 0.2342,
    "namesMissing": 0.0128,
    "later": -0.842,
    "scoreGap": -0.713
  }
};

/**
 * Least confidence at which a highlight is shown: the least at which, on
 * held-out XQuAD dev articles (English questions on the German text), at
 * least 70 % of the shown spans have token F1 ≥ 0.5 with the gold span.
 */
export const HIGHLIGHT_THRESHOLD = 0.29;
