/**
 * Candidate answers inside a sentence: the spans that could answer a
 * question of each type (a name for who, a date for when, a number with its
 * unit for how many, a place for where, a reason clause for why). Ranking
 * prefers sentences holding such a span beyond the question's own words.
 *
 * German has no capitalisation cue for names, so "name" comes from the
 * caller's name test (a capitalised word the lexicon does not know, see
 * sentenceIndex.ts `nameTest`). The cue lists are small, generic German and
 * English grammar (months, number words, units, reason conjunctions); no npm
 * package does German answer-candidate extraction, so this is hand-written.
 */
import type { AnswerType } from './answerTypes.ts';
import { fold } from './normalize.ts';

/** A span of a sentence that could answer a question of `type`. */
export interface AnswerSpan {
  /** What the span is; 'ordinal' is a rank ("den sechsten Platz", "third", "Platz drei"), asked only by rank questions. */
  type: Exclude<AnswerType, 'definition' | 'quote' | 'yesno' | 'other'> | 'ordinal';
  /** Offsets into the sentence text. */
  start: number;
  end: number;
  /** Indexes of the span's first and last word among the sentence's words. */
  first: number;
  last: number;
}

/** A word of a sentence with its offsets. */
export interface SpanToken {
  text: string;
  folded: string;
  start: number;
  end: number;
}

