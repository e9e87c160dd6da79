/**
 * The second stage of ranking. BM25 over the question's words (rank.ts)
 * finds the candidates; this stage looks at the best of them closely and
 * scores each with a linear model over evidence that BM25 cannot see:
 *
 * - how much of the question the sentence covers, split by how each word was
 *   reached (as written, through a translation, or through a looser link such
 *   as an alias, a compound part or a spelling variant), so a weak link never
 *   counts like direct evidence;
 * - how much of the question's key words (names, numbers, German nouns) it
 *   covers;
 * - what its neighbours cover (the question's words are often in the
 *   sentence before the answer);
 * - how close in meaning its words are to the question words it lacks, by
 *   word vectors (embeddings.ts), so a question in other words still finds it;
 * - whether it holds a candidate answer of the asked type beyond the
 *   question's own words (a name for who, a number for how many …, and for
 *   "What animals …" a word like "animals" by word vectors, such as "dogs");
 * - how much it adds beyond the question (a headline that only repeats the
 *   question's words is rarely the answer);
 * - how close together and in what order the question's words occur.
 *
 * The weights are fitted on data by `scripts/train-ranker.ts` (see
 * model.ts), not set by hand. The same features of the best sentence feed
 * the calibrated decision to answer or refuse (see {@link answerProbability}).
 */
import { type AnalyzerLanguage, analyzerLanguage, isStopWord, termOf } from './analyzer.ts';
import { type AnswerSpan, answerSpans, type SpanToken, tokensOf } from './answerSpans.ts';
import { type AnswerSubtype, answersQuote, questionNameWords } from './answerTypes.ts';
import { loadWordVectors, meanSimilarity, rowsOf, type WordVectors } from './embeddings.ts';
import { ABSTAIN_MODEL, RERANK_MODEL } from './model.ts';
import { fold, words } from './normalize.ts';
import type { QueryGroup, QueryPlan, Via } from './query.ts';
import { nameInContextTest, placeWordTest, type SentenceIndex, type WordTerms, wordTermsOf } from './sentenceIndex.ts';
import type { Sentence } from '../corpus/types.ts';

/** How many of the first stage's best sentences are rescored. */
export const RERANK_DEPTH = 25;

/** Names of the sentence features, in the order of the model's weights. */
export const SENTENCE_FEATURES = [
  'base',
  'cov',
  'covDirect',
  'covTranslation',
  'covLoose',
  'covSynonym',
  'covKey',
  'covSpecific',
  'covNeighbours',
  'covPrevious',
  'covAnaphor',
  'covSimilar',
  'similarity',
  'matchedShare',
  'rarest',
  'typed',
  'typedPerson',
  'typedNumber',
  'typedTime',
  'typedNear',
  'typedGoverned',
  'novelty',
  'nothingNew',
  'headline',
  'minorRole',
  'proximity',
  'order',
  'length',
  'typedKind',
  'covFollower',
] as const;

/** Names of the question features of the answer/refuse decision, in the order of its weights. */
export const QUESTION_FEATURES = ['present', 'presentSpecific', 'topCovSpecific', 'topCov', 'topCovKey', 'topDirect', 'topWindow', 'topMatchedShare', 'bestCov', 'missing', 'missingName', 'missingNoun', 'anyNameMissing', 'typed', 'typedAsked', 'untyped', 'score', 'margin', 'words', 'topSimilarity', 'topicSimilarity'] as const;

/** A linear model: one weight per feature. */
export type LinearModel = Readonly<Record<string, number>>;

/**
 * A logistic model with one hidden layer of tanh units over standardised
 * features: the answer/refuse decision needs interactions a linear model
 * cannot express (a missing name matters when everything else matches).
 */
export interface DecisionModel {
  /** Feature names, in the order of the weights. */
  features: readonly string[];
  /** Per feature: mean and standard deviation on the training data. */
  mean: readonly number[];
  scale: readonly number[];
  /** Per hidden unit: its weights over the standardised features, then its bias. */
  hidden: readonly (readonly number[])[];
  /** Output weights per hidden unit, then the output bias. */
  output: readonly number[];
}

/** What the rescoring needs from the first stage. */
export interface RerankInput {
  /** Each group's IDF weight in the index (its rarest present alternative; see rank.ts). */
  groupIdf: readonly number[];
  /** True per group when no alternative of it occurs anywhere in the index. */
  absent: readonly boolean[];
  /** Per group, the trust of its most trusted alternative that occurs somewhere in the index (0 when absent). */
  presence: readonly number[];
}

/** A candidate sentence with its first-stage score. */
export interface RerankCandidate {
  id: string;
  base: number;
}

/** A rescored candidate. */
export interface Rescored {
  id: string;
  score: number;
  /** Share of the question's weight the sentence covers, by how much each link is trusted (0..1). */
  coverage: number;
  typed: boolean;
  features: number[];
  /**
   * How alike in meaning the sentence is to the question words it lacks (the `similarity` feature), with a lacking
   * word that has no word vector (a name, a rare word) counted as nothing alike; 1 when it lacks none. Read by the
   * answer decision, not the ranking.
   */
  lackingSimilarity: number;
}

/** How a group matched one sentence: best trust and via, and the positions (content-word indexes) of its matches. */
interface GroupMatch {
  trust: number;
  via: Via;
  positions: number[];
  /** The matched words as written. */
  words: string[];
}

/** Trust of a match through a compound part, relative to the same term as a whole word. */
const PART_TRUST = 0.6;

/** Per sentence: its article's sentences and its place among them (built once per index). */
const placesOf = new WeakMap<SentenceIndex, Map<string, { list: Sentence[]; at: number }>>();

function placeOf(index: SentenceIndex, id: string): { list: Sentence[]; at: number } | undefined {
  let places = placesOf.get(index);
  if (!places) {
    places = new Map();
    for (const article of index.articles.values()) article.sentences.forEach((s, at) => places!.set(s.id, { list: article.sentences, at }));
    placesOf.set(index, places);
  }
  return places.get(id);
}

