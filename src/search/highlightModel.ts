/**
 * The fitted weights of highlighting (see highlight.ts). Written by
 * `npm run train:highlight -- --write` (scripts/train-highlight.ts) from the
 * shared dev data; edit that script, not these numbers.
 */
import type { HighlightModel } from './highlight.ts';

/** Span weights (CANDIDATE_FEATURES) and confidence weights (CONFIDENCE_FEATURES). */
export const HIGHLIGHT_MODEL: HighlightModel = {
  "span": {
    "proximity": 1.1114,
    "adjacent": 1.1478,
    "governed": 0.292,
    "nounNext": 1.4313,
    "before": 0.1613,
    "opening": 0.0215,
    "acronym": -0.7112,
    "length": 0.2471,
    "quoted": 0.2451,
    "unit": -0.4423,
    "modified": 0.0523,
    "measure": 0.4619,
    "clause": 0.5978,
    "between": -0.197,
    "nounBefore": 0.3003,
    "otherNoun": -0.4805,
    "englishWord": -0.9287,
    "germanWord": -0.1803
  },
  "confidence": {
    "bias": -0.8961,
    "person": -0.0576,
    "name": -0.37,
    "time": 0.4658,
    "number": 0.1327,
    "place": -0.1496,
    "reason": -0.0413,
    "definition": -0.0056,
    "sort": 0.0122,
    "explicit": 0.2132,
    "share": 0.2157,
    "margin": 0.1936,
    "alone": -0.2204,
    "rivals": -0.1747,
    "proximity": 0.0761,
    "adjacent": 0.1677,
    "governed": 0.1013,
    "nounNext": 0.5827,
    "coverage": 0.2053,
    "acronym": -0.0881,
    "length": 0.1508,
    "far": -0.2928,
    "nameNear": 0.0464,
    "personNear": 0.0623,
    "numberNear": 0.0289,
    "clause": 0.0915,
    "englishWord": -0.249,
    "germanWord": -0.2019,
    "measure": 0.0806,
    "otherNoun": 0.0712,
    "support": 0.2318,
    "namesMissing": 0.0624,
    "later": -0.8608,
    "scoreGap": -0.7362
  }
};

/**
 * Least confidence at which a highlight is shown: the least at which, on
 * held-out XQuAD dev articles (English questions on the German text), at
 * least 70 % of the shown spans have token F1 ≥ 0.5 with the gold span.
 */
export const HIGHLIGHT_THRESHOLD = 0.39;
