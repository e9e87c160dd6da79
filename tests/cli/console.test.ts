import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { handleLine, runConsole } from '../../src/cli/console.ts';
import { markHighlight, markingFor } from '../../src/cli/format.ts';
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
    // Not a terminal: the answer is marked **…** inside the verbatim quote.
    expect(text).toContain('vor Ort in **Großbritannien** gespeichert');
  });
  it("marks the answer in the quote, not the question's words, which stay on the matched line", () => {
    const out = handleLine(engine, 'Who succeeded Bezos?', {})!;
    const first = out.split('\n\n')[0]!;
    expect(first).toContain('an den ehemaligen AWS-Chef **Andy Jassy** weiter.«');
    expect(first).not.toContain('**Bezos**');
    expect(first).toMatch(/\n   matched: .*Bezos/);
    // Without its marks, the quote is the article's sentence.
    const quote = /»([^«]*)«/.exec(first)![1]!.replace(/\*\*/g, '');
    expect(loadSeed().article.source.includes(quote)).toBe(true);
  });
  it('marks in bold on a terminal, and with ** elsewhere or under NO_COLOR', () => {
    const text = 'Im Juli gab Bezos ab.';
    expect(markHighlight(text, { start: 0, end: 7 }, 'ansi')).toBe('\x1b[1mIm Juli\x1b[22m gab Bezos ab.');
    expect(markHighlight(text, { start: 0, end: 7 }, 'markdown')).toBe('**Im Juli** gab Bezos ab.');
    expect(markHighlight(text, null, 'ansi')).toBe(text);
    expect(markHighlight(text, { start: 3, end: 99 }, 'ansi')).toBe(text);
    const tty = Object.assign(new PassThrough(), { isTTY: true });
    expect(markingFor(tty, {})).toBe('ansi');
    expect(markingFor(tty, { NO_COLOR: '1' })).toBe('markdown');
    expect(markingFor(new PassThrough(), {})).toBe('markdown');
  });
});

describe('console in German (LANG=de_…)', () => {
  it('writes its own words in German and quotes the article as it is', async () => {
    const { de } = await import('../../src/i18n/index.ts');
    const state = {};
    expect(handleLine(engine, 'Who succeeded Bezos?', state, de)).toMatch(/^1\. »Wie wichtig AWS[^\n]*«\n {3}— DER SPIEGEL, „Britischer Geheimdienst schließt Deal mit Amazon“, jlk\/Reuters · Absatz 8, Satz 4\n {3}gefunden: Bezos/);
    expect(handleLine(engine, 'What is the capital of France?', state, de)).toBe('Der Artikel erwähnt „France“ nicht.');
    expect(handleLine(engine, '/help', state, de)).toMatch(/^Stell eine Frage zum Artikel/);
    expect(handleLine(engine, '/source', state, de)).toMatch(/Medium\s+DER SPIEGEL[\s\S]*Quellen\s+.*Financial Times/);
    expect(handleLine(engine, '/summary Tesla', state, de)).toBe('Der Artikel sagt nichts über „Tesla“.');
    expect(handleLine(engine, '/frobnicate', state, de)).toBe('Unbekannter Befehl /frobnicate. Tippe /help für die Befehle.');
    // Questions about the article itself: German labels, provenance and refusal; the values as they are.
    expect(handleLine(engine, 'Who wrote this?', state, de)).toBe('Autor: jlk/Reuters\n   — DER SPIEGEL, „Britischer Geheimdienst schließt Deal mit Amazon“, jlk/Reuters · wörtlich aus Zeile 20 der Seite');
    expect(handleLine(engine, 'Aus welcher Zeitung ist das?', state, de)).toMatch(/^Medium: DER SPIEGEL\n.*aus den Metadaten des Artikels$/);
    expect(handleLine(engine, 'Welche Quellen?', state, de)).toMatch(/^Quelle, die der Artikel nennt: Financial Times\n.*zuerst genannt in Absatz 4, Satz 1/);
    expect(handleLine(engine, 'Wann wurde der Artikel veröffentlicht?', state, de)).toBe('Der Artikel hat kein Datum.');
    expect(handleLine(engine, 'Worum geht es?', state, de)).toMatch(/^Die Zusammenfassung des Artikels, in seinen eigenen Sätzen:\n\n1\. »[\s\S]*Absatz \d+, Satz \d+/);
    expect(handleLine(engine, '/help', state, de)).toContain('„Wer hat das geschrieben?“');
    const input = new PassThrough();
    const output = new PassThrough();
    let text = '';
    output.on('data', (d) => (text += d));
    const done = runConsole(engine, { input, output, prompt: false, t: de });
    input.end('');
    await done;
    expect(text).toMatch(/^Beleg — Antworten mit wörtlichen Zitaten aus „Britischer Geheimdienst/);
  });

  it('npm start without a token follows LANG', async () => {
    const { spawnSync } = await import('node:child_process');
    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: new URL('../../', import.meta.url), input: 'What is the capital of France?\n', encoding: 'utf8', env: { PATH: process.env.PATH!, CORPUS_DIR: 'corpus', DISCORD_TOKEN: '', ...env }, timeout: 60_000 }).stdout;
    expect(run({ LANG: 'de_DE.UTF-8' })).toContain('Der Artikel erwähnt „France“ nicht.');
    expect(run({ LANG: 'de_DE.UTF-8', LC_ALL: 'C.UTF-8' })).toContain('The article does not mention "France".');
  });
});

