/**
 * The sentence index: one MiniSearch document per sentence. Analysis happens
 * before MiniSearch sees the text (see analyzer.ts), so MiniSearch's own
 * tokenizer only splits on spaces and the query side asks for exact analysed
 * terms. Each sentence has three fields:
 *
 * - `terms`: the analysed words of the sentence;
 * - `parts`: the parts of its German compounds ("Spionagebehörden" → spionage, behord);
 * - `context`: for a sentence that opens with an anaphor ("Das berichtet die
 *   Financial Times.", "Damit …"), the terms of the sentence before it.
 *
 * Alongside the index it keeps, per sentence, the answers the sentence holds
 * (see answerTypes.ts), and the aliases learned from the corpus.
 */
import MiniSearch from 'minisearch';
import type { Article, Role, Sentence } from '../corpus/types.ts';
import { acronymDefinitions, AliasCollector, type AliasTable, appositions, learnAliases } from './aliases.ts';
import { type AnalyzerLanguage, analyze, analyzerLanguage, germanVerbStem, isAcronym, isStopWord, termOf } from './analyzer.ts';
import { answersIn, type SentenceAnswers } from './answerTypes.ts';
import { entryCount } from './commonness.ts';
import { nounClassOf, wordClassOf } from './nounClasses.ts';
import { splitCompound } from './compounds.ts';
import { englishLemmas, type Lexicon } from './lexicon.ts';
import { ALL_MECHANISMS, type Mechanisms } from './mechanisms.ts';
import { fold, words } from './normalize.ts';
import { joinedSeparable, separatedVerbs } from './separableVerbs.ts';
import { truecase } from './truecase.ts';

/** The document MiniSearch stores for a sentence. */
export interface SentenceDoc {
  id: string;
  terms: string;
  parts: string;
  context: string;
}

/** Options shared by building and loading, so a persisted index loads with what built it. */
export const MINISEARCH_OPTIONS = {
  fields: ['terms', 'parts', 'context'],
  storeFields: [] as string[],
  tokenize: (text: string) => text.split(' '),
  processTerm: (term: string) => term || null,
  searchOptions: { tokenize: (text: string) => [text], processTerm: (term: string) => term },
};

/**
 * The parts of a MiniSearch 7 instance that scoring and loading use directly
 * (see rank.ts and persist.ts): its term index (term → field → sentence
 * number → term frequency), its sentence numbers, field lengths and BM25
 * statistics. MiniSearch has no public per-term lookup; going through
 * `search()` for every query term builds and sorts a result object per
 * matching sentence, which at 250,000 sentences costs more than the scoring.
 */
export interface MiniSearchInternals {
  _index: {
    get(term: string): Map<number, Map<number, number>> | undefined;
    set(term: string, data: Map<number, Map<number, number>>): unknown;
  };
  _documentIds: Map<number, string>;
  _idToShortId: Map<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _fieldIds: Record<string, number>;
  _documentCount: number;
  _nextId: number;
}

/** MiniSearch's internals when they have the expected shape; undefined otherwise (callers then use the public API). */
export function miniSearchInternals(search: MiniSearch<SentenceDoc>): MiniSearchInternals | undefined {
  const s = search as unknown as Partial<MiniSearchInternals>;
  const ok =
    typeof s._index?.get === 'function' &&
    typeof s._index.set === 'function' &&
    s._documentIds instanceof Map &&
    s._idToShortId instanceof Map &&
    s._fieldLength instanceof Map &&
    Array.isArray(s._avgFieldLength) &&
    typeof s._fieldIds === 'object' &&
    typeof s._documentCount === 'number' &&
    typeof s._nextId === 'number';
  return ok ? (s as MiniSearchInternals) : undefined;
}

/** How much a match in each field counts against a match of the sentence's own words. */
export const FIELD_BOOST = { terms: 1, parts: 0.5, context: 0.35 };

/**
 * How much a match in each role counts. The headline and teaser state the
 * story's core, so they weigh a little more; captions and subheads repeat or
 * label, so they weigh a little less.
 */
export const ROLE_WEIGHT: Record<Role, number> = {
  headline: 1.15,
  teaser: 1.1,
  body: 1,
  caption: 0.8,
  subhead: 0.85,
};

