/**
 * The fitted weights of highlighting (see highlight.ts). Written by
 * `npm run train:highlight -- --write` (scripts/train-highlight.ts) from the
 * shared dev data; edit that script, not these numbers.
 */
import type { HighlightModel } from './highlight.ts';

/** Span weights (CANDIDATE_FEATURES) and confidence weights (CONFIDENCE_FEATURES). */
export const HIGHLIGHT_MODEL: HighlightModel = {
  "span": {
    "proximity": 0.9463,
    "adjacent": 1.2856,
    "governed": 0.0486,
    "nounNext": 1.3365,
    "before": 0.1171,
    "opening": 0.0542,
    "acronym": -0.7148,
    "length": 0.255,
    "quoted": 0.2576,
    "unit": -0.1301,
    "modified": 0.0808,
    "measure": 0.5566,
    "clause": 0.5952,
    "between": -0.2756,
    "nounBefore": 0.3689,
    "otherNoun": -0.6688,
    "englishWord": -0.8085,
    "germanWord": -0.2777
  },
  "confidence": {
    "bias": -0.7829,
    "person": -0.1384,
    "name": -0.2567,
    "time": 0.5722,
    "number": 0.1617,
    "place": -0.2464,
    "reason": -0.0011,
    "definition": -0.007,
    "sort": -0.0942,
    "explicit": 0.2653,
    "share": 0.2159,
    "margin": 0.1829,
    "alone": -0.2207,
    "rivals": -0.1926,
    "proximity": 0.1021,
    "adjacent": 0.1592,
    "governed": 0.0361,
    "nounNext": 0.6269,
    "coverage": 0.1082,
    "acronym": -0.0898,
    "length": 0.1772,
    "far": -0.3383,
    "nameNear": -0.0176,
    "personNear": 0.1043,
    "numberNear": 0.0331,
    "clause": 0.0919,
    "englishWord": -0.1687,
    "germanWord": -0.2156,
    "measure": 0.1317,
    "otherNoun": -0.004,
    "support": 0.1415,
    "namesMissing": 0.012,
    "later": -0.8673,
    "scoreGap": -0.7324
  }
};

/**
 * Least confidence at which a highlight is shown: the least at which, on
 * held-out XQuAD dev articles (English questions on the German text), at
 * least 70 % of the shown spans have token F1 ≥ 0.5 with the gold span.
 */
export const HIGHLIGHT_THRESHOLD = 0.35;
