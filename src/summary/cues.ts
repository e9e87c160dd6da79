/**
 * Surface cues that make a sentence a weak summary sentence, whatever the
 * article: a question (a rhetorical opener, "Erinnerst Du Dich noch …?"), the
 * page or writer addressing the reader ("Damit du weisst …", "Lesen Sie …",
 * "your phone"), and a fragment that does not end like a sentence (a label, a
 * credit, a line cut off by the scraper); and one cue that makes a sentence a
 * strong one: it states a quantity (a count, an amount, a share), which is
 * how news reports an outcome ("sieben Absagen", "3390 Autos", "30 Prozent").
 *
 * They look at the kind of sentence, in German and English, never at any one
 * article's words. Quoted speech is left out first: a speaker saying "Sie" or
 * "Euch" to an audience is reported speech, not the article talking to its
 * reader. No npm package detects reader address or rhetorical questions in
 * German text, so these few rules are written by hand.
 */
import { answersIn } from '../search/answerTypes.ts';

/** Quotation marks of German, Swiss, English and typewriter style. */
const QUOTES = new Set(['„', '“', '”', '"', '»', '«', '‚', '‘', '’', '‹', '›']);
/** Marks that close a quotation in the usual German or English style ("…“, …«, …”, …‘). */
const CLOSING = new Set(['“', '”', '«', '‘', '’', '‹']);

/**
 * The sentence with quoted speech blanked out (same length, so offsets hold).
 * Marks are paired in order; a single left-over mark (a quote that opened in
 * an earlier sentence, or a scraper that dropped the opening mark) closes a
 * quotation when it is a closing mark or is followed by punctuation or the
 * end ("… hier zu stehen«, erklärte er"), so the text before it is blanked;
 * otherwise it opens one that runs to the end.
 */
