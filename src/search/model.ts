/**
 * The fitted weights of the reranker and of the decision to answer (see
 * rerank.ts). Written by `npm run train -- --write` (scripts/train-ranker.ts)
 * from the shared dev data; edit that script, not these numbers.
 */
import type { DecisionModel, LinearModel } from './rerank.ts';

/** Weights of the sentence features (rerank.ts SENTENCE_FEATURES). */
export const RERANK_MODEL: LinearModel = {
  base: 3.3483,
  cov: 2.1477,
  covDirect: 0.3991,
  covTranslation: 0.8163,
  covLoose: 0.4278,
  covSynonym: 0.5047,
  covKey: -0.1097,
  covSpecific: 0.4821,
  covNeighbours: 2.2788,
  covPrevious: 1.8739,
  covAnaphor: 0.6713,
  matchedShare: 1.7206,
  rarest: -0.2715,
  typed: 0.9487,
  typedPerson: 0.5335,
  typedNumber: 1.4134,
  typedTime: 1.0314,
  typedNear: 0.6627,
  typedGoverned: 0.2519,
  novelty: -0.3954,
  nothingNew: -0.9201,
  headline: -1.7287,
  minorRole: -0.8469,
  proximity: -0.1021,
  order: 0.6472,
  length: -0.0226
};

/** The decision to answer (rerank.ts QUESTION_FEATURES, DecisionModel): the probability that the question is answerable. */
export const ABSTAIN_MODEL: DecisionModel = {"features":["present","presentSpecific","topCovSpecific","topCov","topCovKey","topDirect","topWindow","topMatchedShare","bestCov","missing","missingName","missingNoun","anyNameMissing","typed","typedAsked","untyped","score","margin","words"],"mean":[0.4875,0.4733,0.369,0.3678,0.3944,0.2872,0.3992,0.3876,0.3746,0.4531,0.11,0.1285,0.2283,0.2715,0.409,0.1094,4.8783,1.6593,1.8055],"scale":[0.3373,0.3692,0.3266,0.2902,0.388,0.3027,0.3086,0.2994,0.2901,0.3472,0.1977,0.2159,0.4197,0.4447,0.4916,0.3122,2.5325,1.3431,0.3039],"hidden":[[-0.0345,0.0353,-0.1345,-0.0342,-0.1275,-0.2959,0.2013,0.6973,0.1201,0.1284,-0.3002,-0.5447,-0.0986,-0.1689,-0.3208,-0.2332,-0.0068,0.1128,-0.4602,0.3482],[0.505,0.9971,0.3569,-0.4581,0.2555,0.1571,0.0847,0.2291,-0.2853,0.258,-0.3136,-0.104,0.1045,0.4544,0.1578,0.2022,-0.1429,-0.2059,-0.1949,0.5774],[0.0334,-0.2555,0.1246,0.0211,-0.2127,0.224,-0.5223,-0.9116,-0.2362,-0.3351,0.0989,-0.0946,-0.1336,-0.2215,0.1552,0.5419,-0.3283,0.1241,-0.248,-0.1371],[0.23,0.3725,-0.1711,0.0809,-0.3643,0.2176,0.5224,0.2265,0.2937,-0.1775,0.0671,-0.1545,0.1244,0.2805,-0.4908,0.1543,0.5159,0.1966,0.6023,-0.1474]],"output":[1.496,1.9144,-1.5719,1.7693,0.1392]};

/** The engine answers when {@link ABSTAIN_MODEL} gives at least this probability (chosen to refuse at most 2 % of the answerable dev questions). */
export const ANSWER_THRESHOLD = 0.185;