/** Sentence openers that point back to the sentence before (German and English, folded). */
const ANAPHORA = new Set([
  'das', 'dies', 'diese', 'dieser', 'dieses', 'damit', 'dabei', 'dazu', 'daher', 'deshalb', 'demnach', 'dafur', 'darin',
  'darum', 'dadurch', 'davon', 'dort', 'this', 'that', 'these', 'those', 'it', 'there', 'thus', 'such',
]);

/** Sentences with their index and what was learned from them. */
export interface SentenceIndex {
  search: MiniSearch<SentenceDoc>;
  /** Every sentence by id. */
  sentences: Map<string, Sentence>;
  /** Every article by id. */
  articles: Map<string, Article>;
  /** The answers each sentence holds, by sentence id. */
  answers: Map<string, SentenceAnswers>;
  /** Aliases learned from the corpus. */
  aliases: AliasTable;
  /** Number of sentences each index term occurs in (any field): a term lookup without a search. */
  df: Map<string, number>;
  lexicon: Lexicon;
  mechanisms: Mechanisms;
}

/** Options of {@link buildIndex}. */
export interface IndexOptions {
  /** The bilingual lexicon, for compounds and names. */
  lexicon: Lexicon;
  /** Mechanisms to use. Default: all. */
  mechanisms?: Partial<Mechanisms>;
}

/** True when a German capitalised word is a common noun of the lexicon, also in its genitive or plural form. */
export function isGermanNoun(lexicon: Lexicon, folded: string): boolean {
  if (lexicon.isGermanWord(folded)) return true;
  return /(?:s|es|n|en|e)$/.test(folded) && [folded.replace(/(?:es|s)$/, ''), folded.replace(/(?:en|n|e)$/, '')].some((w) => w.length >= 3 && lexicon.isGermanWord(w));
}

/**
 * Decides whether a capitalised word the lexicon knows may be a place after a
 * place preposition ("in Großbritannien", not "zu Beziehungen"): German
 * capitalises every noun, so a word whose usual English senses are common
 * nouns of another kind (WordNet's classes, see nounClasses.ts: things,
 * people, times) is no place; a place name has no class (proper nouns are
 * not in the table) or the place class ("Stadt" → city).
 */
export function placeWordTest(lexicon: Lexicon, language: AnalyzerLanguage): (word: string) => boolean {
  return (word) => {
    const folded = fold(word);
    const senses = language === 'de' ? (lexicon.toEnglish(folded) ?? lexicon.toEnglish(folded.replace(/(?:es|en|s|n|e)$/, '')) ?? []).slice(0, 3) : [folded];
    return senses.every((e) => {
      const cls = nounClassOf(fold(e));
      return cls === undefined || cls === 'place';
    });
  };
}

/**
 * True when a folded German word reads as a common noun for name detection:
 * like {@link isGermanNoun}, except that a word known only once an ending is
 * stripped needs a stem general language uses, or one that translates as a
 * common noun ("Reuters" is not the genitive of Ding's rare "Reuter", a hay
 * drying frame; "Hauses" is that of "Haus", "Riechkolbens" of "Riechkolben").
 */
function isNounForNames(lexicon: Lexicon, folded: string): boolean {
  if (lexicon.isGermanWord(folded)) return true;
  if (!/(?:s|es|n|en|e)$/.test(folded)) return false;
  return [folded.replace(/(?:es|s)$/, ''), folded.replace(/(?:en|n|e)$/, '')].some(
    (w) => w.length >= 3 && lexicon.isGermanWord(w) && (entryCount(termOf(w, 'de'), 'de') > 0 || splitGerman(lexicon, w) !== null || translatesAsNoun(lexicon, w)),
  );
}

/** True when one of a German word's first English translations is a common noun WordNet classes ("Riechkolben" → sniffer). */
const translatesAsNoun = memoised((lexicon: Lexicon, folded: string): boolean => {
  return (lexicon.toEnglish(folded) ?? []).slice(0, 3).some((e) => {
    const cls = wordClassOf(fold(e));
    return cls !== undefined && cls !== 'verb';
  });
});

/**
 * A compound split that reads as one, for name detection: its head (German
 * compounds are right-headed) a content word. A split whose head is a
 * function word ("Kimmich" as kimm + ich, "Microsoft" as micro + oft) is the
 * splitter finding dictionary strings in a name, not a compound; a function
 * word as a modifier is a prefix ("Vorentscheid").
 */
function plausibleSplit(lexicon: Lexicon, folded: string): boolean {
  const parts = splitGerman(lexicon, folded);
  return parts !== null && !isStopWord(parts[parts.length - 1]!, 'de');
}

