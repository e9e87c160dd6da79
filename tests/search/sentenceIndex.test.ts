import { describe, expect, it } from 'vitest';
import { generateArticles } from '../../src/bench/generate.ts';
import { ingestArticle } from '../../src/corpus/ingest.ts';
import { analyze, type AnalyzerLanguage, termOf } from '../../src/search/analyzer.ts';
import { loadLexicon, type Lexicon } from '../../src/search/lexicon.ts';
import { ALL_MECHANISMS, type Mechanisms } from '../../src/search/mechanisms.ts';
import { fold, words } from '../../src/search/normalize.ts';
import { isOpaqueCompound, memoizedLexicon, splitGerman, wordTermsOf } from '../../src/search/sentenceIndex.ts';
import { joinedSeparable, separatedVerbs } from '../../src/search/separableVerbs.ts';
import { SEED_SOURCE } from '../seed.ts';
import { fakeLexicon } from './fakeLexicon.ts';

/** wordTermsOf as it was written over analyze(), sentence by sentence, before it memoised words. */
function reference(text: string, language: AnalyzerLanguage, lexicon: Lexicon, mechanisms: Mechanisms) {
  const isGermanWord = (w: string) => lexicon.isGermanWord(w);
  const analysed = analyze(text, language, isGermanWord).map((t, i) => {
    const terms = [t.term];
    if (t.verb) terms.push(t.verb);
    const first = i === 0 && t.word === words(text)[0];
    const lemma = language === 'de' && (first || /^\p{Ll}/u.test(t.word)) ? lexicon.germanLemma(fold(t.word)) : undefined;
    if (lemma && !terms.includes(termOf(lemma, 'de'))) terms.push(termOf(lemma, 'de'));
    const joined = language === 'de' && !lemma && (first || /^\p{Ll}/u.test(t.word)) ? joinedSeparable(fold(t.word), lexicon) : null;
    if (joined && !terms.includes(termOf(joined, 'de'))) terms.push(termOf(joined, 'de'));
    const split = mechanisms.compounds && language === 'de' ? splitGerman(lexicon, fold(t.word)) : null;
    // The head of a compound counts as a term of the word (unless the compound means something else); the modifiers are parts.
    const partTerms = split ? split.map((p) => analyze(p, 'de').map((x) => x.term)) : [];
    const head = partTerms.pop() ?? [];
    if (split && isOpaqueCompound(lexicon, fold(t.word), split[split.length - 1]!)) partTerms.push(head);
    else for (const h of head) if (!terms.includes(h)) terms.push(h);
    return { word: t.word, terms, parts: partTerms.flat() };
  });
  if (language !== 'de') return analysed;
  // Separated verbs ("nahm … ab"): the finite verb also yields the separable verb, even when it is a stop word.
  const separated = separatedVerbs(text, lexicon);
  const out: typeof analysed = [];
  let k = 0;
  for (const [i, word] of words(text).entries()) {
    const kept = analysed[k]?.word === word ? analysed[k++] : undefined;
    const joined = (separated.get(i) ?? []).map((v) => termOf(v, 'de'));
    if (kept) out.push(joined.length ? { ...kept, terms: [...new Set([...kept.terms, ...joined])] } : kept);
    else if (joined.length) out.push({ word, terms: [...new Set(joined)], parts: [] });
  }
  return out;
}

describe('wordTermsOf (memoised per word)', () => {
  const texts = [
    ...ingestArticle(SEED_SOURCE, { id: 'seed', path: 'seed.txt' }).sentences.map((s) => s.text),
    ...[...generateArticles({ articles: 5, seed: 4 })].flatMap((f) => f.text.split(/(?<=[.?!])\s+|\n+/)),
    'Die Bäckerei Krume schließt im Mai. Der Inhaber geht in Rente.',
    'Das Jahr, das Ende, zum Beispiel: Jahr Ende Beispiel, die Daten wurden gespeichert und gefunden.',
    'Who succeeded Bezos as the boss of Amazon Web Services (AWS) in 2021?',
    'GCHQ, MI5 und MI6 setzen künstliche Intelligenz ein; 30,5 Prozent',
    '',
    'ÄÖÜ äöü ß ẞ Straße STRASSE',
    'Im Spiel nahm er ihm den Ball ab, dann kamen alle an. Gab er es zurück? Als er abnahm, brach Jubel aus.',
  ];
  const lexicons: [string, Lexicon][] = [
    ['the lexicon', loadLexicon()],
    ['a memoising lexicon', memoizedLexicon(loadLexicon())],
    ['a small made-up lexicon', fakeLexicon({ bakery: ['backerei'] }, ['backerei', 'inhaber', 'rente', 'jahr', 'ende', 'daten', 'speichern', 'spionage', 'behorde'], { gefunden: 'finden' })],
  ];
  for (const [name, lexicon] of lexicons) {
    it(`gives what analyze() word by word gives, with ${name}`, () => {
      for (const mechanisms of [ALL_MECHANISMS, { ...ALL_MECHANISMS, compounds: false }]) {
        for (const language of ['de', 'en'] as const) {
          for (const text of texts) {
            // Twice: the second call is served from the memo.
            expect(wordTermsOf(text, language, lexicon, mechanisms)).toEqual(reference(text, language, lexicon, mechanisms));
            expect(wordTermsOf(text, language, lexicon, mechanisms)).toEqual(reference(text, language, lexicon, mechanisms));
          }
        }
      }
    });
  }
});
