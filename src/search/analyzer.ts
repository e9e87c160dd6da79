/**
 * Text analysis shared by the index and the query side: tokenizing, folding
 * (case, umlauts, ß), stop words and stemming, per language.
 *
 * Stemming uses the Snowball stemmers of `@orama/stemmers`; stop words come
 * from the `stopword` package. Both sides of the index call the same
 * functions, so a term folded one way at index time is folded the same way
 * at query time.
 */
import { stemmer as germanStemmer } from '@orama/stemmers/german';
import { stemmer as englishStemmer } from '@orama/stemmers/english';
import { stopwords as germanStopwords } from '@orama/stopwords/german';
import { eng } from 'stopword';
import { fold, words } from './normalize.ts';

/** Languages with their own analysis. Other language codes are analysed as German. */
export type AnalyzerLanguage = 'de' | 'en';

/**
 * English auxiliaries, modals and pronouns the `stopword` package's short
 * English list lacks; questions are full of them ("What will …", "Did …").
 * The first parts of contractions ("doesn't" → "doesn") too, except "won",
 * which is far more often the past of "win" than part of "won't".
 */
const ENGLISH_EXTRA =
  'one will would shall should can could may might must do does did done doing be been being am is are was were has have had having get gets got let lets us me my mine our ours you your yours he him his she her hers it its they them their theirs what which who whom whose when where why how also just any some such very much many more most other another than then there here only own same so too doesn don didn isn aren wasn weren wouldn couldn shouldn hasn haven hadn mustn needn ll ve re'.split(' ');

/**
 * German stop words: Snowball's list (function words only, via
 * `@orama/stopwords`). The `stopword` package's German list also drops
 * content words a question asks about: "Jahr", "Tag", "Zeit", "Uhr", "heute",
 * "Ende", "Mensch", and the numbers "zwei" to "zwanzig".
 */
/**
 * Closed-class German words Snowball's list (written for running text) lacks:
 * question words, forms of the auxiliaries and modals ("wurde", "worden",
 * "müssen"), prepositions ("seit", "beim", "wegen", "laut"), pronominal and
 * conjunctive adverbs ("dabei", "darauf", "bereits", "jedoch") and pronouns
 * ("deren", "denen", "jemand"). Grammar, as ENGLISH_EXTRA is; no content word.
 */
const GERMAN_EXTRA = [
  'wer wem wen wessen wann warum wieso weshalb weswegen wozu woher wohin womit wofür wodurch woran worauf woraus worin worüber worum wovon wovor wieviel wieviele welch',
  'wurde wurden wurdest wurdet worden geworden wäre wären wärst hätte hätten hättest sei seien seid gibt gab gäbe konnte konnten könnten müssen müsste müssten sollen sollten darf dürfen durfte durften dürfte mag mögen möchte möchten wollte wollten',
  'ab außer ausser außerhalb ausserhalb beim binnen entlang gegenüber gemäß innerhalb jenseits laut mangels oberhalb samt seit seitens statt anstatt trotz unterhalb wegen zufolge zwecks',
  'dabei dadurch dafür dagegen daher dahin damals danach daneben daran darauf daraus darin darüber darum darunter davon davor dazwischen hierbei hierfür hierzu hiermit deshalb deswegen',
  'bereits schon dennoch ebenfalls ebenso jedoch sowie sowohl trotzdem zudem zumal etwa eben immer nie oft mehr wohl überhaupt übrigens vielleicht allerdings außerdem ausserdem nämlich sogar bzw usw',
  'deren denen derer jemand jemanden jemandem niemand einander',
].join(' ').split(' ');

const STOP: Record<AnalyzerLanguage, Set<string>> = {
  de: new Set([...germanStopwords, ...GERMAN_EXTRA].map(fold)),
  en: new Set([...eng, ...ENGLISH_EXTRA].map(fold)),
};

const STEM: Record<AnalyzerLanguage, (word: string) => string> = {
  de: germanStemmer,
  en: englishStemmer,
};

/** Bumped whenever analysis changes, so persisted indexes built with the old analysis are rebuilt. */
export const ANALYZER_VERSION = 19;

/**
 * One spelling for a number written either way: German "500.000" and English
 * "500,000" are both "500000"; German "28,5" and English "28.5" are both
 * "28.5"; ordinal and decade endings go ("15th", "1970s", "1970er" → "15",
 * "1970"). A separator followed by exactly three digits (in every group) is
 * a thousands separator; any other is a decimal point. Other tokens that
 * start with a digit ("4:51", "3rd-and-9" parts, "MP3") are only folded.
 */
export function numberTerm(word: string): string {
  const m = /^(\d{1,3}(?:([.,])\d{3})(?:\2\d{3})*|\d+(?:[.,]\d+)?)(?:st|nd|rd|th|s|er|ern|ers|en|te|ten)?$/i.exec(word);
  if (!m) return fold(word);
  const digits = m[1]!;
  if (m[2]) return digits.replace(/[.,]/g, '');
  return digits.replace(',', '.');
}

/** Maps a language code to the analyzer used for it. */
export function analyzerLanguage(code: string): AnalyzerLanguage {
  return code === 'en' ? 'en' : 'de';
}

/**
 * English prepositions and negations the stop-word lists keep. They match
 * English text as they are, but have no German translation to trust: through
 * the dictionary "during" had reached "Zug" and "Lauf", "not" had reached "Note".
 */
