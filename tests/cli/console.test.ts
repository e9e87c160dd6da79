import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { handleLine, runConsole } from '../../src/cli/console.ts';
import { createEngine } from '../../src/engine/engine.ts';
import { loadSeed } from '../seed.ts';

const engine = createEngine([loadSeed().article]);

describe('console', () => {
  it('answers questions and commands', () => {
    const state = {};
    expect(handleLine(engine, 'Who succeeded Bezos?', state)).toMatch(/Andy Jassy[\s\S]*DER SPIEGEL/);
    expect(handleLine(engine, '/help', state)).toMatch(/\/source/);
    expect(handleLine(engine, '/source', state)).toMatch(/Publisher\s+DER SPIEGEL[\s\S]*Byline\s+jlk\/Reuters[\s\S]*Cites\s+.*Financial Times/);
    expect(handleLine(engine, '/summary', state)).toMatch(/^Britischer Geheimdienst schließt Deal mit Amazon\n\n1\. »/);
    expect(handleLine(engine, '/summary Gewinn', state)).toContain('Hälfte des Nettogewinns');
    expect(handleLine(engine, '/summary Tesla', state)).toMatch(/nothing about "Tesla"/);
    expect(handleLine(engine, '/article nope', state)).toMatch(/no article "nope"/);
    expect(handleLine(engine, '/frobnicate', state)).toMatch(/Unknown command/);
    expect(handleLine(engine, '/quit', state)).toBeNull();
  });
  it('answers questions about the article itself: metadata as metadata, the summary as quotes', () => {
    const state = {};
    expect(handleLine(engine, 'Who wrote this?', state)).toBe('Byline: jlk/Reuters\n   — DER SPIEGEL, „Britischer Geheimdienst schließt Deal mit Amazon“, jlk/Reuters · quoted verbatim from line 20 of the page');
    expect(handleLine(engine, 'Aus welcher Zeitung ist das?', state)).toMatch(/^Publication: DER SPIEGEL\n.*from the article's metadata$/);
    expect(handleLine(engine, 'Wann wurde der Artikel veröffentlicht?', state)).toBe('The article has no date.');
    expect(handleLine(engine, 'What are its sources?', state)).toMatch(/^Source the article cites: Financial Times\n.*first credited in paragraph 4, sentence 1/);
    expect(handleLine(engine, 'Worum geht es?', state)).toMatch(/^The article's summary, in its own sentences:\n\n1\. »/);
  });
  it('runs over streams until end of input', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (d) => (text += d));
    const done = runConsole(engine, { input, output, prompt: false });
    input.end('Wo werden die Daten gespeichert?\n');
    await done;
    expect(text).toContain('vor Ort in Großbritannien gespeichert');
  });
});
