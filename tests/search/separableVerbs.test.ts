import { describe, expect, it } from 'vitest';
import { ALL_MECHANISMS } from '../../src/search/mechanisms.ts';
import { joinedSeparable, joinSeparated, separatedVerbs } from '../../src/search/separableVerbs.ts';
import { wordTermsOf } from '../../src/search/sentenceIndex.ts';
import { fakeLexicon } from './fakeLexicon.ts';

/** Made-up vocabulary: strong verbs with their listed past forms, a weak verb, and separable verbs built on them. */
const lexicon = fakeLexicon(
  {},
  ['tragen', 'wegtragen', 'rufen', 'anrufen', 'legen', 'festlegen', 'kiste', 'nachbar', 'termin', 'morgen', 'halle', 'anden'],
  { trug: 'tragen', rief: 'rufen', 'lud ein': 'einladen' },
);

describe('joinSeparated', () => {
  it('joins a strong past form to its particle through the infinitive', () => {
    expect(joinSeparated('trug', 'weg', lexicon)).toEqual(['wegtragen']);
    expect(joinSeparated('rief', 'an', lexicon)).toEqual(['anrufen']);
  });
  it('joins a weak form through its stem, and a plural form that is the infinitive', () => {
    expect(joinSeparated('legte', 'fest', lexicon)).toEqual(['festlegen']);
    expect(joinSeparated('legen', 'fest', lexicon)).toEqual(['festlegen']);
  });
  it('uses the past singular of a strong past plural', () => {
    expect(joinSeparated('trugen', 'weg', lexicon)).toEqual(['wegtragen']);
  });
  it("takes the dictionary's own separated form", () => {
    expect(joinSeparated('lud', 'ein', lexicon)).toEqual(['einladen']);
  });
  it('joins nothing the dictionary does not know', () => {
    expect(joinSeparated('trug', 'an', lexicon)).toEqual([]);
    expect(joinSeparated('den', 'an', lexicon)).toEqual([]);
  });
});

describe('separatedVerbs', () => {
  it("joins a clause's final particle to the clause's finite verb", () => {
    // words: Am(0) Morgen(1) trug(2) der(3) Nachbar(4) die(5) Kiste(6) weg(7)
    expect(separatedVerbs('Am Morgen trug der Nachbar die Kiste weg.', lexicon)).toEqual(new Map([[2, ['wegtragen']]]));
  });
  it('works clause by clause, and in a question', () => {
    const found = separatedVerbs('Der Nachbar rief an, dann legten sie den Termin fest.', lexicon);
    expect(found).toEqual(new Map([[2, ['anrufen']], [5, ['festlegen']]]));
    expect(separatedVerbs('Rief der Nachbar an?', lexicon)).toEqual(new Map([[0, ['anrufen']]]));
  });
  it('reads a spoken short particle as the written one ("raus" as heraus)', () => {
    const spoken = fakeLexicon({}, ['tragen', 'heraustragen', 'kiste', 'nachbar'], { trug: 'tragen' });
    expect(separatedVerbs('Am Morgen trug der Nachbar die Kiste raus.', spoken)).toEqual(new Map([[2, ['heraustragen']]]));
    expect(separatedVerbs('Am Morgen trug der Nachbar die Kiste heraus.', spoken)).toEqual(new Map([[2, ['heraustragen']]]));
  });
  it('ends a clause before a coordinating conjunction, but not inside a pair of particles ("ab und zu")', () => {
    // words: Am(0) Morgen(1) trug(2) der(3) Nachbar(4) die(5) Kiste(6) weg(7) und(8) rief(9) …
    expect(separatedVerbs('Am Morgen trug der Nachbar die Kiste weg und rief den Termin an.', lexicon)).toEqual(new Map([[2, ['wegtragen']], [9, ['anrufen']]]));
    expect(separatedVerbs('Am Morgen trug der Nachbar die Kiste weg oder legte den Termin fest.', lexicon).get(2)).toEqual(['wegtragen']);
    // "ab und zu" is an adverb: the clause goes on.
    const adverb = fakeLexicon({}, ['tragen', 'abtragen', 'kiste'], { trug: 'tragen' });
    expect(separatedVerbs('Er trug ab und zu die Kiste.', adverb).size).toBe(0);
  });
  it('needs the particle at the end of its clause', () => {
    expect(separatedVerbs('Der Nachbar trug weg die Kiste.', lexicon).size).toBe(0);
    expect(separatedVerbs('Der Nachbar trug an, die Kiste weg.', lexicon).size).toBe(0);
  });
});

describe('joinedSeparable', () => {
  it('gives the infinitive of a whole finite form the dictionary does not list', () => {
    expect(joinedSeparable('wegtrug', lexicon)).toBe('wegtragen');
    expect(joinedSeparable('anriefen', lexicon)).toBe('anrufen');
    expect(joinedSeparable('kiste', lexicon)).toBeNull();
  });
  it('gives the infinitive of a zu-infinitive, whose "zu" stands between particle and verb', () => {
    expect(joinedSeparable('festzulegen', lexicon)).toBe('festlegen');
    expect(joinedSeparable('anzurufen', lexicon)).toBe('anrufen');
    // Only when the dictionary knows the verb without "zu".
    expect(joinedSeparable('anzutragen', lexicon)).toBeNull();
  });
});

describe('wordTermsOf with separated verbs', () => {
  it('indexes the finite verb under the separable verb too', () => {
    const terms = wordTermsOf('Am Morgen trug der Nachbar die Kiste weg.', 'de', lexicon, ALL_MECHANISMS);
    expect(terms.find((w) => w.word === 'trug')!.terms).toEqual(['trug', 'trag', 'wegtrag']);
    expect(terms.some((w) => w.word === 'weg')).toBe(false);
  });
  it('indexes nothing of the kind with the mechanism off (the ablation)', () => {
    const off = { ...ALL_MECHANISMS, separableVerbs: false };
    expect(wordTermsOf('Am Morgen trug der Nachbar die Kiste weg.', 'de', lexicon, off).find((w) => w.word === 'trug')!.terms).toEqual(['trug', 'trag']);
    expect(wordTermsOf('Es war der Nachbar, der die Kiste wegtrug.', 'de', lexicon, off).find((w) => w.word === 'wegtrug')!.terms).not.toContain('wegtrag');
  });
  it('indexes a subordinate clause verb written whole', () => {
    const terms = wordTermsOf('Es war der Nachbar, der die Kiste wegtrug.', 'de', lexicon, ALL_MECHANISMS);
    expect(terms.find((w) => w.word === 'wegtrug')!.terms).toContain('wegtrag');
  });
  it('leaves English alone', () => {
    const terms = wordTermsOf('The neighbour carried the box away.', 'en', lexicon, ALL_MECHANISMS);
    expect(terms.flatMap((w) => w.terms)).not.toContain('wegtrag');
  });
});