const ENGLISH_FUNCTION_WORDS = new Set(
  'not no nor during without within across around among amongst against upon until till throughout toward towards despite except beyond behind below above beneath beside besides onto via'.split(' '),
);

/** True when a folded English word is a preposition or negation (see ENGLISH_FUNCTION_WORDS): searched as it is, never translated. */
export function isEnglishFunctionWord(word: string): boolean {
  return ENGLISH_FUNCTION_WORDS.has(word);
}

/** True when the folded word is a stop word of `language`. */
export function isStopWord(word: string, language: AnalyzerLanguage): boolean {
  return STOP[language].has(fold(word));
}

/**
 * The index term of one word: stemmed in its language, then folded. Numbers
 * and all-caps acronyms are kept whole (folded), never stemmed. A stem cut
 * down to one or two letters ("used" → "us", "age" → "ag") is marked with a
 * trailing "-", so it still joins its word's forms but never meets the
 * acronym it happens to spell ("US", "AG").
 */
export function termOf(word: string, language: AnalyzerLanguage): string {
  if (/^\p{N}/u.test(word)) return numberTerm(word);
  if (isAcronym(word)) return fold(word);
  const stem = fold(STEM[language](word.toLowerCase()));
  return stem.length <= 2 && word.length > stem.length ? `${stem}-` : stem;
}

/** An acronym: 2 to 6 characters, all upper case (digits allowed), e.g. "AWS", "GCHQ", "MI5". Longer all-caps words are shouting. */
export function isAcronym(word: string): boolean {
  return word.length >= 2 && word.length <= 6 && word === word.toUpperCase() && /^\p{Lu}/u.test(word);
}

/** Separable verb prefixes, before which "ge" of a participle stands inside the word ("eingesetzt"). */
const SEPARABLE = ['ab', 'an', 'auf', 'aus', 'bei', 'ein', 'fest', 'her', 'hin', 'los', 'mit', 'nach', 'vor', 'weg', 'zu', 'zuruck', 'zusammen', 'uber', 'um', 'durch'];
/** Verb endings, longest first. */
const VERB_ENDINGS = ['etest', 'eten', 'etet', 'ete', 'test', 'tet', 'ten', 'est', 'te', 'et', 'en', 'st', 't', 'n', 'e'];

/**
 * The stem of a German verb form, beyond what the Snowball stemmer does: it
 * leaves "gespeichert", "speichert" and "speichern" as three terms. This
 * removes the participle's "ge-" (also after a separable prefix:
 * "eingesetzt" → "einsetzt") and a verb ending, and accepts the result only
 * when the vocabulary knows its infinitive ("speicher" + "n"), so all three
 * become "speicher" while "Blatt" stays a noun. Only regular (weak) verbs meet
 * this way; strong verbs change their vowel ("gefunden"/"finden"). Returns
 * null when the word is no verb form the vocabulary confirms.
 *
 * @param folded - a folded, lower-case word
 * @param isWord - the vocabulary (folded German words)
 */
export function germanVerbStem(folded: string, isWord: (w: string) => boolean): string | null {
  if (folded.length < 5 || !/^\p{Ll}+$/u.test(folded)) return null;
  const bases = [folded];
  if (folded.startsWith('ge') && folded.length >= 7 && /(?:t|en)$/.test(folded)) bases.push(folded.slice(2));
  const prefix = SEPARABLE.find((p) => folded.startsWith(p + 'ge') && folded.length >= p.length + 6);
  if (prefix && /(?:t|en)$/.test(folded)) bases.push(prefix + folded.slice(prefix.length + 2));
  for (const base of bases.reverse()) {
    for (const ending of VERB_ENDINGS) {
      if (!base.endsWith(ending) || base.length - ending.length < 3) continue;
      const stem = base.slice(0, -ending.length);
      if (isWord(stem + 'en') || (/(?:er|el)$/.test(stem) && isWord(stem + 'n'))) return stem === folded ? null : stem;
    }
  }
  return null;
}

/** One analysed word of a text. */
export interface Token {
  /** The word as written. */
  word: string;
  /** Its index term. */
  term: string;
  /** For a lower-case German word, its verb stem (see {@link germanVerbStem}) when that differs from `term`. */
  verb?: string;
}

/**
 * Analyses a text into index tokens, stop words removed.
 *
 * @param isGermanWord - the German vocabulary, for verb stems; without it there are none. Default: none.
 */
export function analyze(text: string, language: AnalyzerLanguage, isGermanWord?: (w: string) => boolean): Token[] {
  const out: Token[] = [];
  for (const [i, word] of words(text).entries()) {
    // German stop-word lists hold nouns ("Beispiel", "Jahr", "Ende"); capitalised mid-sentence they are content (or names).
    const noun = language === 'de' && i > 0 && /^\p{Lu}\p{Ll}/u.test(word);
    if (!noun && STOP[language].has(fold(word))) continue;
    const term = termOf(word, language);
    // A verb form is written in lower case, except as the first word.
    const verb = isGermanWord && language === 'de' && (i === 0 || /^\p{Ll}/u.test(word)) ? germanVerbStem(fold(word), isGermanWord) : null;
    out.push(verb && verb !== term ? { word, term, verb } : { word, term });
  }
  return out;
}
