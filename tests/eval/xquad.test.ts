import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadXquad, type RankerFactory, scoreHighlights, scoreXquad } from '../../src/eval/xquad.ts';

/** A two-article SQuAD-format pair of files, German and English. */
function fixture(): string {
  const dir = mkdtempSync(join(tmpdir(), 'beleg-xquad-'));
  const file = (lang: 'de' | 'en', texts: [string, string, string, string][]) => ({
    data: texts.map(([title, context, question, answer], i) => ({
      title,
      paragraphs: [{ context, qas: [{ id: `q${i}`, question, answers: [{ text: answer, answer_start: context.indexOf(answer) }] }] }],
    })),
  });
  writeFileSync(
    join(dir, 'x.de.json'),
    JSON.stringify(file('de', [
      ['Kaffee', 'Kaffee wächst in Brasilien. Die Ernte beginnt im Mai.', 'Wann beginnt die Ernte?', 'im Mai'],
      ['Tee', 'Tee kommt aus China. Er wird heiß getrunken.', 'Woher kommt Tee?', 'China'],
    ])),
  );
  writeFileSync(
    join(dir, 'x.en.json'),
    JSON.stringify(file('en', [
      ['Kaffee', 'Coffee grows in Brazil. The harvest starts in May.', 'When does the harvest start?', 'in May'],
      ['Tee', 'Tea comes from China. It is drunk hot.', 'Where does tea come from?', 'China'],
    ])),
  );
  return dir;
}

describe('XQuAD scoring', () => {
  const articles = loadXquad(fixture(), 'x');

  it('pairs the two languages by question id, the title as the headline', () => {
    expect(articles.map((a) => a.title)).toEqual(['Kaffee', 'Tee']);
    expect(articles[0]!.questions[0]).toMatchObject({ en: 'When does the harvest start?', de: 'Wann beginnt die Ernte?', goldDe: ['im Mai'], goldEn: ['in May'] });
    expect(articles[0]!.de.sentences.map((s) => s.role)).toEqual(['headline', 'body', 'body']);
    expect(articles[0]!.en.meta.language).toBe('en');
  });

  it('counts a hit at the rank of the first sentence holding the gold text, refusals and foreign refusals', () => {
    // Returns the sentences in reverse reading order; refuses questions that mention tea.
    const reverse: RankerFactory = (article) => (q) => ({ texts: article.sentences.map((s) => s.text).reverse(), refused: /tea|tee/i.test(q) && article.meta.title === 'Kaffee' });
    const en = scoreXquad(articles, 'en-en', reverse);
    // Coffee: gold "in May" is the last sentence, first in reverse: hit@1. Tea: "China" is the second of three, rank 2.
    expect(en).toMatchObject({ questions: 2, hit1: 1, hit3: 2, refused: 0, foreign: 2, foreignRefused: 1 });
    expect(en.mrr).toBeCloseTo((1 + 1 / 2) / 2);
    const de = scoreXquad(articles, 'de-de', reverse);
    expect(de.foreignRefused).toBe(1);
  });

  it('scores the highlights of the first answers against the gold spans', () => {
    const f = scoreHighlights(articles, 'en-de');
    // "When does the harvest start?" → "Die Ernte beginnt im Mai." with "im Mai" highlighted, the gold span exactly.
    expect(f.holding).toBeGreaterThanOrEqual(1);
    expect(f.shown).toBeGreaterThanOrEqual(1);
    expect(f.good).toBe(f.shown);
    expect(f.exact).toBe(1);
    expect(f.f1).toBe(1);
  });
});