/**
 * True when the lexicon's first English translation of a German word is an
 * English proper noun and no common noun ("Genf" → Geneva, "Brasilien" → Brazil;
 * see truecase.ts; not "Adventszeit" → advent, also a common noun):
 * the word is then a name, though German capitalises it like any noun.
 */
export const translatesAsName = memoised((lexicon: Lexicon, folded: string): boolean => {
  const first = lexicon.toEnglish(folded)?.[0];
  return first !== undefined && truecase(first) !== first && wordClassOf(fold(first)) === undefined;
});

/** Decides whether a word is a name (person, organisation, place, product) in a text of `language`. */
export function nameTest(lexicon: Lexicon, language: AnalyzerLanguage): (word: string, index: number) => boolean {
  return (word, index) => {
    if (isAcronym(word) && /\p{Lu}{2}/u.test(word)) return true;
    if (!/^\p{Lu}\p{Ll}/u.test(word) || index === 0) return false;
    // German capitalises every noun: a capitalised word is a name only when it is no German word (nor a compound of them),
    // or when the word the lexicon knows is itself a name in English.
    if (language === 'de') return germanNameWord(lexicon, fold(word));
    return true;
  };
}

/**
 * A word test kept per lexicon: the same words recur sentence after sentence,
 * and each test looks the word up in the lexicon several times (the second
 * stage analyses a few dozen sentences per question).
 */
function memoised(test: (lexicon: Lexicon, folded: string) => boolean): (lexicon: Lexicon, folded: string) => boolean {
  const memos = new WeakMap<Lexicon, Map<string, boolean>>();
  return (lexicon, folded) => {
    let memo = memos.get(lexicon);
    if (!memo) memos.set(lexicon, (memo = new Map()));
    let out = memo.get(folded);
    if (out === undefined) {
      out = test(lexicon, folded);
      if (memo.size >= 100_000) memo.clear();
      memo.set(folded, out);
    }
    return out;
  };
}

/** Whether a folded German word is a name by itself (see {@link nameTest}). */
const germanNameWord = memoised((lexicon, folded) => (!isNounForNames(lexicon, folded) && !plausibleSplit(lexicon, folded)) || translatesAsName(lexicon, folded));

/** Dictionary entries under which a German noun that names no person is rare enough to be a surname after a name. */
const RARE_NOUN_COUNT = 50;

/**
 * True when a German noun could be a person's surname after a first name.
 * Surnames that are German words mostly name trades, so a noun with a person
 * among its first English translations may be one ("Koch" → chef, "Weber" →
 * weaver, "Baumann" by its head "Mann"); so may a rare noun of another kind
 * ("Wagner" → wagon builder). A place, a time, an everyday noun or an
 * inflected form after a name is the sentence going on ("dass Google Geld
 * verdient", "Qualcomm Prozessoren", "Büdinger Altstadt").
 */
function surnameLikeUncached(lexicon: Lexicon, folded: string, rare: number): boolean {
  const known = lexicon.isGermanWord(folded);
  const split = splitGerman(lexicon, folded);
  // A form the lexicon knows only through its lemma is inflected ("Prozessoren"): a surname is written as it is.
  if (!known && !split) return lexicon.toEnglish(folded) === undefined;
  // A compound by its head (German compounds are right-headed), unless the lexicon knows the whole word.
  const head = split ? split[split.length - 1]! : folded;
  // An English phrase by its last word: "old town" is a town, "wagon builder" a builder.
  const senses = (lexicon.toEnglish(known ? folded : head) ?? []).slice(0, 3).map((e) => fold(e).split(' ').pop()!);
  if (senses.length === 0) return true;
  const plural = (f: string) => /[^s]s$/.test(f) && englishLemmas(f).some((l) => l !== f && wordClassOf(l) !== undefined);
  if (!split && plural(senses[0]!)) return false;
  const classes = senses.map((f) => wordClassOf(f));
  if (classes.includes('person')) return true;
  if (classes.includes('place') || classes.includes('time')) return false;
  // A compound's head must be rarer still: a compound after a name is more often a common noun ("Amazons Gesamtumsatz").
  return entryCount(termOf(head, 'de'), 'de') < (split ? rare / 5 : rare);
}

