/**
 * The fitted weights of the reranker and of the decision to answer (see
 * rerank.ts). Written by `npm run train -- --write` (scripts/train-ranker.ts)
 * from the shared dev data; edit that script, not these numbers.
 */
import type { DecisionModel, LinearModel } from './rerank.ts';

/** Weights of the sentence features (rerank.ts SENTENCE_FEATURES). */
export const RERANK_MODEL: LinearModel = {
  base: 3.2538,
  cov: 2.1925,
  covDirect: 0.3139,
  covTranslation: 0.8674,
  covLoose: 0.5563,
  covSynonym: 0.455,
  covKey: -0.0885,
  covSpecific: 0.6196,
  covNeighbours: 2.3502,
  covPrevious: 2.0629,
  covAnaphor: 0.6187,
  matchedShare: 1.7911,
  rarest: -0.1812,
  typed: 0.9951,
  typedPerson: 0.5389,
  typedNumber: 1.4069,
  typedTime: 0.9471,
  typedNear: 0.5443,
  typedGoverned: 0.2569,
  novelty: -0.4732,
  nothingNew: -0.9016,
  headline: -1.5668,
  minorRole: -0.8105,
  proximity: -0.0988,
  order: 0.6314,
  length: -0.014
};

/** The decision to answer (rerank.ts QUESTION_FEATURES, DecisionModel): the probability that the question is answerable. */
export const ABSTAIN_MODEL: DecisionModel = {"features":["present","presentSpecific","topCovSpecific","topCov","topCovKey","topDirect","topWindow","topMatchedShare","bestCov","missing","missingName","missingNoun","anyNameMissing","typed","typedAsked","untyped","score","margin","words"],"mean":[0.5032,0.4824,0.3709,0.3716,0.3953,0.2853,0.4036,0.3932,0.3784,0.4346,0.1062,0.1203,0.2287,0.2803,0.409,0.0985,5.0175,1.6585,1.8373],"scale":[0.3291,0.3652,0.3241,0.2826,0.387,0.2959,0.3002,0.2925,0.2823,0.3387,0.192,0.2028,0.42,0.4491,0.4916,0.2979,2.4457,1.351,0.3015],"hidden":[[0.1007,0.4293,-0.1006,-0.1531,0.0055,-0.2178,0.2697,0.7005,-0.0231,0.2254,-0.2421,-0.3832,0.0795,0.0607,-0.1933,0.0369,0.1227,-0.0794,-0.4677,0.2866],[0.1147,0.2158,-0.1787,0.0005,-0.1716,-0.2034,0.6688,0.695,0.2352,0.1597,-0.0066,-0.5505,0.1517,0.2005,-0.2013,-0.0965,0.3037,-0.0162,0.2574,-0.0805],[-0.3002,-0.803,-0.4091,0.2823,-0.3701,-0.4163,-0.1589,-0.0322,0.2035,-0.2989,0.3161,0.0124,0.0176,-0.3274,-0.1059,0.2247,-0.1942,0.1249,-0.0608,-0.6908],[0.115,0.4059,0.0023,0.0225,-0.2415,0.3212,0.3623,0.3448,0.1854,-0.1411,0.0423,0.3214,0.0532,0.2177,-0.6785,-0.0948,0.3341,0.1055,0.6076,-0.2511]],"output":[1.7476,1.4534,-1.6532,1.5052,0.4109]};

/** The engine answers when {@link ABSTAIN_MODEL} gives at least this probability (chosen to refuse at most 2 % of the answerable dev questions). */
export const ANSWER_THRESHOLD = 0.1555;
