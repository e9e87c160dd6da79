import { describe, expect, it } from 'vitest';
import { loadLexicon } from '../../src/search/lexicon.ts';
import { ALL_MECHANISMS } from '../../src/search/mechanisms.ts';
import { conceptsOf, PART_WEIGHT } from '../../src/summary/concepts.ts';
import { fakeLexicon } from '../search/fakeLexicon.ts';

/** Concepts two sentences share, with the smaller of their weights. */
function shared(a: Map<number, number>, b: Map<number, number>): Map<number, number> {
  return new Map([...a].filter(([c]) => b.has(c)).map(([c, w]) => [c, Math.min(w, b.get(c)!)]));
}
const total = (m: Map<number, number>) => [...m.values()].reduce((x, y) => x + y, 0);

describe('concepts (made-up lexicon)', () => {
  const lexicon = fakeLexicon(
    { ceasefire: ['waffenruhe', 'feuerpause'], truce: ['waffenruhe', 'feuerpause'], intelligence: ['geheimdienst', 'intelligenz'], 'secret service': ['geheimdienst'], service: ['dienst'] },
    ['spionage', 'behorde', 'geheim', 'dienst', 'cloud', 'brief'],
  );

  it('a word and its inflected form are one concept', () => {
    const [a, b] = conceptsOf(['Der Geheimdienst schweigt.', 'Die Geheimdienste schweigen.'], 'de', lexicon, ALL_MECHANISMS);
    expect(total(shared(a!, b!))).toBeGreaterThanOrEqual(2);
  });

  it('words that share two or more translations are one concept; one shared translation is not enough', () => {
    const [ruhe, pause, intelligenz, dienst] = conceptsOf(['Waffenruhe', 'Feuerpause', 'Intelligenz', 'Geheimdienst'], 'de', lexicon, ALL_MECHANISMS);
    expect(shared(ruhe!, pause!).size).toBe(1);
    // "Intelligenz" and "Geheimdienst" share only "intelligence".
    expect(shared(intelligenz!, dienst!).size).toBe(0);
  });

  it('a compound shares its parts at half weight, and its head does not make it the same word as the head', () => {
    const [compound, part, other] = conceptsOf(['Spionagebehörden', 'Spionage', 'Cloud-Dienst und Geheimdienst'], 'de', lexicon, ALL_MECHANISMS);
    expect([...shared(compound!, part!).values()]).toEqual([PART_WEIGHT]);
    // "Geheimdienst" has the head "Dienst", but it is not the word "Dienst": they share only that part.
    expect(total(shared(other!, conceptsOf(['Dienst'], 'de', lexicon, ALL_MECHANISMS)[0]!))).toBeLessThanOrEqual(1);
  });

  it('translations are compared analysed: a plural and its singular are one sense, and a one-word sense matches a longer one it heads', () => {
    // "Wagen": cars, automobiles. "Pkw": automobile, passenger car. Shared: automobile(s), car(s).
    const cars = fakeLexicon({ cars: ['wagen'], automobiles: ['wagen'], automobile: ['pkw'], 'passenger car': ['pkw'] }, ['rollen', 'fahren']);
    const [wagen, pkw] = conceptsOf(['Die Wagen rollen.', 'Die Pkw fahren.'], 'de', cars, ALL_MECHANISMS);
    expect(shared(wagen!, pkw!).size).toBe(1);
  });

  it('two longer senses with the same head and different modifiers are not one sense', () => {
    // "Geheimdienst": intelligence agency, secret service. "Presseagentur": news agency, news service.
    const agencies = fakeLexicon(
      { 'intelligence agency': ['geheimdienst'], 'secret service': ['geheimdienst'], 'news agency': ['presseagentur'], 'news service': ['presseagentur'] },
      ['melden', 'schweigen'],
    );
    const [dienst, agentur] = conceptsOf(['Der Geheimdienst schweigt.', 'Die Presseagentur meldet.'], 'de', agencies, ALL_MECHANISMS);
    expect(shared(dienst!, agentur!).size).toBe(0);
  });

  it('is deterministic', () => {
    const texts = ['Die Waffenruhe hält.', 'Die Feuerpause bröckelt.', 'Spionagebehörden schweigen.'];
    expect(conceptsOf(texts, 'de', lexicon, ALL_MECHANISMS)).toEqual(conceptsOf(texts, 'de', lexicon, ALL_MECHANISMS));
  });
});

describe('concepts (the Ding lexicon)', () => {
  const lexicon = loadLexicon();

  it('the seed teaser and body sentence about the deal share most of the body sentence', () => {
    const [teaser, body] = conceptsOf(
      ['Auch der britische Geheimdienst soll einen Deal abgeschlossen haben – um verstärkt künstliche Intelligenz in der Spionage zu nutzen.', 'Großbritanniens Geheimdienste sollen einen Deal mit Amazon eingegangen sein.'],
      'de',
      lexicon,
      ALL_MECHANISMS,
    );
    // Geheimdienst(e) and Deal are shared; what the body adds is Großbritannien, Amazon and "eingehen".
    expect(shared(teaser!, body!).size).toBeGreaterThanOrEqual(2);
  });

  it('Waffenruhe and Feuerpause are one concept', () => {
    const [a, b] = conceptsOf(['Die Waffenruhe hält.', 'Die Feuerpause hält nicht.'], 'de', lexicon, ALL_MECHANISMS);
    expect(shared(a!, b!).size).toBeGreaterThanOrEqual(2);
  });
});
