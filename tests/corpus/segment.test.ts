import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/corpus/segment.ts';

const split = (text: string, lang = 'de') => splitSentences(text, lang).map((s) => text.slice(s.start, s.end));

describe('splitSentences', () => {
  it('keeps German abbreviations inside the sentence', () => {
    expect(split('Das gilt z. B. für Dr. Müller bzw. Prof. Schmidt mit ca. 3 Mio. Euro. Dann kam der Rest.')).toEqual([
      'Das gilt z. B. für Dr. Müller bzw. Prof. Schmidt mit ca. 3 Mio. Euro.',
      'Dann kam der Rest.',
    ]);
  });
  it('does not split domain names like Amazon.com', () => {
    expect(split('Die Einheit von Amazon.com speichert Daten. Das ist neu.')).toEqual(['Die Einheit von Amazon.com speichert Daten.', 'Das ist neu.']);
  });
  it('keeps ordinal dates together', () => {
    expect(split('Am 1. Juli trat er ab. Danach kam sie.')).toEqual(['Am 1. Juli trat er ab.', 'Danach kam sie.']);
  });
  it('handles »…« and „…“ quotes', () => {
    expect(split('Er sagte: „Das ist gut.“ Dann ging er. »Wir kommen.« Sie kamen, schrieb die »Zeitung«.')).toEqual([
      'Er sagte: „Das ist gut.“',
      'Dann ging er.',
      '»Wir kommen.«',
      'Sie kamen, schrieb die »Zeitung«.',
    ]);
  });
  it('treats a headline without a full stop as one sentence', () => {
    expect(split('Britischer Dienst schließt Vertrag mit Firma')).toEqual(['Britischer Dienst schließt Vertrag mit Firma']);
  });
  it('splits English with titles and initials intact', () => {
    expect(split('Mr. Smith met J. R. Jones in the U.S. on Monday. They talked.', 'en')).toEqual([
      'Mr. Smith met J. R. Jones in the U.S. on Monday.',
      'They talked.',
    ]);
  });
  it('returns offsets that slice back to trimmed text', () => {
    const text = '  Erster Satz.   Zweiter Satz!  ';
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(text.slice(s.start, s.end).trim());
  });
});

describe('splitSentences on news German', () => {
  it('does not end a sentence at an ordinal after an article, a fused preposition or a possessive', () => {
    expect(split('Er traf in seinem 300. Bundesligaspiel. Danach jubelte er.')).toEqual(['Er traf in seinem 300. Bundesligaspiel.', 'Danach jubelte er.']);
    expect(split('Das Tor fiel in der 56. Minute. Am 3. Oktober wird gefeiert, beim 1. FC Köln.')).toEqual([
      'Das Tor fiel in der 56. Minute.',
      'Am 3. Oktober wird gefeiert, beim 1. FC Köln.',
    ]);
  });
  it('keeps an ordinal after an article and an adjective, or coordinated with another, in its sentence', () => {
    expect(split('Er starb Anfang des frühen 20. Jahrhunderts in Wien. Danach kam nichts.')).toEqual(['Er starb Anfang des frühen 20. Jahrhunderts in Wien.', 'Danach kam nichts.']);
    expect(split('Im 16. und 17. Jahrhundert wuchs die Stadt. Im Jahr 1700 brannte sie.')).toEqual(['Im 16. und 17. Jahrhundert wuchs die Stadt.', 'Im Jahr 1700 brannte sie.']);
    expect(split('Die Summe stieg auf 20. Danach fiel sie.')).toEqual(['Die Summe stieg auf 20.', 'Danach fiel sie.']);
  });
  it('still ends a sentence at a year or count after other words', () => {
    expect(split('Der Umsatz stieg im Jahr 2020. Die Zahl sank auf 300. Danach kam nichts.')).toEqual([
      'Der Umsatz stieg im Jahr 2020.',
      'Die Zahl sank auf 300.',
      'Danach kam nichts.',
    ]);
  });
  it('keeps a quotation of several sentences with its attribution', () => {
    expect(split('»Wir sind gut. Wir gewinnen alles.«, sagte der Trainer. Dann ging er.')).toEqual([
      '»Wir sind gut. Wir gewinnen alles.«, sagte der Trainer.',
      'Dann ging er.',
    ]);
    expect(split('„Es ist verrückt. Die halbe Mannschaft ist weg", sagte der Kapitän.')).toEqual(['„Es ist verrückt. Die halbe Mannschaft ist weg", sagte der Kapitän.']);
    expect(split('“We talked about this for years. Now we act,” she said. Then she left.', 'en')).toEqual([
      '“We talked about this for years. Now we act,” she said.',
      'Then she left.',
    ]);
  });
  it('does not end a sentence at an exclamation or question mark that a lower-case word follows', () => {
    expect(split('Scientists ask when that "a-ha!" moment takes place. It is unclear.', 'en')).toEqual(['Scientists ask when that "a-ha!" moment takes place.', 'It is unclear.']);
    expect(split('"Stop!" he said. She left.', 'en')).toEqual(['"Stop!" he said.', 'She left.']);
    expect(split('»Warum?« fragt er. Niemand weiß es.')).toEqual(['»Warum?« fragt er.', 'Niemand weiß es.']);
    expect(split('Was nun? Die Stadt wartet. Wirklich!')).toEqual(['Was nun?', 'Die Stadt wartet.', 'Wirklich!']);
  });
  it('ends a sentence before a year that opens the next one, though a lower-case word follows the year', () => {
    expect(split('Er lernte Chordirigieren. 1999 gründete er das Quartett.')).toEqual(['Er lernte Chordirigieren.', '1999 gründete er das Quartett.']);
    expect(split('Die Zahl stieg im Jahr 2020. 2021 folgte der Rückgang.')).toEqual(['Die Zahl stieg im Jahr 2020.', '2021 folgte der Rückgang.']);
    expect(split('Das war im Jan. 1999 noch anders.')).toEqual(['Das war im Jan. 1999 noch anders.']);
  });
  it('splits a quotation that ends without an attribution', () => {
    expect(split('»Das ist gut. Wir kommen.« Dann ging er.')).toEqual(['»Das ist gut.', 'Wir kommen.«', 'Dann ging er.']);
    expect(split('„Das ist gut. Wir kommen.“ Dann ging er.')).toEqual(['„Das ist gut.', 'Wir kommen.“', 'Dann ging er.']);
  });
  it('keeps a dateline with its sentence', () => {
    expect(split('Wiesbaden (dpa) - Die Polizei hat am Montag einen Mann festgenommen. Er schwieg.')).toEqual([
      'Wiesbaden (dpa) - Die Polizei hat am Montag einen Mann festgenommen.',
      'Er schwieg.',
    ]);
    expect(split('BERLIN. Die Regierung hat beschlossen. Das ist neu.')).toEqual(['BERLIN. Die Regierung hat beschlossen.', 'Das ist neu.']);
    expect(split('Kiel (dpa). Ein Zug ist entgleist.')).toEqual(['Kiel (dpa). Ein Zug ist entgleist.']);
    expect(split('Nein. Das stimmt nicht.')).toEqual(['Nein.', 'Das stimmt nicht.']);
  });
  it('makes no sentence of bare symbols', () => {
    expect(split('Das war es. +++')).toEqual(['Das war es. +++']);
  });
});

describe('splitSentences after a year range', () => {
  it('ends a sentence at a year after "bis"', () => {
    expect(split('Er regierte von 1321 bis 1323. Er setzte die Politik fort.')).toEqual(['Er regierte von 1321 bis 1323.', 'Er setzte die Politik fort.']);
  });
});
