/**
 * Question → query plan. Each content word of the question (or multi-word
 * dictionary phrase, such as "market share") becomes a group of alternative
 * index terms: its own stems, its translations, the parts of its compounds
 * and the aliases the corpus taught us. A group scores by its best
 * alternative, so a word with 30 translations does not outweigh a word with
 * two (Pirkola's structured queries).
 */
import { detectLanguage, type DetectedLanguage } from '../corpus/language.ts';
import { type AnalyzerLanguage, germanVerbStem, isAcronym, isEnglishFunctionWord, isStopWord, termOf } from './analyzer.ts';
import type { Entity } from './aliases.ts';
import { answerSubtypeOf, type AnswerSubtype, answerTypeOf, type AnswerType, typeNounOf } from './answerTypes.ts';
import { englishFamily } from './derivation.ts';
import { englishLemmas, type Lexicon } from './lexicon.ts';
import { specificity } from './commonness.ts';
import { fuzzyMatches, germanTransliteration } from './fuzzy.ts';
import { fold, words } from './normalize.ts';
import { numberSpellings, smallNumber } from './numbers.ts';
import { truecase } from './truecase.ts';
import { joinedSeparable, separatedVerbs } from './separableVerbs.ts';
import { isGermanNoun, isOpaqueCompound, type SentenceIndex, splitGerman } from './sentenceIndex.ts';

/** How an alternative was reached from the question word. */
export type Via = 'word' | 'translation' | 'alias' | 'compound' | 'fuzzy' | 'synonym';

/** One index term that stands for a question word. */
export interface Alternative {
  term: string;
  /** Multiplies the term's score; 1 for the word itself, less for looser expansions. */
  weight: number;
  via: Via;
}

/** The alternatives for one question word or phrase. */
export interface QueryGroup {
  /** The question word or phrase as typed. */
  word: string;
  /** Names, numbers and acronyms are kept as they are and weigh more. */
  isName: boolean;
  /** A key word: a name, or a German noun (capitalised mid-sentence). When the corpus lacks it, that counts fully against the evidence. */
  isKey: boolean;
  /** Relative weight of this word in the question. */
  weight: number;
  /** How specific the word is in general language, 0 (everyday) to 1 (rare; see commonness.ts). */
  specificity: number;
  /** A dictionary phrase added on top of its words' own groups: it adds score when it matches, and is not missed when it does not. */
  optional: boolean;
  alternatives: Alternative[];
}

/** What the engine searches for. */
export interface QueryPlan {
  question: string;
  language: DetectedLanguage;
  answerType: AnswerType;
  /** A narrower kind of number or time answer (money, a date, a duration), or null. */
  answerSubtype: AnswerSubtype | null;
  /** The noun a "which/what" question asks an instance of, as typed ("animals" in "What animals …"; see typeNounOf), or null. */
  typeNoun: string | null;
  /** True when the question asks for a kind of {@link typeNoun} ("What type of forest …"), not an instance of it. */
  typeNounKind: boolean;
  groups: QueryGroup[];
}

/** Weights of the alternatives, by how they were reached. */
export const ALTERNATIVE_WEIGHT = {
  /** A translation from the lexicon. */
  translation: 0.85,
  /** A part of a compound question word. */
  compound: 0.6,
  /** A modifier of a compound question word (any part but the last, the head, which names the kind of thing). */
  compoundModifier: 0.3,
  /** Another name of the same entity ("Government Communications Headquarters" for GCHQ). */
  aliasName: 0.8,
  /** A descriptor of the entity ("Spionagebehörde", "britisch" for GCHQ). */
  aliasDescriptor: 0.45,
  /** A spelling variant or cognate, times its similarity (see fuzzy.ts). */
  fuzzy: 0.8,
  /** A same-language synonym found through the other language ("Wetter" → weather → "Witterung"). */
  synonym: 0.5,
  /** A translation of another word of the question word's family ("arrival" for "arriving", see derivation.ts). */
  derivation: 0.5,
};