/** What the second stage reads of a sentence, whatever the question: computed once and kept (see {@link sentenceInfo}). */
interface SentenceInfo {
  language: AnalyzerLanguage;
  wordTerms: WordTerms[];
  tokens: SpanToken[];
  /** Each token's index term, in the sentence's language. */
  tokenTerms: string[];
  /** Candidate answers of every type (answerSpans.ts). */
  spans: AnswerSpan[];
  /** The word-vector rows of its words (embeddings.ts), and their mean; computed on first use. */
  vectors?: { rows: number[]; mean: Float32Array; perWord: number[][] };
}

/** A sentence's word-vector rows and their mean (see embeddings.ts); the mean takes each word's first row. */
function sentenceVectors(index: SentenceIndex, s: Sentence, vectors: WordVectors): { rows: number[]; mean: Float32Array; perWord: number[][] } {
  const info = sentenceInfo(index, s);
  if (!info.vectors) {
    const perWord = info.wordTerms.map((w) => rowsOf(vectors, index.lexicon, w.word, info.language));
    info.vectors = { rows: [...new Set(perWord.flat())], mean: vectors.mean(perWord.flatMap((r) => r.slice(0, 1))), perWord };
  }
  return info.vectors;
}

const centroids = new WeakMap<SentenceIndex, Map<string, Float32Array>>();

/** The word-vector mean of an article's text (its sentences' words, each by its first row), cached per index. */
function articleCentroid(index: SentenceIndex, articleId: string, vectors: WordVectors): Float32Array {
  let cache = centroids.get(index);
  if (!cache) centroids.set(index, (cache = new Map()));
  let centroid = cache.get(articleId);
  if (!centroid) {
    const article = index.articles.get(articleId)!;
    const language = analyzerLanguage(article.meta.language);
    centroid = vectors.mean(article.sentences.flatMap((s) => words(s.text).flatMap((w) => rowsOf(vectors, index.lexicon, w, language).slice(0, 1))));
    cache.set(articleId, centroid);
  }
  return centroid;
}

/**
 * How alike in meaning a question is to the whole article a sentence is from:
 * the cosine of the word-vector means of the question's words and of the
 * article's text (0 without word vectors). A question about another story
 * shares a word or two with some sentence, but not the article's topic. Read
 * by the answer decision, for its best sentence only; an article's mean is
 * computed on its first use and kept.
 */
export function topicSimilarity(index: SentenceIndex, plan: QueryPlan, sentenceId: string): number {
  const s = index.sentences.get(sentenceId);
  if (!s || !index.mechanisms.embeddings) return 0;
  const vectors = loadWordVectors();
  const language = plan.language === 'de' ? 'de' : 'en';
  const question = vectors.mean(plan.groups.flatMap((g) => (g.optional ? [] : rowsOf(vectors, index.lexicon, g.word, language).slice(0, 1))));
  return meanSimilarity(question, articleCentroid(index, s.articleId, vectors));
}

/** Similarity (cosine of word vectors) at which a word counts as nothing like another; 1 counts as the same word. */
const SIMILAR_FLOOR = 0.4;
/** A question word matched at least this well is not looked for among similar words. */
const SIMILAR_TRUSTED = 0.8;

/** Most sentences whose analysis an index keeps for the second stage. */
const INFO_CACHE_SIZE = 50_000;
const infos = new WeakMap<SentenceIndex, Map<string, SentenceInfo>>();

/**
 * A sentence's words, terms and candidate answers, cached per index: the
 * same sentences come up question after question, and their analysis is
 * most of the second stage's cost.
 */
function sentenceInfo(index: SentenceIndex, s: Sentence): SentenceInfo {
  let cache = infos.get(index);
  if (!cache) infos.set(index, (cache = new Map()));
  let info = cache.get(s.id);
  if (!info) {
    const language = analyzerLanguage(index.articles.get(s.articleId)!.meta.language);
    const tokens = tokensOf(s.text);
    info = {
      language,
      wordTerms: wordTermsOf(s.text, language, index.lexicon, index.mechanisms),
      tokens,
      tokenTerms: tokens.map((t) => termOf(t.text, language)),
      spans: answerSpans(s.text, nameInContextTest(index.lexicon, language, tokens, s.text), tokens, placeWordTest(index.lexicon, language)),
    };
    if (cache.size >= INFO_CACHE_SIZE) cache.clear();
    cache.set(s.id, info);
  }
  return info;
}

/** Index term → the groups that have it, each with its best alternative's weight and link. */
type TermGroups = Map<string, { group: number; weight: number; via: Via }[]>;

function termGroups(groups: readonly QueryGroup[]): TermGroups {
  const out: TermGroups = new Map();
  groups.forEach((group, g) => {
    for (const a of group.alternatives) {
      let list = out.get(a.term);
      if (!list) out.set(a.term, (list = []));
      const had = list.find((x) => x.group === g);
      if (!had) list.push({ group: g, weight: a.weight, via: a.via });
      else if (had.weight < a.weight) (had.weight = a.weight), (had.via = a.via);
    }
  });
  return out;
}