const surnameAfterName = memoised((lexicon, folded) => surnameLikeUncached(lexicon, folded, RARE_NOUN_COUNT));
const surnameAfterRole = memoised((lexicon, folded) => surnameLikeUncached(lexicon, folded, 0));

/** True when a German noun names a person or body by role ("Kapitän", "Bürgermeister", "Nachrichtenagentur" by its head). */
const roleNoun = memoised((lexicon: Lexicon, folded: string): boolean => {
  const classOf = (w: string) => {
    const first = lexicon.toEnglish(w)?.[0];
    return first === undefined ? undefined : wordClassOf(fold(first).split(' ').pop()!);
  };
  // A noun as written: not an inflected adjective before its noun ("der Arabischen Liga").
  if (!lexicon.isGermanWord(folded) && !splitGerman(lexicon, folded)) return false;
  const cls = classOf(folded);
  if (cls !== undefined) return cls === 'person';
  const split = splitGerman(lexicon, folded);
  return split !== null && classOf(split[split.length - 1]!) === 'person';
});

/**
 * {@link nameTest} in a sentence's context, for finding answer spans. In a
 * German text a capitalised word that is a German noun is still a name
 * - right after a name word, with only a space between, when it could be a
 *   surname ("Robin Koch", "Sandro Wagner"; see `surnameLikeUncached`);
 * - right after a role noun, in apposition ("Kapitän Koch", "Nachrichtenagentur X").
 * And a hyphenated word whose last part is a common noun ("Amazon-Gründer",
 * "Android-Geräte") is a description, not a name.
 */
