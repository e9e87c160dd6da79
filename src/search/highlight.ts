/**
 * The answer inside a quote: for a question and a sentence that answers it,
 * the span of the sentence that answers it ("Andy Jassy" for "Who succeeded
 * Bezos?"), or null when the evidence is not good enough. A wrong span is
 * worse than none, so a span is only given above a confidence threshold
 * chosen on data ({@link HIGHLIGHT_THRESHOLD}).
 *
 * How:
 * 1. The question says what kind of span it wants ({@link questionFrame}):
 *    a name for who, a date for when, a number with its unit for how many,
 *    a place for where, a reason clause for why, the long form or
 *    description for "what does X stand for" / "what is X", and a name for
 *    "what is the name of …", "which player …", "what is X called".
 * 2. The sentence's candidate spans of that kind come from answerSpans.ts
 *    (names are capitalised words the lexicon does not know), acronym
 *    definitions and appositions (aliases.ts), and quoted titles.
 * 3. The question's own words are never the answer: a candidate made of
 *    them is dropped, and question words at its edges are trimmed.
 * 4. Each candidate is scored by what ties it to the question: how near it
 *    stands to the matched question words (weighted by their rarity, a
 *    clause boundary counting as distance), whether it shares their clause,
 *    whether the question's preposition governs it ("Who did GCHQ partner
 *    with?" → the name after "mit"), whether the question's counted noun
 *    follows a number ("How many points" → "308 Punkte") or its type noun
 *    precedes a name ("which player" → "Spieler Josh Norman"), whether a
 *    number's unit fits what the question measures (a share, money, a
 *    length, an age), and whether it looks like a dictionary word rather
 *    than a name. The weights are fitted on data (scripts/train-highlight.ts).
 * 5. The best candidate's confidence is a logistic model over its evidence,
 *    its margin over its rivals, the kind of question and how much of the
 *    question the sentence matches; below {@link HIGHLIGHT_THRESHOLD} there
 *    is no highlight.
 *
 * No npm package extracts German answer spans; this is hand-written over the
 * engine's own lexicon, analysis and aliases. The cue lists are generic
 * English and German grammar (question words, prepositions, quantifiers).
 */
import type { Sentence } from '../corpus/types.ts';
import { acronymDefinitions, appositions } from './aliases.ts';
import { type AnalyzerLanguage, analyzerLanguage, isStopWord } from './analyzer.ts';
import { type AnswerSpan, answerSpans, type SpanToken, tokensOf } from './answerSpans.ts';
import type { AnswerType } from './answerTypes.ts';
import type { Lexicon } from './lexicon.ts';
import { fold, words } from './normalize.ts';
import type { QueryPlan } from './query.ts';
import { governingPrepositions } from './rerank.ts';
import { HIGHLIGHT_MODEL, HIGHLIGHT_THRESHOLD } from './highlightModel.ts';
import { isGermanNoun, nameInContextTest, nameTest, placeWordTest, type SentenceIndex, splitGerman, translatesAsName, wordTermsOf } from './sentenceIndex.ts';

export { HIGHLIGHT_THRESHOLD };

/** The fitted weights of highlighting: a linear score per candidate span, a logistic confidence for the best. */
export interface HighlightModel {
  /** Weights of {@link CANDIDATE_FEATURES}. */
  span: Readonly<Record<string, number>>;
  /** Weights of {@link CONFIDENCE_FEATURES}. */
  confidence: Readonly<Record<string, number>>;
}

/**
 * What kind of span answers a question: finer than its answer type ("what is
 * the name of …" asks for a name; "what kind of farmers" for a sort: the
 * words that make the farmers a kind, "Sojabauern", "hohe Palmen").
 */
export type HighlightKind = 'person' | 'name' | 'time' | 'number' | 'place' | 'reason' | 'definition' | 'sort';

/** The span of a sentence that answers a question. */
export interface Highlight {
  /** Offsets into the sentence text (JavaScript string indices): `text.slice(start, end)` is the span. */
  start: number;
  end: number;
  kind: HighlightKind;
  /** How sure the engine is, 0..1; a highlight is given only at or above {@link HIGHLIGHT_THRESHOLD}. */
  confidence: number;
}

/** What a question asks for, as far as highlighting is concerned. */
export interface QuestionFrame {
  kind: HighlightKind;
  /**
   * The folded noun(s) the question counts or names: "points" in "How many
   * points …", "player" in "Which player …", "population" in "What was the
   * population …". A number followed by the counted noun, or a name after the
   * type noun, is the likelier answer.
   */
  nouns: string[];
  /** True when the kind comes from a question word that says it outright (who, when, how many); false when inferred. */
  explicit: boolean;
  /** For a number: what it measures, when the question says (a share, money, a length, an age, a speed); null otherwise. */
  measure?: Measure | null;
}

/** What a number measures, told by its unit. */
export type Measure = 'percent' | 'money' | 'length' | 'age' | 'speed';

/** Question words that say what a number measures; generic English and German. */
const MEASURE_CUES: [RegExp, Measure][] = [
  [/\b(?:percentage|percent|per cent|share|proportion|prozent|prozentsatz|anteil|quote)\b/, 'percent'],
  [/\b(?:how old|age|ages|aged|wie alt|alter)\b/, 'age'],
  [/\b(?:how fast|speed|speeds|wie schnell|geschwindigkeit)\b/, 'speed'],
  [/\b(?:how (?:far|high|tall|deep|wide)|how long is|distance|length|height|depth|width|wie (?:weit|hoch|tief|breit)|entfernung|lange|hohe)\b/, 'length'],
  [/\b(?:money|cost|costs|costing|price|prices|paid|pay|pays|spend|spent|worth|revenue|budget|salary|fee|fees|dollars?|euros?|kostet|kosten|preis|geld|bezahlt|zahlte|umsatz|gebuhr|gebuhren)\b/, 'money'],
];