export function withoutQuotedSpeech(text: string): string {
  const marks: number[] = [];
  for (let i = 0; i < text.length; i++) {
    // An apostrophe inside a word ("don't", "geht’s") is no quotation mark.
    if (QUOTES.has(text[i]!) && !(/[’']/.test(text[i]!) && /\p{L}/u.test(text[i - 1] ?? '') && /\p{L}/u.test(text[i + 1] ?? ''))) marks.push(i);
  }
  // Code units, so offsets stay those of `text`; a blanked surrogate pair becomes two spaces.
  const chars = text.split('');
  const blank = (from: number, to: number) => {
    for (let i = from; i < Math.min(to, chars.length); i++) if (chars[i] !== ' ') chars[i] = ' ';
  };
  let lone: number | undefined;
  if (marks.length % 2 === 1) {
    // Which mark is unpaired: the first when it closes, else the last.
    const first = marks[0]!;
    const closes = (CLOSING.has(text[first]!) && first > 0 && /[\p{L}\p{N}.!?,]/u.test(text[first - 1]!)) || /^\s*(?:[,.;:!?]|$)/.test(text.slice(first + 1));
    lone = closes ? marks.shift() : marks.pop();
    if (closes) blank(0, lone! + 1);
    else blank(lone!, text.length);
  }
  for (let i = 0; i + 1 < marks.length; i += 2) blank(marks[i]!, marks[i + 1]! + 1);
  return chars.join('');
}

/** Trailing closing quotes, brackets and spaces, and a short parenthetical signature such as "(roe)". */
const TRAILING = /(?:\s*\([^()]{1,24}\))?[\s»«“”"'’)\]]*$/u;

/** The sentence's last meaningful character, after closing quotes, brackets and a short "(abc)" signature. */
function lastChar(text: string): string {
  const trimmed = text.replace(TRAILING, '');
  return trimmed.slice(-1);
}

/** True when the sentence is a question (it ends with "?", also inside closing quotes). */
export function isQuestion(text: string): boolean {
  return lastChar(text) === '?';
}

/**
 * True when the sentence does not end like a sentence: no full stop,
 * exclamation or question mark at its end (a label ending in ":", a credit,
 * a list item, a line the scraper cut off mid-word).
 */
export function isFragment(text: string): boolean {
  return !/[.!?…]/.test(lastChar(text));
}

/** German second-person words that address the reader in any position and case ("du", "Dich", "euch"). */
const DE_INFORMAL = new Set(['du', 'dich', 'dir', 'dein', 'deine', 'deinen', 'deinem', 'deiner', 'deines', 'euch', 'euer', 'eure', 'euren', 'eurem', 'eurer', 'eures']);
/** German formal address: capitalised "Sie", "Ihnen", "Ihr…" after the first word ("Lesen Sie", "auf Ihr Gerät"). */
const DE_FORMAL = new Set(['Sie', 'Ihnen', 'Ihr', 'Ihre', 'Ihren', 'Ihrem', 'Ihrer', 'Ihres']);
/** English second person. */
const EN_YOU = new Set(['you', 'your', 'yours', 'yourself', 'yourselves']);

/**
 * True when the sentence, outside quoted speech, addresses the reader: German
 * "du/dich/euch…", formal "Sie/Ihnen/Ihr…" after the first word (a sentence
 * may open with "Sie" meaning "she" or "they"), English "you/your".
 */
export function addressesReader(text: string): boolean {
  const words = withoutQuotedSpeech(text).match(/\p{L}+/gu) ?? [];
  // Both languages' cues apply to every text: they do not collide (no German word is "you", no English one "Ihnen").
  return words.some((w, i) => DE_INFORMAL.has(w.toLowerCase()) || (i > 0 && DE_FORMAL.has(w)) || EN_YOU.has(w.toLowerCase()));
}

/**
 * True when the sentence states a quantity: a figure in digits ("3390",
 * "30 %", "2019"), a number word ("sieben", "twelve", "Hälfte", "Millionen")
 * or a currency ("Euro", "dollars"), as the search index's answer types see
 * a "how many / how much" answer (src/search/answerTypes.ts). Dates without a
 * figure ("im Juli", "am Dienstag") do not count: a date places a sentence in
 * time but says nothing about an outcome.
 */
export function statesQuantity(text: string): boolean {
  return answersIn(text, () => false).types.has('number');
}

/**
 * Sentence openers that point back at the sentence before: a personal or
 * demonstrative pronoun, or an adverb that resumes what was just said
 * ("Danach …", "Demnach …", "So …", "Seither …"; "This …", "He …"). A
 * sentence that opens so elaborates on, or depends on, its predecessor.
 * Contrast and addition ("Aber", "Auch", "But", "Also") are left out: they
 * open new points as often as they continue one.
 */
const DE_RESUMING = new Set([
  'er', 'sie', 'dies', 'diese', 'dieser', 'dieses', 'danach', 'demnach', 'dabei', 'damit', 'dadurch', 'deshalb', 'deswegen',
  'daher', 'darum', 'dafür', 'dagegen', 'davon', 'darauf', 'daraus', 'darüber', 'seither', 'seitdem', 'so', 'somit', 'dazu', 'zudem', 'insofern',
]);
const EN_RESUMING = new Set(['he', 'she', 'they', 'this', 'that', 'these', 'those', 'such', 'thus', 'therefore', 'then', 'so', 'hence', 'there']);
/** German words that are articles before a noun phrase ("Das Update …", "Die alte Stadt …") and demonstrative pronouns before a verb ("Das hat unter …"). */
const DE_ARTICLE_OR_PRONOUN = new Set(['das', 'die', 'der']);

/**
 * True when the sentence opens with a word that refers back to the sentence
 * before it (see the lists above). German "Das", "Die", "Der" count only when
 * the next two words are lower case, i.e. a verb follows and no noun phrase
 * ("Das hat unter anderem …", "Das berichtet die …"; not "Das Update …" or
 * "Die laute Stimme …"). Expletive "Es" and "It" ("Es läuft …", "It is
 * raining") are left out.
 */
export function opensWithReference(text: string): boolean {
  const [first, second, third] = (text.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 3);
  if (!first) return false;
  const lower = first.toLowerCase();
  if (EN_RESUMING.has(lower) || DE_RESUMING.has(lower)) return true;
  const small = (w: string | undefined) => w !== undefined && /^\p{Ll}/u.test(w);
  return DE_ARTICLE_OR_PRONOUN.has(lower) && small(second) && small(third);
}