/** How each group matches a sentence's words (each of its terms looked up once; typed arrays, no allocation per word). */
function matchGroups(index: SentenceIndex, s: Sentence, terms: TermGroups, groupCount: number): { matches: (GroupMatch | null)[]; words: number; matchedWords: number } {
  const { wordTerms } = sentenceInfo(index, s);
  const matches: (GroupMatch | null)[] = new Array<GroupMatch | null>(groupCount).fill(null);
  const trust = new Float64Array(groupCount);
  const via: Via[] = new Array<Via>(groupCount);
  const hit: number[] = [];
  let matchedWords = 0;
  for (let p = 0; p < wordTerms.length; p++) {
    const w = wordTerms[p]!;
    for (let k = 0; k < w.terms.length + w.parts.length; k++) {
      const part = k >= w.terms.length;
      const list = terms.get(part ? w.parts[k - w.terms.length]! : w.terms[k]!);
      if (!list) continue;
      for (const x of list) {
        const t = part ? x.weight * PART_TRUST : x.weight;
        if (trust[x.group] === 0) hit.push(x.group);
        if (t > trust[x.group]!) {
          trust[x.group] = t;
          via[x.group] = part ? 'compound' : x.via;
        }
      }
    }
    if (hit.length === 0) continue;
    matchedWords++;
    for (const g of hit) {
      const m = matches[g];
      if (!m) matches[g] = { trust: trust[g]!, via: via[g]!, positions: [p], words: [w.word] };
      else {
        m.positions.push(p);
        m.words.push(w.word);
        if (trust[g]! > m.trust) (m.trust = trust[g]!), (m.via = via[g]!);
      }
      trust[g] = 0;
    }
    hit.length = 0;
  }
  return { matches, words: wordTerms.length, matchedWords };
}

/** The folded words and terms of the question, which are never its answer. */
function questionTermSet(plan: QueryPlan): Set<string> {
  const out = new Set<string>();
  for (const g of plan.groups) {
    for (const a of g.alternatives) out.add(a.term);
    for (const w of g.word.split(' ')) out.add(fold(w));
  }
  return out;
}

/**
 * The candidate answers of the asked type in a sentence that are not made of
 * the question's own words, as word ranges [first, last] among its words
 * ({@link tokensOf}); a definition question gets the whole sentence when it
 * defines a question word, a quote question when it is credited to the one
 * the question names (answersQuote).
 * @param questionNames - the question's name words (questionNameWords); pass them when calling for many sentences
 */
export function typedAnswers(index: SentenceIndex, s: Sentence, plan: QueryPlan, questionTerms: Set<string>, questionNames: ReadonlySet<string> = questionNameWords(plan.groups)): [number, number][] {
  const type = plan.answerType;
  if (type === 'other' || type === 'yesno') return [];
  if (type === 'definition') {
    const defines = index.answers.get(s.id)?.defines ?? [];
    return plan.groups.some((g) => defines.includes(fold(g.word))) ? [[0, Number.MAX_SAFE_INTEGER]] : [];
  }
  if (type === 'quote') return answersQuote(s.attributedTo, questionNames) ? [[0, Number.MAX_SAFE_INTEGER]] : [];
  const { tokens, tokenTerms, spans } = sentenceInfo(index, s);
  const novel = (first: number, last: number) => {
    for (let i = first; i <= last; i++) {
      const t = tokens[i]!;
      if (!questionTerms.has(t.folded) && !questionTerms.has(tokenTerms[i]!)) return true;
    }
    return false;
  };
  const wanted: AnswerSpan['type'][] = type === 'place' ? ['place', 'person'] : type === 'number' || type === 'time' ? ['number', 'time', ...(plan.answerSubtype === 'ordinal' ? (['ordinal'] as const) : [])] : [type];
  return spans
    .filter((sp) => wanted.includes(sp.type) && (plan.answerSubtype ? subtypeOf(sp, tokens, s.text) === plan.answerSubtype : sp.type === type) && novel(sp.first, sp.last))
    .map((sp) => [sp.first, sp.last]);
}

const CURRENCY = /^(?:euro|eur|cent|cents|dollar|dollars|usd|pfund|pounds|franken|chf|yen)$/;
const DURATION_UNIT = /^(?:jahre|jahren|jahr|years|year|monate|monaten|months|month|wochen|woche|weeks|week|tage|tagen|tag|days|day|stunden|stunde|hours|hour|minuten|minutes|sekunden|seconds|jahrzehnte|decades)$/;

/** Words that make a number a share of a whole: "30 Prozent", "two thirds", "die Hälfte", "a majority". */
const SHARE_UNIT = /^(?:prozent|percent|pct|prozentpunkte|halfte|half|halves|drittel|third|thirds|viertel|quarter|quarters|funftel|fifth|fifths|zehntel|tenth|tenths|mehrheit|majority|minderheit|minority)$/;

/**
 * True when a number is someone's age: "45-year-old", "34-jähriger", "52 years old", "38 Jahre alt", "at age 39",
 * "aged 45", "im Alter von 38 Jahren", "mit 39 Jahren" (German for "at 39").
 */
function isAge(span: AnswerSpan, text: string): boolean {
  const own = text.slice(span.start, span.end);
  const after = text.slice(span.end, span.end + 12);
  const before = text.slice(Math.max(0, span.start - 14), span.start);
  if (/\d[-‐]?(?:year[-‐]old|jährig|jahrig)/iu.test(own) || /^\s*(?:years?[-‐ ]old|jahre alt)\b/iu.test(after) || (/\b(?:years?|jahre)$/iu.test(own) && /^[\s\-‐]*(?:old|alt)\b/iu.test(after))) return true;
  if (/\b(?:at (?:the )?age(?: of)?|aged|alter von|im alter)\s*$/iu.test(before)) return true;
  return /\bmit\s*$/iu.test(before) && /\bjahren$/iu.test(own);
}

/** The narrower kind of a number or time span: money (a currency amount), someone's age, a duration, a share, a date, or a rank. */
function subtypeOf(span: AnswerSpan, tokens: readonly SpanToken[], text: string): AnswerSubtype | null {
  const last = tokens[span.last]!.folded;
  const after = text.slice(span.end, span.end + 2);
  if (CURRENCY.test(last) || /^\s?[€$£]/.test(after) || /[€$£]\s?$/.test(text.slice(Math.max(0, span.start - 2), span.start))) return 'money';
  if (span.type === 'ordinal') return 'ordinal';
  if (isAge(span, text)) return 'age';
  if (DURATION_UNIT.test(last)) return 'duration';
  if (SHARE_UNIT.test(last) || /^\s?%/.test(after) || text.slice(span.start, span.end).endsWith('%')) return 'share';
  return span.type === 'time' ? 'date' : null;
}