/** Units of each measure (folded), and signs after a number. */
const MEASURE_UNITS: Record<Measure, RegExp> = {
  percent: /^(?:%|prozent|percent|prozentpunkte?|percentage)$/,
  money: /^(?:euro|eur|€|dollar|dollars|usd|us|\$|pfund|pounds?|gbp|£|franken|chf|yen|cent|cents|mark|millionen|milliarden|mio|mrd|million|billion)$/,
  length: /^(?:meter|metern|m|km|kilometer|kilometern|kilometres?|kilometers?|meilen|miles?|mi|fuss|feet|foot|ft|yards?|zentimeter|cm|millimeter|mm|metres?|meters?|inch|inches|zoll|quadratkilometer|quadratmeilen)$/,
  age: /^(?:jahre|jahren|jahr|years?|alt|old)$/,
  speed: /^(?:mph|kmh|km\/h|knoten|knots|stundenkilometer|kilometer pro stunde|meilen pro stunde)$/,
};
/** True for a unit of any measure. */
const anyUnit = (u: string) => Object.values(MEASURE_UNITS).some((r) => r.test(u));

/** What a question's number measures, or null. */
function measureOf(text: string): Measure | null {
  for (const [cue, measure] of MEASURE_CUES) if (cue.test(text)) return measure;
  return null;
}

/** Nouns that ask for a quantity after "what/which (is/was) the" ("What was the final score"); generic English and German. */
const QUANTITY_NOUN =
  /^(?:score|scores|population|percentage|percent|share|number|amount|size|rate|ratio|cost|costs|price|prices|fee|fees|total|average|temperature|height|length|distance|speed|age|budget|salary|revenue|revenues|value|capacity|weight|estimate|density|proportion|margin|sum|count|depth|ranking|rank|width|volume|frequency|duration|anzahl|zahl|hohe|lange|preis|kosten|anteil|quote|bevolkerung|einwohnerzahl|summe|betrag|wert|alter|temperatur|entfernung|geschwindigkeit|umsatz|gewinn)$/;
/** Nouns that ask for a time after "what/which" ("In what year"). */
const TIME_NOUN = /^(?:year|years|month|day|date|decade|century|time|period|season|era|jahr|monat|tag|datum|jahrzehnt|jahrhundert|zeit|zeitpunkt)$/;
/** Nouns that ask for a place after "what/which" ("Which city"). */
const PLACE_NOUN = /^(?:place|city|town|country|state|region|location|area|continent|island|village|province|county|ort|stadt|land|staat|gegend|insel|dorf|kontinent)$/;
/** Words that ask for a name or title: "What is the name of …", "What is X called?", "another name for". */
const NAME_CUE = /\b(?:name|names|named|called|nickname|title|titled|known as|renamed|referred to as|term for|word for|heisst|heissen|hiess|genannt|nennt|bezeichnet|titel)\b/;
/** English and German words that are no noun after "what/which": auxiliaries, determiners, adjectives of degree. */
const NOT_A_TYPE_NOUN =
  /^(?:is|are|was|were|do|does|did|has|have|had|will|would|can|could|should|may|might|must|the|a|an|of|in|on|at|to|for|by|with|from|ist|sind|war|waren|hat|haben|wird|werden|kann|konnen|der|die|das|den|dem|des|ein|eine|two|three|several|other|another|kind|kinds|type|types|sort|sorts|famous|main|first|last|new|old|large|major|most|two|zwei|drei)$/;
const AUXILIARY =
  /^(?:is|are|was|were|do|does|did|has|have|had|will|would|can|could|should|may|might|must|ist|sind|war|waren|hat|haben|hatte|hatten|wird|werden|wurde|wurden|kann|konnen|konnte)$/;

/** The content words after a question word, up to the verb: "how many career sacks did …" → career, sacks. */
function nounsAfter(ws: readonly string[], from: number): string[] {
  const out: string[] = [];
  for (let i = from; i < ws.length && out.length < 3; i++) {
    const w = ws[i]!;
    if (AUXILIARY.test(w)) break;
    if (/^(?:the|a|an|der|die|das|den|dem|des|of|von)$/.test(w)) continue;
    out.push(w);
  }
  return out;
}

/**
 * The kind of span a question wants, from its answer type (answerTypes.ts)
 * refined by its wording; null when no kind of span can be told.
 */
export function questionFrame(question: string, answerType: AnswerType): QuestionFrame | null {
  const frame = frameOf(question, answerType);
  if (frame?.kind === 'number') frame.measure = measureOf(words(question).map(fold).join(' '));
  return frame;
}