/** Weight of a word the question sets aside ("Besides Samsung, who else …"), relative to its own. */
export const EXCLUDED_WEIGHT = 0.5;

/** Most words of a question word's family whose translations are added. */
export const DERIVATION_FAMILY = 4;
/** Translations used per word of the family (its first, most common senses). */
export const DERIVATION_TRANSLATIONS = 3;

/** How many senses are followed each way when looking for synonyms through the other language. */
export const SYNONYM_FANOUT = 3;

/** Each later translation of a word weighs this much of the one before. */
export const TRANSLATION_DECAY = 0.93;
/** Weight factor of a translation whose English senses do not include the question word. */
export const UNCONFIRMED_TRANSLATION = 0.6;
/** Most translations used per question word (the lexicon lists the common senses first). */
export const TRANSLATION_BUDGET = 8;
/**
 * Most alias alternatives per question word. In an archive a first name or a
 * company can be part of hundreds of learned names, each with descriptors;
 * the entities the question supports best come first (see planQuery).
 */
export const ALIAS_BUDGET = 8;
/**
 * In an index of at least `minSentences`, an alias term found in more than
 * `aliasMaxShare` of the sentences is left out: a descriptor as common as
 * "Jahr" or "erklärt" tells nothing about the entity, and it costs the most
 * to score. Small corpora are never affected.
 */
export const QUERY_COST = { aliasMaxShare: 0.005, minSentences: 10_000 };
/** Words that frame a definition question ("stand for", "bedeutet"), not its content. */
const DEFINITION_FRAME = /^(?:stand|stands|mean|means|meaning|short|steht|stehen|bedeutet|bedeuten|heisst|abkurzung|abbreviation)$/;
/** Weight of a name (acronym, number, capitalised English word) against a common word. */
export const NAME_WEIGHT = 1.3;
/** Weight of the noun after "which"/"welche": it names the kind of answer, not its content. */
export const TYPE_NOUN_WEIGHT = 0.5;

/** True for a word that names something: an acronym, a number, or capitalised mid-sentence in English. */
export function looksLikeName(word: string, index: number, language: DetectedLanguage): boolean {
  if (/\p{N}/u.test(word)) return true;
  if (isAcronym(word)) return true;
  // German capitalises every noun, so capitalisation marks a name only in English.
  return index > 0 && language === 'en' && /^\p{Lu}/u.test(word);
}

/** Stop-word test for a question in `language`; with no clear language, a stop word of either counts. */
function isQuestionStopWord(word: string, language: DetectedLanguage): boolean {
  if (language === 'de' || language === 'en') return isStopWord(word, language);
  return isStopWord(word, 'de') || isStopWord(word, 'en');
}

/** A group under construction, with de-duplicated alternatives. */
function groupFor(word: string, isName: boolean, weight: number, optional = false, isKey = isName, specificity = 1): QueryGroup & { add(term: string, weight: number, via: Via): void } {
  const alternatives: Alternative[] = [];
  return {
    word,
    isName,
    isKey,
    weight,
    specificity,
    optional,
    alternatives,
    add(term, w, via) {
      if (!term) return;
      const existing = alternatives.find((a) => a.term === term);
      if (existing) existing.weight = Math.max(existing.weight, w);
      else alternatives.push({ term, weight: w, via });
    },
  };
}

/** True when the index has the term in any sentence (a lookup in its document frequencies, not a search). */
function hasTerm(index: SentenceIndex, term: string): boolean {
  return (index.df.get(term) ?? 0) > 0;
}

const germanTermMemos = new WeakMap<Lexicon, Map<string, string[]>>();

/**
 * A German word's own terms: its stem, its weak-verb stem and its dictionary
 * lemma ("gefunden" → finden); memoised per lexicon (translations repeat from
 * question to question). The array is shared: do not change it.
 */
