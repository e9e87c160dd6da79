/**
 * The fitted weights of highlighting (see highlight.ts). Written by
 * `npm run train:highlight -- --write` (scripts/train-highlight.ts) from the
 * shared dev data; edit that script, not these numbers.
 */
import type { HighlightModel } from './highlight.ts';

/** Span weights (CANDIDATE_FEATURES) and confidence weights (CONFIDENCE_FEATURES). */
export const HIGHLIGHT_MODEL: HighlightModel = {
  "span": {
    "proximity": 1.0479,
    "adjacent": 1.1179,
    "governed": 0.2966,
    "nounNext": 1.3934,
    "before": 0.1912,
    "opening": 0.0156,
    "acronym": -0.697,
    "length": 0.2826,
    "quoted": 0.359,
    "unit": -0.4586,
    "modified": 0.0591,
    "measure": 0.4863,
    "clause": 0.5784,
    "between": -0.1644,
    "nounBefore": 0.3526,
    "otherNoun": -0.4871,
    "englishWord": -0.918,
    "germanWord": -0.1704
  },
  "confidence": {
    "bias": -0.8337,
    "person": -0.0786,
    "name": -0.3893,
    "time": 0.5152,
    "number": 0.1262,
    "place": -0.1558,
    "reason": -0.0432,
    "definition": -0.005,
    "sort": 0.0181,
    "explicit": 0.2283,
    "share": 0.1996,
    "margin": 0.1742,
    "alone": -0.2095,
    "rivals": -0.1949,
    "proximity": 0.0679,
    "adjacent": 0.1538,
    "governed": 0.1008,
    "nounNext": 0.5718,
    "coverage": 0.2065,
    "acronym": -0.0818,
    "length": 0.1518,
    "far": -0.2766,
    "nameNear": 0.0347,
    "personNear": 0.0593,
    "numberNear": 0.0168,
    "clause": 0.1051,
    "englishWord": -0.2542,
    "germanWord": -0.222,
    "measure": 0.1554,
    "otherNoun": 0.0762,
    "support": 0.2389,
    "namesMissing": 0.0658,
    "later": -0.8537,
    "scoreGap": -0.7345
  }
};

/**
 * Least confidence at which a highlight is shown: the least at which, on
 * held-out XQuAD dev articles (English questions on the German text), at
 * least 70 % of the shown spans have token F1 ≥ 0.5 with the gold span.
 */
export const HIGHLIGHT_THRESHOLD = 0.39;
