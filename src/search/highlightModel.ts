/**
 * The fitted weights of highlighting (see highlight.ts). Written by
 * `npm run train:highlight -- --write` (scripts/train-highlight.ts) from the
 * shared dev data; edit that script, not these numbers.
 */
import type { HighlightModel } from './highlight.ts';

/** Span weights (CANDIDATE_FEATURES) and confidence weights (CONFIDENCE_FEATURES). */
export const HIGHLIGHT_MODEL: HighlightModel = {
  "span": {
    "proximity": 0.9533,
    "adjacent": 1.2847,
    "governed": 0.0488,
    "nounNext": 1.3422,
    "before": 0.1289,
    "opening": 0.0512,
    "acronym": -0.7115,
    "length": 0.2636,
    "quoted": 0.2579,
    "unit": -0.1596,
    "modified": 0.0817,
    "measure": 0.5611,
    "clause": 0.6073,
    "between": -0.2816,
    "nounBefore": 0.3672,
    "otherNoun": -0.6624,
    "englishWord": -0.7907,
    "germanWord": -0.2831
  },
  "confidence": {
    "bias": -0.1255,
    "person": -0.083,
    "name": -0.1606,
    "time": 0.8447,
    "number": 0.3007,
    "place": -0.3416,
    "reason": 0.0258,
    "definition": -0.0546,
    "sort": -0.5318,
    "explicit": 0.5186,
    "share": 0.331,
    "margin": 0.2169,
    "alone": -0.2468,
    "rivals": -0.5653,
    "proximity": 0.2033,
    "adjacent": 0.0435,
    "governed": 0.0963,
    "nounNext": 0.8688,
    "coverage": -0.0341,
    "acronym": -0.2503,
    "length": 0.3778,
    "far": -0.6676,
    "nameNear": 0.1187,
    "personNear": 0.2236,
    "numberNear": -0.0341,
    "clause": 0.0394,
    "englishWord": -0.2618,
    "germanWord": -0.1291,
    "measure": 0.2147,
    "otherNoun": -0.0718
  }
};

/**
 * Least confidence at which a highlight is shown: the least at which, on
 * held-out XQuAD dev articles (English questions on the German text), at
 * least 70 % of the shown spans have token F1 ≥ 0.5 with the gold span.
 */
export const HIGHLIGHT_THRESHOLD = 0.38;