/** True when one of the answers stands right after (at most two words after) a governing preposition of the question. */
function governed(tokens: readonly SpanToken[], answers: [number, number][], prepositions: readonly string[]): boolean {
  if (!prepositions.length || !answers.length) return false;
  return answers.some(([first]) => {
    for (let k = Math.max(0, first - 3); k < first; k++) if (prepositions.includes(tokens[k]!.folded)) return true;
    return false;
  });
}

/** Prepositions and their counterparts in the other language (folded): the answer of "Who did X partner with?" follows "mit". */
const PREPOSITIONS: Record<string, string[]> = {
  with: ['with', 'mit'],
  mit: ['mit', 'with'],
  for: ['for', 'fur'],
  fur: ['fur', 'for'],
  from: ['from', 'von', 'aus'],
  von: ['von', 'from', 'by', 'of'],
  aus: ['aus', 'from'],
  to: ['to', 'an', 'zu', 'nach'],
  against: ['against', 'gegen'],
  gegen: ['gegen', 'against'],
  by: ['by', 'von', 'durch'],
  on: ['on', 'auf'],
  about: ['about', 'uber'],
  uber: ['uber', 'about', 'over'],
  at: ['at', 'bei'],
  bei: ['bei', 'at', 'with'],
};

/**
 * The prepositions that govern what the question asks for, in both
 * languages: a question ending in one ("Who did GCHQ partner with?") or
 * opening with one before its question word ("Mit wem …", "With whom …").
 */
export function governingPrepositions(question: string): string[] {
  const ws = question.match(/[\p{L}\p{N}]+/gu)?.map(fold) ?? [];
  const last = ws[ws.length - 1];
  // Object.hasOwn: a question word may be "constructor" or "toString", which a plain lookup finds on the prototype.
  if (last && Object.hasOwn(PREPOSITIONS, last) && ws.length > 2) return PREPOSITIONS[last]!;
  const [first, second] = ws;
  if (first && Object.hasOwn(PREPOSITIONS, first) && second && /^(?:wem|wen|was|welche[mnrs]?|whom|which|what)$/.test(second)) return PREPOSITIONS[first]!;
  return [];
}

/** Sentence openers that refer back to the sentence before: pronouns and demonstratives (German and English, folded). */
const ANAPHOR = /^(?:er|sie|es|ihr|ihre|sein|seine|dies|diese|dieser|dieses|das|dort|damit|dabei|dazu|daher|deshalb|demnach|he|she|it|they|his|her|its|their|this|these|those|that|there|such|the)$/;
/** Demonstratives that refer back wherever they stand early in a sentence ("As part of this merger …", "Most of these schools …"). */
const DEMONSTRATIVE = /^(?:dies|diese|dieser|dieses|diesem|diesen|solche|solcher|solches|this|these|those|such)$/;
/**
 * German pronominal adverbs, which stand for something said before wherever they come early in a sentence (German
 * puts the verb second, so "Viel wird dabei …", "Er hat darüber …").
 */
const PRONOMINAL_ADVERB = /^(?:dabei|damit|dadurch|daruber|daran|darauf|dafur|dagegen|davon|dazu|daraus|darin|danach|davor|darunter|daneben|dahinter)$/;
/** Openers that continue the sentence before: contrast, example, consequence ("However, …", "Zum Beispiel …", "As such …"). */
const CONNECTIVE = /^(?:however|thus|therefore|hence|instead|also|example|instance|consequently|jedoch|allerdings|aber|doch|beispielsweise|beispiel|so|somit|folglich|stattdessen|zudem|ausserdem|auch)$/;

/** True when a sentence refers back to the one before: a pronoun or demonstrative opening it, a demonstrative among its first four words, or a connective among its first three. */
export function refersBack(tokens: readonly SpanToken[]): boolean {
  if (tokens[0] && ANAPHOR.test(tokens[0].folded)) return true;
  for (let i = 0; i < Math.min(4, tokens.length); i++) {
    const t = tokens[i]!.folded;
    if (DEMONSTRATIVE.test(t) || PRONOMINAL_ADVERB.test(t) || (i < 3 && CONNECTIVE.test(t))) return true;
  }
  return false;
}

/** Trust of a question's first name words in a sentence that names the person or thing by the last word only ("Kuechly" for "Luke Kuechly"), times the last word's own. */
const SURNAME_TRUST = 0.9;

/**
 * The question's multi-word names ("Luke Kuechly", "Peyton Manning") as
 * [first group, last group]: runs of capitalised name words that stand next
 * to each other in the question.
 */
export function nameSpans(plan: QueryPlan): [number, number][] {
  const { groups } = plan;
  const nameWord = (i: number) => !groups[i]!.optional && groups[i]!.isName && /^\p{Lu}\p{Ll}+$/u.test(groups[i]!.word);
  // Words of the question with what stands between each and the next.
  const tokens = [...plan.question.matchAll(/[\p{L}\p{N}]+/gu)];
  const adjacent = (a: string, b: string) =>
    tokens.some((t, i) => t[0] === a && tokens[i + 1]?.[0] === b && /^\s+$/.test(plan.question.slice(t.index + a.length, tokens[i + 1]!.index)));
  const spans: [number, number][] = [];
  for (let i = 0; i < groups.length; i++) {
    if (!nameWord(i)) continue;
    let j = i;
    while (j + 1 < groups.length && nameWord(j + 1) && adjacent(groups[j]!.word, groups[j + 1]!.word)) j++;
    if (j > i) spans.push([i, j]);
    i = j;
  }
  return spans;
}

