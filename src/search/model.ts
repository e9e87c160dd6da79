/**
 * The fitted weights of the reranker and of the decision to answer (see
 * rerank.ts). Written by `npm run train -- --write` (scripts/train-ranker.ts)
 * from the shared dev data; edit that script, not these numbers.
 */
import type { DecisionModel, LinearModel } from './rerank.ts';

/** Weights of the sentence features (rerank.ts SENTENCE_FEATURES). */
export const RERANK_MODEL: LinearModel = {
  base: 3.4036,
  cov: 2.0941,
  covDirect: 0.3885,
  covTranslation: 0.8037,
  covLoose: 0.3968,
  covSynonym: 0.5052,
  covKey: -0.1333,
  covSpecific: 0.5097,
  covNeighbours: 2.316,
  covPrevious: 1.8091,
  covAnaphor: 0.7034,
  matchedShare: 1.6727,
  rarest: -0.1912,
  typed: 0.9039,
  typedPerson: 0.7068,
  typedNumber: 1.4335,
  typedTime: 0.7638,
  typedNear: 0.6499,
  typedGoverned: 0.222,
  novelty: -0.3639,
  nothingNew: -0.9199,
  headline: -1.7383,
  minorRole: -0.851,
  proximity: -0.1206,
  order: 0.6683,
  length: 0.0095
};

/** The decision to answer (rerank.ts QUESTION_FEATURES, DecisionModel): the probability that the question is answerable. */
export const ABSTAIN_MODEL: DecisionModel = {"features":["present","presentSpecific","topCovSpecific","topCov","topCovKey","topDirect","topWindow","topMatchedShare","bestCov","missing","missingName","missingNoun","anyNameMissing","typed","typedAsked","untyped","score","margin","words"],"mean":[0.4776,0.4611,0.3676,0.369,0.3901,0.2877,0.3987,0.3883,0.3737,0.4636,0.1108,0.1345,0.2385,0.2223,0.351,0.1067,4.916,1.7145,1.803],"scale":[0.3467,0.378,0.3365,0.3005,0.3946,0.3123,0.3195,0.311,0.3008,0.3553,0.1958,0.2202,0.4261,0.4158,0.4773,0.3087,2.6242,1.3569,0.3055],"hidden":[[0.4906,0.9454,0.3501,-0.3578,0.3345,0.0403,0.1009,-0.063,-0.2363,0.0715,-0.3293,-0.0904,0.1387,0.45,0.1553,0.166,-0.0397,-0.2304,-0.3,0.4395],[0.0004,0.0614,-0.1532,-0.0432,-0.1351,-0.283,0.2558,0.7479,0.1262,0.1608,-0.3387,-0.5038,-0.0366,-0.0831,-0.2547,-0.199,-0.0662,0.1027,-0.4233,0.3838],[-0.0033,-0.2725,0.0821,0.0176,-0.1487,0.1407,-0.5106,-0.9199,-0.2072,-0.3559,0.107,-0.0306,-0.118,-0.2135,0.1483,0.5044,-0.3158,0.1018,-0.273,-0.1096],[0.2069,0.4338,-0.1497,0.0513,-0.3278,0.2667,0.4994,0.346,0.2774,-0.1679,0.117,-0.0414,0.1351,0.2388,-0.5377,0.128,0.5012,0.1676,0.666,-0.1813]],"output":[1.829,1.5933,-1.5136,1.7608,0.214]};

/** The engine answers when {@link ABSTAIN_MODEL} gives at least this probability (chosen to refuse at most 2 % of the answerable dev questions). */
export const ANSWER_THRESHOLD = 0.217;
