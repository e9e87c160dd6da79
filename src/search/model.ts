/**
 * The fitted weights of the reranker and of the decision to answer (see
 * rerank.ts). Written by `npm run train -- --write` (scripts/train-ranker.ts)
 * from the shared dev data; edit that script, not these numbers.
 */
import type { DecisionModel, LinearModel } from './rerank.ts';

/** Weights of the sentence features (rerank.ts SENTENCE_FEATURES). */
export const RERANK_MODEL: LinearModel = {
  base: 3.4055,
  cov: 2.1072,
  covDirect: 0.3764,
  covTranslation: 0.8184,
  covLoose: 0.4131,
  covSynonym: 0.4994,
  covKey: -0.1306,
  covSpecific: 0.5057,
  covNeighbours: 2.2765,
  covPrevious: 1.8239,
  covAnaphor: 0.6877,
  matchedShare: 1.6685,
  rarest: -0.2108,
  typed: 0.9607,
  typedPerson: 0.673,
  typedNumber: 1.3994,
  typedTime: 1.0247,
  typedNear: 0.68,
  typedGoverned: 0.218,
  novelty: -0.3488,
  nothingNew: -0.9138,
  headline: -1.7358,
  minorRole: -0.8369,
  proximity: -0.1037,
  order: 0.6596,
  length: 0.0044
};

/** The decision to answer (rerank.ts QUESTION_FEATURES, DecisionModel): the probability that the question is answerable. */
export const ABSTAIN_MODEL: DecisionModel = {"features":["present","presentSpecific","topCovSpecific","topCov","topCovKey","topDirect","topWindow","topMatchedShare","bestCov","missing","missingName","missingNoun","anyNameMissing","typed","typedAsked","untyped","score","margin","words"],"mean":[0.4771,0.461,0.3678,0.369,0.3906,0.2877,0.3986,0.3881,0.3738,0.4641,0.1108,0.1347,0.2378,0.2224,0.3511,0.1066,4.9243,1.7235,1.803],"scale":[0.3469,0.3779,0.3366,0.3009,0.3948,0.3123,0.3198,0.3113,0.3011,0.3557,0.1963,0.2203,0.4258,0.4159,0.4773,0.3087,2.6505,1.3677,0.3055],"hidden":[[0.3282,0.8671,0.3107,-0.3288,0.2059,0.1282,0.1558,0.2938,-0.1953,0.2116,-0.3098,0.0036,0.0513,0.3569,0.1777,0.2434,0.0011,-0.2834,-0.2282,0.5256],[0.2824,0.6288,0.1383,-0.1716,0.4197,-0.1954,0.2259,0.5373,-0.0095,0.2225,-0.1682,-0.2923,0.1913,0.3179,0.0362,-0.1272,0.2157,-0.0746,0.2435,0.4107],[0.0021,0.083,0.2854,-0.0038,0.2212,0.2454,-0.353,-0.8445,-0.1708,-0.1731,0.3572,0.4738,0.0628,0.1193,0.1859,0.3697,0.0921,-0.0916,0.4981,-0.3286],[0.1265,0.4276,-0.1055,0.0281,-0.2775,0.2983,0.5695,0.4038,0.2903,-0.1227,0.1243,0.1496,0.1158,0.2232,-0.6223,-0.0602,0.5677,0.1278,0.6445,-0.1683]],"output":[1.5213,1.4783,-1.5902,2.0417,0.0619]};

/** The engine answers when {@link ABSTAIN_MODEL} gives at least this probability (chosen to refuse at most 2 % of the answerable dev questions). */
export const ANSWER_THRESHOLD = 0.1994;
