/**
 * The fitted weights of the reranker and of the decision to answer (see
 * rerank.ts). Written by `npm run train -- --write` (scripts/train-ranker.ts)
 * from the shared dev data; edit that script, not these numbers.
 */
import type { LinearModel } from './rerank.ts';

/** Weights of the sentence features (rerank.ts SENTENCE_FEATURES). */
export const RERANK_MODEL: LinearModel = {
  base: 3.466,
  cov: 1.9674,
  covDirect: 0.4283,
  covTranslation: 1.175,
  covLoose: 0.3643,
  covKey: -0.0512,
  covNeighbours: 3.1192,
  covAnaphor: 1.1912,
  matchedShare: 1.7433,
  rarest: 0.015,
  typed: 1.3313,
  typedPerson: 0.4285,
  typedNumber: 1.0819,
  typedTime: 0.2956,
  typedNear: 0.8552,
  novelty: 0.0318,
  nothingNew: -1.1481,
  headline: -0.7868,
  minorRole: -1.3396,
  proximity: -0.0313,
  order: 0.7117,
  length: 0.0247
};

/** Weights of the question features (rerank.ts QUESTION_FEATURES): a logistic model of "the question is answerable". */
export const ABSTAIN_MODEL: LinearModel = {
  bias: -0.4293,
  topCov: 0.7188,
  topCovKey: 1.4082,
  topDirect: 0.1414,
  topWindow: 1.5179,
  topMatchedShare: 1.1324,
  bestCov: 0.8723,
  missing: -2.4653,
  missingName: -1.0095,
  missingNoun: -0.6777,
  anyNameMissing: -2.4702,
  typed: 0.1478,
  typedAsked: -0.5512,
  untyped: -0.4537,
  score: 0.2592,
  margin: -0.1372,
  words: -0.4612
};

/** The engine answers when {@link ABSTAIN_MODEL} gives at least this probability (chosen to refuse at most 2 % of the answerable dev questions). */
export const ANSWER_THRESHOLD = 0.1534;