export function nameInContextTest(
  lexicon: Lexicon,
  language: AnalyzerLanguage,
  tokens: readonly { text: string; start: number; end: number }[],
  text: string,
): (word: string, index: number) => boolean {
  const base = nameTest(lexicon, language);
  if (language !== 'de') return base;
  // Each word is judged once per sentence: the test of a word also looks at the word before it.
  const judged = new Map<string, boolean>();
  const plain = (word: string, i: number): boolean => {
    const key = `${i} ${word}`;
    let out = judged.get(key);
    if (out === undefined) judged.set(key, (out = plainUncached(word, i)));
    return out;
  };
  const plainUncached = (word: string, i: number): boolean => {
    if (!base(word, i)) return false;
    const parts = word.split(/[-‐]/);
    const head = parts[parts.length - 1]!;
    if (parts.length > 1) return !(/^\p{Lu}\p{Ll}/u.test(head) && (isGermanNoun(lexicon, fold(head)) || splitGerman(lexicon, fold(head)) !== null));
    if (!/^\p{Lu}\p{Ll}/u.test(word)) return true;
    const folded = fold(word);
    if (translatesAsName(lexicon, folded)) return true;
    // A capitalised function word ("Zwar", "Ihrem"), a form the lexicon translates as a common noun ("Leuten" → people),
    // the singular of a plural it knows ("Personalie"). (Not by a common noun's ending, as highlight.ts does: the lexicon
    // knows such nouns, and names end so too: "Samsung", "Janis".)
    if (isStopWord(word, 'de') || translatesAsNoun(lexicon, folded) || (/e$/.test(folded) && lexicon.isGermanWord(`${folded}n`))) return false;
    // A verb form opening a clause after a colon, a quote or a dash ("…: Rechnet man …").
    const token = tokens[i];
    return !(token && /[:;"„“»«–—-]\s*$/u.test(text.slice(0, token.start)) && germanVerbStem(folded, (w) => lexicon.isGermanWord(w)) !== null);
  };
  return (word, i) => {
    if (plain(word, i)) return true;
    const prev = tokens[i - 1];
    if (i < 1 || !prev || tokens[i]?.text !== word || !/^\p{Lu}\p{Ll}+$/u.test(word) || text.slice(prev.end, tokens[i]!.start) !== ' ') return false;
    const folded = fold(word);
    if (/^\p{Lu}\p{Ll}/u.test(prev.text) && plain(prev.text, i - 1)) return surnameAfterName(lexicon, folded);
    // After a role noun only a noun that names a person: "die Angreifer Zugriff" is a subject and its object.
    return i - 1 > 0 && /^\p{Lu}\p{Ll}+$/u.test(prev.text) && roleNoun(lexicon, fold(prev.text)) && surnameAfterRole(lexicon, folded);
  };
}

/** One word of a sentence with the index terms it yields. */
export interface WordTerms {
  /** The word as written. */
  word: string;
  /** Terms for the `terms` field: its stem, weak-verb stem and dictionary lemma. */
  terms: string[];
  /** Terms for the `parts` field: the stems of its compound parts. */
  parts: string[];
}

/** What one written word yields, whatever its place in a sentence. */
interface WordEntry {
  /** A stop word of its language (dropped unless it is a capitalised German noun after the first word). */
  stop: boolean;
  terms: string[];
  parts: string[];
}

const wordMemos = new WeakMap<Lexicon, Map<string, WordEntry>>();

/**
 * The analysis of one written word, memoised per lexicon: the same words
 * recur all through a corpus and its answers, and stemming and folding them
 * is most of the cost of analysis. Mirrors {@link analyze} word by word
 * (tests/search/sentenceIndex.test.ts checks they agree).
 */
function wordEntry(word: string, language: AnalyzerLanguage, lexicon: Lexicon, compounds: boolean, initial = false, separable = true): WordEntry {
  let memo = wordMemos.get(lexicon);
  if (!memo) wordMemos.set(lexicon, (memo = new Map()));
  const key = `${compounds ? 'c' : 'n'}${initial ? 'i' : ''}${separable ? '' : 'x'}${language}\u0000${word}`;
  let entry = memo.get(key);
  if (entry) return entry;
  const folded = fold(word);
  // A verb form is written in lower case, except as a sentence's first word ("Gebaut wird es …").
  const lower = language === 'de' && (initial || /^\p{Ll}/u.test(word));
  const term = termOf(word, language);
  const verb = lower ? germanVerbStem(folded, (w) => lexicon.isGermanWord(w)) : null;
  const terms = [term];
  if (verb && verb !== term) terms.push(verb);
  // Strong verbs and other irregular forms the dictionary lists: "gefunden" also indexes "finden".
  const lemma = lower ? lexicon.germanLemma(folded) : undefined;
  if (lemma && !terms.includes(termOf(lemma, 'de'))) terms.push(termOf(lemma, 'de'));
  // A separable verb's finite form written whole ("…, als er ihm den Ball abnahm") also indexes its infinitive.
  const joined = separable && lower && !lemma ? joinedSeparable(folded, lexicon) : null;
  if (joined && !terms.includes(termOf(joined, 'de'))) terms.push(termOf(joined, 'de'));
  const split = compounds && language === 'de' ? splitGerman(lexicon, folded) : null;
  // German compounds are right-headed: the head carries the meaning ("Nettogewinn" is a Gewinn), so it
  // counts like the word itself; the modifiers ("netto") only as parts.
  // A lexicalised compound whose meaning is not its head's ("Unternehmen" is no kind of "nehmen",
  // "Wallfahrt" no kind of "Fahrt") keeps its head among the parts only.
  const partTerms = split ? split.map((p) => analyze(p, 'de').map((x) => x.term)) : [];
  const head = partTerms.pop() ?? [];
  const opaque = split !== null && isOpaqueCompound(lexicon, folded, split[split.length - 1]!);
  if (opaque) partTerms.push(head);
  else for (const h of head) if (!terms.includes(h)) terms.push(h);
  const parts = partTerms.flat();
  entry = { stop: isStopWord(word, language), terms, parts };
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, entry);
  return entry;
}

/** The content words of a list of English translations, for comparing senses. */
function senseWords(translations: readonly string[] | undefined): Set<string> {
  return new Set((translations ?? []).flatMap((t) => t.split(' ')).filter((w) => w.length > 2 && !isStopWord(w, 'en')));
}

/**
 * True when a compound the dictionary knows as a whole shares no English
 * sense with its head: its meaning is not built from its parts. A compound
 * the dictionary does not know is taken as transparent.
 */
export function isOpaqueCompound(lexicon: Lexicon, folded: string, head: string): boolean {
  const whole = lexicon.toEnglish(folded);
  if (!whole) return false;
  const headSenses = senseWords(lexicon.toEnglish(head) ?? lexicon.toEnglish(lexicon.germanLemma(head) ?? ''));
  if (headSenses.size === 0) return false;
  for (const w of senseWords(whole)) if (headSenses.has(w)) return false;
  return true;
}

/** The index terms of each word of a text (stop words left out). The arrays are shared: do not change them. */
export function wordTermsOf(text: string, language: AnalyzerLanguage, lexicon: Lexicon, mechanisms: Mechanisms): WordTerms[] {
  const out: WordTerms[] = [];
  const all = words(text);
  // A finite verb whose particle ends its clause ("nahm … ab") also indexes the separable verb (abnehmen).
  const separated = language === 'de' && mechanisms.separableVerbs ? separatedVerbs(text, lexicon) : undefined;
  for (let i = 0; i < all.length; i++) {
    const word = all[i]!;
    const entry = wordEntry(word, language, lexicon, mechanisms.compounds, i === 0, mechanisms.separableVerbs);
    const joined = separated?.get(i);
    // German stop-word lists hold nouns ("Beispiel", "Jahr", "Ende"); capitalised mid-sentence they are content (or names).
    const noun = language === 'de' && i > 0 && /^\p{Lu}\p{Ll}/u.test(word);
    if (entry.stop && !noun && !joined) continue;
    if (joined) {
      const extra = joined.map((v) => termOf(v, 'de')).filter((t) => !entry.terms.includes(t));
      const terms = entry.stop && !noun ? [] : [...entry.terms];
      for (const t of extra) if (!terms.includes(t)) terms.push(t);
      if (terms.length) out.push({ word, terms, parts: entry.stop && !noun ? [] : entry.parts });
      continue;
    }
    out.push({ word, terms: entry.terms, parts: entry.parts });
  }
  return out;
}

/** Folded words of every name a sentence defines: "Amazon Web Service (AWS)" defines aws, amazon, web, service. */
function definedNames(text: string, isCommonNoun: (w: string) => boolean): string[] {
  const out = new Set<string>();
  for (const [short, long] of acronymDefinitions(text)) for (const w of [...words(short), ...words(long)]) out.add(fold(w));
  for (const [name] of appositions(text, { isCommonNoun })) for (const w of words(name)) out.add(fold(w));
  return [...out];
}

/** Most entries a word memo keeps before it starts afresh. */
const MEMO_LIMIT = 200_000;
const memoized = new WeakSet<Lexicon>();

/**
 * A lexicon whose word tests are memoised: the same words recur all through
 * a corpus and its questions (Zipf), and each uncached test is a binary
 * search over the dictionary. Indexes keep one for their queries.
 */
export function memoizedLexicon(lexicon: Lexicon): Lexicon {
  if (memoized.has(lexicon)) return lexicon;
  const isWord = new Map<string, boolean>();
  const lemmas = new Map<string, string | undefined>();
  const wrapped: Lexicon = {
    toGerman: (english) => lexicon.toGerman(english),
    toEnglish: (german) => lexicon.toEnglish(german),
    maxEnglishPhraseWords: lexicon.maxEnglishPhraseWords,
    englishWordsWithPrefix: (prefix, limit) => lexicon.englishWordsWithPrefix(prefix, limit),
    isGermanWord(word) {
      let known = isWord.get(word);
      if (known === undefined) {
        if (isWord.size >= MEMO_LIMIT) isWord.clear();
        isWord.set(word, (known = lexicon.isGermanWord(word)));
      }
      return known;
    },
    germanLemma(word) {
      if (lemmas.has(word)) return lemmas.get(word);
      if (lemmas.size >= MEMO_LIMIT) lemmas.clear();
      const lemma = lexicon.germanLemma(word);
      lemmas.set(word, lemma);
      return lemma;
    },
  };
  memoized.add(wrapped);
  return wrapped;
}

const splits = new WeakMap<Lexicon, Map<string, string[] | null>>();

/** {@link splitCompound} of a folded word against the lexicon's German words, memoised per lexicon object. */
/** How often a compound part stands in the dictionary's entries; function words ("mit", "der") count as never, so they are no parts ("nachmittag" is nach + mittag, not nach + mit + tag). */
function germanPartFrequency(part: string): number {
  return isStopWord(part, 'de') ? 0 : entryCount(termOf(part, 'de'), 'de');
}

export function splitGerman(lexicon: Lexicon, word: string): string[] | null {
  let memo = splits.get(lexicon);
  if (!memo) splits.set(lexicon, (memo = new Map()));
  let parts = memo.get(word);
  if (parts === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    const isWord = (w: string) => lexicon.isGermanWord(w);
    const options = { frequency: germanPartFrequency, isParticle: (w: string) => isStopWord(w, 'de') };
    parts = splitCompound(word, isWord, { ...options, verbStems: true });
    // A verb stem's split of a word the dictionary has must keep its meaning ("Werbekampagne" is a Kampagne;
    // "Siedlungen" are no Lungen).
    if (parts && !isWord(parts[0]!) && isOpaqueCompound(lexicon, word, parts[parts.length - 1]!)) parts = splitCompound(word, isWord, options);
    memo.set(word, parts);
  }
  return parts;
}

/** What one sentence teaches alias learning: its acronym definitions and its appositions (see aliases.ts). */
export interface AliasFinds {
  defs: [string, string][];
  apps: [string, string[]][];
}

/**
 * One article analysed for the index: its MiniSearch documents and the answers
 * each sentence holds, in sentence order. Depends only on the article, so an
 * unchanged article is not analysed again when the corpus changes.
 */
export interface PreparedArticle {
  article: Article;
  docs: SentenceDoc[];
  answers: SentenceAnswers[];
  /** What its sentences teach alias learning, for those that teach something, in order. */
  aliasFinds: AliasFinds[];
  /** The article's distinct folded words as alias learning tokenizes them, space-joined. */
  vocabulary: string;
}

/** Analyses one article for the index (see {@link PreparedArticle}). */
export function prepareArticle(article: Article, options: IndexOptions): PreparedArticle {
  const mechanisms = { ...ALL_MECHANISMS, ...options.mechanisms };
  const { lexicon } = options;
  const language = analyzerLanguage(article.meta.language);
  const isName = nameTest(lexicon, language);
  const docs: SentenceDoc[] = [];
  const answers: SentenceAnswers[] = [];
  let previous: { paragraph: number; terms: string[] } | null = null;
  const aliasFinds: AliasFinds[] = [];
  const vocabulary = new Set<string>();
  const isCommonNoun = aliasNounTest(lexicon, language);
  for (const s of article.sentences) {
    if (mechanisms.aliases) {
      const finds: AliasFinds = { defs: acronymDefinitions(s.text), apps: appositions(s.text, { isCommonNoun }) };
      if (finds.defs.length || finds.apps.length) aliasFinds.push(finds);
      for (const m of s.text.matchAll(ALIAS_TOKEN)) vocabulary.add(fold(m[0]));
    }
    const wordTerms = wordTermsOf(s.text, language, lexicon, mechanisms);
    const terms = wordTerms.flatMap((w) => w.terms);
    const parts = wordTerms.flatMap((w) => w.parts);
    const opener = fold(words(s.text)[0] ?? '');
    const anaphoric = mechanisms.context && previous && previous.paragraph === s.paragraph && ANAPHORA.has(opener);
    docs.push({ id: s.id, terms: terms.join(' '), parts: parts.join(' '), context: anaphoric ? previous!.terms.join(' ') : '' });
    const found = answersIn(s.text, isName);
    if (mechanisms.aliases) found.defines = definedNames(s.text, (w) => language === 'de' && isGermanNoun(lexicon, w));
    answers.push(found);
    previous = { paragraph: s.paragraph, terms };
  }
  return { article, docs, answers, aliasFinds, vocabulary: [...vocabulary].join(' ') };
}

/** Adds (sign 1) or removes (sign −1) documents' terms to document frequencies: sentences per term, in any field. */
export function countTerms(df: Map<string, number>, docs: Iterable<Pick<SentenceDoc, 'terms' | 'parts' | 'context'>>, sign: 1 | -1 = 1): void {
  const seen = new Set<string>();
  for (const doc of docs) {
    seen.clear();
    for (const field of [doc.terms, doc.parts, doc.context]) {
      if (!field) continue;
      for (const term of field.split(' ')) {
        if (!term || seen.has(term)) continue;
        seen.add(term);
        const n = (df.get(term) ?? 0) + sign;
        if (n > 0) df.set(term, n);
        else df.delete(term);
      }
    }
  }
}

/** Number of sentences each term occurs in, in any field: what a search for the term alone would return. */
export function documentFrequencies(docs: Iterable<SentenceDoc>): Map<string, number> {
  const df = new Map<string, number>();
  countTerms(df, docs);
  return df;
}

/** Words as alias learning tokenizes them (see aliases.ts). */
const ALIAS_TOKEN = /[\p{L}\p{N}]+(?:[-.&][\p{L}\p{N}]+)*/gu;

/** How alias learning tells a common noun from a name in a text of `language`: German capitalises nouns. */
function aliasNounTest(lexicon: Lexicon, language: AnalyzerLanguage): (folded: string) => boolean {
  if (language !== 'de') return () => false;
  return (w) => isGermanNoun(lexicon, w) || splitGerman(lexicon, w) !== null;
}

/** Steps of work that yield between slices, run to completion at once or across turns of the event loop. */
type Steps<T> = Generator<void, T>;

function runSync<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

async function runAsync<T>(steps: Steps<T>): Promise<T> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Learns the corpus's aliases from what each article's sentences teach (found
 * once per article by {@link prepareArticle}): the same merging as
 * {@link learnAliases}, which would find every sentence's acronyms and
 * appositions again on each rebuild. Alias learning uses the corpus's words
 * to tell a genitive ("Amazons") from a name. tests/search/persist.test.ts
 * checks the result equals learnAliases over every sentence.
 */
function* mergeAliases(prepared: readonly PreparedArticle[], mechanisms: Mechanisms): Steps<AliasTable> {
  if (!mechanisms.aliases) return learnAliases([]);
  const vocabulary = new Set<string>();
  for (let i = 0; i < prepared.length; i++) {
    for (const w of prepared[i]!.vocabulary.split(' ')) if (w) vocabulary.add(w);
    if (i % 500 === 499) yield;
  }
  const collector = new AliasCollector(vocabulary);
  for (let i = 0; i < prepared.length; i++) {
    for (const { defs, apps } of prepared[i]!.aliasFinds) {
      for (const [sf, long] of defs) collector.addDefinition(sf, long);
      for (const [name, descriptors] of apps) collector.addApposition(name, descriptors);
    }
    if (i % 500 === 499) yield;
  }
  return collector.table();
}

/** Options for assembling an index from prepared articles. */
export interface AssembleOptions extends IndexOptions {
  /** The document frequencies, when the caller has them (e.g. updated from the previous index). */
  df?: Map<string, number>;
}

/** Everything of a {@link SentenceIndex} but its MiniSearch index, from prepared articles. */
function* indexParts(prepared: readonly PreparedArticle[], options: AssembleOptions): Steps<Omit<SentenceIndex, 'search'>> {
  const mechanisms = { ...ALL_MECHANISMS, ...options.mechanisms };
  const sentences = new Map<string, Sentence>();
  const answers = new Map<string, SentenceAnswers>();
  const byId = new Map<string, Article>();
  for (let i = 0; i < prepared.length; i++) {
    const { article, answers: found } = prepared[i]!;
    byId.set(article.meta.id, article);
    article.sentences.forEach((s, k) => {
      sentences.set(s.id, s);
      answers.set(s.id, found[k]!);
    });
    if (i % 2000 === 1999) yield;
  }
  const aliases = yield* mergeAliases(prepared, mechanisms);
  let df = options.df;
  if (!df) {
    df = new Map();
    for (let i = 0; i < prepared.length; i++) {
      countTerms(df, prepared[i]!.docs);
      if (i % 1000 === 999) yield;
    }
  }
  return { sentences, articles: byId, answers, aliases, df, lexicon: memoizedLexicon(options.lexicon), mechanisms };
}

/** Builds the index over prepared articles (see {@link prepareArticle}). */
export function indexPrepared(prepared: readonly PreparedArticle[], options: AssembleOptions): SentenceIndex {
  const search = new MiniSearch<SentenceDoc>(MINISEARCH_OPTIONS);
  for (const p of prepared) search.addAll(p.docs);
  return { search, ...runSync(indexParts(prepared, options)) };
}

/**
 * {@link indexPrepared}, yielding to the event loop between slices of work,
 * so a server keeps answering from its current index while a new one is built
 * beside it.
 */
export async function indexPreparedAsync(prepared: readonly PreparedArticle[], options: AssembleOptions): Promise<SentenceIndex> {
  const search = new MiniSearch<SentenceDoc>(MINISEARCH_OPTIONS);
  await search.addAllAsync(
    prepared.flatMap((p) => p.docs),
    { chunkSize: 1000 },
  );
  return { search, ...(await runAsync(indexParts(prepared, options))) };
}

/** Builds the index over every sentence of the given articles. */
export function buildIndex(articles: readonly Article[], options: IndexOptions): SentenceIndex {
  const build = { ...options, lexicon: memoizedLexicon(options.lexicon) };
  const index = indexPrepared(
    articles.map((a) => prepareArticle(a, build)),
    options,
  );
  return index;
}
