/**
 * The fitted weights of highlighting (see highlight.ts). Written by
 * `npm run train:highlight -- --write` (scripts/train-highlight.ts) from the
 * shared dev data; edit that script, not these numbers.
 */
import type { HighlightModel } from './highlight.ts';

/** Span weights (CANDIDATE_FEATURES) and confidence weights (CONFIDENCE_FEATURES). */
export const HIGHLIGHT_MODEL: HighlightModel = {
  "span": {
    "proximity": 0.8666,
    "adjacent": 1.2301,
    "governed": 0.0502,
    "nounNext": 1.3389,
    "before": 0.2109,
    "opening": 0.1486,
    "acronym": -0.6798,
    "length": 0.3264,
    "quoted": 0.2539,
    "unit": -0.3047,
    "modified": 0.0583,
    "measure": 0.5007,
    "clause": 0.6031,
    "between": -0.2382,
    "nounBefore": 0.4417,
    "otherNoun": -0.639,
    "englishWord": -0.779,
    "germanWord": -0.2073
  },
  "confidence": {
    "bias": -0.8361,
    "person": -0.1372,
    "name": -0.3179,
    "time": 0.5074,
    "number": 0.1606,
    "place": -0.1754,
    "reason": -0.0206,
    "definition": -0.0076,
    "sort": -0.0211,
    "explicit": 0.2611,
    "share": 0.218,
    "margin": 0.1792,
    "alone": -0.209,
    "rivals": -0.228,
    "proximity": 0.0337,
    "adjacent": 0.1434,
    "governed": 0.0353,
    "nounNext": 0.5558,
    "coverage": 0.1875,
    "acronym": -0.111,
    "length": 0.2072,
    "far": -0.325,
    "nameNear": -0.0313,
    "personNear": 0.1066,
    "numberNear": 0.0364,
    "clause": 0.064,
    "englishWord": -0.2202,
    "germanWord": -0.0798,
    "measure": 0.1155,
    "otherNoun": 0.0418,
    "support": 0.2215,
    "namesMissing": 0.0201,
    "later": -0.8841,
    "scoreGap": -0.704
  }
};

/**
 * Least confidence at which a highlight is shown: the least at which, on
 * held-out XQuAD dev articles (English questions on the German text), at
 * least 70 % of the shown spans have token F1 ≥ 0.5 with the gold span.
 */
export const HIGHLIGHT_THRESHOLD = 0.35;
