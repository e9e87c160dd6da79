/**
 * The fitted weights of highlighting (see highlight.ts). Written by
 * `npm run train:highlight -- --write` (scripts/train-highlight.ts) from the
 * shared dev data; edit that script, not these numbers.
 */
import type { HighlightModel } from './highlight.ts';

/** Span weights (CANDIDATE_FEATURES) and confidence weights (CONFIDENCE_FEATURES). */
export const HIGHLIGHT_MODEL: HighlightModel = {
  "span": {
    "proximity": 0.947,
    "adjacent": 1.2,
    "governed": 0.3108,
    "nounNext": 1.3438,
    "before": 0.1963,
    "opening": 0.1434,
    "acronym": -0.5968,
    "length": 0.3475,
    "quoted": 0.3423,
    "unit": -0.3158,
    "modified": 0.0496,
    "measure": 0.4858,
    "clause": 0.6058,
    "between": -0.2126,
    "nounBefore": 0.4289,
    "otherNoun": -0.6333,
    "englishWord": -0.8005,
    "germanWord": -0.2286
  },
  "confidence": {
    "bias": -0.8738,
    "person": -0.0882,
    "name": -0.3733,
    "time": 0.4835,
    "number": 0.1516,
    "place": -0.1587,
    "reason": -0.0209,
    "definition": -0.0059,
    "sort": -0.0002,
    "explicit": 0.2961,
    "share": 0.1737,
    "margin": 0.1838,
    "alone": -0.2043,
    "rivals": -0.1508,
    "proximity": 0.0476,
    "adjacent": 0.1185,
    "governed": 0.0944,
    "nounNext": 0.5287,
    "coverage": 0.2033,
    "acronym": -0.1305,
    "length": 0.1937,
    "far": -0.288,
    "nameNear": -0.0269,
    "personNear": 0.0564,
    "numberNear": 0.0358,
    "clause": 0.076,
    "englishWord": -0.2585,
    "germanWord": -0.1998,
    "measure": 0.1079,
    "otherNoun": 0.0358,
    "support": 0.229,
    "namesMissing": -0.0122,
    "later": -0.8487,
    "scoreGap": -0.695
  }
};

/**
 * Least confidence at which a highlight is shown: the least at which, on
 * held-out XQuAD dev articles (English questions on the German text), at
 * least 70 % of the shown spans have token F1 ≥ 0.5 with the gold span.
 */
export const HIGHLIGHT_THRESHOLD = 0.37;