/** The words of a text with their offsets, as {@link words} splits them. */
export function tokensOf(text: string): SpanToken[] {
  return [...text.matchAll(/[\p{L}\p{N}]+(?:[.,][\p{N}]+)*(?:[-‐][\p{L}\p{N}]+)*/gu)].map((m) => ({
    text: m[0],
    folded: fold(m[0]),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** Number words. Tens and teens are spelled out from their stems ("siebzehn", "einundzwanzig", "thirteen", "forty"), not matched by their endings, which "Leipzig" and "canteen" share. */
const NUMBER_WORD =
  /^(?:ein|eine|einen|einem|einer|zwei|drei|vier|funf|sechs|sieben|acht|neun|zehn|elf|zwolf|(?:(?:ein|zwei|drei|vier|funf|sechs|sieben|acht|neun)und)?(?:zwanzig|dreissig|vierzig|funfzig|sechzig|siebzig|achtzig|neunzig)|(?:drei|vier|funf|sech|sieb|acht|neun)zehn|(?:thir|four|fif|six|seven|eigh|nine)teen|(?:twen|thir|for|fif|six|seven|eigh|nine)ty|hundert|tausend|halb|halbe|halfte|doppelt|dutzend|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|hundred|thousand|half|double|dozen|dozens|million|millionen|millions|milliarde|milliarden|billion|billions|mio|mrd|drittel|viertel|third|thirds|quarter|quarters|zehntel|tenth|tenths)$/u;
const NUMBER_WORD_EXCLUDE = /^(?:ein|eine|einen|einem|einer|one|halb|half)$/;
/** A rank written out: "erste", "sechsten", "third", "21st" (not "last" or "letzte": they rank nothing). */
const ORDINAL =
  /^(?:(?:erst|zweit|dritt|viert|funft|sechst|siebt|siebent|acht|neunt|zehnt|elft|zwolft|(?:drei|vier|funf|sech|sieb|acht|neun)zehnt|zwanzigst)(?:e|en|er|es|em)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|(?:thir|four|fif|six|seven|eigh|nine)teenth|twentieth|\d+(?:st|nd|rd|th))$/u;
/** Words of a rank, before its number: "Platz drei", "Rang 2", "place 3". */
const RANK_WORD = /^(?:platz|rang|position|place|rank)$/;
/** A count of times or a multiple: "dreimal", "sechs-malige", "fünffacher", "five-time", "tenfold", "twice". */
const MULTIPLE =
  /^(?:\d+|zwei|drei|vier|funf|sechs|sieben|acht|neun|zehn|elf|zwolf|(?:(?:ein|zwei|drei|vier|funf|sechs|sieben|acht|neun)und)?(?:zwanzig|dreissig|vierzig|funfzig|sechzig|siebzig|achtzig|neunzig)|(?:drei|vier|funf|sech|sieb|acht|neun)zehn|(?:thir|four|fif|six|seven|eigh|nine)teen|(?:twen|thir|for|fif|six|seven|eigh|nine)ty|hundert|tausend|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[-‐]?(?:mal|malig|malige|maligen|maliger|maliges|maligem|fach|fache|fachen|facher|faches|fachem|time|times|fold)$|^(?:twice|thrice)$/u;
const UNIT =
  /^(?:prozent|prozentpunkte|percent|per|cent|prozentpunkt|euro|eur|dollar|dollars|us|pfund|pounds|franken|yen|cent|cents|punkte|points|meter|metern|metres|meters|kilometer|kilometern|km|kilometres|miles|meilen|kilogramm|kg|tonnen|tons|tonnes|jahre|jahren|jahr|years|year|monate|monaten|months|month|wochen|woche|weeks|week|tage|tagen|tag|days|day|stunden|stunde|hours|hour|minuten|minutes|sekunden|seconds|grad|degrees|mal|times|fach|menschen|people|personen|einwohner|inhabitants|mitglieder|members|stimmen|votes|sitze|seats|spiele|games|tore|goals|sacks|yards|yard|touchdowns|einheiten|units|stuck|exemplare|copies|zuschauer|viewers|fans|besucher|visitors|mitarbeiter|employees|soldaten|soldiers|opfer|victims|tote|toten|dead|verletzte|injured|fahrzeuge|autos|cars|neuzulassungen)$/;
const DURATION = /^(?:jahre|jahren|jahr|years|year|monate|monaten|months|month|wochen|woche|weeks|week|tage|tagen|tag|days|day|stunden|stunde|hours|hour|minuten|minutes|sekunden|seconds|jahrzehnte|decades|jahrhunderte|centuries)$/;
const MONTH =
  /^(?:januar|janner|februar|marz|april|mai|juni|juli|august|september|oktober|november|dezember|jan|feb|mar|apr|jun|jul|aug|sep|sept|okt|oct|nov|dez|dec|january|february|march|may|june|july|october|december)$/;
/** Days, also as the first part of a German compound of a day and its time ("Mittwochnachmittag", "Sonntagabend"). */
const DAY = /^(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonnabend|sonntag)(?:s|morgen|vormittag|mittag|nachmittag|abend|nacht)?$|^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|wochenende|weekend)$/;
const TIME_WORD =
  /^(?:jahrhundert|jahrhunderts|jahrhunderten|jahrzehnt|jahrzehnts|jahrzehnten|century|centuries|decade|decades|uhr|gestern|vorgestern|heute|morgen|ubermorgen|yesterday|today|tomorrow|tonight|fruhjahr|fruhling|sommer|herbst|winter|spring|summer|autumn|fall|nachmittag|vormittag|abend|morning|afternoon|evening|night|nacht|wochen|jahren|saison|season|ostern|weihnachten|christmas|easter|silvester|neujahr)$/;
const TIME_CONTEXT = /^(?:jahrhundert|jahrhunderts|century|centuries|uhr|jahrzehnt|decade)$/;
const PLACE_PREP = /^(?:in|im|nach|aus|bei|beim|vor|nahe|nördlich|sudlich|ostlich|westlich|nordlich|from|at|to|near|into|inside|across|throughout|within|zu|zum|zur|gen)$/;
const ARTICLE = /^(?:der|die|das|den|dem|des|the)$/;
const NAME_JOINER = /^(?:von|van|der|de|del|della|di|da|du|le|la|ter|ten|zu|vom|of|y|bin|al|el|st|mc)$/;
/** Words for a part of a year before the year: "Ende 1961", "Anfang 2020", "early 1990". */
const PART_OF_YEAR = /^(?:anfang|ende|mitte|fruhjahr|early|late|mid)$/;
/** Words that join two numbers into a range: "7 bis 10", "20 zu 1", "5 to 10". */
const RANGE = /^(?:bis|to|zu)$/;
/** "und"/"and" join a range only after "zwischen"/"between". */
const RANGE_AFTER_BETWEEN = /^(?:und|and)$/;
const BETWEEN = /^(?:zwischen|between)$/;
const REASON_CUE = /^(?:weil|denn|da|zumal|wegen|aufgrund|dank|infolge|damit|um|because|since|due|owing|thanks|so)$/;

/** Finds the candidate answer spans of a sentence. */
export function answerSpans(
  text: string,
  isName: (word: string, index: number) => boolean,
  tokens: SpanToken[] = tokensOf(text),
  /** Whether a capitalised word that is no name may be a place after a place preposition (default: any may). */
  isPlaceWord: (word: string) => boolean = () => true,
): AnswerSpan[] {
  const out: AnswerSpan[] = [];
  const push = (type: AnswerSpan['type'], first: number, last: number) => {
    out.push({ type, first, last, start: tokens[first]!.start, end: tokens[last]!.end });
  };
  const isNum = (i: number) => {
    const t = tokens[i];
    if (!t) return false;
    return /^\p{N}/u.test(t.text) || (NUMBER_WORD.test(t.folded) && !NUMBER_WORD_EXCLUDE.test(t.folded) && t.folded.length > 2) || MULTIPLE.test(t.folded);
  };
  const isYear = (t: SpanToken) => /^(?:1\d{3}|20\d\d)(?:[-‐](?:1\d{3}|20\d\d))?(?:er|ern|s)?$/.test(t.text);
  /** True when only spaces stand between two tokens (a unit or a name continues; a bracket or comma ends it). */
  const spaced = (a: number, b: number): boolean => /^\s*$/u.test(text.slice(tokens[a]!.end, tokens[a + 1]!.start)) && (b === a + 1 || spaced(a + 1, b));

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // Dates and times: a month or day name with its numbers ("12. März 2019"), a year, "19. Jahrhundert", "20.45 Uhr".
    if (MONTH.test(t.folded) || DAY.test(t.folded)) {
      let first = i;
      let last = i;
      if (i > 0 && /^\d{1,2}$/.test(tokens[i - 1]!.text)) first = i - 1;
      if (tokens[i + 1] && isYear(tokens[i + 1]!)) last = i + 1;
      if (tokens[i + 1] && /^\d{1,2}$/.test(tokens[i + 1]!.text)) {
        last = i + 1;
        if (tokens[i + 2] && isYear(tokens[i + 2]!)) last = i + 2;
      }
      push('time', first, last);
      i = last;
      continue;
    }
    // A date written in numbers, day first ("20.06.2019") or ISO ("2019-06-20").
    if (/^(?:\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})|\d{4}-\d{2}-\d{2})$/.test(t.text)) {
      push('time', i, i);
      continue;
    }
    // A day before its month is part of the date, not a number ("12. März").
    if (/^\d{1,2}$/.test(t.text) && tokens[i + 1] && MONTH.test(tokens[i + 1]!.folded)) continue;
    if (isYear(t) && !(tokens[i + 1] && UNIT.test(tokens[i + 1]!.folded))) {
      // A range of years: "1629 bis 1631", "zwischen 1500 und 1850".
      const joiner = tokens[i + 1]?.folded ?? '';
      if ((RANGE.test(joiner) || (RANGE_AFTER_BETWEEN.test(joiner) && i > 0 && BETWEEN.test(tokens[i - 1]!.folded))) && tokens[i + 2] && isYear(tokens[i + 2]!) && spaced(i, i + 2)) {
        push('time', i, i + 2);
        i += 2;
        continue;
      }
      push('time', i, i);
      continue;
    }
    if (/^\d/.test(t.text) && tokens[i + 1] && TIME_CONTEXT.test(tokens[i + 1]!.folded)) {
      push('time', i, i + 1);
      i++;
      continue;
    }
    if (TIME_WORD.test(t.folded)) {
      // A season or part of a year with its year: "Sommer 1521", "Ende 1961".
      if (tokens[i + 1] && isYear(tokens[i + 1]!) && spaced(i, i + 1)) {
        push('time', i, i + 1);
        i++;
        continue;
      }
      push('time', i, i);
    }
    if (PART_OF_YEAR.test(t.folded) && tokens[i + 1] && isYear(tokens[i + 1]!) && spaced(i, i + 1)) {
      push('time', i, i + 1);
      i++;
      continue;
    }
    // Ranks: "den sechsten Platz", "the third", "Platz drei", "Rang 2".
    // German writes a rank in digits with a full stop: "die 12. größte Stadt", "den 3. Platz".
    if (ORDINAL.test(t.folded) || (/^\d{1,3}$/.test(t.text) && tokens[i + 1] && /^\.\s+$/.test(text.slice(t.end, tokens[i + 1]!.start)))) {
      push('ordinal', i, i);
      continue;
    }
    if (RANK_WORD.test(t.folded) && isNum(i + 1) && spaced(i, i + 1)) {
      push('ordinal', i, i + 1);
      i++;
      continue;
    }
    // Numbers: a run of numbers and number words, with a unit after it ("mehr als 30 Prozent", "136 Sacks").
    // Only words apart by spaces are one number: "68.511 (43,3 %)" is two.
    if (isNum(i)) {
      let last = i;
      while (isNum(last + 1) && spaced(last, last + 1)) last++;
      // A clock time or score written with a colon: "3:08", "4:51".
      while (/^\d+$/.test(tokens[last]!.text) && tokens[last + 1] && /^\d+$/.test(tokens[last + 1]!.text) && text.slice(tokens[last]!.end, tokens[last + 1]!.start) === ':') last++;
      // A range is one answer: "7 bis 10", "0,3 bis 0,6 °C", "20 zu 1", "between 5 and 10".
      const joiner = tokens[last + 1]?.folded ?? '';
      if ((RANGE.test(joiner) || (RANGE_AFTER_BETWEEN.test(joiner) && i > 0 && BETWEEN.test(tokens[i - 1]!.folded))) && isNum(last + 2) && spaced(last, last + 2) && /^\p{N}/u.test(tokens[last]!.text) === /^\p{N}/u.test(tokens[last + 2]!.text)) {
        last += 2;
        while (isNum(last + 1) && spaced(last, last + 1)) last++;
      }
      if (tokens[last + 1] && UNIT.test(tokens[last + 1]!.folded) && spaced(last, last + 1)) {
        last++;
        // A number of days, weeks or years is also a time span ("drei Wochen", "six months").
        if (DURATION.test(tokens[last]!.folded)) push('time', i, last);
      }
      else if (tokens[last + 1] && /^\p{Lu}/u.test(tokens[last + 1]!.text) && /^\d/.test(tokens[last]!.text) && spaced(last, last + 1)) last++; // "136 Sacks", "vier Pro"
      push('number', i, last);
      // A per cent, per mille or degree sign after the number belongs to it: "19,3%", "28,5°E", "0,6 °C".
      const sign = /^\s?(?:%|‰|°\p{Lu}?)/u.exec(text.slice(tokens[last]!.end));
      if (sign) out[out.length - 1]!.end = tokens[last]!.end + sign[0].length;
      i = last;
      continue;
    }
    // Names: runs of name words, joined by particles ("Marc-André ter Stegen", "Wilhelm von Humboldt").
    // A name may open with an initial ("W. Haydon Burns").
    const initial = /^\p{Lu}$/u.test(t.text) && text[t.end] === '.' && i > 0 && tokens[i + 1] !== undefined && isName(tokens[i + 1]!.text, i + 1);
    if (initial || isName(t.text, i)) {
      let last = i;
      for (;;) {
        const next = tokens[last + 1];
        const initialBefore = /^\p{Lu}$/u.test(tokens[last]!.text) && /^\.\s+$/u.test(text.slice(tokens[last]!.end, next?.start ?? 0));
        if (next && isName(next.text, last + 1) && (spaced(last, last + 1) || initialBefore)) last++;
        else if (next && NAME_JOINER.test(next.folded) && tokens[last + 2] && isName(tokens[last + 2]!.text, last + 2)) last += 2;
        // An initial between names: "John C. Messenger", "W. Haydon Burns".
        else if (next && /^\p{Lu}$/u.test(next.text) && text[next.end] === '.' && tokens[last + 2] && isName(tokens[last + 2]!.text, last + 2)) last += 2;
        else break;
      }
      push('person', i, last);
      const before = tokens[i - 1];
      const before2 = tokens[i - 2];
      if ((before && PLACE_PREP.test(before.folded)) || (before && ARTICLE.test(before.folded) && before2 && PLACE_PREP.test(before2.folded))) push('place', i, last);
      i = last;
      continue;
    }
    // A capitalised word after a place preposition is a place even when the lexicon knows it ("in Großbritannien").
    // Not a common noun of another kind: "zu Beziehungen", "bei Problemen" (see sentenceIndex.ts `placeWordTest`).
    if (i > 0 && /^\p{Lu}/u.test(t.text) && PLACE_PREP.test(tokens[i - 1]!.folded) && tokens[i - 1]!.text === tokens[i - 1]!.folded && isPlaceWord(t.text)) {
      push('place', i, i);
    }
    // Reasons: from the conjunction to the end of the clause.
    if (REASON_CUE.test(t.folded) && i > 0) {
      // "so" and "due" give a reason only as "so that" and "due to".
      if ((t.folded === 'so' && tokens[i + 1]?.folded !== 'that') || (t.folded === 'due' && tokens[i + 1]?.folded !== 'to')) continue;
      const clauseEnd = text.slice(t.start).search(/[,;:.!?–—](?:\s|$)/);
      const end = clauseEnd < 0 ? text.length : t.start + clauseEnd;
      let last = i;
      while (tokens[last + 1] && tokens[last + 1]!.end <= end) last++;
      if (last > i) push('reason', i, last);
    }
  }
  if (out.length === 0 || !out.some((s) => s.type === 'number')) {
    const pct = text.indexOf('%');
    if (pct > 0) {
      const i = tokens.findIndex((t) => t.end === pct || t.end === pct - 1);
      if (i >= 0) push('number', i, i);
    }
  }
  return out;
}