function frameOf(question: string, answerType: AnswerType): QuestionFrame | null {
  const ws = words(question).map(fold);
  // "What kind of farmers …", "Welche Art von Daten …": the sort of the noun.
  const sort = /\b(?:what|which|welche|welcher) (?:kinds?|types?|sorts?|forms?|art|arten|form|sorte) (?:of|von) (?:the |der |die |den )?([\p{L}\p{N}]+)/u.exec(ws.join(' '));
  if (sort && answerType !== 'number' && answerType !== 'time') return { kind: 'sort', nouns: [sort[1]!], explicit: false };
  const text = ws.join(' ');
  // A question word later in the question ("During the playoffs, who …", "Manning took how many teams …").
  const at = (re: RegExp) => ws.findIndex((w, i) => re.test(ws.slice(i, i + 2).join(' ')));
  const howMany = at(/^(?:how (?:many|much|old|far|fast|large|big|high|tall|long|heavy|deep|wide)|wie (?:viele?|alt|weit|schnell|gross|hoch|lang|schwer|tief|breit)|wieviele?)\b/);
  switch (answerType) {
    case 'person': {
      const wh = ws.findIndex((w) => /^(?:which|what|welche[rsnm]?)$/.test(w));
      return { kind: 'person', nouns: wh >= 0 ? nounsAfter(ws, wh + 1).slice(0, 1) : [], explicit: true };
    }
    case 'time':
      return { kind: 'time', nouns: [], explicit: true };
    case 'place':
      return { kind: 'place', nouns: [], explicit: true };
    case 'reason':
      return { kind: 'reason', nouns: [], explicit: true };
    case 'definition':
      return { kind: 'definition', nouns: [], explicit: true };
    case 'number': {
      if (howMany >= 0) return { kind: 'number', nouns: nounsAfter(ws, howMany + 2), explicit: true };
      // "What percentage …", "What share …": the noun says what is measured.
      const wh = ws.findIndex((w) => /^(?:what|which|welche[rsnm]?)$/.test(w));
      return { kind: 'number', nouns: wh >= 0 ? ws.slice(wh + 1, wh + 3).filter((w) => QUANTITY_NOUN.test(w)) : [], explicit: true };
    }
    case 'yesno':
    case 'quote':
      // What someone said: the quoted sentence is the answer, with no narrower span.
      return null;
    default:
  }
  // "What did the LMP acronym stand for …": the long form.
  if (/\b(?:stand|stands|stood|short) for\b/.test(text) && words(question).some((w) => /^\p{Lu}{2,6}$/u.test(w))) return { kind: 'definition', nouns: [], explicit: true };
  if (howMany >= 0) return { kind: 'number', nouns: nounsAfter(ws, howMany + 2), explicit: true };
  if (at(/^(?:who|whom|whose|wer|wem|wen|wessen)$/) >= 0) return { kind: 'person', nouns: [], explicit: true };
  if (at(/^(?:when|wann)$/) >= 0) return { kind: 'time', nouns: [], explicit: true };
  // "What/Which NOUN …", "In what year …", "What was the final score …".
  const wh = ws.findIndex((w) => /^(?:what|which|welche[rsnm]?|welch)$/.test(w));
  if (wh >= 0) {
    let i = wh + 1;
    // "What is/was the …": the noun after the copula and article.
    if (ws[i] && /^(?:is|are|was|were|ist|sind|war|waren)$/.test(ws[i]!)) i++;
    while (ws[i] && /^(?:the|a|an|der|die|das|den|dem|des|final|average|total|estimated|approximate|current|exact|first|last|main|new|ungefahre|durchschnittliche)$/.test(ws[i]!)) i++;
    const noun = ws[i];
    if (noun && TIME_NOUN.test(noun)) return { kind: 'time', nouns: [], explicit: false };
    // The noun phrase's head may come after a modifier: "What was the white population".
    const quantity = ws.slice(i, i + 3).find((w) => QUANTITY_NOUN.test(w));
    if (quantity && !ws.slice(i, ws.indexOf(quantity)).some((w) => AUXILIARY.test(w) || /^(?:of|von|in)$/.test(w))) return { kind: 'number', nouns: [quantity], explicit: false };
    if (NAME_CUE.test(text)) return { kind: 'name', nouns: [], explicit: false };
    if (noun && PLACE_NOUN.test(noun) && i === wh + 1) return { kind: 'place', nouns: [noun], explicit: false };
    // "Which player …", "What team …": a name of that kind.
    if (noun && i === wh + 1 && !NOT_A_TYPE_NOUN.test(noun)) return { kind: 'name', nouns: [noun], explicit: false };
  }
  if (NAME_CUE.test(text) && /^(?:wie|what|how)\b/.test(text)) return { kind: 'name', nouns: [], explicit: false };
  return null;
}

/** Number words that may end a number span ("30 Millionen"): no counted noun. */
const NUMBER_WORDISH = /^(?:hundert|tausend|million|millionen|milliarde|milliarden|mio|mrd|hundred|thousand|millions?|billions?|dutzend|dozen)$/;

/** Words before a number that belong to it: "mehr als 30 Prozent", "rund 500", "nearly 40 %". */
const NUMBER_MODIFIER =
  /^(?:mehr als|weniger als|bis zu|mindestens|hochstens|rund|etwa|circa|ca|fast|knapp|uber|unter|nur|gut|more than|less than|fewer than|up to|at least|at most|about|around|nearly|almost|roughly|approximately|over|under|only|some)$/;
/** Prepositions that belong to a month, season or weekday: "Im Juli", "am Montag", "in March". */
const TIME_PREPOSITION = /^(?:im|am|in|on|seit|since|bis|until|ab|anfang|ende|mitte|early|late|mid)$/;
/** A month, season or day word a time span may open with. */
const CALENDAR_WORD =
  /^(?:januar|janner|februar|marz|april|mai|juni|juli|august|september|oktober|november|dezember|january|february|march|may|june|july|october|december|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag|monday|tuesday|wednesday|thursday|friday|saturday|sunday|fruhjahr|fruhling|sommer|herbst|winter|spring|summer|autumn|fall)$/;

/** Names of a candidate span's features, in the order of the span model's weights. */
export const CANDIDATE_FEATURES = [
  'proximity',
  'adjacent',
  'governed',
  'nounNext',
  'before',
  'opening',
  'acronym',
  'length',
  'quoted',
  'unit',
  'modified',
  'measure',
  'clause',
  'between',
  'nounBefore',
  'otherNoun',
  'englishWord',
  'germanWord',
] as const;

/** Names of the confidence features of the best span, in the order of the confidence model's weights. */
export const CONFIDENCE_FEATURES = [
  'bias',
  'person',
  'name',
  'time',
  'number',
  'place',
  'reason',
  'definition',
  'sort',
  'explicit',
  'share',
  'margin',
  'alone',
  'rivals',
  'proximity',
  'adjacent',
  'governed',
  'nounNext',
  'coverage',
  'acronym',
  'length',
  'far',
  'nameNear',
  'personNear',
  'numberNear',
  'clause',
  'englishWord',
  'germanWord',
  'measure',
  'otherNoun',
  'support',
  'namesMissing',
  'later',
  'scoreGap',
] as const;

/** A candidate span with what ties it to the question. */
export interface HighlightCandidate {
  kind: HighlightKind;
  /** Token range among {@link tokensOf} the sentence. */
  first: number;
  last: number;
  /** Offsets into the sentence text. */
  start: number;
  end: number;
  /** Values of {@link CANDIDATE_FEATURES}. */
  features: number[];
  /** Its score under the span model. */
  score: number;
}

