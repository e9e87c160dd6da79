/** English derivational families from the dictionary (derivation.ts), on a tiny made-up lexicon. */
import { describe, expect, it } from 'vitest';
import { ingestArticle } from '../../src/corpus/ingest.ts';
import { englishBases, englishFamily } from '../../src/search/derivation.ts';
import { planQuery } from '../../src/search/query.ts';
import { rank } from '../../src/search/rank.ts';
import { buildIndex } from '../../src/search/sentenceIndex.ts';
import { fakeLexicon } from './fakeLexicon.ts';

const lexicon = fakeLexicon({
  arrive: ['eintreffen'],
  arrival: ['ankunft'],
  settle: ['besiedeln'],
  settler: ['siedler'],
  settlement: ['siedlung'],
  ill: ['krank'],
  illness: ['krankheit'],
  state: ['staat'],
  statement: ['aussage'],
  station: ['bahnhof'],
  party: ['partei'],
  partial: ['teilweise'],
  ship: ['schiff'],
  harbour: ['hafen'],
});

describe('englishBases', () => {
  it('finds the headwords a word is an inflection or a one-suffix derivation of', () => {
    expect(englishBases('arriving', lexicon)).toEqual(['arriving', 'arrive']);
    expect(englishBases('settlement', lexicon)).toContain('settle');
    expect(englishBases('illness', lexicon)).toContain('ill');
  });
  it('takes a final "y" back only where English spells it "i" before the suffix', () => {
    expect(englishBases('partial', lexicon)).not.toContain('party');
  });
});

describe('englishFamily', () => {
  it('links a word to the headwords derived from the same base', () => {
    expect(englishFamily('arriving', lexicon)).toEqual(expect.arrayContaining(['arrive', 'arrival']));
    expect(englishFamily('settlers', lexicon)).toEqual(expect.arrayContaining(['settle', 'settlement']));
    expect(englishFamily('illness', lexicon)).toEqual(['ill']);
  });
  it('does not meet through a short shared base, nor through a Snowball stem alone', () => {
    // "statement" derives from "state"; "station" does too, but is no kin of "statement".
    expect(englishFamily('statement', lexicon)).toEqual(['state']);
    expect(englishFamily('party', lexicon)).toEqual([]);
  });
  it('is empty for names, numbers and phrases', () => {
    expect(englishFamily('Arrival', lexicon)).toEqual([]);
    expect(englishFamily('1990', lexicon)).toEqual([]);
    expect(englishFamily('arrival time', lexicon)).toEqual([]);
  });
});

describe('derivations in the query plan', () => {
  const article = ingestArticle('Hafen\n\nDie Ankunft des Schiffes war am Morgen. Der Hafen ist alt.', { id: 'made-up', path: 'made-up.txt', meta: { language: 'de' } });
  const index = buildIndex([article], { lexicon });
  it('links an English verb to the German noun of its derivation, below its own translations', () => {
    const group = planQuery('When was the ship arriving?', index).groups.find((g) => g.word === 'arriving')!;
    const ankunft = group.alternatives.find((a) => a.term === 'ankunft');
    const eintreffen = group.alternatives.find((a) => a.term === 'eintreff');
    expect(ankunft).toBeDefined();
    expect(ankunft!.weight).toBeLessThan(eintreffen!.weight);
    expect(rank(index, planQuery('When was the ship arriving?', index)).results[0]?.id).toBe(article.sentences.find((s) => s.text.includes('Ankunft'))!.id);
  });
  it('adds no word family with the mechanism off (the ablation)', () => {
    const off = buildIndex([article], { lexicon, mechanisms: { wordFamilies: false } });
    const group = planQuery('When was the ship arriving?', off).groups.find((g) => g.word === 'arriving')!;
    expect(group.alternatives.find((a) => a.term === 'ankunft')).toBeUndefined();
  });
});