function germanTermsOf(w: string, lexicon: Lexicon): string[] {
  let memo = germanTermMemos.get(lexicon);
  if (!memo) germanTermMemos.set(lexicon, (memo = new Map()));
  let out = memo.get(w);
  if (!out) {
    out = [termOf(w, 'de')];
    const verb = germanVerbStem(w, (x) => lexicon.isGermanWord(x));
    if (verb) out.push(verb);
    const lemma = lexicon.germanLemma(w);
    if (lemma) out.push(termOf(lemma, 'de'));
    if (memo.size >= 100_000) memo.clear();
    memo.set(w, out);
  }
  return out;
}

/** Builds the query plan for a question over an index. */
export function planQuery(question: string, index: SentenceIndex): QueryPlan {
  const { lexicon, mechanisms, aliases } = index;
  const language = detectLanguage(question);
  const toEnglish = (german: string) => lexicon.toEnglish(german);
  const noun = mechanisms.answerTypes ? typeNounOf(question, toEnglish) : null;
  const answerType = mechanisms.answerTypes ? answerTypeOf(question, toEnglish, noun, language) : 'other';
  // The noun a "which/what" question asks an instance of ("Which player …"): the answer is a name, not that word.
  const typeNoun = answerType !== 'other' ? noun : null;
  // An English question typed in lower case gets its proper nouns' capitals back ("france" → "France").
  const all = words(question);
  // Words a question sets aside: "Besides Samsung, who else …", "Außer Google, wer …", up to the clause's end.
  const excluded = new Set([...question.matchAll(/(?:^|[^\p{L}])(?:besides|apart from|aside from|other than|except(?: for)?|außer|abgesehen von)\s+([^,;:?!]+)/giu)].flatMap((m) => words(m[1]!).map(fold)));
  // Two-digit decades: "the 70's", "the '80s", "the 90s", "in den 90ern", "70er-Jahre".
  const decades = new Set([...question.matchAll(/(?:^|[^\p{L}\p{N}])['’]?(\d0)(?:['’]?s|ern?)(?![\p{L}\p{N}])/gu)].map((m) => m[1]!));
  // The question's words of two letters or more, and numbers, by their place among all its words.
  const kept = all.flatMap((w, at) => (w.length > 1 || /\p{N}/u.test(w) ? [at] : []));
  const tokens = kept.map((at) => (language === 'en' ? truecase(all[at]!) : all[at]!));
  const folded = tokens.map(fold);
  const questionWords = new Set(folded);
  // A German question's verb whose particle ends it ("Wie viele Bälle fing Norman ab?") is also its separable verb
  // (abfangen), as the index has it for sentences (sentenceIndex.ts); keyed by the index among `tokens`.
  const joinedVerbs = new Map<number, string[]>();
  if (language !== 'en' && mechanisms.separableVerbs) {
    const separated = separatedVerbs(question, lexicon);
    kept.forEach((at, k) => {
      const joined = separated.get(at);
      if (joined) joinedVerbs.set(k, joined);
    });
  }
  const english = language !== 'de';
  const langs: AnalyzerLanguage[] = language === 'en' ? ['en', 'de'] : ['de', 'en'];
  const groups: ReturnType<typeof groupFor>[] = [];
  const seen = new Set<string>();

  const germanTerms = (w: string) => germanTermsOf(w, lexicon);

  /**
   * German translations of an English word or phrase. For an inflected word,
   * its own translations ("used" → benutzt) are interleaved with its lemma's
   * ("use" → nutzen), which the lexicon's per-term limit may have cut.
   */
  const translationsOf = (english: string): readonly string[] | undefined => {
    const own = lexicon.toGerman(english);
    const lemma = english.includes(' ') ? undefined : englishLemmas(english).find((l) => lexicon.toGerman(l));
    const base = lemma ? lexicon.toGerman(lemma) : undefined;
    if (!base) return own;
    const merged: string[] = [];
    for (let i = 0; i < Math.max(own?.length ?? 0, base.length); i++) {
      for (const t of [own?.[i], base[i]]) if (t && !merged.includes(t)) merged.push(t);
    }
    return merged;
  };

  /**
   * Adds German translations of an English word or phrase to a group, each
   * weighted by how far it can be trusted: the dictionary lists common
   * senses first, so later ones weigh less; a translation whose own English
   * senses do not lead back to the word is likely a rare sense ("suffer" →
   * "auf nehmen müssen"); and one word of a multi-word translation stands
   * for the word only in part.
   */
  const translate = (group: ReturnType<typeof groupFor>, english: string) => {
    const translations = translationsOf(english);
    if (!translations) return false;
    const back = new Set([english, ...(english.includes(' ') ? [] : englishLemmas(english))]);
    translations.slice(0, TRANSLATION_BUDGET).forEach((t, rank) => {
      const ws = t.split(' ').filter((w) => !isStopWord(w, 'de'));
      if (ws.length === 0) return;
      const confirmed = (lexicon.toEnglish(t) ?? []).some((e) => back.has(e) || englishLemmas(e).some((l) => back.has(l)));
      const weight = (ALTERNATIVE_WEIGHT.translation * TRANSLATION_DECAY ** rank * (confirmed ? 1 : UNCONFIRMED_TRANSLATION)) / Math.sqrt(ws.length);
      for (const w of ws) for (const term of germanTerms(w)) group.add(term, weight, 'translation');
    });
    return true;
  };
  const inCorpus = (term: string) => hasTerm(index, term);

  /**
   * Adds the first translations of the English word's derivational family
   * ("arriving" → arrival → Ankunft; "illness" → ill → krank), and the
   * family's own English stems for an English article. They weigh less than
   * the word's own translations: a derivation shifts the meaning.
   */
  const addDerivations = (group: ReturnType<typeof groupFor>, english: string) => {
    englishFamily(english, lexicon, DERIVATION_FAMILY).forEach((member, i) => {
      group.add(termOf(member, 'en'), ALTERNATIVE_WEIGHT.derivation * TRANSLATION_DECAY ** i, 'translation');
      (lexicon.toGerman(member) ?? []).slice(0, DERIVATION_TRANSLATIONS).forEach((t, rank) => {
        const ws = t.split(' ').filter((w) => !isStopWord(w, 'de'));
        const weight = (ALTERNATIVE_WEIGHT.derivation * TRANSLATION_DECAY ** (i + rank)) / Math.sqrt(Math.max(1, ws.length));
        for (const w of ws) for (const term of germanTerms(w)) group.add(term, weight, 'translation');
      });
    });
  };

  /** English translations of a folded German word (or its dictionary form). */
  const englishOf = (german: string): readonly string[] => lexicon.toEnglish(german) ?? lexicon.toEnglish(lexicon.germanLemma(german) ?? '') ?? [];

  /** Adds English translations of a German word, for English articles. */
  const translateToEnglish = (group: ReturnType<typeof groupFor>, german: string) => {
    englishOf(german)
      .slice(0, TRANSLATION_BUDGET)
      .forEach((e, rank) => {
        const ws = e.split(' ').filter((w) => !isStopWord(w, 'en'));
        const weight = (ALTERNATIVE_WEIGHT.translation * TRANSLATION_DECAY ** rank) / Math.sqrt(Math.max(1, ws.length));
        for (const w of ws) group.add(termOf(w, 'en'), weight, 'translation');
      });
  };

  /**
   * Same-language synonyms through the other language (pivot paraphrases, as
   * in Bannard & Callison-Burch 2005): a German word's English senses and their
   * German translations; an English word's German senses and their English
   * translations. Only the first senses each way, weighted by their rank.
   */
  const addSynonyms = (group: ReturnType<typeof groupFor>, word: string, german: boolean) => {
    const first = german ? englishOf(word) : (translationsOf(word) ?? []);
    first.slice(0, SYNONYM_FANOUT).forEach((pivot, i) => {
      const back = german ? (translationsOf(pivot) ?? []) : englishOf(pivot);
      back.slice(0, SYNONYM_FANOUT).forEach((synonym, j) => {
        if (synonym === word || synonym.includes(' ')) return;
        const weight = ALTERNATIVE_WEIGHT.synonym * TRANSLATION_DECAY ** (i + j);
        if (german) for (const term of germanTerms(synonym)) group.add(term, weight, 'synonym');
        else group.add(termOf(synonym, 'en'), weight, 'synonym');
      });
    });
  };

  // Dictionary phrases with the tokens they span, and the group of each token, to let a phrase's translation stand for its words.
  const phrases: { group: ReturnType<typeof groupFor>; first: number; end: number }[] = [];
  const groupAt = new Map<number, ReturnType<typeof groupFor>>();
  for (let i = 0; i < tokens.length; i++) {
    // Longest English dictionary phrase starting here ("market share" → Marktanteil).
    if (english && mechanisms.translation) {
      let phraseLength = 0;
      for (let n = Math.min(lexicon.maxEnglishPhraseWords, tokens.length - i); n >= 2; n--) {
        const span = folded.slice(i, i + n);
        if (isStopWord(span[0]!, 'en') || isStopWord(span[n - 1]!, 'en')) continue;
        if (lexicon.toGerman(span.join(' '))) {
          phraseLength = n;
          break;
        }
      }
      if (phraseLength) {
        const phrase = folded.slice(i, i + phraseLength).join(' ');
        const group = groupFor(tokens.slice(i, i + phraseLength).join(' '), false, 1, true);
        translate(group, phrase);
        groups.push(group);
        phrases.push({ group, first: i, end: i + phraseLength });
      }
    }
    const word = tokens[i]!;
    const key = folded[i]!;
    if (isQuestionStopWord(word, language) || seen.has(key)) continue;
    // In "What does X stand for?" the verb frames the question; only X is searched for.
    if (answerType === 'definition' && DEFINITION_FRAME.test(key)) continue;
    seen.add(key);
    // German capitalises nouns: mid-sentence, a capitalised word is a key noun, and a name when no German word.
    const germanNoun = language !== 'en' && i > 0 && /^\p{Lu}\p{Ll}/u.test(word);
    // A capitalised English word the lexicon translates ("British", "Count", "Germany") is a key word but no name:
    // its translations stand for it.
    const translatable = english && mechanisms.translation && /^\p{Lu}\p{Ll}/u.test(word) && translationsOf(key) !== undefined;
    const isName = (looksLikeName(word, i, language) && !translatable) || (germanNoun && !isGermanNoun(lexicon, key) && !splitGerman(lexicon, key));
    const previous = folded[i - 1];
    const isTypeNoun = (previous !== undefined && /^(?:which|what|welche[rsnm]?)$/.test(previous) && answerType === 'person') || (typeNoun !== null && fold(typeNoun.word) === key);
    // A name is specific; any other word by how everyday it is in its language.
    const wordSpecificity = isName ? 1 : Math.max(...(language === 'en' ? ['en' as const] : language === 'de' ? ['de' as const] : (['de', 'en'] as const)).map((l) => specificity(termOf(word, l), l)));
    // A capitalised English word the lexicon translates is a key word, and may still be a name ("Mote", the
    // historian): stemmed as one below.
    const capitalisedKey = translatable && i > 0;
    const group = groupFor(word, isName, isTypeNoun ? TYPE_NOUN_WEIGHT : isName ? NAME_WEIGHT : 1, false, isName || germanNoun || capitalisedKey, wordSpecificity);
    group.add(key, 1, 'word');
    for (const l of langs) {
      // The other language's stem of a word only helps for loanwords ("Deal", "Partner"); short stems are noise ("comes" → "com").
      // A name is stemmed in both languages whatever its length ("Allen" is "all" in a German index).
      const term = termOf(word, l);
      // A short stem the corpus has is kept for a longer word: an English name part in a German text ("River" in
      // "St. Johns River" is German-stemmed to "riv").
      if (l === langs[0] || term.length >= 4 || isName || capitalisedKey || (term.length === 3 && key.length >= 5 && inCorpus(term))) group.add(term, 1, 'word');
    }
    if (!english || !isName) for (const term of germanTerms(key).slice(1)) group.add(term, 1, 'word');
    // A separable verb's finite form written whole, as in a relative clause ("der Newton den Ball abnahm"), is also
    // its infinitive (abnehmen), as the index has it for sentences.
    const whole = language !== 'en' && mechanisms.separableVerbs && !isName && /^\p{Ll}/u.test(word) ? joinedSeparable(key, lexicon) : null;
    for (const verb of [...(joinedVerbs.get(i) ?? []), ...(whole ? [whole] : [])]) {
      group.add(termOf(verb, 'de'), 1, 'word');
      if (mechanisms.translation) translateToEnglish(group, fold(verb));
    }
    // A decade in two digits ("the 70's", "die 90er") is its years' decade (1970s, 1970er: indexed as 1970).
    const decade = /^\d0(?:s|er|ern)?$/.test(key) ? key.slice(0, 2) : null;
    if (decade && decades.has(decade)) for (const century of Number(decade) <= 20 ? ['19', '20'] : ['19']) group.add(century + decade, 1, 'word');
    // A small number in any spelling: "four", "vier", "4".
    const number = smallNumber(key);
    if (number !== undefined) for (const spelling of numberSpellings(number)) group.add(spelling, 1, 'word');
    // A preposition or negation is searched for as it is: its dictionary senses are no evidence.
    const functionWord = english && isEnglishFunctionWord(key);
    // Names are translated only when the corpus does not use them as they are ("France" → "Frankreich").
    if (english && mechanisms.translation && !functionWord && (!isName || !group.alternatives.some((a) => inCorpus(a.term)))) translate(group, key);
    // An English word in a German question ("Wie heißt die Enkeltochter von Doctor Who?") is taken for a name, and
    // matched as written; a German text may still say it in German ("der Doktor").
    else if (language === 'de' && isName && mechanisms.translation && /^\p{Lu}\p{Ll}+$/u.test(word)) translate(group, key);
    if (english && mechanisms.translation && mechanisms.wordFamilies && !isName && !functionWord && language === 'en') addDerivations(group, key);
    if (language !== 'en' && mechanisms.translation && !isName) translateToEnglish(group, key);
    if (mechanisms.synonyms && !isName && !functionWord) addSynonyms(group, key, language === 'de');
    // Only German words are split; an English word's letters may happen to spell German parts ("profits" → pro + fit).
    if (mechanisms.compounds && !isName && (language === 'de' || !lexicon.toGerman(key))) {
      const parts = splitGerman(lexicon, key);
      if (parts && !isOpaqueCompound(lexicon, key, parts[parts.length - 1]!)) {
        parts.forEach((p, k) => group.add(termOf(p, 'de'), k === parts.length - 1 ? ALTERNATIVE_WEIGHT.compound : ALTERNATIVE_WEIGHT.compoundModifier, 'compound'));
        // A compound says as much as its parts do as separate words: "Nationalhymne" weighs as "national anthem".
        group.weight *= parts.length;
      }
    }
    // German genitive -s where Snowball keeps it ("Kublais", "Chinas", "Prinzips"): a term plus "s" that the corpus has
    // and that is no German word of its own ("Mais" is no form of "Mai").
    if (mechanisms.translation) {
      for (const a of [...group.alternatives]) {
        const genitive = a.term + 's';
        if (a.term.length >= 4 && /[^s-]$/.test(a.term) && inCorpus(genitive) && !lexicon.isGermanWord(genitive)) group.add(genitive, a.weight, a.via);
      }
    }
    // A word nothing in the corpus matches may be a spelling variant or cognate of a corpus word.
    if (mechanisms.fuzzy && !functionWord && !group.alternatives.some((a) => inCorpus(a.term))) {
      // An English question's name may be romanised the English way in a German text's German way (Zelensky → Selenskyj).
      const transliterated = english && isName ? [germanTransliteration(key)] : [];
      for (const m of fuzzyMatches(index, [key, termOf(word, 'en'), termOf(word, 'de'), ...transliterated], { capitalisedOnly: isName })) group.add(m.term, ALTERNATIVE_WEIGHT.fuzzy * m.similarity, 'fuzzy');
    }
    if (mechanisms.aliases) {
      // Entities the question supports best first: one the word names by itself ("GCHQ"), then one whose
      // other name words the question has too ("Anna Weber"); else in corpus order.
      const support = (e: Entity) => (e.names.has(key) ? 2 : 0) + [...e.names].flatMap((n) => words(n)).filter((w) => w !== key && questionWords.has(w)).length;
      const entities = aliases
        .lookup(key)
        .map((entity, order) => ({ entity, order, support: support(entity) }))
        .sort((a, b) => b.support - a.support || a.order - b.order);
      let budget = ALIAS_BUDGET;
      const commonDf = index.sentences.size >= QUERY_COST.minSentences ? QUERY_COST.aliasMaxShare * index.sentences.size : Infinity;
      // Terms looked at, kept or not: an entity of a large archive can have hundreds of descriptors.
      let examined = 0;
      const addAlias = (term: string, weight: number) => {
        examined++;
        if ((index.df.get(term) ?? 0) > commonDf) return;
        if (!group.alternatives.some((a) => a.term === term)) {
          if (budget <= 0) return;
          budget--;
        }
        group.add(term, weight, 'alias');
      };
      // At most twice the budget's worth of entities are looked at (a common first name names hundreds).
      const open = () => budget > 0 && examined < 4 * ALIAS_BUDGET;
      for (const { entity, support } of entities.slice(0, 2 * ALIAS_BUDGET)) {
        if (!open()) break;
        // A name the word is an inner part of names something more specific than the word does: "Bowl" is not
        // "Super Bowl XLIX", "Amazon" is not "Amazon Web Services". A name the word ends ("Jeff Bezos" for
        // "Bezos") or one whose other words the question has too is the question's entity.
        if (support === 0 && ![...entity.names].some((n) => words(n).at(-1) === key)) continue;
        for (const name of entity.names) {
          // One word of a multi-word name is weaker evidence than the whole name.
          const parts = words(name);
          const weight = ALTERNATIVE_WEIGHT.aliasName / Math.sqrt(parts.length);
          // The question's own words are searched for by their own groups: "Super" of "Super Bowl XLIX" is no evidence
          // for "XLIX" in "Who won Super Bowl XLIX?", where a "Super Bowl XXXIII" would otherwise match it.
          for (const w of parts) if (w !== key && !questionWords.has(w) && !isStopWord(w, 'de') && open()) addAlias(termOf(w, 'de'), weight);
        }
        for (const d of entity.descriptors) {
          for (const w of words(d)) if (w !== key && !questionWords.has(w) && open()) addAlias(termOf(w, 'de'), ALTERNATIVE_WEIGHT.aliasDescriptor);
        }
      }
    }
    // "Besides Samsung, who else …": what the question sets aside is context, not what the answer must say.
    if (excluded.has(key)) group.weight *= EXCLUDED_WEIGHT;
    groups.push(group);
    groupAt.set(i, group);
  }
  // A phrase's translation the corpus has stands for each of its words too: "greenhouse effect" is "Treibhauseffekt",
  // so a sentence with it has "greenhouse" as well, which no translation of the word alone finds.
  for (const { group: phrase, first, end } of phrases) {
    const present = phrase.alternatives.filter((a) => inCorpus(a.term));
    for (let t = first; t < end; t++) {
      const word = groupAt.get(t);
      if (word && !word.isName) for (const a of present) word.add(a.term, a.weight, a.via);
    }
  }
  return {
    question,
    language,
    answerType,
    answerSubtype: answerType === 'number' || answerType === 'time' ? answerSubtypeOf(question) : null,
    typeNoun: noun?.word ?? null,
    typeNounKind: noun?.kind === true,
    groups: groups.map(({ add: _add, ...g }) => g),
  };
}
