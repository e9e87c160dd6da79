import { describe, expect, it } from 'vitest';
import { ingestArticle } from '../../src/corpus/ingest.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { definedTerm, questionFrame } from '../../src/search/highlight.ts';
import { loadSeed } from '../seed.ts';

/** A made-up German article with one answer of each kind. */
const WERFT = `Werft in Kiel verkauft

Die Kieler Werft Nordstahl hat einen neuen Eigentümer. Im März übernahm der Investor Torsten Wendrich die Werft von der Familie Okafor.

Nordstahl beschäftigt rund 4.500 Mitarbeiter. Der Umsatz lag zuletzt bei 812 Millionen Euro.

Gebaut werden die Schiffe in Rendsburg. Die Familie verkaufte, weil ihr die Mittel für neue Docks fehlten.

Die Werft baut vor allem eisbrechende Forschungsschiffe. Der Verband Deutscher Schiffbauer, kurz VDS, begrüßte den Verkauf.

Die erste Fähre der Werft hieß „Nordlicht“ und lief 1962 vom Stapel.
`;

const engine = createEngine([ingestArticle(WERFT, { id: 'werft', path: 'werft.txt' })]);

/** The highlighted part of the first answer, or null. */
function highlighted(question: string): string | null {
  const a = engine.ask(question).answers[0];
  if (!a?.highlight) return null;
  expect(a.highlight.start).toBeGreaterThanOrEqual(0);
  expect(a.highlight.end).toBeLessThanOrEqual(a.text.length);
  expect(a.highlight.start).toBeLessThan(a.highlight.end);
  return a.text.slice(a.highlight.start, a.highlight.end);
}

describe('highlighting the answer in a quote, on a made-up article', () => {
  it("a name for who, never the question's own names", () => {
    const span = highlighted('Who bought the shipyard from the Okafor family?');
    expect(span).toContain('Torsten Wendrich');
    expect(span).not.toContain('Okafor');
  });

  it('a date for when, with its preposition', () => {
    expect(highlighted('When did Wendrich take over the shipyard?')).toBe('Im März');
    expect(highlighted('Wann übernahm Wendrich die Werft?')).toBe('Im März');
    expect(highlighted('When was the first ferry launched?')).toBe('1962');
  });

  it('a number with its unit and the words that qualify it', () => {
    expect(highlighted('How many employees does Nordstahl have?')).toBe('rund 4.500 Mitarbeiter');
    expect(highlighted('Wie viele Mitarbeiter hat Nordstahl?')).toBe('rund 4.500 Mitarbeiter');
  });

  it('no number of something else than the question measures', () => {
    // The ranking may quote the sentence about the staff; its number is no revenue.
    const a = engine.ask('How much revenue did Nordstahl make?').answers[0]!;
    if (a.text.includes('Mitarbeiter')) expect(a.highlight).toBeNull();
    else expect(a.text.slice(a.highlight!.start, a.highlight!.end)).toContain('812 Millionen Euro');
  });

  it('a place for where', () => {
    expect(highlighted('Where are the ships built?')).toBe('Rendsburg');
  });

  it('the reason clause for why', () => {
    expect(highlighted('Why did the family sell?')).toBe('weil ihr die Mittel für neue Docks fehlten');
  });

  it('the long form for what an acronym stands for', () => {
    expect(highlighted('What does VDS stand for?')).toBe('Verband Deutscher Schiffbauer');
  });

  it('the words that make a thing a kind, for "what kind of"', () => {
    expect(highlighted('What kind of ships does the shipyard build?')).toBe('eisbrechende Forschungsschiffe');
  });

  it('a quoted name for "what was the name of"', () => {
    expect(highlighted('What was the name of the first ferry?')).toBe('Nordlicht');
  });

  it('nothing for a question the article does not answer', () => {
    const r = engine.ask('Who is the mayor of Paris?');
    for (const a of r.answers) expect(a.highlight ?? null).toBeNull();
  });

  it('nothing when the quote holds no answer of the asked kind', () => {
    const a = engine.ask('Where does the Okafor family live?').answers[0];
    expect(a?.highlight ?? null).toBeNull();
  });
});

describe('question frames', () => {
  it('tell the kind of span from the question', () => {
    expect(questionFrame('Who succeeded Bezos?', 'person')?.kind).toBe('person');
    expect(questionFrame('In what year did X happen?', 'other')?.kind).toBe('time');
    expect(questionFrame('What was the final score of the game?', 'other')).toMatchObject({ kind: 'number', nouns: ['score'] });
    expect(questionFrame('How many points did the Panthers surrender?', 'number')).toMatchObject({ kind: 'number', nouns: ['points'] });
    expect(questionFrame('What percentage of the vote did it get?', 'number')).toMatchObject({ kind: 'number', measure: 'percent' });
    expect(questionFrame('What is the name of the first ferry?', 'other')?.kind).toBe('name');
    expect(questionFrame('Which player scored?', 'other')).toMatchObject({ kind: 'name', nouns: ['player'] });
    expect(questionFrame('What kind of farmers benefit?', 'other')).toMatchObject({ kind: 'sort', nouns: ['farmers'] });
    expect(questionFrame('Did it rain?', 'yesno')).toBeNull();
    expect(questionFrame('What did Lady Gaga sing?', 'other')).toBeNull();
  });

  it('name the term a definition question asks about', () => {
    expect(definedTerm('What does GCHQ stand for?')).toEqual(['gchq']);
    expect(definedTerm('What did the LMP acronym stand for regarding the Block II positions?')).toContain('lmp');
    expect(definedTerm('What is septicemia?')).toEqual(['septicemia']);
  });
});

describe('highlighting on the seed article', () => {
  const seed = createEngine([loadSeed().article]);
  const first = (q: string) => {
    const a = seed.ask(q).answers[0]!;
    return a.highlight ? a.text.slice(a.highlight.start, a.highlight.end) : null;
  };

  it("bolds the answer, not the question's words", () => {
    expect(first('Who succeeded Bezos?')).toBe('Andy Jassy');
    expect(first('When did Bezos hand over?')).toBe('Im Juli');
    expect(first("How large is Amazon's market share?")).toBe('mehr als 30 Prozent');
    expect(first('What does GCHQ stand for?')).toBe('Government Communications Headquarters');
  });

  it('has no highlight for an out-of-scope question', () => {
    for (const q of ['Who is the CEO of France?', 'What did Microsoft pay?', 'When did Tesla enter Germany?']) {
      for (const a of seed.ask(q).answers) expect(a.highlight ?? null).toBeNull();
    }
  });

  it('gives highlights only on passages, inside their text', () => {
    for (const q of ['Who wrote this?', 'What is this about?', 'Wo werden die Daten gespeichert?', 'Who did GCHQ partner with?']) {
      for (const a of seed.ask(q, { limit: 5 }).answers) {
        if (a.kind !== 'passage') expect(a.highlight).toBeUndefined();
        else if (a.highlight) expect(a.text.slice(a.highlight.start, a.highlight.end).trim()).toBe(a.text.slice(a.highlight.start, a.highlight.end));
      }
    }
  });
});
