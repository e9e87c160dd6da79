/**
 * The fitted weights of the reranker and of the decision to answer (see
 * rerank.ts). Written by `npm run train -- --write` (scripts/train-ranker.ts)
 * from the shared dev data; edit that script, not these numbers.
 */
import type { DecisionModel, LinearModel } from './rerank.ts';

/** Weights of the sentence features (rerank.ts SENTENCE_FEATURES). */
export const RERANK_MODEL: LinearModel = {
  base: 3.2696,
  cov: 2.2037,
  covDirect: 0.285,
  covTranslation: 0.895,
  covLoose: 0.5678,
  covSynonym: 0.4561,
  covKey: -0.0766,
  covSpecific: 0.601,
  covNeighbours: 2.3515,
  covPrevious: 2.0828,
  covAnaphor: 0.6404,
  matchedShare: 1.8076,
  rarest: -0.1741,
  typed: 1.0028,
  typedPerson: 0.5192,
  typedNumber: 1.4299,
  typedTime: 0.9547,
  typedNear: 0.537,
  typedGoverned: 0.2867,
  novelty: -0.4576,
  nothingNew: -0.9044,
  headline: -1.5529,
  minorRole: -0.8122,
  proximity: -0.1023,
  order: 0.6804,
  length: -0.018
};

/** The decision to answer (rerank.ts QUESTION_FEATURES, DecisionModel): the probability that the question is answerable. */
export const ABSTAIN_MODEL: DecisionModel = {"features":["present","presentSpecific","topCovSpecific","topCov","topCovKey","topDirect","topWindow","topMatchedShare","bestCov","missing","missingName","missingNoun","anyNameMissing","typed","typedAsked","untyped","score","margin","words"],"mean":[0.498,0.4788,0.3678,0.3677,0.3952,0.2819,0.3994,0.3882,0.3743,0.4401,0.1053,0.1192,0.2287,0.2803,0.409,0.0991,5.0213,1.6557,1.8474],"scale":[0.3259,0.3627,0.3216,0.2793,0.3871,0.2917,0.2966,0.2889,0.2789,0.3361,0.1904,0.2008,0.42,0.4491,0.4916,0.2988,2.4371,1.3446,0.2981],"hidden":[[0.0993,0.2636,-0.1985,-0.0258,-0.099,-0.2504,0.3362,0.6932,0.1246,0.2306,-0.2452,-0.6335,0.1399,-0.0461,-0.1783,0.0519,0.2659,-0.1031,-0.4549,0.1813],[0.3386,0.9599,0.4966,-0.4715,0.2924,0.2323,0.1422,0.0442,-0.3552,0.2849,-0.2056,-0.0774,0.0276,0.3757,0.0708,0.1255,-0.0946,-0.0985,-0.2129,0.5452],[0.0651,-0.1514,0.1128,0.0648,-0.1982,0.1723,-0.5759,-0.7807,-0.2169,-0.2623,0.0557,-0.1066,-0.0754,-0.1824,0.1711,0.4263,-0.3,0.0154,-0.2338,-0.2475],[0.1858,0.3767,-0.0656,0.018,-0.4315,0.4079,0.3757,0.2979,0.2324,-0.2078,0.0143,0.0681,-0.0094,0.3836,-0.7159,0.0785,0.2893,0.0546,0.6449,-0.1483]],"output":[1.5943,1.8261,-1.5575,1.726,0.2568]};

/** The engine answers when {@link ABSTAIN_MODEL} gives at least this probability (chosen to refuse at most 2 % of the answerable dev questions). */
export const ANSWER_THRESHOLD = 0.1564;
