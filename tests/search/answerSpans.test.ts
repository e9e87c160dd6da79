import { describe, expect, it } from 'vitest';
import { answerSpans, tokensOf } from '../../src/search/answerSpans.ts';
import { placeWordTest } from '../../src/search/sentenceIndex.ts';
import { fakeLexicon } from './fakeLexicon.ts';

/** A name test for made-up German sentences: capitalised, not first, and not one of the few nouns they use. */
const NOUNS = new Set(['Firma', 'Prozent', 'Jahren', 'Jahr', 'Sommer', 'Juli', 'März', 'Mai', 'Ende', 'Grad', 'Meilen', 'Punkte', 'Stadt', 'Hafen', 'Haushalte', 'Kinder', 'Minuten', 'Bürgermeister', 'Projekt', 'Übersetzung']);
const isName = (word: string, i: number) => i > 0 && /^\p{Lu}\p{Ll}/u.test(word) && !NOUNS.has(word);

/** The spans of one type, as text. */
function spans(text: string, type: string): string[] {
  return answerSpans(text, isName).filter((s) => s.type === type).map((s) => text.slice(s.start, s.end));
}

describe('answer spans', () => {
  it('gives offsets and word indexes that agree', () => {
    const text = 'Im Juli gab Anna Weber den Posten ab.';
    const tokens = tokensOf(text);
    for (const s of answerSpans(text, isName, tokens)) {
      expect(s.start).toBe(tokens[s.first]!.start);
      expect(text.slice(s.start, s.end).endsWith(tokens[s.last]!.text)).toBe(true);
    }
  });

  it('finds names, joined by particles and initials', () => {
    expect(spans('Gestern sprach Anna Weber mit Ludwig van Beethoven.', 'person')).toEqual(['Anna Weber', 'Ludwig van Beethoven']);
    expect(spans('Die Übersetzung stammt von John C. Messenger aus London.', 'person')).toContain('John C. Messenger');
    expect(spans('Das Projekt von Bürgermeister W. Haydon Burns scheiterte.', 'person')).toContain('W. Haydon Burns');
  });

  it('ends a name at a comma or bracket', () => {
    expect(spans('Es sangen Rose Tyler (Billie Piper) und Martha Jones.', 'person')).toEqual(['Rose Tyler', 'Billie Piper', 'Martha Jones']);
  });

  it('finds dates: a month with its day and year, a season or part of a year with its year, a range of years', () => {
    expect(spans('Die Firma wurde am 12. März 2019 gegründet.', 'time')).toEqual(['12. März 2019']);
    expect(spans('Die Firma wuchs im Sommer 1521 stark.', 'time')).toEqual(['Sommer 1521']);
    expect(spans('Die Firma schloss Ende 1961.', 'time')).toEqual(['Ende 1961']);
    expect(spans('Die Pest kam zwischen 1500 und 1850 fast jedes Jahr.', 'time')).toContain('1500 und 1850');
    expect(spans('Die Pest wütete 1629-1631 in der Stadt.', 'time')).toEqual(['1629-1631']);
  });

  it('counts times and multiples as numbers ("dreimal", "sechs-malige", "five-time", "twice")', () => {
    expect(spans('Die sechs-malige Siegerin gewann dreimal.', 'number')).toEqual(['sechs-malige', 'dreimal']);
    expect(spans('the five-time winner came twice.', 'number')).toEqual(['five-time', 'twice']);
    expect(spans('Der dreifache Weltmeister kam.', 'number')).toEqual(['dreifache']);
    // "einfach" (simple) and "vielfach" (often) are no counts.
    expect(spans('Es ist einfach und vielfach so.', 'number')).toEqual([]);
  });
  it('reads spelled-out tens and teens, and no word that only ends like one ("Leipzig", "canteen", "lässig")', () => {
    expect(spans('Es kamen siebzehn und einundzwanzig Gäste, später thirteen and forty.', 'number')).toEqual(['siebzehn', 'einundzwanzig', 'thirteen', 'forty']);
    expect(spans('in Leipzig sprach er lässig; the canteen was open.', 'number')).toEqual([]);
  });
  it('finds ranks: ordinal words, a number after "Platz", German digits with a full stop', () => {
    expect(spans('Sie belegte den sechsten Platz, später Platz drei und wurde 12. der Liga; he came third.', 'ordinal')).toEqual(['sechsten', 'Platz drei', '12', 'third']);
    // A day of a month is a date, not a rank.
    expect(spans('Am 12. Mai kam er.', 'ordinal')).toEqual([]);
  });
  it('takes a date written in numbers for a date, not a count', () => {
    expect(spans('Das Heft ist ab 20.06.2019 im Handel.', 'time')).toEqual(['20.06.2019']);
    expect(spans('Das Heft ist ab 20.06.2019 im Handel.', 'number')).toEqual([]);
    expect(spans('Es begann am 2019-06-20 in Berlin.', 'time')).toEqual(['2019-06-20']);
    expect(spans('Der Umsatz lag bei 28.5 Millionen.', 'number')).toEqual(['28.5 Millionen']);
  });

  it('finds numbers with their units and signs', () => {
    expect(spans('Der Marktanteil lag bei mehr als 30 Prozent.', 'number')).toEqual(['30 Prozent']);
    expect(spans('Die Mehrheit betrug 51,6 % der Stimmen.', 'number')).toEqual(['51,6 %']);
    expect(spans('Die Temperatur stieg um 0,3 bis 0,6 °C an.', 'number')).toEqual(['0,3 bis 0,6 °C']);
    expect(spans('Die Siedler waren den Franzosen 20 zu 1 überlegen.', 'number')).toEqual(['20 zu 1']);
  });

  it('reads a clock time or score with a colon as one number', () => {
    expect(spans('Mit 3:08 verbleibenden Minuten führte Denver.', 'number')).toEqual(['3:08']);
  });

  it('keeps numbers in brackets apart from the number before them', () => {
    expect(spans('Es gab 158.349 Haushalte, in 68.511 (43,3%) lebten Kinder.', 'number')).toEqual(['158.349 Haushalte', '68.511', '43,3%']);
  });

  it('finds places after a place preposition, even when the lexicon knows the word', () => {
    expect(spans('Die Daten werden in Großbritannien gespeichert.', 'place')).toEqual(['Großbritannien']);
  });

  it('takes no common noun of another kind for a place: "zu Beziehungen", "bei Problemen" (German capitalises every noun)', () => {
    // Großbritannien translates to a name (no noun class), Stadt to a place noun, Beziehungen and Problemen to other nouns.
    const lexicon = fakeLexicon({ 'great britain': ['grossbritannien'], city: ['stadt'], relations: ['beziehungen'], problem: ['problemen'] });
    const text = 'Er zog aus Großbritannien in Stadt und sprach zu Beziehungen bei Problemen.';
    const places = answerSpans(text, () => false, tokensOf(text), placeWordTest(lexicon, 'de')).filter((s) => s.type === 'place');
    expect(places.map((s) => text.slice(s.start, s.end))).toEqual(['Großbritannien', 'Stadt']);
  });

  it('finds reason clauses from the conjunction to the end of the clause', () => {
    expect(spans('Die Firma zog um, weil die Miete stieg, und wuchs.', 'reason')).toEqual(['weil die Miete stieg']);
    expect(spans('The firm moved because the rent rose.', 'reason')).toEqual(['because the rent rose']);
  });
});