/** True when a sentence has the whole name, its words one after the other. */
function hasWholeName(matches: readonly (GroupMatch | null)[], [first, last]: [number, number]): boolean {
  const start = matches[first];
  if (!start) return false;
  return start.positions.some((p) => {
    for (let g = first + 1; g <= last; g++) if (!matches[g]?.positions.includes(p + g - first)) return false;
    return true;
  });
}

/**
 * A sentence that names a person or thing by the last word of the question's
 * name alone ("Kuechly led the team in tackles" for "Luke Kuechly") matches
 * the whole name, as news text refers to people after their first mention.
 * Only for names the article gives whole somewhere, and only where the last
 * word stands alone, not inside another name ("Pro Bowl" is not "Super Bowl").
 */
function completeNames(matches: (GroupMatch | null)[], wordTerms: readonly { word: string }[], spans: readonly [number, number][]): void {
  for (const [first, last] of spans) {
    const end = matches[last];
    if (!end) continue;
    let missing = true;
    for (let g = first; g < last; g++) if (matches[g]) missing = false;
    if (!missing) continue;
    const alone = end.positions.filter((p) => p === 0 || !/^\p{Lu}/u.test(wordTerms[p - 1]!.word));
    if (alone.length === 0) continue;
    for (let g = first; g < last; g++) matches[g] = { trust: end.trust * SURNAME_TRUST, via: end.via, positions: alone, words: [] };
  }
}

/** Words that open what a quote question asks X said something about ("about the deal", "über die Absagen"). */
const ABOUT = /^(?:about|on|regarding|concerning|uber|zu|zum|zur)$/;

/** The groups of the words after "about" in a quote question that the corpus has. */
function quoteTopicGroups(plan: QueryPlan, input: RerankInput): number[] {
  const ws = (plan.question.match(/[\p{L}\p{N}]+/gu) ?? []).map(fold);
  const at = ws.findIndex((w) => ABOUT.test(w));
  if (at < 0) return [];
  const after = new Set(ws.slice(at + 1));
  return plan.groups.flatMap((g, i) => (!g.optional && !input.absent[i] && words(g.word).every((w) => after.has(fold(w))) ? [i] : []));
}

/**
 * The group of the speaker of a quote question that names nobody ("the mayor" in "What did the mayor tell
 * visitors?", its first word), when the corpus has it; -1 when the question names someone (answersQuote checks the
 * credit then) or the corpus lacks the word.
 */
function quoteSpeakerGroup(plan: QueryPlan, input: RerankInput): number {
  if (plan.groups.some((g) => g.isName && !g.optional)) return -1;
  const first = plan.groups.findIndex((g) => !g.optional);
  return first >= 0 && !input.absent[first] ? first : -1;
}

/** Each question word's weight (its weight in the question times its IDF; 0 for an optional phrase) and their sum. */
function groupWeights(plan: QueryPlan, input: RerankInput): { weights: number[]; total: number } {
  const weights = plan.groups.map((g, i) => (g.optional ? 0 : g.weight * input.groupIdf[i]!));
  return { weights, total: weights.reduce((a, b) => a + b, 0) || 1 };
}

