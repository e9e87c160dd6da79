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
import { acronymDefinitions, type AliasTable, appositions, learnAliases } from './aliases.ts';
import { type AnalyzerLanguage, analyze, analyzerLanguage, isAcronym, termOf } from './analyzer.ts';
import { answersIn, type SentenceAnswers } from './answerTypes.ts';
import { splitCompound } from './compounds.ts';
import type { Lexicon } from './lexicon.ts';
import { ALL_MECHANISMS, type Mechanisms } from './mechanisms.ts';
import { fold, words } from './normalize.ts';

/** The document MiniSearch stores for a sentence. */
interface SentenceDoc {
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

/** Decides whether a word is a name (person, organisation, place, product) in a text of `language`. */
export function nameTest(lexicon: Lexicon, language: AnalyzerLanguage): (word: string, index: number) => boolean {
  return (word, index) => {
    if (isAcronym(word) && /\p{Lu}{2}/u.test(word)) return true;
    if (!/^\p{Lu}\p{Ll}/u.test(word) || index === 0) return false;
    // German capitalises every noun: a capitalised word is a name only when it is no German word.
    if (language === 'de') return !isGermanNoun(lexicon, fold(word));
    return true;
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

/** The index terms of each word of a text (stop words left out). */
export function wordTermsOf(text: string, language: AnalyzerLanguage, lexicon: Lexicon, mechanisms: Mechanisms): WordTerms[] {
  const isGermanWord = (w: string) => lexicon.isGermanWord(w);
  return analyze(text, language, isGermanWord).map((t) => {
    const terms = [t.term];
    if (t.verb) terms.push(t.verb);
    // Strong verbs and other irregular forms the dictionary lists: "gefunden" also indexes "finden".
    const lemma = language === 'de' && /^\p{Ll}/u.test(t.word) ? lexicon.germanLemma(fold(t.word)) : undefined;
    if (lemma && !terms.includes(termOf(lemma, 'de'))) terms.push(termOf(lemma, 'de'));
    const split = mechanisms.compounds && language === 'de' ? splitCompound(fold(t.word), isGermanWord) : null;
    const parts = split ? split.flatMap((p) => analyze(p, 'de').map((x) => x.term)) : [];
    return { word: t.word, terms, parts };
  });
}

/** Folded words of every name a sentence defines: "Amazon Web Service (AWS)" defines aws, amazon, web, service. */
function definedNames(text: string, isCommonNoun: (w: string) => boolean): string[] {
  const out = new Set<string>();
  for (const [short, long] of acronymDefinitions(text)) for (const w of [...words(short), ...words(long)]) out.add(fold(w));
  for (const [name] of appositions(text, { isCommonNoun })) for (const w of words(name)) out.add(fold(w));
  return [...out];
}

/** Builds the index over every sentence of the given articles. */
export function buildIndex(articles: readonly Article[], options: IndexOptions): SentenceIndex {
  const mechanisms = { ...ALL_MECHANISMS, ...options.mechanisms };
  const { lexicon } = options;
  const search = new MiniSearch<SentenceDoc>(MINISEARCH_OPTIONS);
  const sentences = new Map<string, Sentence>();
  const answers = new Map<string, SentenceAnswers>();
  const byId = new Map<string, Article>();
  const docs: SentenceDoc[] = [];
  for (const article of articles) {
    byId.set(article.meta.id, article);
    const language = analyzerLanguage(article.meta.language);
    const isName = nameTest(lexicon, language);
    let previous: { paragraph: number; terms: string[] } | null = null;
    for (const s of article.sentences) {
      sentences.set(s.id, s);
      const wordTerms = wordTermsOf(s.text, language, lexicon, mechanisms);
      const terms = wordTerms.flatMap((w) => w.terms);
      const parts = wordTerms.flatMap((w) => w.parts);
      const opener = fold(words(s.text)[0] ?? '');
      const anaphoric = mechanisms.context && previous && previous.paragraph === s.paragraph && ANAPHORA.has(opener);
      docs.push({ id: s.id, terms: terms.join(' '), parts: parts.join(' '), context: anaphoric ? previous!.terms.join(' ') : '' });
      const found = answersIn(s.text, isName);
      if (mechanisms.aliases) found.defines = definedNames(s.text, (w) => language === 'de' && isGermanNoun(lexicon, w));
      answers.set(s.id, found);
      previous = { paragraph: s.paragraph, terms };
    }
  }
  search.addAll(docs);
  const aliases = learnAliases(
    mechanisms.aliases
      ? articles.flatMap((a) => {
          const german = analyzerLanguage(a.meta.language) === 'de';
          const isCommonNoun = (w: string) => german && (isGermanNoun(lexicon, w) || splitCompound(w, (x) => lexicon.isGermanWord(x)) !== null);
          return a.sentences.map((s) => ({ text: s.text, isCommonNoun }));
        })
      : [],
  );
  return { search, sentences, articles: byId, answers, aliases, lexicon, mechanisms };
}