/** A sentence's candidate spans for a question, best first, with what the confidence needs. */
export interface HighlightAnalysis {
  frame: QuestionFrame;
  candidates: HighlightCandidate[];
  /** Share of the question's weight that the sentence's words match (0..1). */
  coverage: number;
  /** The same, each word counted by how far its link is trusted (an alias or a compound part less than the word itself). */
  support: number;
  /** Share of the question's names (by weight) the sentence does not have as written or translated (an alias or nothing). */
  namesMissing: number;
}

/** Per token of the sentence: the question groups it matches (their indexes), empty when none. */
function questionMatches(index: SentenceIndex, plan: QueryPlan, text: string, language: AnalyzerLanguage, tokens: readonly SpanToken[]): { groups: number[]; trust: number }[] {
  const out = tokens.map(() => ({ groups: [] as number[], trust: 0 }));
  const termsOf = plan.groups.map((g) => new Map(g.alternatives.map((a) => [a.term, a.weight])));
  const wordTerms = wordTermsOf(text, language, index.lexicon, index.mechanisms);
  let k = 0;
  let t = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:[.,][\p{N}]+)*/gu)) {
    const wt = wordTerms[k];
    if (!wt || wt.word !== m[0]) continue;
    k++;
    while (tokens[t] && tokens[t]!.end <= m.index) t++;
    const token = tokens[t];
    if (!token || token.start > m.index) continue;
    plan.groups.forEach((g, gi) => {
      if (g.optional) return;
      let best = 0;
      for (const term of wt.terms) best = Math.max(best, termsOf[gi]!.get(term) ?? 0);
      for (const term of wt.parts) best = Math.max(best, 0.6 * (termsOf[gi]!.get(term) ?? 0));
      if (best >= 0.3) {
        if (!out[t]!.groups.includes(gi)) out[t]!.groups.push(gi);
        out[t]!.trust = Math.max(out[t]!.trust, best);
      }
    });
  }
  return out;
}

/** Endings only German common nouns have (names rarely end so): Rechnung, Freiheit, Mannschaft, Nation, Qualität, Ereignis. */
const GERMAN_NOUN_ENDING = /(?:ung|ungen|heit|heiten|keit|keiten|schaft|schaften|tion|tionen|sion|sionen|tat|taten|ismus|nis|nisse|ling|linge)$/;

/** English words that join the parts of an English name or title inside a German text: "Planet of Giants", "Smith and Jones". */
const ENGLISH_JOINER = /^(?:of|and|the|to|for|on)$/;

/**
 * A sharper name test for highlighting than the index's (sentenceIndex.ts
 * `nameTest`, which ranking uses):
 * - a hyphenated word whose last part is a common noun ("Amazon-Gründer",
 *   "Oscar-Gewinnerin") is a description, not a name;
 * - a capitalised German word the lexicon translates, also without its
 *   inflection ending ("Amerikanische", "Zehnten"), is no name, unless it
 *   translates only as itself ("Pittsburgh", "England"): such a word is part of
 *   a name it stands next to ("die Pittsburgh Steelers", "New England Patriots");
 * - in a German text, capitalised words joined by English function words
 *   are an English name or title ("Planet of Giants").
 */
function highlightNameTest(lexicon: Lexicon, language: AnalyzerLanguage, tokens: readonly SpanToken[], text: string): (word: string, index: number) => boolean {
  const base = nameInContextTest(lexicon, language, tokens, text);
  const wordOnly = nameTest(lexicon, language);
  const translated = (folded: string) => {
    for (const f of new Set([folded, folded.replace(/(?:en|em|er|es|n|e|s)$/, ''), folded.replace(/(?:n|s)$/, '')])) {
      const senses = f.length >= 3 ? lexicon.toEnglish(f) : undefined;
      if (senses && !(senses.length <= 2 && senses[0] === f)) return true;
    }
    return false;
  };
  const plain = (word: string, i: number) => {
    if (!base(word, i)) return false;
    const parts = word.split(/[-‐]/);
    if (parts.length > 1) {
      const head = parts[parts.length - 1]!;
      if (language === 'de' ? /^\p{Lu}/u.test(head) && (isGermanNoun(lexicon, fold(head)) || splitGerman(lexicon, fold(head)) !== null) : /^\p{Ll}/u.test(head)) return false;
    }
    if (language === 'de' && parts.length === 1 && /^\p{Lu}\p{Ll}/u.test(word)) {
      const f = fold(word);
      // A surname or apposition the sentence makes a name ("Robin Koch"), a word that translates as an English name ("Genf").
      if (!wordOnly(word, i) || translatesAsName(lexicon, f)) return true;
      // A word the lexicon translates, or the singular of a plural it knows ("Personalie"), or one with a German noun ending.
      if (translated(f) || lexicon.isGermanWord(`${f}n`) || lexicon.isGermanWord(`${f}en`) || GERMAN_NOUN_ENDING.test(f)) return false;
    }
    return true;
  };
  const selfNamed = (word: string) => {
    if (!/^\p{Lu}\p{Ll}/u.test(word)) return false;
    const senses = lexicon.toEnglish(fold(word));
    return !!senses && senses.length <= 2 && senses[0] === fold(word);
  };
  const adjacent = (a: number, b: number) => {
    const x = tokens[Math.min(a, b)];
    const y = tokens[Math.max(a, b)];
    return !!x && !!y && text.slice(x.end, y.start) === ' ';
  };
  const capital = (i: number) => !!tokens[i] && /^\p{Lu}/u.test(tokens[i]!.text);
  return (word, i) => {
    if (plain(word, i)) return true;
    if (i === 0 || language !== 'de' || !/^\p{Lu}/u.test(word)) return false;
    // "Planet of Giants": a capitalised word before or after an English joiner between capitalised words.
    const joinerAfter = tokens[i + 1] && ENGLISH_JOINER.test(tokens[i + 1]!.text) && adjacent(i, i + 1) && (capital(i + 2) || (tokens[i + 2]?.text === 'the' && capital(i + 3)));
    const joinerBefore = tokens[i - 1] && ENGLISH_JOINER.test(tokens[i - 1]!.text) && capital(i - 2) && adjacent(i - 1, i);
    if (joinerAfter || joinerBefore) return true;
    if (!selfNamed(word)) return false;
    const next = tokens[i + 1];
    const prev = tokens[i - 1];
    return (!!next && adjacent(i, i + 1) && plain(next.text, i + 1)) || (!!prev && adjacent(i - 1, i) && plain(prev.text, i - 1));
  };
}