/** Rescores the first stage's best candidates (see the module comment). */
export function rerank(index: SentenceIndex, plan: QueryPlan, input: RerankInput, candidates: readonly RerankCandidate[], model: LinearModel = RERANK_MODEL): Rescored[] {
  const terms = termGroups(plan.groups);
  const modelWeights = SENTENCE_FEATURES.map((name) => model[name] ?? 0);
  const { weights, total } = groupWeights(plan, input);
  const keyWeights = plan.groups.map((g, i) => (g.isKey ? weights[i]! : 0));
  const keyTotal = keyWeights.reduce((a, b) => a + b, 0);
  // The same weights scaled by how specific each word is: everyday words say little about what a question is about.
  const specificWeights = plan.groups.map((g, i) => weights[i]! * g.specificity);
  const specificTotal = specificWeights.reduce((a, b) => a + b, 0);
  const questionTerms = questionTermSet(plan);
  const quoteTopic = plan.answerType === 'quote' ? quoteTopicGroups(plan, input) : [];
  const quoteSpeaker = plan.answerType === 'quote' ? quoteSpeakerGroup(plan, input) : -1;
  const questionNames = questionNameWords(plan.groups);
  // Word vectors of the question: each group's rows (covSimilar passes over names: only their own spelling is evidence).
  const vectors = index.mechanisms.embeddings ? loadWordVectors() : null;
  const questionLanguage = plan.language === 'de' ? 'de' : 'en';
  const groupRows = plan.groups.map((g) => (vectors && !g.optional ? rowsOf(vectors, index.lexicon, g.word, questionLanguage) : []));
  const prepositions = governingPrepositions(plan.question);
  // "What animals …", "Which cells …": the rows of the noun the question asks a kind of, whose answer is a word like it
  // that the question does not have ("dogs" for "animals").
  const kindRows = vectors && plan.answerType === 'other' && plan.typeNoun ? rowsOf(vectors, index.lexicon, plan.typeNoun, questionLanguage) : [];
  const kindGroup = plan.answerType === 'other' && plan.typeNoun ? plan.groups.findIndex((g) => g.word === plan.typeNoun) : -1;
  const maxBase = Math.max(1e-9, ...candidates.map((c) => c.base));
  const maxWeight = Math.max(1e-9, ...weights);
  const contentGroups = plan.groups.filter((g) => !g.optional).length;
  // Consecutive content words of the question, as group pairs, for the order feature.
  const pairs: [number, number][] = [];
  for (let i = 0; i + 1 < plan.groups.length; i++) if (!plan.groups[i]!.optional && !plan.groups[i + 1]!.optional) pairs.push([i, i + 1]);

  const analysed = new Map<string, ReturnType<typeof matchGroups>>();
  const raw = (s: Sentence) => {
    let a = analysed.get(s.id);
    if (!a) analysed.set(s.id, (a = matchGroups(index, s, terms, plan.groups.length)));
    return a;
  };
  // The question's multi-word names that some candidate gives whole.
  const names = index.mechanisms.surnames ? nameSpans(plan).filter((span) => candidates.some((c) => hasWholeName(raw(index.sentences.get(c.id)!).matches, span))) : [];
  const completed = new Set<string>();
  const analyse = (s: Sentence) => {
    const a = raw(s);
    if (names.length > 0 && !completed.has(s.id)) {
      completed.add(s.id);
      completeNames(a.matches, sentenceInfo(index, s).wordTerms, names);
    }
    return a;
  };

  return candidates.map((c): Rescored => {
    const s = index.sentences.get(c.id)!;
    const { matches, words, matchedWords } = analyse(s);
    let cov = 0;
    let covDirect = 0;
    let covTranslation = 0;
    let covLoose = 0;
    let covSynonym = 0;
    let covKey = 0;
    let covSpecific = 0;
    matches.forEach((m, g) => {
      if (!m) return;
      const w = weights[g]! * Math.min(1, m.trust);
      cov += w;
      if (m.via === 'word') covDirect += w;
      else if (m.via === 'translation') covTranslation += w;
      else if (m.via === 'synonym') covSynonym += w;
      else covLoose += w;
      covKey += keyWeights[g]! * Math.min(1, m.trust);
      covSpecific += specificWeights[g]! * Math.min(1, m.trust);
    });
    // What the neighbours in the same paragraph cover that the sentence does not.
    // An opening pronoun or demonstrative takes the words of the sentence before it.
    let covNeighbours = 0;
    let covPrevious = 0;
    let covAnaphor = 0;
    let covFollower = 0;
    const place = placeOf(index, s.id);
    if (place) {
      const previous = place.list[place.at - 1];
      const next = place.list[place.at + 1];
      const near = [previous, next].filter((n): n is Sentence => !!n && n.paragraph === s.paragraph);
      // The sentence after, when it refers back to this one ("Er beschreibt …"): what it says, it says of this one.
      const follower = next && next.paragraph === s.paragraph && refersBack(sentenceInfo(index, next).tokens) ? analyse(next).matches : null;
      const nearMatches = near.map((n) => analyse(n).matches);
      const anaphoric = previous && previous.paragraph === s.paragraph && refersBack(sentenceInfo(index, s).tokens);
      const before = previous && previous.paragraph === s.paragraph ? analyse(previous).matches : null;
      matches.forEach((m, g) => {
        if (m) return;
        let best = 0;
        for (const nm of nearMatches) best = Math.max(best, nm[g]?.trust ?? 0);
        covNeighbours += weights[g]! * Math.min(1, best);
        // The sentence before, on its own: an answer often follows the sentence that sets up its topic.
        if (before) covPrevious += weights[g]! * Math.min(1, before[g]?.trust ?? 0);
        if (before && anaphoric) covAnaphor += weights[g]! * Math.min(1, before[g]?.trust ?? 0);
        if (follower) covFollower += weights[g]! * Math.min(1, follower[g]?.trust ?? 0);
      });
    }
    // Question words the sentence does not have (or has only through a weak link) but says in other words: the
    // closest of its words by word vectors, from nothing alike (SIMILAR_FLOOR) to the same word, above the link's trust.
    let covSimilar = 0;
    let similarity = 0;
    let lackingSimilarity = 0;
    let typedKind = 0;
    if (vectors) {
      const { rows, mean, perWord } = sentenceVectors(index, s, vectors);
      plan.groups.forEach((g, gi) => {
        const trust = Math.min(1, matches[gi]?.trust ?? 0);
        if (trust >= SIMILAR_TRUSTED || g.isName || groupRows[gi]!.length === 0) return;
        let best = 0;
        for (const a of groupRows[gi]!) for (const b of rows) best = Math.max(best, vectors.similarity(a, b));
        covSimilar += weights[gi]! * Math.max(0, (best - SIMILAR_FLOOR) / (1 - SIMILAR_FLOOR) - trust);
      });
      // The question's words the sentence does not match, against the sentence: what it says beyond the shared words
      // (1 when it matches them all). The whole question's mean would mostly repeat the word matches above.
      const unmatched = groupRows.flatMap((r, gi) => (matches[gi] ? [] : r.slice(0, 1)));
      similarity = unmatched.length ? meanSimilarity(vectors.mean(unmatched), mean) : 1;
      // For the answer decision, a lacking word with no vector (a name, a rare word) counts as nothing alike, by its
      // weight: a sentence without the question's only name does not say all of the question. (As a ranking feature
      // this did not help: the sentences it ranks mostly lack the same names.)
      let lacking = 0;
      let lackingWithVectors = 0;
      plan.groups.forEach((g, gi) => {
        if (g.optional || matches[gi]) return;
        lacking += weights[gi]!;
        if (groupRows[gi]!.length) lackingWithVectors += weights[gi]!;
      });
      lackingSimilarity = lacking === 0 ? 1 : unmatched.length ? (lackingWithVectors / lacking) * similarity : 0;
      if (kindRows.length) {
        const matchedSet = new Set(matches.flatMap((m) => m?.words ?? []));
        const { wordTerms } = sentenceInfo(index, s);
        let best = 0;
        perWord.forEach((rowsOfWord, p) => {
          if (matchedSet.has(wordTerms[p]!.word)) return;
          for (const a of kindRows) for (const b of rowsOfWord) best = Math.max(best, vectors.similarity(a, b));
        });
        typedKind = Math.max(0, (best - SIMILAR_FLOOR) / (1 - SIMILAR_FLOOR));
      }
    }
    // A German compound whose head is the noun asked a kind of is such a kind ("Mitralzellen" for "Which cells …"):
    // it matched the noun through its head, not as itself, and its modifier is none of the question's words
    // ("Versuchstiere" for "What animals did they test it on?" only repeats the question).
    if (kindGroup >= 0 && matches[kindGroup]) {
      const { wordTerms } = sentenceInfo(index, s);
      const own = (p: number) => terms.get(wordTerms[p]!.terms[0]!)?.some((x) => x.group === kindGroup) ?? false;
      const modifierAsked = (p: number) => wordTerms[p]!.parts.some((t) => terms.has(t));
      if (matches[kindGroup]!.positions.some((p) => wordTerms[p]!.terms.length > 1 && !own(p) && !modifierAsked(p))) typedKind = 1;
      // "What kind of forest …", "Which principle …": the noun, described by a word the question does not have, names
      // a kind of it ("a moist broadleaf forest", "die blinde Verständigung", "the principle of nonviolent protest").
      else {
        const all = wordsOf(s.text);
        if (matches[kindGroup]!.positions.some((p) => describedKind(all, wordTerms, p, terms, sentenceInfo(index, s).language))) typedKind = 1;
      }
    }
    // The question's most specific word (highest weight) matched, in part or in full.
    let rarest = 0;
    matches.forEach((m, g) => {
      if (m) rarest = Math.max(rarest, (weights[g]! * Math.min(1, m.trust)) / maxWeight);
    });
    // Proximity: matched question words close together; order: consecutive question words in order.
    const firstPositions = matches.filter((m): m is GroupMatch => !!m).map((m) => m.positions[0]!);
    const matched = firstPositions.length;
    const spread = matched > 1 ? Math.max(...firstPositions) - Math.min(...firstPositions) + 1 : 0;
    const proximity = matched > 1 ? matched / spread : 0;
    let inOrder = 0;
    for (const [a, b] of pairs) {
      const ma = matches[a];
      const mb = matches[b];
      if (ma && mb && ma.positions.some((p) => mb.positions.some((q) => q > p && q - p <= 2))) inOrder++;
    }
    // "What did X say about Y?": a quote answers it only when it is about Y too, when the article has Y at all; and
    // "What did the mayor say?" only when it has the mayor (the speaker named by a noun, not a name).
    const offTopic = quoteTopic.length > 0 && !quoteTopic.some((g) => matches[g]);
    const otherSpeaker = quoteSpeaker >= 0 && !matches[quoteSpeaker];
    const answers = plan.answerType === 'quote' && (offTopic || otherSpeaker) ? [] : typedAnswers(index, s, plan, questionTerms, questionNames);
    const typed = answers.length > 0;
    // How close the nearest candidate answer stands to a matched question word, in words (1 = adjacent).
    let typedNear = 0;
    if (typed && matched > 0) {
      const { tokens } = sentenceInfo(index, s);
      const matchedWords = new Set(matches.flatMap((m) => m?.words ?? []));
      const at = tokens.flatMap((t, i) => (matchedWords.has(t.text) ? [i] : []));
      let gap = Infinity;
      for (const [first, last] of answers) for (const i of at) gap = Math.min(gap, i < first ? first - i : i > last ? i - last : Infinity);
      if (Number.isFinite(gap)) typedNear = 1 / gap;
    }
    const features = [
      c.base / maxBase,
      cov / total,
      covDirect / total,
      covTranslation / total,
      covLoose / total,
      covSynonym / total,
      keyTotal > 0 ? covKey / keyTotal : cov / total,
      specificTotal > 0 ? covSpecific / specificTotal : 0,
      covNeighbours / total,
      covPrevious / total,
      covAnaphor / total,
      covSimilar / total,
      similarity,
      contentGroups > 0 ? matches.filter((m, g) => m && m.trust >= 0.5 && !plan.groups[g]!.optional).length / contentGroups : 0,
      rarest,
      typed ? 1 : 0,
      typed && plan.answerType === 'person' ? 1 : 0,
      typed && plan.answerType === 'number' ? 1 : 0,
      typed && plan.answerType === 'time' ? 1 : 0,
      typedNear,
      governed(sentenceInfo(index, s).tokens, answers, prepositions) ? 1 : 0,
      words > 0 ? (words - matchedWords) / words : 0,
      matchedWords >= words ? 1 : 0,
      s.role === 'headline' ? 1 : 0,
      s.role === 'caption' || s.role === 'subhead' ? 1 : 0,
      proximity,
      pairs.length ? inOrder / pairs.length : 0,
      Math.log1p(words),
      typedKind,
      typed ? covFollower / total : 0,
    ];
    let score = 0;
    for (let i = 0; i < features.length; i++) score += modelWeights[i]! * features[i]!;
    return { id: c.id, score, coverage: cov / total, typed, features, lackingSimilarity };
  });
}

