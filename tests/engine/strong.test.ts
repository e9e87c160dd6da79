import { describe, expect, it } from 'vitest';
import { STRONG_RATIO, strongCount } from '../../src/engine/strong.ts';
import { shownCase, shownFigures } from '../../src/eval/shown.ts';

describe('strongCount', () => {
  it('counts the leading answers within the ratio of the best', () => {
    expect(strongCount([10, 9.6, 9.4, 5], 0.95)).toBe(2);
    expect(strongCount([10, 9.6, 9.5, 5], 0.95)).toBe(3);
    expect(strongCount([10, 5, 9.9], 0.95)).toBe(1); // only leading answers
    expect(strongCount([10, 10, 10, 10], 0.95, 3)).toBe(3);
    expect(strongCount([10, 1], 0)).toBe(2);
    expect(strongCount([10, 10], 1.01)).toBe(1);
  });

  it('shows one answer for odd scores and none for no answers', () => {
    expect(strongCount([])).toBe(0);
    expect(strongCount([0, 0])).toBe(1);
    expect(strongCount([-1, -1])).toBe(1);
    expect(strongCount([Number.NaN, 1])).toBe(1);
    expect(strongCount([5, Number.NaN, 5])).toBe(1);
    expect(strongCount([5, 5], 0.5, 0)).toBe(0);
  });

  it('defaults to STRONG_RATIO', () => {
    expect(strongCount([1, STRONG_RATIO])).toBe(2);
    expect(strongCount([1, STRONG_RATIO - 0.01])).toBe(1);
  });
});

describe('shownFigures', () => {
  it('counts shown quotes, wrong non-first ones and rescues per ratio', () => {
    const cases = [
      shownCase([{ text: 'right A', score: 10 }, { text: 'wrong', score: 9.8 }, { text: 'wrong too', score: 5 }], ['A']),
      shownCase([{ text: 'wrong', score: 10 }, { text: 'right A', score: 9.9 }], ['A']),
    ];
    const [before, strict, loose] = shownFigures(cases, [null, 1.01, 0.9]);
    expect(before).toMatchObject({ averageShown: 2.5, extraShown: 3, extraWrong: 2, rescued: 1, firstRight: 1 });
    expect(strict).toMatchObject({ averageShown: 1, extraShown: 0, extraWrong: 0, rescued: 0 });
    expect(loose).toMatchObject({ averageShown: 2, extraShown: 2, extraWrong: 1, rescued: 1 });
  });
});