/** Quoted spans: „…“, "…", »…«, “…”, up to 10 words (titles, names, terms). */
function quotedSpans(text: string, tokens: readonly SpanToken[]): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(/[„“"»«‚‘]([^„“”"»«‚‘’]{1,120})[“”"«»‘’]/gu)) {
    const from = m.index + 1;
    const to = from + m[1]!.length;
    const first = tokens.findIndex((t) => t.start >= from);
    let last = -1;
    tokens.forEach((t, i) => {
      if (t.end <= to) last = i;
    });
    if (first >= 0 && last >= first && last - first < 10) out.push([first, last]);
  }
  return out;
}

/**
 * The term a definition question asks about: its acronym ("What did the LMP
 * acronym stand for …" → LMP), else the words after "what is" / "was ist" /
 * "wofür steht" ("What is septicemia?" → septicemia).
 */
export function definedTerm(question: string): string[] {
  const ws = words(question);
  const acronyms = ws.filter((w) => /^\p{Lu}[\p{Lu}\p{N}]{1,5}$/u.test(w));
  if (acronyms.length) return acronyms.map(fold);
  const folded = ws.map(fold);
  const at = folded.findIndex((w, i) => /^(?:is|are|was|were|ist|sind|war|waren|bedeutet|steht|does|do|did)$/.test(w) && i <= 2);
  if (at < 0) return [];
  return folded.slice(at + 1).filter((w) => !/^(?:the|a|an|der|die|das|ein|eine|stand|stands|for|mean|means|short|fur)$/.test(w));
}

/** Verbs that define what stands before them: "Kladen sind …", "X bezeichnet …". */
const COPULA = /^(?:ist|sind|war|waren|is|are|was|were|bezeichnet|bezeichnen|bedeutet|bedeuten|heisst|means|refers)$/;

/** The long forms and descriptions a sentence gives for the question's term ("What does GCHQ stand for?", "What is X?"). */
function definitionSpans(text: string, plan: QueryPlan, tokens: readonly SpanToken[], isCommonNoun: (folded: string) => boolean): [number, number][] {
  const asked = new Set(definedTerm(plan.question));
  if (asked.size === 0) return [];
  const range = (phrase: string, near: number): [number, number] | null => {
    const at = text.lastIndexOf(phrase, near >= 0 ? near : undefined);
    if (at < 0) return null;
    const first = tokens.findIndex((t) => t.start >= at);
    let last = first;
    while (tokens[last + 1] && tokens[last + 1]!.end <= at + phrase.length) last++;
    return first >= 0 ? [first, last] : null;
  };
  const out: [number, number][] = [];
  for (const [short, long] of acronymDefinitions(text)) {
    // The question names the short form: the long form answers it, and the other way round.
    if (asked.has(fold(short))) {
      const r = range(long, text.indexOf(short));
      if (r) out.push(r);
    } else if (words(long).every((w) => asked.has(fold(w)))) {
      const r = range(short, -1);
      if (r) out.push(r);
    }
  }
  // An apposition describes the name after it: "die britische Spionagebehörde Government Communications Headquarters".
  for (const [name, descriptors] of appositions(text, { isCommonNoun })) {
    if (!words(name).every((w) => asked.has(fold(w)))) continue;
    const r = range(descriptors.join(' '), text.indexOf(name));
    if (r) out.push(r);
  }
  // A copula after the term: "Kladen sind genetische Zweige, …" → up to the end of the clause.
  tokens.forEach((t, i) => {
    if (!asked.has(t.folded) || !tokens[i + 1] || !COPULA.test(tokens[i + 1]!.folded)) return;
    let first = i + 2;
    if (tokens[first] && /^(?:ein|eine|einer|eines|einem|einen|a|an|the|der|die|das)$/.test(tokens[first]!.folded)) first++;
    if (!tokens[first]) return;
    const clauseEnd = text.slice(tokens[first]!.start).search(/[,;:.!?()–—](?:\s|$)/);
    const end = clauseEnd < 0 ? text.length : tokens[first]!.start + clauseEnd;
    let last = first;
    while (tokens[last + 1] && tokens[last + 1]!.end <= end && last - first < 11) last++;
    out.push([first, last]);
  });
  return out;
}

/** Most sentences whose words and candidate answers an index keeps for highlighting. */
const SPAN_CACHE_SIZE = 20_000;
const spanCaches = new WeakMap<SentenceIndex, Map<string, { language: AnalyzerLanguage; tokens: SpanToken[]; spans: AnswerSpan[] }>>();

/** A sentence's words and candidate answers, whatever the question: computed once per index and kept. */
function sentenceSpans(index: SentenceIndex, sentence: Sentence): { language: AnalyzerLanguage; tokens: SpanToken[]; spans: AnswerSpan[] } {
  let cache = spanCaches.get(index);
  if (!cache) spanCaches.set(index, (cache = new Map()));
  let found = cache.get(sentence.id);
  if (!found) {
    const text = sentence.text;
    const language = analyzerLanguage(index.articles.get(sentence.articleId)?.meta.language ?? 'de');
    const tokens = tokensOf(text);
    found = { language, tokens, spans: tokens.length ? answerSpans(text, highlightNameTest(index.lexicon, language, tokens, text), tokens, placeWordTest(index.lexicon, language)) : [] };
    if (cache.size >= SPAN_CACHE_SIZE) cache.clear();
    cache.set(sentence.id, found);
  }
  return found;
}

