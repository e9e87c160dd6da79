/**
 * Expected answer types (what a question asks for) and the answers a
 * sentence can offer. A sentence that holds an answer of the expected kind,
 * beyond the words the question already has, ranks above one that merely
 * repeats the question's words. The cue lists are small and generic German
 * and English grammar (question words, month names, fraction words), written
 * by hand because no npm package does German question classification.
 */
import type { DetectedLanguage } from '../corpus/language.ts';
import { isStopWord } from './analyzer.ts';
import { canBeVerb, nounClassOf, type NounClass, wordClassOf } from './nounClasses.ts';
import { fold, words } from './normalize.ts';
import { isProperNoun } from './truecase.ts';

/** What a question asks for; `quote`: what someone said ("What did Kimmich say about …?", "Was sagte Scholz …?"). */
export type AnswerType = 'person' | 'time' | 'number' | 'place' | 'reason' | 'definition' | 'quote' | 'yesno' | 'other';

/** A question word (folded) or phrase and the type it asks for, longest phrases first. */
const QUESTION_CUES: [RegExp, AnswerType][] = [
  // "What did Kimmich say about …?", "How did the minister react?", "Was sagte Scholz …?", "Wie äußerte sich …?",
  // "Was hat X gefordert?": the answer is what the article credits to someone (a quotation or reported speech).
  [
    /^(?:what|how) (?:did|does|do|has|have|had|will|would) (?:(?!when |while |after |before |if |because |that |who |which )[\p{L}\p{N}'.-]+ ){1,5}?(?:say|said|tell|told|claim|claimed|think|argue|argued|explain|explained|warn|warned|reply|replied|comment|commented|admit|admitted|promise|promised|announce|announced|critici[sz]e|critici[sz]ed|demand|demanded|predict|predicted|believe)\b|^what (?:is|was|are|were) (?:[\p{L}\p{N}'.-]+ ){1,5}?(?:saying|claiming|warning|demanding|arguing)\b|^(?:was|wie) (?:sagte|sagt|sagten|sagen|meint|meinte|meinen|meinten|erklarte|erklart|erklarten|behauptet|behauptete|warnt|warnte|kritisiert|kritisierte|fordert|forderte|glaubt|glaubte|denkt|dachte|halt|hielt|halten|ausserte|aussert|ausserten|kommentierte|kommentiert|antwortete|antwortet|versprach|verspricht|betonte|betont)\b|^was (?:hat|haben|hatte|hatten) (?:[\p{L}\p{N}'.-]+ ){1,5}?(?:gesagt|gemeint|erklart|behauptet|gewarnt|kritisiert|gefordert|versprochen|angekundigt|betont|geantwortet)\b/u,
    'quote',
  ],
  // "What was the plug-in hybrid share in October?", "What is the estimated population of X?", "Was war der Anteil …?":
  // a copula question whose noun phrase ends in a noun of measure asks for a number.
  [
    /^(?:what|how much) (?:is|was|are|were|will be|has been|had been) (?:the |its |their |his |her |an? )?(?:[\p{L}\p{N}'-]+ ){0,3}?(?:share|percentage|proportion|amount|fraction|number|price|cost|rate|population|age|total|sum|budget|revenue|turnover|profit|salary|temperature|height|length|distance|speed|weight|score|size|area|value|density)s?(?: (?:of|in|for|at|on|per|that|did|does|do)\b|$)|^(?:(?:was|wie viel|wieviel) (?:ist|war|sind|waren|betragt|betrug)|wie (?:lautet|lautete|lauten|lauteten)) (?:der |die |das |den )?(?:[\p{L}\p{N}-]+ ){0,3}?(?:anteil|preis|kosten|zahl|anzahl|quote|rate|summe|betrag|umsatz|gewinn|hohe|alter|bevolkerung|einwohnerzahl|temperatur|budget|gehalt|wert|flache|grosse|dichte|gesamtzahl|prozentsatz|endstand|spielstand|punktestand|endergebnis|[\p{L}]+(?:zahl|grosse|anteil|kosten|summe|betrag|quote|temperatur))(?:e|s|es|en|n)?\b/u,
    'number',
  ],
  // "What does GCHQ stand for?", "What is GCHQ?", "Wofür steht GCHQ?", "Was ist GCHQ?", "Was bedeutet KI?"
  [/^(?:what (?:does|do) \S+(?: \S+)? (?:stand for|mean)|what (?:is|are) (?:the |an? )?\S+(?: short for)?|who (?:is|are) (?:the )?\S+|wofur steht (?:der |die |das )?\S+|was (?:ist|sind|bedeutet|heisst) (?:der |die |das |ein |eine )?\S+)$/, 'definition'],
  [/^(?:how (?:much|many|old|far|large|big|high|long is|tall|heavy|often|frequently)|what (?:share|percentage|proportion|amount|fraction|number|price|place|rank|position|age)|wie (?:viel|viele|vielen|hoch|gross|alt|weit|schwer|oft|haufig)|wieviel|wieviele|wievielen|was kostet|was kosten|welche[rnms]? (?:platz|rang|anteil|preis|prozentsatz|menge|mengen|anzahl|alter)|auf welchem platz|in welchem alter)\b/, 'number'],
  [/^(?:how long|wie lange|for how long|seit wie vielen?)\b/, 'time'],
  [/^(?:what|how much) (?:does|do|did) .* cost\b/, 'number'],
  [/^(?:when|(?:what|which) (?:year|years|month|months|day|days|date|dates|time|times|century|centuries|decade|decades|season|seasons|era|eras)|since when|wann|seit wann|welche[mnrs]? (?:jahr|jahre|jahren|jahres|monat|monate|monaten|monats|tag|tage|tagen|tages|datum|jahrhundert|jahrhunderte|jahrhunderten|jahrhunderts|jahrzehnt|jahrzehnte|jahrzehnten|jahrzehnts|zeitpunkt|uhrzeit|saison))\b/, 'time'],
  [/^(?:where|wherefrom|wo|wohin|woher|in welchem land|in welcher stadt)\b/, 'place'],
  [/^(?:who|whom|whose|wer|wem|wen|wessen|mit wem|with whom|von wem|by whom)\b/, 'person'],
  [/^(?:which|what) (?:company|companies|firm|newspaper|paper|agency|agencies|organi[sz]ation|person|people|group|service|partner|partners)\b/, 'person'],
  [/^(?:welche[rsnm]?) (?:firma|firmen|unternehmen|zeitung|zeitungen|behorde|behorden|organisation|person|personen|gruppe|dienst|dienste|partner)\b/, 'person'],
  [/^(?:why|warum|wieso|weshalb|wozu|what for)\b/, 'reason'],
  [/^(?:did|does|do|is|are|was|were|has|have|had|will|can|hat|haben|ist|sind|war|waren|wird|werden|kann|gibt)\b/, 'yesno'],
];

/** "When" not followed by an auxiliary, before a comma, opens a clause ("When prices rise, what …"), not a question about time. */
const CONJUNCTION_WHEN = /^when (?!(?:did|does|do|was|were|is|are|will|would|can|could|has|have|had|should|shall|might|may|must)\b)/;

const PREPOSITIONS = /^(?:with|by|from|to|for|of|in|on|at|since|until|till|before|after|during|mit|von|fur|an|bei|zu|in|seit|aus|nach|uber|auf|bis|vor|ab|wahrend)$/;

/** A narrower kind of number or time answer: an amount of money, a calendar date, a length of time, a share of a whole, someone's age, a rank. */
export type AnswerSubtype = 'money' | 'date' | 'duration' | 'share' | 'age' | 'ordinal';

const SUBTYPE_CUES: [RegExp, AnswerSubtype][] = [
  [/\b(?:cost|costs|price|prices|how much money|wie ?viel geld|was kostet|was kosten|kostet|preis|preise|euro|dollars?)\b/, 'money'],
  [/\b(?:how old|what age|at what age|which age|wie alt|in welchem alter|welches alter|mit wie ?viel(?:en)? jahren)\b/, 'age'],
  [/\b(?:how long|for how long|wie lange|wie lang)\b/, 'duration'],
  [/\b(?:what (?:percentage|percent|proportion|share|fraction)|which (?:percentage|proportion|share|fraction)|how much of(?! an?\b)|welche[nrms]? (?:prozentsatz|anteil|bruchteil)|wie ?viel(?:e)? prozent|wie hoch (?:war|ist|lag|liegt|wird|waren|sind) der (?:prozentsatz|anteil))\b/, 'share'],
  [/\b(?:wievielt(?:e|en|er|es|em)?|(?:what|which) (?:place|rank|position)|welche[nrms]? (?:platz|rang|position)|auf welche[mn] (?:platz|rang))\b/, 'ordinal'],
  [/\b(?:what date|which date|what day|which day|until when|until what|bis wann|an welchem tag|welches datum|an welchem datum)\b/, 'date'],
];

/** The narrower kind of a number or time question ("What does it cost?" → money), or null. */
export function answerSubtypeOf(question: string): AnswerSubtype | null {
  const q = words(question).map(fold).join(' ');
  for (const [cue, subtype] of SUBTYPE_CUES) if (cue.test(q)) return subtype;
  return null;
}

/** Translates a folded German noun to English words, most usual sense first (the lexicon's `toEnglish`). */
export type ToEnglish = (german: string) => readonly string[] | undefined;

/**
 * The answer type a noun class asks for. Only people and groups: "which
 * city/year" mapped to a place or time gained nothing on the dev data, since
 * nouns such as Stelle, Position or Gebiet have place senses that are rarely
 * what the question means.
 */
const CLASS_TYPE: Record<NounClass, AnswerType> = { person: 'person', place: 'other', time: 'other', thing: 'other' };

/** Words between "which/what" and its noun that only set the noun apart from one already named. */
const OTHER = /^(?:other|another)$/;

/** Nouns that ask for a kind of the noun after them, not an instance ("What type of undergarment …"). */
const KIND_NOUNS = /^(?:type|types|kind|kinds|sort|sorts|form|forms|art|arten|sorte|sorten|typ|typen)$/;

/** The noun a "which/what" question asks about: its index among the question's words, and its class. */
export interface TypeNoun {
  index: number;
  word: string;
  class: NounClass;
  /** True when the question asks for a kind of the noun ("What type of forest …"), not for an instance of it. */
  kind?: boolean;
}

/**
 * The noun a "which/what" question asks an instance of, with its index among
 * the question's words: "Which player had …" → player, "What German ruler
 * invited …" → ruler, "Welcher Spieler …" →
 * Spieler. English: the last word used mainly as a noun before the first
 * function word (adjectives and verbs are passed over); German: the first
 * capitalised word, looked up through its English translations. "What type
 * of forest …", "Welche Art von Wald …" give the noun after the kind word,
 * marked `kind`: its answer is a kind of forest ("a moist broadleaf forest",
 * "ein feuchter Laubwald"), not a name. Null when the question asks no
 * "which/what" of a noun.
 */
export function typeNounOf(question: string, toEnglish?: ToEnglish): TypeNoun | null {
  const raw = words(question);
  const ws = raw.map(fold);
  const at = ws.findIndex((w) => /^(?:which|what|welche[rsnm]?)$/.test(w));
  // Only at the start, or after a preposition ("In which city …", "Für welches Team …").
  if (at < 0 || at > 1 || (at === 1 && !PREPOSITIONS.test(ws[0]!))) return null;
  const german = /^welche/.test(ws[at]!);
  let head: TypeNoun | null = null;
  let kind = false;
  let end = at + 4;
  for (let i = at + 1; i < ws.length && i <= end; i++) {
    const w = ws[i]!;
    if (german) {
      if (!/^\p{Lu}/u.test(raw[i]!)) continue;
      // A hyphenated compound names its kind by its last part: "Panther-Verteidiger" is a Verteidiger.
      while (i + 1 < ws.length && question.includes(`${raw[i]}-${raw[i + 1]}`)) i++;
      head = { index: i, word: raw[i]!, class: germanNounClass(ws[i]!, toEnglish) ?? 'thing' };
      // "Welche Art von Wald …", "Welche Art der Gewaltenteilung …", "Welche Art Unterwäsche …": the noun after.
      if (!kind && KIND_NOUNS.test(w)) {
        kind = true;
        end = i + 3;
        continue;
      }
      break;
    }
    // "What kind of forest …": the noun phrase after "of".
    if (w === 'of' && !kind && head && KIND_NOUNS.test(fold(head.word))) {
      kind = true;
      head = null;
      end = i + 4;
      continue;
    }
    // "What other leader …", "Which other companies …": "other" only sets the noun apart from one already named.
    if (OTHER.test(w)) continue;
    if (isStopWord(w, 'en')) break;
    if (!kind && KIND_NOUNS.test(w)) {
      head = { index: i, word: raw[i]!, class: 'thing' };
      continue;
    }
    const cls = wordClassOf(w);
    // A verb ends the noun phrase: one used mainly as a verb, a past form ("invited"), or an -s form after
    // the noun ("Which area especially needs …").
    const verbForm = (/ed$/.test(w) || (/[^s]s$/.test(w) && head !== null)) && canBeVerb(w);
    if (cls === 'verb' || verbForm) break;
    // After "kind of" the phrase names the noun even when the word is not known as one ("What type of professional").
    if (cls || kind) head = { index: i, word: raw[i]!, class: cls ?? 'thing' };
    // A proper adjective used as a noun names people: "Which famous Indian …", "Which American …" (before a verb;
    // "Which Indian city …" goes on to its noun).
    else if (/^\p{Lu}\p{Ll}/u.test(raw[i]!) && isProperNoun(w)) head = { index: i, word: raw[i]!, class: 'person' };
  }
  // "What type of band …" asks for a kind of band, not a band's name; "What type is it?" for nothing in particular.
  if (!head || KIND_NOUNS.test(fold(head.word))) return null;
  return kind ? { ...head, kind } : head;
}

/**
 * The answer type of a question, from its opening words (one or two
 * prepositions may come first: "With whom…", "Bis zu welchem Datum …"), else
 * from the noun a "which/what" question asks an instance of (see
 * {@link typeNounOf}; pass `noun` when it is known already).
 * @param language - the question's language (src/corpus/language.ts). An
 * opening "was" asks yes or no only in English; when the language is not
 * known to be English it is German "was" (what). Default: not English.
 */
export function answerTypeOf(question: string, toEnglish?: ToEnglish, noun?: TypeNoun | null, language?: DetectedLanguage): AnswerType {
  const raw = words(question);
  const ws = raw.map(fold);
  const text = ws.join(' ');
  const starts = [text];
  // One or two prepositions may come first: "With whom …", "Bis zu welchem Datum …".
  for (let k = 0; k < 2 && ws[k] && PREPOSITIONS.test(ws[k]!); k++) starts.push(ws.slice(k + 1).join(' '));
  // The question word may follow a fronted clause: "During the 2015 season, who led …", "Nachdem …, wer …".
  for (const clause of question.split(/[,;:]\s/).slice(1)) starts.push(words(clause).map(fold).join(' '));
  for (const start of starts) {
    for (const [cue, type] of QUESTION_CUES) {
      if (!cue.test(start)) continue;
      // "Was the deal confirmed?" asks yes or no; German "Was hat Lady Gaga gesungen?" asks what.
      if (type === 'yesno' && language !== 'en' && /^was\b/.test(start)) continue;
      // "When did it end?" asks for a time; "When prices rise, what …" opens a clause.
      if (type === 'time' && starts.length > 1 && CONJUNCTION_WHEN.test(start)) continue;
      return type;
    }
  }
  // A question word left in place: "Manning took how many teams …", "… is a subject dealt with by whom?" (not the
  // capitalised "Who" of a name: "What type of Lord is Doctor Who?").
  // German asks for a rank with an ordinal question word: "Der wievielte Präsident war er?", "zum wievielten Mal".
  if (/\bhow (?:many|much)\b|\bwie viele?\b|\bwievielt(?:e|en|er|es|em)?\b/.test(text)) return 'number';
  if (/^(?:who|whom)$/.test(raw.at(-1) ?? '')) return 'person';
  // "What is the last name of the player who …": the name of a person.
  const named = NAME_OF.exec(text);
  if (named && named[1]!.split(' ').some((w) => nounClassOf(w) === 'person')) return 'person';
  // "Wie hieß der Spieler, der …", "Wie lautet der Nachname des Spielers …": a German noun, through its English senses.
  const germanNamed = GERMAN_NAME_OF.exec(text);
  if (germanNamed && germanNounClass(germanNamed[1]!, toEnglish) === 'person') return 'person';
  const head = noun === undefined ? typeNounOf(question, toEnglish) : noun;
  return head && !head.kind ? CLASS_TYPE[head.class] : 'other';
}

/** "Wie heißt der NOUN", "Wie lautet der Nachname des NOUN": the noun whose name is asked. */
const GERMAN_NAME_OF = /^wie (?:heisst|hiess|heissen|hiessen|lautet|lautete|lauten|lauteten) (?:der|die|das) (?:(?:nach|vor|familien)?namen? (?:des |der |dem |von )?(?:der |dem |den )?)?([\p{L}-]+)/u;

/** The class of a folded German noun, through its first English senses; an inflected form ("Spielers") is tried without its ending. */
function germanNounClass(word: string, toEnglish?: ToEnglish): NounClass | undefined {
  for (const form of [word, ...['s', 'es', 'n', 'en'].filter((e) => word.endsWith(e)).map((e) => word.slice(0, -e.length))]) {
    const cls = (toEnglish?.(form) ?? []).slice(0, 3).map((e) => nounClassOf(fold(e))).find((c) => c !== undefined);
    if (cls) return cls;
  }
  return undefined;
}

/** "What is the (last) name of the NOUN …": up to two words after "of", one of which may be a person noun. */
const NAME_OF = /^(?:what|which) (?:is|was|are|were) (?:the |his |her |their |its )?(?:last |first |full |family |real )?(?:name|names|surname|surnames) of (?:the |a |an |this |that )?((?:[\p{L}-]+)(?: [\p{L}-]+)?)/u;

const MONTHS =
  /^(?:januar|janner|februar|marz|april|mai|juni|juli|august|september|oktober|november|dezember|january|february|march|may|june|july|october|december|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|tuesday|wednesday|thursday|friday|saturday|sunday|gestern|vorgestern|yesterday|fruhjahr|herbst|sommer|winter)$/;
const NUMBER_WORDS =
  /^(?:prozent|percent|halfte|half|drittel|third|viertel|quarter|zehntel|tenth|hundertstel|dutzend|dozen|million|millionen|millions|milliarde|milliarden|billion|billions|mio|mrd|hundert|tausend|hundred|thousand|doppelt|double|zwei|drei|vier|funf|sechs|sieben|acht|neun|zehn|zwolf|zwanzig|dreissig|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|thirty|euro|dollar|pfund|pounds?)$/;
/** Prepositions that introduce a place: "in Großbritannien", "vor Ort", "nach Berlin". */
const PLACE_CUE = /(?:^|\s)(?:in|im|nach|aus|bei|vor ort|at|from|to|inside|within)\s+(?:der\s+|den\s+|dem\s+|the\s+)?\p{Lu}/u;
const PLACE_WORDS = /^(?:ort|orte|land|lander|stadt|welt|region|standort|rechenzentrum|rechenzentren|country|city|region|location|site|abroad|ausland|inland|weltweit|worldwide|lokal|locally)$/;
const REASON_CUE = /\b(?:weil|da|denn|um\s+\S+(?:\s+\S+){0,6}\s+zu|damit|deshalb|daher|wegen|because|since|so that|in order to|due to|ziel|zweck|aim|goal)\b/i;

/**
 * True when a sentence answers a `quote` question: the article credits it to
 * someone (see src/corpus/attribution.ts), and, when the question names
 * people, to one of them: the credit's last word is one of the question's
 * name words ("Kimmich" for a sentence credited to "Joshua Kimmich"; a
 * sentence credited to "Nora Schmidt" does not answer a question about "Nora
 * Huber").
 * @param questionNames - the words of the question's names, folded
 */
export function answersQuote(attributedTo: string | null, questionNames: ReadonlySet<string>): boolean {
  if (attributedTo === null) return false;
  const last = words(attributedTo).at(-1);
  return questionNames.size === 0 || (last !== undefined && questionNames.has(fold(last)));
}

/** The folded words of a question's names, for {@link answersQuote}. */
export function questionNameWords(groups: readonly { word: string; isName: boolean; optional: boolean }[]): Set<string> {
  return new Set(groups.filter((g) => g.isName && !g.optional).flatMap((g) => words(g.word).map(fold)));
}

/** The answers a sentence offers. */
export interface SentenceAnswers {
  /** Kinds of answer present, besides names (see `names`). */
  types: Set<AnswerType>;
  /** Folded names (people, organisations, places, acronyms) the sentence mentions. */
  names: string[];
  /** Folded words of the names this sentence defines (an acronym's long form, an apposition). */
  defines: string[];
}

/** The kinds of answer a sentence holds, given which of its words count as names. */
export function answersIn(text: string, isName: (word: string, index: number) => boolean): SentenceAnswers {
  const types = new Set<AnswerType>();
  const names: string[] = [];
  words(text).forEach((w, i) => {
    const f = fold(w);
    if (/^\d/.test(w)) {
      types.add('number');
      if (/^(?:1[89]|20)\d\d$/.test(w)) types.add('time');
    }
    if (MONTHS.test(f)) types.add('time');
    if (NUMBER_WORDS.test(f)) types.add('number');
    if (PLACE_WORDS.test(f)) types.add('place');
    if (isName(w, i)) names.push(f);
  });
  if (/%/.test(text)) types.add('number');
  if (PLACE_CUE.test(text)) types.add('place');
  if (REASON_CUE.test(text)) types.add('reason');
  return { types, names, defines: [] };
}