/**
 * True when the word at `p` (an index into `wordTerms`; `all` holds the
 * sentence's words) is described by a word that is not the question's: the
 * nearest word before it, passing over up to two of the question's own words
 * ("revolutionary civil disobedience" for "What type of civil disobedience
 * …"), is a lower-case content word after an article or a preposition, or
 * opens the sentence; or an "of" / genitive complement follows it ("the
 * principle of nonviolent protest", "des Prinzips des gewaltfreien
 * Protests"). Stop words and numbers describe nothing.
 */
function describedKind(all: readonly string[], wordTerms: readonly WordTerms[], p: number, questionTerms: ReadonlyMap<string, unknown>, language: AnalyzerLanguage): boolean {
  const word = wordTerms[p]!.word;
  // The same word may occur more than once: the n-th occurrence among the content words is the n-th in the text.
  let nth = 0;
  for (let i = 0; i < p; i++) if (wordTerms[i]!.word === word) nth++;
  let at = -1;
  for (let i = 0, seen = 0; i < all.length; i++) if (all[i] === word && seen++ === nth) at = i;
  if (at < 0) return false;
  const asked = (w: string) => questionTerms.has(termOf(w, language));
  const content = (w: string) => !isStopWord(fold(w), language) && !/\p{N}/u.test(w) && !asked(w);
  // A complement the question does not have: "the principle of nonviolent protest", "des Prinzips des gewaltfreien …".
  if (/^(?:of|des|eines|einer)$/.test(fold(all[at + 1] ?? ''))) {
    let j = at + 2;
    while (j < all.length && j < at + 4 && isStopWord(fold(all[j]!), language)) j++;
    if (j < all.length && content(all[j]!)) return true;
  }
  let k = at - 1;
  for (let skipped = 0; k >= 0 && skipped < 2 && asked(all[k]!); skipped++) k--;
  if (k < 0 || !content(all[k]!) || (k > 0 && !/^\p{Ll}/u.test(all[k]!))) return false;
  // An attribute stands after an article or a preposition, or opens the sentence, maybe after another attribute
  // ("a moist broadleaf forest"); a verb before its object does not ("Die Forscher setzten Versuchstiere …").
  let j = k - 1;
  if (j >= 0 && /^\p{Ll}/u.test(all[j]!) && content(all[j]!)) j--;
  return j < 0 || ATTRIBUTE_OPENER.test(fold(all[j]!));
}

