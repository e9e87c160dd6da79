import { describe, expect, it } from 'vitest';
import { answerTokens, bestMatch, exactMatch, tokenF1 } from '../../src/eval/squad.ts';

describe('SQuAD answer scoring', () => {
  it('normalises case, punctuation and English and German articles', () => {
    expect(answerTokens('Die Pittsburgh Steelers!')).toEqual(['pittsburgh', 'steelers']);
    expect(answerTokens('the New England Patriots')).toEqual(['new', 'england', 'patriots']);
    expect(answerTokens('„der Punkt“')).toEqual(['punkt']);
    expect(answerTokens('20-18')).toEqual(['2018']);
    // A preposition fused with an article stays.
    expect(answerTokens('Im Juli')).toEqual(['im', 'juli']);
  });

  it('scores token overlap as F1 and equality as exact match', () => {
    expect(tokenF1('Andy Jassy', 'Andy Jassy')).toBe(1);
    expect(tokenF1('Im Juli', 'Juli')).toBeCloseTo(2 / 3);
    expect(tokenF1('mehr als 30 Prozent', '30 Prozent')).toBeCloseTo(2 / 3);
    expect(tokenF1('Bezos', 'Andy Jassy')).toBe(0);
    expect(exactMatch('die Pittsburgh Steelers', 'Pittsburgh Steelers')).toBe(true);
    expect(exactMatch('Im Juli', 'Juli')).toBe(false);
  });

  it('takes the best of several gold answers', () => {
    expect(bestMatch('Juli 1961', ['1961', 'Juli 1961'])).toEqual({ f1: 1, exact: true });
    expect(bestMatch('Juli', ['1961', 'Juli 1961']).f1).toBeCloseTo(2 / 3);
  });
});