describe('console /add', () => {
  it('adds a page by link or a file, answers from it, and says why not in the reader’s language', async () => {
    const { mkdtempSync, readFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { ArticleLibrary } = await import('../../src/library/library.ts');
    const { startPageServer } = await import('../fetch/pageServer.ts');
    const { de } = await import('../../src/i18n/index.ts');
    const html = new URL('../corpus/fixtures/html/', import.meta.url);
    const pages = await startPageServer({ '/login': { kind: 'page', body: readFileSync(new URL('login-wall.html', html)) } });
    pages.file('/dam', new URL('river-dam.html', html));
    const dataDir = mkdtempSync(join(tmpdir(), 'beleg-console-'));
    const library = await ArticleLibrary.open({ dataDir, base: engine, persist: false, log: () => undefined, fetch: { allowHosts: [{ host: '127.0.0.1', port: pages.port }] } });
    try {
      const input = new PassThrough();
      const output = new PassThrough();
      let text = '';
      output.on('data', (d) => (text += d));
      const done = runConsole(engine, { input, output, prompt: false, library });
      const file = new URL('../corpus/fixtures/text/bruecke.txt', import.meta.url).pathname;
      input.end(`/add\n/add ${pages.url('/dam')}\nWho is the chairman of the angling club?\n/add ${file}\n/add http://localhost:${pages.port}/dam\n/add ${pages.url('/login')}\n/articles\n`);
      await done;
      expect(text).toContain('Usage: /add URL or /add FILE');
      expect(text).toContain(`Adding ${pages.url('/dam')} …`);
      expect(text).toMatch(/Added town-votes-to-remove-century-old-dam-to-save: „Town votes to remove century-old dam to save salmon run“ \(English \(en\), \d+ sentences, \d+ lines of page chrome dropped\)/);
      expect(text).toMatch(/Graham Wells[\s\S]*The Valley Courier/);
      expect(text).toMatch(/Added bruecke-ueber-den-kanal-wird-im-herbst-gesperrt: „Brücke über den Kanal wird im Herbst gesperrt“ \(German \(de\)/);
      expect(text).toContain('I do not fetch from localhost: it is not a public address');
      expect(text).toContain('I found no article text on that page');
      expect(text).toMatch(/spiegel-gchq-aws[^\n]*\ntown-votes-to-remove-century-old-dam-to-save[^\n]*\nbruecke-ueber-den-kanal-wird-im-herbst-gesperrt/);
      // kept under DATA_DIR/console; German in German
      const { readdirSync } = await import('node:fs');
      expect(readdirSync(join(dataDir, 'console', 'articles')).sort()).toEqual(['bruecke-ueber-den-kanal-wird-im-herbst-gesperrt.json', 'town-votes-to-remove-century-old-dam-to-save.json']);
      const { handleAdd } = await import('../../src/cli/console.ts');
      expect(await handleAdd(library, pages.url('/dam'), de)).toBe('Diesen Artikel gibt es hier schon, als town-votes-to-remove-century-old-dam-to-save (derselbe Link).');
      expect(await handleAdd(undefined, pages.url('/dam'))).toBe('Adding articles is not available on this bot.');
    } finally {
      await library.close();
      await pages.stop();
    }
  });
});