/** The candidate spans of a sentence for a question, scored and best first; null when the question asks for no kind of span. */
export function analyseHighlight(index: SentenceIndex, plan: QueryPlan, sentence: Sentence, model: HighlightModel = HIGHLIGHT_MODEL): HighlightAnalysis | null {
  const frame = questionFrame(plan.question, plan.answerType);
  if (!frame) return null;
  const text = sentence.text;
  const { language, tokens, spans } = sentenceSpans(index, sentence);
  if (tokens.length === 0) return { frame, candidates: [], coverage: 0, support: 0, namesMissing: 1 };
  const matches = questionMatches(index, plan, text, language, tokens);
  const raw: [HighlightKind, number, number, boolean][] = [];
  const kinds: Record<HighlightKind, AnswerSpan['type'][]> = {
    sort: [],
    person: ['person'],
    name: ['person'],
    time: ['time'],
    number: ['number'],
    place: ['place'],
    reason: ['reason'],
    definition: [],
  };
  for (const s of spans) if (kinds[frame.kind].includes(s.type)) raw.push([frame.kind, s.first, s.last, false]);
  if (frame.kind === 'name') for (const [a, b] of quotedSpans(text, tokens)) raw.push([frame.kind, a, b, true]);
  if (frame.kind === 'definition') {
    const isCommonNoun = (w: string) => language === 'de' && (isGermanNoun(index.lexicon, w) || splitGerman(index.lexicon, w) !== null);
    for (const [a, b] of definitionSpans(text, plan, tokens, isCommonNoun)) raw.push(['definition', a, b, false]);
  }

  const prepositions = governingPrepositions(plan.question);
  // The groups of the question's counted or type nouns ("points", "player").
  const nounGroups = new Set(plan.groups.flatMap((g, i) => (words(g.word).some((w) => frame.nouns.includes(fold(w))) ? [i] : [])));
  if (frame.kind === 'sort') {
    // The noun itself when a compound makes it a kind ("Sojabauern", "Kinescope-Aufnahmen"), else the adjectives before it ("hohen Palmen").
    tokens.forEach((t, i) => {
      if (!matches[i]!.groups.some((g) => nounGroups.has(g))) return;
      const compound = /[-‐]/.test(t.text) || (language === 'de' && splitGerman(index.lexicon, t.folded) !== null);
      let k = i;
      // German attributive adjectives end in -e, -en, -er, -es, -em (not stop words such as "allem", "einem").
      const adjective = (j: number) => j >= 0 && /^\p{Ll}+(?:e|en|er|es|em)$/u.test(tokens[j]!.text) && !isStopWord(tokens[j]!.text, 'de');
      while (k > 0 && /^\s+$/.test(text.slice(tokens[k - 1]!.end, tokens[k]!.start)) && (adjective(k - 1) || (/^(?:und|oder|and|or)$/.test(tokens[k - 1]!.folded) && adjective(k - 2)))) k--;
      if (/^(?:und|oder|and|or)$/.test(tokens[k]!.folded)) k++;
      if (k < i || compound) raw.push(['sort', k, i, false]);
    });
  }
  // A compound that opens with a name of the question is about it ("Lutherbibel" for "Luther").
  const questionNames = plan.groups.filter((g) => g.isName).flatMap((g) => words(g.word).map(fold)).filter((w) => w.length >= 4);
  // A weak link (an alias, "Government Communications Headquarters" for GCHQ) is enough to make a name the question's own.
  const isQuestionWord = (i: number, least = 0.5) =>
    (matches[i]!.groups.some((g) => !nounGroups.has(g)) && matches[i]!.trust >= least) || questionNames.some((n) => tokens[i]!.folded.startsWith(n));
  // Where each question group (but the counted noun) matched.
  const positions = new Map<number, number[]>();
  matches.forEach((m, i) => {
    for (const g of m.groups) if (!nounGroups.has(g)) positions.set(g, [...(positions.get(g) ?? []), i]);
  });
  // A question word weighs by its weight in the question and by how rare it is in the corpus (a name the sentence shares tells more than "year").
  const sentences = Math.max(1, index.sentences.size);
  const idf = plan.groups.map((g) => {
    const df = Math.min(...g.alternatives.map((a) => index.df.get(a.term) ?? Infinity));
    return Math.log(1 + sentences / (1 + (Number.isFinite(df) ? df : 0)));
  });
  const weightOf = (g: number) => plan.groups[g]!.weight * idf[g]!;
  const matchedWeight = [...positions.keys()].reduce((sum, g) => sum + weightOf(g), 0);
  const totalWeight = plan.groups.reduce((sum, g, i) => sum + (g.optional || nounGroups.has(i) ? 0 : weightOf(i)), 0);
  // Words apart, counting each clause boundary (comma, bracket, dash, semicolon) between as two more.
  const gap = (a: number, b: number) => {
    const [x, y] = a < b ? [a, b] : [b, a];
    const between = text.slice(tokens[x]!.end, tokens[y]!.start);
    return y - x + 2 * (between.match(/[,;:()–—]/g)?.length ?? 0);
  };

  const out: HighlightCandidate[] = [];
  for (const [kind, first0, last0, quoted] of raw) {
    let first = first0;
    let last = last0;
    if (kind !== 'definition') {
      // The question's words are never its answer. A name holding one is the question's own entity;
      // a number or date the question has is no answer; a unit or noun the question has may be trimmed.
      let holds = false;
      for (let i = first; i <= last; i++) if (isQuestionWord(i, 0.3)) holds = true;
      if (holds && (kind === 'person' || kind === 'name' || kind === 'place')) continue;
      if (kind === 'number' || kind === 'time') {
        let numeric = false;
        for (let i = first; i <= last; i++) if (/^\p{N}/u.test(tokens[i]!.text) && isQuestionWord(i)) numeric = true;
        if (numeric || (kind === 'number' && isQuestionWord(first))) continue;
      }
      // A number that is part of a code ("AS-207/208", "MI5") is no quantity.
      if (kind === 'number' && first === first0 && /[/\p{L}-]$/u.test(text.slice(0, tokens[first]!.start))) continue;
      while (first <= last && isQuestionWord(first)) first++;
      while (last >= first && isQuestionWord(last)) last--;
      if (first > last) continue;
    }
    // A number with the words that qualify it ("mehr als 30 Prozent"); a month with its preposition ("Im Juli").
    let modified = false;
    if (kind === 'number') {
      for (const n of [2, 1]) {
        const phrase = tokens.slice(Math.max(0, first - n), first);
        if (first - n >= 0 && NUMBER_MODIFIER.test(phrase.map((t) => t.folded).join(' '))) {
          first -= n;
          modified = true;
          break;
        }
      }
    }
    if (kind === 'time' && CALENDAR_WORD.test(tokens[first]!.folded) && first > 0 && TIME_PREPOSITION.test(tokens[first - 1]!.folded)) {
      first--;
      modified = true;
    }
    let distance = Infinity;
    let proximity = 0;
    let before = 0;
    let clause = 0;
    let left = false;
    let right = false;
    for (const [g, at] of positions) {
      let d = Infinity;
      let after = false;
      let inClause = false;
      for (const i of at) {
        if (i >= first && i <= last) continue;
        const di = i < first ? gap(i, first) : gap(last, i);
        if (di < d) (d = di), (after = i > last);
        // The same clause: no comma, bracket, dash or semicolon between.
        if (di === Math.abs(i < first ? first - i : i - last)) {
          inClause = true;
          if (i < first) left = true;
          else right = true;
        }
      }
      distance = Math.min(distance, d);
      if (Number.isFinite(d)) proximity += weightOf(g) / d;
      if (after) before += weightOf(g);
      if (inClause) clause += weightOf(g);
    }
    proximity = matchedWeight > 0 ? proximity / matchedWeight : 0;
    let governed = false;
    for (let k = Math.max(0, first - 3); k < first; k++) if (prepositions.includes(tokens[k]!.folded)) governed = true;
    // The counted noun right after a number ("308 Punkte"), the type noun right before a name ("der Spieler Josh Norman").
    const nounAt = (i: number) => i >= 0 && i < tokens.length && matches[i]!.groups.some((g) => nounGroups.has(g));
    // A number's noun follows it, with at most one adjective between ("vier erzwungene Fumbles"); a name's type noun stands right before it.
    const near = (a: number, b: number) => /^\s*$/.test(text.slice(tokens[a]!.end, tokens[b]!.start));
    const nounNext =
      nounGroups.size > 0 &&
      (kind === 'number'
        ? nounAt(last) || (nounAt(last + 1) && near(last, last + 1)) || (nounAt(last + 2) && near(last, last + 1) && near(last + 1, last + 2) && /^\p{Ll}/u.test(tokens[last + 1]!.text))
        : (nounAt(first - 1) && near(first - 1, first)) || (nounAt(first - 2) && near(first - 2, first - 1) && near(first - 1, first)) || nounAt(last + 1));
    // The measured noun before a number, in its clause: "die durchschnittliche Familiengröße betrug 3,62".
    let nounBefore = false;
    if (kind === 'number' && nounGroups.size > 0) for (let k = Math.max(0, first - 4); k < first; k++) if (nounAt(k) && gap(k, first) === first - k) nounBefore = true;
    // A number counting something other than what the question counts ("308 Punkte" for "How many interceptions").
    const counted = kind === 'number' && last > first && !/^\p{N}/u.test(tokens[last]!.text) && !NUMBER_WORDISH.test(tokens[last]!.folded);
    const otherNoun = nounGroups.size > 0 && counted && !nounNext && !anyUnit(tokens[last]!.folded);
    const end0 = tokens[last]!.end;
    const sign = kind === 'number' ? (/^\s?(?:%|‰|°\p{Lu}?)/u.exec(text.slice(end0))?.[0] ?? '') : '';
    // The unit says what the number measures: "91%" for a percentage, "340 Meilen" for a distance.
    let measure = 0;
    if (kind === 'number' && frame.measure) {
      const unit = [sign.trim(), tokens[last]!.folded, tokens[last + 1] && near(last, last + 1) ? tokens[last + 1]!.folded : ''].filter(Boolean);
      if (unit.some((u) => MEASURE_UNITS[frame.measure!].test(u))) measure = 1;
      // A unit of another measure, or a counted noun ("4.500 Mitarbeiter" for a question about money).
      else if (unit.some((u) => anyUnit(u)) || counted) measure = -1;
    }
    // A number of something else than the question measures is no answer ("4.500 Mitarbeiter" for "How much revenue").
    if (measure < 0) continue;
    const length = last - first + 1;
    const features = [
      proximity,
      Number.isFinite(distance) ? 1 / distance : 0,
      governed ? 1 : 0,
      nounNext ? 1 : 0,
      matchedWeight > 0 ? before / matchedWeight : 0,
      first === 0 ? 1 : 0,
      length === 1 && /^\p{Lu}[\p{Lu}\p{N}]+$/u.test(tokens[first]!.text) ? 1 : 0,
      Math.log(length),
      quoted ? 1 : 0,
      kind === 'number' && (sign !== '' || (length > 1 && !/^\p{N}/u.test(tokens[last]!.text))) ? 1 : 0,
      modified ? 1 : 0,
      measure,
      matchedWeight > 0 ? clause / matchedWeight : 0,
      left && right ? 1 : 0,
      nounBefore ? 1 : 0,
      otherNoun ? 1 : 0,
      // One word the dictionary knows, in either language: more often a loanword or a noun ("Drive", "Beginn") than a name.
      length === 1 && /^\p{L}+$/u.test(tokens[first]!.text) && index.lexicon.toGerman(tokens[first]!.folded) !== undefined ? 1 : 0,
      length === 1 && /^\p{L}+$/u.test(tokens[first]!.text) && (index.lexicon.isGermanWord(tokens[first]!.folded) || isGermanNoun(index.lexicon, tokens[first]!.folded)) ? 1 : 0,
    ];
    const candidate: HighlightCandidate = { kind, first, last, start: tokens[first]!.start, end: end0 + sign.length, features, score: 0 };
    if (out.some((c) => c.start === candidate.start && c.end === candidate.end)) continue;
    out.push(candidate);
  }
  for (const c of out) c.score = linear(model.span, CANDIDATE_FEATURES, c.features);
  out.sort((a, b) => b.score - a.score || a.start - b.start);
  // Per question group, the best trust of its links in the sentence.
  const trustOf = new Map<number, number>();
  matches.forEach((m) => {
    for (const g of m.groups) if (!nounGroups.has(g)) trustOf.set(g, Math.max(trustOf.get(g) ?? 0, m.trust));
  });
  const supported = [...trustOf].reduce((sum, [g, trust]) => sum + weightOf(g) * Math.min(1, trust), 0);
  const names = plan.groups.flatMap((g, i) => (g.isName && !g.optional && !nounGroups.has(i) ? [i] : []));
  const nameWeight = names.reduce((sum, g) => sum + weightOf(g), 0);
  const missingNames = names.reduce((sum, g) => sum + ((trustOf.get(g) ?? 0) < 0.8 ? weightOf(g) : 0), 0);
  return {
    frame,
    candidates: out,
    coverage: totalWeight > 0 ? Math.min(1, matchedWeight / totalWeight) : 0,
    support: totalWeight > 0 ? Math.min(1, supported / totalWeight) : 0,
    namesMissing: nameWeight > 0 ? missingNames / nameWeight : 0,
  };
}

