import { describe, expect, it } from 'vitest';
import { germanVerbStem } from '../../src/search/analyzer.ts';
import { splitCompound } from '../../src/search/compounds.ts';

const vocab = new Set(['spionage', 'behorde', 'netto', 'gewinn', 'geschaft', 'partner', 'markt', 'anteil', 'daten', 'menge', 'hoch', 'sicherheit', 'speichern', 'berichten', 'aussern', 'melden', 'blatt', 'einsetzen', 'bestatigen']);
const isWord = (w: string) => vocab.has(w);

describe('splitCompound', () => {
  it('splits at vocabulary words, allowing linking elements and inflected heads', () => {
    expect(splitCompound('spionagebehorden', isWord)).toEqual(['spionage', 'behorden']);
    expect(splitCompound('nettogewinns', isWord)).toEqual(['netto', 'gewinns']);
    expect(splitCompound('geschaftspartner', isWord)).toEqual(['geschaft', 'partner']);
    expect(splitCompound('datenmengen', isWord)).toEqual(['daten', 'mengen']);
  });
  it('prefers the split of more frequent parts, then fewer parts (Koehn and Knight)', () => {
    const words = new Set(['versuch', 'tier', 'stier', 'nach', 'mittag', 'mit', 'tag']);
    const frequency = (p: string) => ({ versuch: 100, tiere: 300, stiere: 9, nach: 500, mittag: 20, mit: 900, tag: 200 })[p] ?? 0;
    const isKnown = (w: string) => words.has(w);
    // Without frequencies the longest head wins: the bull ("Stier"), not the animal.
    expect(splitCompound('versuchstiere', isKnown)).toEqual(['versuch', 'stiere']);
    expect(splitCompound('versuchstiere', isKnown, { frequency })).toEqual(['versuch', 'tiere']);
    // However frequent "mit" is, two parts beat three.
    expect(splitCompound('nachmittag', isKnown, { frequency })).toEqual(['nach', 'mittag']);
  });
  it('splits three-part compounds through the head', () => {
    expect(splitCompound('hochsicherheitsmarkt', isWord)).toEqual(['hoch', 'sicherheits', 'markt']);
  });
  it('takes no particle for a modifier of a word the vocabulary has', () => {
    const words = new Set(['aus', 'bruch', 'ausbruch', 'pest', 'mit', 'glied', 'mitglied', 'zahl']);
    const isKnown = (w: string) => words.has(w);
    const isParticle = (w: string) => w === 'aus' || w === 'mit';
    // Without the particles, "Ausbruch" is a kind of "Bruch" and "Mitglied" one of "Glied".
    expect(splitCompound('mitglied', isKnown)).toEqual(['mit', 'glied']);
    expect(splitCompound('mitglied', isKnown, { isParticle })).toBeNull();
    expect(splitCompound('ausbruch', isKnown)).toEqual(['aus', 'bruch']);
    expect(splitCompound('ausbruch', isKnown, { isParticle })).toBeNull();
    expect(splitCompound('pestausbruch', isKnown, { isParticle })).toEqual(['pest', 'ausbruch']);
    expect(splitCompound('mitgliederzahl', isKnown, { isParticle })).toEqual(['mitglied', 'zahl']);
  });
  it('keeps the head whole, a word of its own, and splits the modifier again', () => {
    const words = new Set(['raum', 'station', 'stat', 'ion', 'bund', 'tag', 'wahl', 'auto', 'produkt', 'produktion']);
    const isKnown = (w: string) => words.has(w);
    expect(splitCompound('station', isKnown)).toEqual(['stat', 'ion']);
    expect(splitCompound('raumstation', isKnown)).toEqual(['raum', 'station']);
    expect(splitCompound('autoproduktion', isKnown, { frequency: () => 1 })).toEqual(['auto', 'produktion']);
    expect(splitCompound('bundestagswahl', isKnown)).toEqual(['bund', 'tags', 'wahl']);
  });
  it('takes a verb stem for the first modifier only when asked, and only before a head of six letters', () => {
    const words = new Set(['werben', 'kampagne', 'wohnen', 'zeit', 'bauten', 'lesen']);
    const isKnown = (w: string) => words.has(w);
    expect(splitCompound('werbekampagne', isKnown)).toBeNull();
    expect(splitCompound('werbekampagne', isKnown, { verbStems: true })).toEqual(['werbe', 'kampagne']);
    expect(splitCompound('wohnbauten', isKnown, { verbStems: true })).toEqual(['wohn', 'bauten']);
    // A short head, or a stem of three letters, is too likely a word's ending or start.
    expect(splitCompound('wohnzeit', isKnown, { verbStems: true })).toBeNull();
    expect(splitCompound('lesbauten', isKnown, { verbStems: true })).toBeNull();
  });
  it('leaves words that are not compounds of known words alone', () => {
    expect(splitCompound('partner', isWord)).toBeNull();
    expect(splitCompound('verarbeitung', isWord)).toBeNull();
    expect(splitCompound('abc', isWord)).toBeNull();
  });
});

describe('germanVerbStem', () => {
  it('brings participles and finite forms of weak verbs to one stem', () => {
    expect(germanVerbStem('gespeichert', isWord)).toBe('speicher');
    expect(germanVerbStem('speichern', isWord)).toBe('speicher');
    expect(germanVerbStem('berichtet', isWord)).toBe('bericht');
    expect(germanVerbStem('berichtete', isWord)).toBe('bericht');
    expect(germanVerbStem('geaussert', isWord)).toBe('ausser');
    expect(germanVerbStem('eingesetzt', isWord)).toBe('einsetz');
    expect(germanVerbStem('bestatigt', isWord)).toBe('bestatig');
  });
  it('only accepts stems whose infinitive the vocabulary knows', () => {
    expect(germanVerbStem('blatt', isWord)).toBeNull();
    expect(germanVerbStem('zeitung', isWord)).toBeNull();
  });
});
