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
export const ABSTAIN_MODEL: DecisionModel = {"features":["present","presentSpecific","topCovSpecific","topCov","topCovKey","topDirect","topWindow","topMatchedShare","bestCov","missing","missingName","missingNoun","anyNameMissing","typed","typedAsked","untyped","score","margin","words"],"mean":[0.4769,0.4609,0.368,0.3693,0.3902,0.2877,0.399,0.3879,0.3744,0.4645,0.1114,0.1346,0.2378,0.2629,0.4083,0.1193,4.8397,1.7242,1.803],"scale":[0.3473,0.3782,0.3371,0.3017,0.3948,0.3132,0.3203,0.3117,0.3018,0.356,0.1971,0.2203,0.4258,0.4402,0.4915,0.3241,2.6386,1.3722,0.3055],"hidden":[[-0.0324,0.0477,-0.1301,-0.0331,-0.1253,-0.2976,0.2076,0.6985,0.1202,0.1343,-0.2956,-0.5504,-0.0967,-0.1605,-0.3211,-0.2356,-0.0045,0.111,-0.4597,0.3368],[0.5028,1.0112,0.3568,-0.4492,0.2603,0.1596,0.087,0.2366,-0.2803,0.2517,-0.3125,-0.1042,0.1035,0.4482,0.1617,0.2101,-0.1416,-0.2147,-0.1976,0.5324],[0.0248,-0.2612,0.1255,0.014,-0.2082,0.2212,-0.5267,-0.9157,-0.2373,-0.3348,0.0964,-0.0915,-0.1348,-0.2209,0.1565,0.5398,-0.3345,0.1195,-0.2449,-0.1099],[0.2358,0.3781,-0.1656,0.0905,-0.3635,0.2172,0.5314,0.2502,0.2983,-0.1816,0.0719,-0.1458,0.1236,0.2781,-0.4862,0.1521,0.5079,0.1975,0.6058,-0.1717]],"output":[1.5019,1.9066,-1.5702,1.7701,0.131]};

/** The engine answers when {@link ABSTAIN_MODEL} gives at least this probability (chosen to refuse at most 2 % of the answerable dev questions). */
export const ANSWER_THRESHOLD = 0.1718;