function linear(weights: Readonly<Record<string, number>>, names: readonly string[], x: readonly number[]): number {
  let z = 0;
  names.forEach((name, i) => (z += (weights[name] ?? 0) * x[i]!));
  return z;
}

/** The confidence features of an analysis's best span ({@link CONFIDENCE_FEATURES}); null when it has none. */
export function confidenceFeatures(analysis: HighlightAnalysis, place: AnswerPlace = FIRST): number[] | null {
  const { frame, candidates, coverage, support, namesMissing } = analysis;
  const best = candidates[0];
  if (!best) return null;
  // The best span's share of the softmax over the candidates' scores.
  const top = best.score;
  const total = candidates.reduce((sum, c) => sum + Math.exp(c.score - top), 0);
  const f = (name: (typeof CANDIDATE_FEATURES)[number]) => best.features[CANDIDATE_FEATURES.indexOf(name)]!;
  return [
    1,
    frame.kind === 'person' ? 1 : 0,
    frame.kind === 'name' ? 1 : 0,
    frame.kind === 'time' ? 1 : 0,
    frame.kind === 'number' ? 1 : 0,
    frame.kind === 'place' ? 1 : 0,
    frame.kind === 'reason' ? 1 : 0,
    frame.kind === 'definition' ? 1 : 0,
    frame.kind === 'sort' ? 1 : 0,
    frame.explicit ? 1 : 0,
    1 / total,
    candidates[1] ? Math.min(5, top - candidates[1].score) : 5,
    candidates.length === 1 ? 1 : 0,
    Math.log(candidates.length),
    f('proximity'),
    f('adjacent'),
    f('governed'),
    f('nounNext'),
    coverage,
    f('acronym'),
    f('length'),
    f('proximity') < 0.15 ? 1 : 0,
    frame.kind === 'name' ? f('adjacent') : 0,
    frame.kind === 'person' ? f('adjacent') : 0,
    frame.kind === 'number' ? f('adjacent') : 0,
    f('clause'),
    f('englishWord'),
    f('germanWord'),
    f('measure'),
    f('otherNoun'),
    support,
    namesMissing,
    place.rank > 0 ? 1 : 0,
    Math.min(5, Math.max(0, place.gap)),
  ];
}

