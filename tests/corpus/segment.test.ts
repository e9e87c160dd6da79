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
