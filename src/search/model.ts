/**
 * The fitted weights of the reranker and of the decision to answer (see
 * rerank.ts). Written by `npm run train -- --write` (scripts/train-ranker.ts)
 * from the shared dev data; edit that script, not these numbers.
 */
import type { DecisionModel, LinearModel } from './rerank.ts';

/** Weights of the sentence features (rerank.ts SENTENCE_FEATURES). */
export const RERANK_MODEL: LinearModel = {
  base: 3.2661,
  cov: 2.1786,
  covDirect: 0.3124,
  covTranslation: 0.8547,
  covLoose: 0.552,
  covSynonym: 0.4597,
  covKey: -0.0795,
  covSpecific: 0.6101,
  covNeighbours: 2.3527,
  covPrevious: 2.0826,
  covAnaphor: 0.6424,
  matchedShare: 1.8093,
  rarest: -0.1653,
  typed: 0.9967,
  typedPerson: 0.5199,
  typedNumber: 1.4077,
  typedTime: 0.9564,
  typedNear: 0.5376,
  typedGoverned: 0.2844,
  novelty: -0.4733,
  nothingNew: -0.9086,
  headline: -1.5529,
  minorRole: -0.8108,
  proximity: -0.0975,
  order: 0.6598,
  length: -0.0102
};

/** The decision to answer (rerank.ts QUESTION_FEATURES, DecisionModel): the probability that the question is answerable. */
export const ABSTAIN_MODEL: DecisionModel = {"features":["present","presentSpecific","topCovSpecific","topCov","topCovKey","topDirect","topWindow","topMatchedShare","bestCov","missing","missingName","missingNoun","anyNameMissing","typed","typedAsked","untyped","score","margin","words"],"mean":[0.4979,0.4787,0.3675,0.3671,0.3954,0.2812,0.3988,0.3874,0.3738,0.4399,0.1049,0.1189,0.2287,0.2803,0.409,0.0985,5.0248,1.6594,1.8492],"scale":[0.3255,0.3625,0.3211,0.2784,0.387,0.2907,0.2958,0.288,0.2781,0.3359,0.1894,0.2004,0.42,0.4491,0.4916,0.2979,2.4314,1.3504,0.2966],"hidden":[[0.0854,0.2649,-0.1996,-0.0317,-0.0977,-0.2795,0.3555,0.7196,0.1261,0.2418,-0.2445,-0.6464,0.1387,-0.0255,-0.1916,0.0632,0.2639,-0.1006,-0.4462,0.157],[0.3713,0.9577,0.4859,-0.4554,0.2627,0.2702,0.1434,0.0444,-0.3526,0.264,-0.2183,-0.079,0.0356,0.3537,0.1096,0.1013,-0.096,-0.1176,-0.2351,0.5628],[0.053,-0.1509,0.1088,0.0589,-0.1894,0.1532,-0.5668,-0.7601,-0.2191,-0.2606,0.0501,-0.1116,-0.0695,-0.1663,0.1546,0.4434,-0.2875,0.0065,-0.2347,-0.2429],[0.1761,0.3814,-0.0534,0.015,-0.4098,0.3843,0.3678,0.3013,0.2249,-0.1986,0.0171,0.0753,-0.008,0.3719,-0.7115,0.049,0.2836,0.0647,0.6552,-0.1635]],"output":[1.6106,1.8391,-1.5311,1.7139,0.2765]};

/** The engine answers when {@link ABSTAIN_MODEL} gives at least this probability (chosen to refuse at most 2 % of the answerable dev questions). */
export const ANSWER_THRESHOLD = 0.1809;
