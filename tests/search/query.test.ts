/** The query plan (query.ts): German genitive -s on names and words Snowball leaves, on made-up text. */
import { describe, expect, it } from 'vitest';
import { ingestArticle } from '../../src/corpus/ingest.ts';
import { termOf } from '../../src/search/analyzer.ts';
import { planQuery } from '../../src/search/query.ts';
import { rank } from '../../src/search/rank.ts';
import { buildIndex } from '../../src/search/sentenceIndex.ts';
import { fakeLexicon } from './fakeLexicon.ts';

const lexicon = fakeLexicon({ advisers: ['berater'], chaos: ['chaos'] }, ['berater', 'hof']);
const article = ingestArticle('Hof\n\nKublais Berater kamen aus dem Süden. Der Hof lag im Norden. Danach brach Chaos aus.', { id: 'made-up', path: 'made-up.txt', meta: { language: 'de' } });
const index = buildIndex([article], { lexicon });

describe('genitive -s', () => {
  it('reaches a name in the genitive that Snowball does not stem ("Kublais")', () => {
    const plan = planQuery("Who were Kublai's advisers?", index);
    const group = plan.groups.find((g) => g.word === 'Kublai')!;
    expect(group.alternatives.map((a) => a.term)).toContain('kublais');
    expect(rank(index, plan).results[0]?.id).toBe(article.sentences.find((s) => s.text.startsWith('Kublais'))!.id);
  });
  it('does not take a word plus "s" that is a German word of its own ("Chaos" is no form of the name "Chao")', () => {
    const group = planQuery('Where did Chao live?', index).groups.find((g) => g.word === 'Chao')!;
    expect(group.alternatives.map((a) => a.term)).not.toContain('chaos');
  });
});

describe('separable verbs in a German question', () => {
  const verbs = fakeLexicon({}, ['tragen', 'wegtragen', 'kiste', 'nachbar', 'weisen', 'wegweisen'], { trug: 'tragen', wie: 'weisen' });
  const text = ingestArticle('Umzug\n\nAm Morgen trug der Nachbar die Kiste weg. Dann trug er sie in den Keller.', { id: 'made-up', path: 'made-up.txt', meta: { language: 'de' } });
  const verbIndex = buildIndex([text], { lexicon: verbs });
  it('asks for the separable verb of a finite verb whose particle ends the question ("trug … weg": wegtragen)', () => {
    const plan = planQuery('Wie trug der Nachbar die Kiste weg?', verbIndex);
    expect(plan.groups.find((g) => g.word === 'trug')!.alternatives.map((a) => a.term)).toContain('wegtrag');
    // The question word opening the question is never the verb, whatever it might spell.
    expect(plan.groups.some((g) => g.alternatives.some((a) => a.term === 'wegweis'))).toBe(false);
    expect(rank(verbIndex, plan).results[0]?.id).toBe(text.sentences.find((s) => s.text.includes('weg.'))!.id);
  });
});

describe('aliases', () => {
  const football = ingestArticle('Football\n\nThe Super Bowl Committee (SBC) met in Arizona. The Host Committee met in Boston.', { id: 'made-up', path: 'made-up.txt', meta: { language: 'en' } });
  const footballIndex = buildIndex([football], { lexicon: fakeLexicon({}, []) });
  const aliasTerms = (question: string) => planQuery(question, footballIndex).groups.find((g) => g.word === 'SBC')!.alternatives.filter((a) => a.via === 'alias').map((a) => a.term);
  it("stand for a name's other words, but not for words the question has itself", () => {
    expect(aliasTerms('Where did the SBC meet?')).toContain('committe');
    // "committee" is searched for by its own group: as an alias of SBC it would let "The Host Committee" count as the SBC.
    expect(aliasTerms('Where did the SBC committee meet?')).not.toContain('committe');
    expect(aliasTerms('Where did the SBC committee meet?')).toContain('bowl');
  });
});

describe('English prepositions and negations', () => {
  it('are searched for as they are, never through their dictionary senses', () => {
    const dictionary = fakeLexicon({ during: ['Zug', 'Lauf'], not: ['Note'], games: ['Spiele'] }, ['zug', 'lauf', 'note', 'spiele']);
    const text = ingestArticle('Spiel\n\nIm Laufe der Spiele fuhr ein Zug vorbei.', { id: 'made-up', path: 'made-up.txt', meta: { language: 'de' } });
    const plan = planQuery('Who did not throw during the games?', buildIndex([text], { lexicon: dictionary }));
    const via = (word: string) => plan.groups.find((g) => g.word === word)!.alternatives.map((a) => a.via);
    expect(via('during')).toEqual(expect.arrayContaining(['word']));
    expect(via('during')).not.toContain('translation');
    expect(via('not')).not.toContain('translation');
    // A content word still is.
    expect(via('games')).toContain('translation');
  });
});

describe('German compounds in a question', () => {
  const words = fakeLexicon({}, ['national', 'hymne', 'nationalhymne', 'sänger', 'spiel', 'sang']);
  const text = ingestArticle('Finale\n\nVor dem Spiel sang ein Chor die Nationalhymne.', { id: 'made-up', path: 'made-up.txt', meta: { language: 'de' } });
  const compoundIndex = buildIndex([text], { lexicon: words });
  it('weigh as many words as they have parts, as the English words for them would ("Nationalhymne": national anthem)', () => {
    const groups = planQuery('Wer sang die Nationalhymne vor dem Spiel?', compoundIndex).groups;
    const anthem = groups.find((g) => g.word === 'Nationalhymne')!;
    const game = groups.find((g) => g.word === 'Spiel')!;
    expect(anthem.alternatives.filter((a) => a.via === 'compound').map((a) => a.term)).toEqual(['national', 'hymn']);
    expect(anthem.weight).toBe(2 * game.weight);
  });
  it('are matched by their head more than by a modifier: the head names the kind of thing ("Hymne"), a modifier only narrows it', () => {
    const anthem = planQuery('Wer sang die Nationalhymne vor dem Spiel?', compoundIndex).groups.find((g) => g.word === 'Nationalhymne')!;
    const weightOf = (term: string) => anthem.alternatives.find((a) => a.via === 'compound' && a.term === term)!.weight;
    expect(weightOf('hymn')).toBeGreaterThan(weightOf('national'));
  });
});