/** The words of a text (normalize.ts `words`, under a name the candidate loop does not shadow). */
const wordsOf = (text: string) => words(text);

/** Articles, determiners and prepositions, after which a lower-case word before a noun is an attribute of it. */
const ATTRIBUTE_OPENER =
  /^(?:der|die|das|den|dem|des|ein|eine|einen|einem|einer|eines|kein|keine|keinen|keinem|keiner|dieser|diese|dieses|diesen|diesem|jeder|jede|jedes|jeden|jedem|sein|seine|seinen|seinem|seiner|ihr|ihre|ihren|ihrem|ihrer|mit|von|vom|zu|zum|zur|in|im|an|am|auf|aus|bei|beim|durch|fur|gegen|ohne|uber|unter|vor|nach|als|the|a|an|this|that|these|those|his|her|its|their|our|each|every|of|in|on|at|by|for|with|from|to|into|as|under|over|through|about)$/;

/** The features of the decision to answer, from the reranked candidates (best first). */
export function questionFeatures(plan: QueryPlan, input: RerankInput, ranked: readonly Rescored[], topic = 0): number[] {
  const { weights, total } = groupWeights(plan, input);
  const keyTotal = plan.groups.reduce((s, g, i) => s + (g.isKey ? weights[i]! : 0), 0);
  const missing = plan.groups.reduce((s, _g, i) => s + (input.absent[i] ? weights[i]! : 0), 0);
  // Names and numbers the corpus lacks weigh against the answer more than paraphrased nouns do.
  const missingName = plan.groups.reduce((s, g, i) => s + (input.absent[i] && g.isName ? weights[i]! : 0), 0);
  // A name (not a number: articles round, translate and leave out numbers) the corpus never mentions.
  const anyNameMissing = plan.groups.some((g, i) => input.absent[i] && g.isName && !/\p{N}/u.test(g.word));
  const missingNoun = plan.groups.reduce((s, g, i) => s + (input.absent[i] && g.isKey && !g.isName ? weights[i]! : 0), 0);
  const top = ranked[0];
  const typedAsked = !['other', 'yesno'].includes(plan.answerType);
  const f = (name: (typeof SENTENCE_FEATURES)[number]) => top?.features[SENTENCE_FEATURES.indexOf(name)] ?? 0;
  return [
    // How much of the question the corpus holds anywhere, by the trust of the links that reach it.
    plan.groups.reduce((s, _g, i) => s + weights[i]! * (input.presence[i] ?? 0), 0) / total,
    plan.groups.reduce((s, g, i) => s + weights[i]! * g.specificity * (input.presence[i] ?? 0), 0) / (plan.groups.reduce((s, g, i) => s + weights[i]! * g.specificity, 0) || 1),
    f('covSpecific'),
    top?.coverage ?? 0,
    f('covKey'),
    f('covDirect'),
    (top?.coverage ?? 0) + f('covNeighbours'),
    f('matchedShare'),
    Math.max(0, ...ranked.map((r) => r.coverage)),
    missing / total,
    missingName / total,
    missingNoun / total,
    anyNameMissing ? 1 : 0,
    top?.typed ? 1 : 0,
    typedAsked ? 1 : 0,
    // A question of a type (who, when, how many …) whose best sentences hold no answer of that type.
    typedAsked && !ranked.slice(0, 3).some((r) => r.typed) ? 1 : 0,
    top?.score ?? 0,
    top && ranked[1] ? top.score - ranked[1].score : 1,
    Math.log1p(plan.groups.filter((g) => !g.optional).length),
    top?.lackingSimilarity ?? 0,
    // How alike the question is to the best sentence's article as a whole (see topicSimilarity).
    topic,
  ];
}

/** Probability that the question is answered by the best sentence, from {@link questionFeatures}. */
export function answerProbability(features: readonly number[], model: DecisionModel = ABSTAIN_MODEL): number {
  const x = model.features.map((name, i) => {
    const at = QUESTION_FEATURES.indexOf(name as (typeof QUESTION_FEATURES)[number]);
    return ((at >= 0 ? features[at]! : 0) - model.mean[i]!) / model.scale[i]!;
  });
  let z = model.output[model.hidden.length] ?? 0;
  model.hidden.forEach((unit, j) => {
    let a = unit[x.length] ?? 0;
    for (let i = 0; i < x.length; i++) a += unit[i]! * x[i]!;
    z += model.output[j]! * Math.tanh(a);
  });
  return 1 / (1 + Math.exp(-z));
}
