/**
 * The fitted weights of highlighting (see highlight.ts). Written by
 * `npm run train:highlight -- --write` (scripts/train-highlight.ts) from the
 * shared dev data; edit that script, not these numbers.
 */
import type { HighlightModel } from './highlight.ts';

/** Span weights (CANDIDATE_FEATURES) and confidence weights (CONFIDENCE_FEATURES). */
export const HIGHLIGHT_MODEL: HighlightModel = {
  "span": {
    "proximity": 1.0582,
    "adjacent": 1.2166,
    "governed": 0.3073,
    "nounNext": 1.419,
    "before": 0.2114,
    "opening": 0.1181,
    "acronym": -0.6379,
    "length": 0.3022,
    "quoted": 0.3672,
    "unit": -0.3383,
    "modified": 0.0421,
    "measure": 0.4859,
    "clause": 0.566,
    "between": -0.1839,
    "nounBefore": 0.3649,
    "otherNoun": -0.5314,
    "englishWord": -0.8855,
    "germanWord": -0.1938
  },
  "confidence": {
    "bias": -0.8528,
    "person": -0.0846,
    "name": -0.3783,
    "time": 0.5002,
    "number": 0.14,
    "place": -0.1575,
    "reason": -0.0207,
    "definition": -0.005,
    "sort": -0.0065,
    "explicit": 0.2447,
    "share": 0.2097,
    "margin": 0.1715,
    "alone": -0.2134,
    "rivals": -0.1932,
    "proximity": 0.0517,
    "adjacent": 0.1357,
    "governed": 0.0936,
    "nounNext": 0.5622,
    "coverage": 0.2027,
    "acronym": -0.151,
    "length": 0.184,
    "far": -0.296,
    "nameNear": -0.0041,
    "personNear": 0.0607,
    "numberNear": 0.0147,
    "clause": 0.1271,
    "englishWord": -0.2388,
    "germanWord": -0.2178,
    "measure": 0.0622,
    "otherNoun": 0.0769,
    "support": 0.2293,
    "namesMissing": 0.0185,
    "later": -0.78,
    "scoreGap": -0.7349
  }
};

/**
 * Least confidence at which a highlight is shown: the least at which, on
 * held-out XQuAD dev articles (English questions on the German text), at
 * least 70 % of the shown spans have token F1 ≥ 0.5 with the gold span.
 */
export const HIGHLIGHT_THRESHOLD = 0.29;