describe('a German question verb', () => {
  it('written whole with its separable particle, as in a relative clause, is also its infinitive ("wegtrug" → wegtragen)', () => {
    const words = fakeLexicon({}, ['tragen', 'wegtragen', 'kiste', 'nachbar'], { trug: 'tragen' });
    const text = ingestArticle('Umzug\n\nAm Morgen trug der Nachbar die Kiste weg.', { id: 'made-up', path: 'made-up.txt', meta: { language: 'de' } });
    const group = planQuery('Wie hieß der Nachbar, der die Kiste wegtrug?', buildIndex([text], { lexicon: words })).groups.find((g) => g.word === 'wegtrug')!;
    // As the word itself, not as a look-alike spelling.
    expect(group.alternatives).toContainEqual(expect.objectContaining({ term: termOf('wegtragen', 'de'), via: 'word' }));
  });
});

describe('what a question sets aside', () => {
  it('weighs less: "Besides Samsung, who else …" asks for others', () => {
    const text = ingestArticle('Chips\n\nSamsung und Google nutzen Chips von Qualcomm.', { id: 'made-up', path: 'made-up.txt', meta: { language: 'de' } });
    const index = buildIndex([text], { lexicon: fakeLexicon({ chips: ['chips'] }) });
    const weight = (question: string, word: string) => planQuery(question, index).groups.find((g) => g.word === word)!.weight;
    expect(weight('Besides Samsung, who else uses Qualcomm chips?', 'Samsung')).toBeLessThan(weight('Besides Samsung, who else uses Qualcomm chips?', 'Qualcomm'));
    expect(weight('Außer Samsung, wer nutzt Chips von Qualcomm?', 'Samsung')).toBeLessThan(weight('Außer Samsung, wer nutzt Chips von Qualcomm?', 'Qualcomm'));
    // Only up to the end of its clause, and not without a cue.
    expect(weight('Does Samsung use Qualcomm chips?', 'Samsung')).toBe(weight('Does Samsung use Qualcomm chips?', 'Qualcomm'));
  });
});

describe('a decade in two digits', () => {
  const text = ingestArticle('Bühne\n\nIn the 1970s, Trevor Martin played the Doctor on stage.', { id: 'made-up', path: 'made-up.txt', meta: { language: 'en' } });
  const decadeIndex = buildIndex([text], { lexicon: fakeLexicon({}) });
  const terms = (question: string, word: string) => planQuery(question, decadeIndex).groups.find((g) => g.word === word)!.alternatives.map((a) => a.term);
  it('is its years\' decade ("the 70\'s", "the 90s", "die 80er")', () => {
    expect(terms("Who played the Doctor in the 70's?", '70')).toContain('1970');
    expect(terms('Who played the Doctor in the 90s?', '90s')).toContain('1990');
    expect(terms('Wer spielte den Doktor in den 80ern?', '80ern')).toContain('1980');
    // The twenties may be either century's.
    expect(terms('Who played the Doctor in the 20s?', '20s')).toEqual(expect.arrayContaining(['1920', '2020']));
  });
  it('but a number of things is no decade', () => {
    expect(terms('Which 70 actors played the Doctor?', '70')).not.toContain('1970');
  });
});

describe('an English word in a German question', () => {
  it('is a name searched for as written, and through its German translations ("Doctor" → Doktor)', () => {
    const words = fakeLexicon({ doctor: ['doktor'] }, ['enkelin']);
    const text = ingestArticle('Serie\n\nDer Doktor hat eine Enkelin namens Susan. Doctor Who lief im Fernsehen.', { id: 'made-up', path: 'made-up.txt', meta: { language: 'de' } });
    const group = planQuery('Wie heißt die Enkelin von Doctor Who?', buildIndex([text], { lexicon: words })).groups.find((g) => g.word === 'Doctor')!;
    expect(group.isName).toBe(true);
    expect(group.alternatives.map((a) => a.term)).toEqual(expect.arrayContaining(['doctor', termOf('doktor', 'de')]));
  });
});

describe('a capitalised English word the lexicon translates', () => {
  const words = fakeLexicon({ mote: ['Stäubchen'], historian: ['Historiker'] }, ['historiker']);
  const text = ingestArticle('Yuan\n\nDer Historiker Mote schrieb über die Klassen.', { id: 'made-up', path: 'made-up.txt', meta: { language: 'de' } });
  const moteIndex = buildIndex([text], { lexicon: words });
  it('may still be a name, so it is searched for by its German stem however short ("Mote" → mot)', () => {
    const group = planQuery('What did the historian Mote write?', moteIndex).groups.find((g) => g.word === 'Mote')!;
    expect(group.alternatives.map((a) => a.term)).toContain(termOf('Mote', 'de'));
    expect(rank(moteIndex, planQuery('What did the historian Mote write?', moteIndex)).results[0]?.id).toBe(text.sentences.find((s) => s.text.includes('Mote'))!.id);
  });
});
