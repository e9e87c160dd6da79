/**
 * Name detection in German text (issue 10): German capitalises every noun, so
 * a capitalised word is a name on other evidence. Small made-up sentences,
 * one per mechanism.
 */
import { describe, expect, it } from 'vitest';
import { ingestArticle } from '../../src/corpus/ingest.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { answerSpans, tokensOf } from '../../src/search/answerSpans.ts';
import { loadLexicon } from '../../src/search/lexicon.ts';
import { nameInContextTest, nameTest } from '../../src/search/sentenceIndex.ts';

const lexicon = loadLexicon();
const isName = nameTest(lexicon, 'de');
const persons = (text: string) =>
  answerSpans(text, isName, tokensOf(text))
    .filter((s) => s.type === 'person')
    .map((s) => text.slice(s.start, s.end));

describe('names that look like German words', () => {
  it('reads a genitive -s as a name when the stem it leaves is a rare word that translates as no common noun', () => {
    expect(isName('Reuters', 3)).toBe(true);
    expect(persons('Das meldete die Agentur Reuters am Abend.')).toEqual(['Reuters']);
    // A common noun's genitive stays a noun, also a rare one that translates as a common noun.
    expect(isName('Hauses', 3)).toBe(false);
    expect(isName('Riechkolbens', 3)).toBe(false);
  });
  it('takes no compound split whose head is a function word', () => {
    expect(isName('Kaufich', 3)).toBe(true);
    expect(isName('Hausmich', 3)).toBe(true);
    // A function word as the modifier is a prefix: still a compound.
    expect(isName('Vorentscheid', 3)).toBe(false);
  });
  it('reads a word whose English translation is a proper noun as a name', () => {
    expect(isName('Moskau', 3)).toBe(true);
    expect(isName('Venedig', 3)).toBe(true);
    expect(persons('Die Delegation reiste weiter nach Venedig.')).toEqual(['Venedig']);
    // Not when the English word is also a common noun ("advent").
    expect(isName('Adventszeit', 3)).toBe(false);
  });
});

/** The person spans of a German sentence, with names told in their sentence (nameInContextTest). */
const inContext = (text: string) => {
  const tokens = tokensOf(text);
  return answerSpans(text, nameInContextTest(lexicon, 'de', tokens, text), tokens)
    .filter((s) => s.type === 'person')
    .map((s) => text.slice(s.start, s.end));
};

describe('names in their sentence', () => {
  it('continues a name with a surname that is also a German noun', () => {
    expect(persons('Das Tor schoss Lukas Fischer kurz vor Schluss.')).toEqual(['Lukas']);
    expect(inContext('Das Tor schoss Lukas Fischer kurz vor Schluss.')).toEqual(['Lukas Fischer']);
    expect(inContext('Den Ausgleich erzielte Lukas Wagner.')).toEqual(['Lukas Wagner']);
  });
  it('does not continue a name with an everyday noun, a place or an inflected form', () => {
    expect(inContext('Er sagte, dass Google Geld verdient.')).toEqual(['Google']);
    expect(inContext('Die Geräte nutzen Qualcomm Prozessoren.')).toEqual(['Qualcomm']);
  });
  it('takes a person noun after a role noun as a name in apposition, and nothing else', () => {
    expect(inContext('Das bestätigte Kapitän Fischer am Abend.')).toEqual(['Fischer']);
    expect(inContext('Über die Lücke erhalten Angreifer Zugriff auf das Gerät.')).toEqual([]);
  });
  it('reads a hyphenated word whose last part is a common noun as a description', () => {
    expect(persons('Das sagte der Amazon-Gründer Jeff Bezos.')).toEqual(['Amazon-Gründer Jeff Bezos']);
    expect(inContext('Das sagte der Amazon-Gründer Jeff Bezos.')).toEqual(['Jeff Bezos']);
  });
});

describe('capitalised words that are no names', () => {
  it('drops function words, inflected common nouns and the singular of a known plural', () => {
    expect(persons('Er sprach mit vielen Leuten aus Ihrem Dorf.')).toEqual(['Leuten', 'Ihrem']);
    expect(inContext('Er sprach mit vielen Leuten aus Ihrem Dorf.')).toEqual([]);
    expect(inContext('Das zeigt auch eine Personalie im Vorstand.')).toEqual([]);
  });
  it('drops a verb form that opens a clause after a colon', () => {
    expect(persons('Die Zahl stieg: Rechnet man alles zusammen, bleibt wenig.')).toEqual(['Rechnet']);
    expect(inContext('Die Zahl stieg: Rechnet man alles zusammen, bleibt wenig.')).toEqual([]);
  });
  it('keeps names with a common noun ending', () => {
    expect(inContext('Das Gerät stammt von Samsung, sagte Janis Berger.')).toEqual(expect.arrayContaining(['Samsung']));
  });
});

describe('highlighting shares the names read in context', () => {
  const text = `Werft in Kiel verkauft

Die Kieler Werft Nordstahl hat einen neuen Eigentümer. Im März übernahm der Investor Lukas Fischer die Werft von der Familie Okafor.
`;
  const engine = createEngine([ingestArticle(text, { id: 'werft', path: 'werft.txt' })], { lexicon });
  it('highlights the whole name, surname included', () => {
    const a = engine.ask('Who bought the shipyard from the Okafor family?').answers[0]!;
    expect(a.highlight).toBeDefined();
    expect(a.text.slice(a.highlight!.start, a.highlight!.end)).toContain('Lukas Fischer');
  });
});
