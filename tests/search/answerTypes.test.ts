import { describe, expect, it } from 'vitest';
import { answersIn, answerTypeOf } from '../../src/search/answerTypes.ts';

describe('answer types', () => {
  it('maps question words to what they ask for, in English and German', () => {
    expect(answerTypeOf('Who founded the company?')).toBe('person');
    expect(answerTypeOf('With whom did they sign?')).toBe('person');
    expect(answerTypeOf('Mit wem hat sie verhandelt?')).toBe('person');
    expect(answerTypeOf('Which newspaper broke the story?')).toBe('person');
    expect(answerTypeOf('When did it open?')).toBe('time');
    expect(answerTypeOf('Wann wurde gebaut?')).toBe('time');
    expect(answerTypeOf('How much did it cost?')).toBe('number');
    expect(answerTypeOf('What share of sales is online?')).toBe('number');
    expect(answerTypeOf('Wie viel kostet es?')).toBe('number');
    expect(answerTypeOf('Where is the plant?')).toBe('place');
    expect(answerTypeOf('Wo steht das Werk?')).toBe('place');
    expect(answerTypeOf('Did the mayor resign?')).toBe('yesno');
    expect(answerTypeOf('What will the tool be used for?')).toBe('other');
    expect(answerTypeOf('The mayor resigned in May')).toBe('other');
    expect(answerTypeOf('What does NDX stand for?')).toBe('definition');
    expect(answerTypeOf('Wofür steht NDX?')).toBe('definition');
    expect(answerTypeOf('Was ist die NDX?')).toBe('definition');
    expect(answerTypeOf("What is NDX's market share?")).toBe('other');
  });
  it('finds the answers a sentence holds', () => {
    const isName = (w: string, i: number) => i > 0 && /^(?:Erika|Beispiel|Zentra)$/.test(w);
    expect(answersIn('Im Juli übernahm Erika Beispiel.', isName)).toEqual({ types: new Set(['time']), names: ['erika', 'beispiel'], defines: [] });
    expect([...answersIn('Der Anteil lag bei mehr als 30 Prozent.', isName).types]).toContain('number');
    expect([...answersIn('Fast die Hälfte des Gewinns kam von dort.', isName).types]).toContain('number');
    expect([...answersIn('Die Daten bleiben vor Ort in Norwegen.', isName).types]).toContain('place');
    expect(answersIn('Das Wetter war schön.', isName)).toEqual({ types: new Set(), names: [], defines: [] });
  });
});
