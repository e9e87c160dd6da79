/**
 * The fitted weights of the reranker and of the decision to answer (see
 * rerank.ts). Written by `npm run train -- --write` (scripts/train-ranker.ts)
 * from the shared dev data; edit that script, not these numbers.
 */
import type { DecisionModel, LinearModel } from './rerank.ts';

/** Weights of the sentence features (rerank.ts SENTENCE_FEATURES). */
export const RERANK_MODEL: LinearModel = {
  base: 3.4103,
  cov: 2.0977,
  covDirect: 0.3777,
  covTranslation: 0.8296,
  covLoose: 0.3834,
  covSynonym: 0.5071,
  covKey: -0.1337,
  covSpecific: 0.5119,
  covNeighbours: 2.2803,
  covPrevious: 1.8294,
  covAnaphor: 0.7104,
  matchedShare: 1.6545,
  rarest: -0.176,
  typed: 0.9587,
  typedPerson: 0.6727,
  typedNumber: 1.4002,
  typedTime: 1.0267,
  typedNear: 0.6815,
  typedGoverned: 0.2182,
  novelty: -0.3473,
  nothingNew: -0.9149,
  headline: -1.736,
  minorRole: -0.8424,
  proximity: -0.1081,
  order: 0.664,
  length: 0.0063
};

/** The decision to answer (rerank.ts QUESTION_FEATURES, DecisionModel): the probability that the question is answerable. */
export const ABSTAIN_MODEL: DecisionModel = {"features":["present","presentSpecific","topCovSpecific","topCov","topCovKey","topDirect","topWindow","topMatchedShare","bestCov","missing","missingName","missingNoun","anyNameMissing","typed","typedAsked","untyped","score","margin","words"],"mean":[0.4777,0.4613,0.3678,0.3691,0.3904,0.2876,0.3987,0.3884,0.3739,0.4634,0.1106,0.1345,0.2378,0.2229,0.3511,0.1064,4.9551,1.7233,1.803],"scale":[0.3466,0.3779,0.3364,0.3005,0.3946,0.3122,0.3195,0.311,0.3007,0.3552,0.1956,0.2202,0.4258,0.4162,0.4773,0.3083,2.6516,1.3677,0.3055],"hidden":[[0.4817,0.9352,0.3668,-0.3551,0.3452,0.0502,0.0846,-0.0602,-0.2415,0.0656,-0.3227,-0.0842,0.1133,0.4718,0.1376,0.1764,-0.0315,-0.2257,-0.3032,0.439],[0.0134,0.0563,-0.1497,-0.042,-0.1319,-0.2763,0.2562,0.7468,0.1275,0.1595,-0.3333,-0.5062,-0.0248,-0.0739,-0.2394,-0.1979,-0.0826,0.097,-0.4212,0.3716],[-0.0116,-0.2611,0.0807,0.0154,-0.1445,0.1533,-0.5139,-0.9151,-0.2132,-0.3509,0.1025,-0.0183,-0.1086,-0.2114,0.1465,0.4964,-0.3112,0.0901,-0.2743,-0.1056],[0.2071,0.4281,-0.1293,0.0585,-0.3396,0.3111,0.4793,0.3545,0.2783,-0.1779,0.1151,-0.0092,0.0996,0.239,-0.5587,0.1158,0.4773,0.1566,0.6873,-0.19]],"output":[1.8299,1.5901,-1.5024,1.7546,0.2322]};

/** The engine answers when {@link ABSTAIN_MODEL} gives at least this probability (chosen to refuse at most 2 % of the answerable dev questions). */
export const ANSWER_THRESHOLD = 0.2161;
