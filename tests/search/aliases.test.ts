import { describe, expect, it } from 'vitest';
import { acronymDefinitions, appositions, learnAliases, matchLongForm } from '../../src/search/aliases.ts';

const germanNouns = new Set(['behorde', 'agentur', 'nachrichtenagentur', 'grunder', 'chef', 'dienst', 'zeitung', 'verband', 'ministerium']);
const isCommonNoun = (w: string) => germanNouns.has(w);

describe('acronym definitions (Schwartz & Hearst)', () => {
  it('matches the long form before a parenthesised short form', () => {
    expect(matchLongForm('WHO', 'die Weltgesundheitsorganisation World Health Organization')).toBe('World Health Organization');
    expect(acronymDefinitions('Der Dienst Nordic Data Exchange (NDX) wächst.')).toEqual([['NDX', 'Nordic Data Exchange']]);
    expect(acronymDefinitions('Sie setzen künstliche Intelligenz (KI) ein.')).toEqual([['KI', 'künstliche Intelligenz']]);
  });
  it('reads the German "…, kurz X," form', () => {
    expect(acronymDefinitions('Die Bundesanstalt für Finanzdienstleistungsaufsicht, kurz BaFin, prüft.')).toEqual([['BaFin', 'Bundesanstalt für Finanzdienstleistungsaufsicht']]);
  });
  it('rejects parentheses that are no definition', () => {
    expect(acronymDefinitions('Der Umsatz stieg (2020) deutlich.')).toEqual([]);
    expect(acronymDefinitions('Er traf Max Muster (CDU) gestern.')).toEqual([]);
    // A translated acronym whose letters only a function word and unrelated words supply is not defined there.
    expect(acronymDefinitions('Es ist das erste Treffen der Internationalen Unterstützergruppe (ISSG) seit Februar.')).toEqual([]);
  });
});

describe('appositions', () => {
  it('finds a descriptive noun phrase before a name', () => {
    expect(appositions('Das meldet die französische Nachrichtenagentur Agence Presse heute.', { isCommonNoun })).toEqual([['Agence Presse', ['französische', 'Nachrichtenagentur']]]);
    expect(appositions('Der ehemalige Chef Erika Beispiel trat ab.', { isCommonNoun })).toEqual([['Erika Beispiel', ['ehemalige', 'Chef']]]);
  });
  it('takes a hyphenated noun by its head: the modifier names another entity ("Amazon" is not Bezos)', () => {
    expect(appositions('Im Juli gab der Amazon-Gründer Jeff Bezos seinen Posten ab.', { isCommonNoun })).toEqual([['Jeff Bezos', ['Gründer']]]);
  });
  it('reads English appositions after a determiner', () => {
    expect(appositions('Then the news agency Reuters reported it.', { isCommonNoun: () => false })).toEqual([['Reuters', ['news', 'agency']]]);
  });
});

describe('learnAliases', () => {
  const table = learnAliases(
    [
      'Die Aufsichtsbehörde Nordic Data Exchange, kurz NDX, prüft den Verband.',
      'Der Umsatz der NDX stieg.',
      'Der Marktanteil Zentras liegt bei 30 Prozent.',
      'Zentra wächst.',
    ].map((text) => ({ text, isCommonNoun: (w: string) => isCommonNoun(w) || w === 'aufsichtsbehorde' || w === 'marktanteil' || w === 'umsatz' })),
  );
  it('joins an acronym, its long form and its descriptors into one entity', () => {
    const [entity] = table.lookup('NDX');
    expect(entity).toBeDefined();
    expect([...entity!.names].sort()).toEqual(['ndx', 'nordic data exchange']);
    expect([...entity!.descriptors]).toEqual(['aufsichtsbehorde']);
    expect(table.lookup('exchange')).toEqual([entity]);
  });
  it('does not take a genitive ("der Marktanteil Zentras") for an apposition', () => {
    expect(table.lookup('zentras')).toEqual([]);
  });
});
