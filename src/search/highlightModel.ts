/**
 * The fitted weights of highlighting (see highlight.ts). Written by
 * `npm run train:highlight -- --write` (scripts/train-highlight.ts) from the
 * shared dev data; edit that script, not these numbers.
 */
import type { HighlightModel } from './highlight.ts';

/** Span weights (CANDIDATE_FEATURES) and confidence weights (CONFIDENCE_FEATURES). */
export const HIGHLIGHT_MODEL: HighlightModel = {
  "span": {
    "proximity": 0.8818,
    "adjacent": 1.3068,
    "governed": 0.0491,
    "nounNext": 1.3416,
    "before": 0.1458,
    "opening": 0.0489,
    "acronym": -0.6996,
    "length": 0.2988,
    "quoted": 0.2256,
    "unit": -0.1698,
    "modified": 0.0801,
    "measure": 0.5564,
    "clause": 0.5818,
    "between": -0.2629,
    "nounBefore": 0.368,
    "otherNoun": -0.6835,
    "englishWord": -0.7771,
    "germanWord": -0.2897
  },
  "confidence": {
    "bias": -0.7769,
    "person": -0.1719,
    "name": -0.2886,
    "time": 0.574,
    "number": 0.2081,
    "place": -0.2445,
    "reason": 0.0013,
    "definition": -0.0066,
    "sort": -0.082,
    "explicit": 0.2889,
    "share": 0.2046,
    "margin": 0.1723,
    "alone": -0.198,
    "rivals": -0.2125,
    "proximity": 0.0975,
    "adjacent": 0.1631,
    "governed": 0.0346,
    "nounNext": 0.5516,
    "coverage": 0.1337,
    "acronym": -0.075,
    "length": 0.1815,
    "far": -0.3417,
    "nameNear": -0.0634,
    "personNear": 0.1445,
    "numberNear": 0.0332,
    "clause": 0.0548,
    "englishWord": -0.2219,
    "germanWord": -0.2035,
    "measure": 0.1227,
    "otherNoun": 0.0255,
    "support": 0.168,
    "namesMissing": 0.0554,
    "later": -0.9031,
    "scoreGap": -0.7333
  }
};

/**
 * Least confidence at which a highlight is shown: the least at which, on
 * held-out XQuAD dev articles (English questions on the German text), at
 * least 70 % of the shown spans have token F1 ≥ 0.5 with the gold span.
 */
export const HIGHLIGHT_THRESHOLD = 0.33;