/**
 * Where an answer stands among the engine's answers to the question: a
 * later answer, or one scored well below the first, answers less often, and
 * a span in a sentence that does not answer is wrong whatever it is.
 */
export interface AnswerPlace {
  /** 0 for the first answer. */
  rank: number;
  /** The first answer's ranking score minus this one's (0 for the first). */
  gap: number;
}

const FIRST: AnswerPlace = { rank: 0, gap: 0 };

/** Confidence that the best span of an analysis answers the question (0..1). */
export function highlightConfidence(analysis: HighlightAnalysis, model: HighlightModel = HIGHLIGHT_MODEL, place: AnswerPlace = FIRST): number {
  const x = confidenceFeatures(analysis, place);
  if (!x) return 0;
  return 1 / (1 + Math.exp(-linear(model.confidence, CONFIDENCE_FEATURES, x)));
}

/** Options of {@link highlightAnswer}. */
export interface HighlightOptions {
  /** Least confidence to give a span. Default: {@link HIGHLIGHT_THRESHOLD}. */
  threshold?: number;
  /** The fitted span and confidence weights. Default: {@link HIGHLIGHT_MODEL}. */
  model?: HighlightModel;
  /** Where the answer stands among the engine's answers. Default: the first. */
  place?: AnswerPlace;
}

/** The span of `sentence` that answers the question of `plan`, or null when there is none good enough. */
export function highlightAnswer(index: SentenceIndex, plan: QueryPlan, sentence: Sentence, options: HighlightOptions = {}): Highlight | null {
  const analysis = analyseHighlight(index, plan, sentence, options.model);
  const best = analysis?.candidates[0];
  if (!analysis || !best) return null;
  const confidence = highlightConfidence(analysis, options.model, options.place);
  if (confidence < (options.threshold ?? HIGHLIGHT_THRESHOLD)) return null;
  return { start: best.start, end: best.end, kind: best.kind, confidence };
}
