import { describe, expect, it } from 'vitest';
import { tokensOf } from '../../src/search/answerSpans.ts';
import { refersBack } from '../../src/search/rerank.ts';

describe('second stage', () => {
  it('sees a sentence that refers back to the one before: an opening pronoun, an early demonstrative or a connective', () => {
    const back = (text: string) => refersBack(tokensOf(text));
    expect(back('He is also the oldest player at age 39.')).toBe(true);
    expect(back('As part of this merger, the network would have been renamed.')).toBe(true);
    expect(back('Most of these schools are vocational schools.')).toBe(true);
    expect(back('However, function problems can be recast as decision problems.')).toBe(true);
    expect(back('For example, integers can be represented in binary notation.')).toBe(true);
    expect(back('Diese Region umfasst Gebiete, die zu neun Nationen gehören.')).toBe(true);
    expect(back('Zum Beispiel werden solche Probleme als DTIME bezeichnet.')).toBe(true);
    // A sentence that names its own subject stands alone.
    expect(back('Peyton Manning became the first quarterback to lead two teams.')).toBe(false);
    expect(back('Forscher der Universität Genf haben Nervenzellen untersucht.')).toBe(false);
    // A demonstrative late in the sentence is not a reference to the sentence before.
    expect(back('Carolina got the ball on their own 24-yard line with a chance to win this game.')).toBe(false);
  });
});
