/**
 * Articles added at run time, against a local web server on 127.0.0.1 with
 * fixture pages (the only host on the fetch allow list): add, ask, list,
 * remove, a restart in between; two scopes that never see each other's
 * articles; and every refusal, each leaving what was loaded as it was.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveEngine } from '../../src/engine/live.ts';
import { parseAllowedHost } from '../../src/fetch/allowHosts.ts';
import { type AddOutcome, ArticleLibrary, type LibraryOptions } from '../../src/library/library.ts';
import { SEED_DIR } from '../seed.ts';
import { type PageServer, startPageServer } from '../fetch/pageServer.ts';

const HTML = new URL('../corpus/fixtures/html/', import.meta.url);
const TEXT = new URL('../corpus/fixtures/text/', import.meta.url);

const SERVER_A = '111111111111111111';
const SERVER_B = '222222222222222222';

function corpusDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'beleg-lib-corpus-'));
  for (const name of ['spiegel-gchq-aws.txt', 'spiegel-gchq-aws.meta.yaml']) copyFileSync(join(SEED_DIR, name), join(dir, name));
  return dir;
}

function added(outcome: AddOutcome) {
  if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.refusal)}`);
  return outcome.added;
}

describe('ArticleLibrary', () => {
  let pages: PageServer;
  let corpus: string;
  let dataDir: string;
  let cacheDir: string;
  let base: LiveEngine;
  let library: ArticleLibrary;
  const logs: string[] = [];
  const open = async (extra: Partial<LibraryOptions> = {}) => {
    base = LiveEngine.open(corpus, { cacheDir, log: (l) => logs.push(l) });
    return ArticleLibrary.open({
      dataDir,
      base,
      baseCacheDir: cacheDir,
      log: (l) => logs.push(l),
      fetch: { allowHosts: [parseAllowedHost(pages.hostPort) as { host: string; port: number }], timeoutMs: 2000 },
      ...extra,
    });
  };

  beforeAll(async () => {
    pages = await startPageServer({
      '/login': { kind: 'page', body: readFileSync(new URL('login-wall.html', HTML)) },
      '/cookies': { kind: 'page', body: readFileSync(new URL('cookie-wall.html', HTML)) },
      '/report.pdf': { kind: 'page', body: '%PDF-1.4', type: 'application/pdf' },
      '/hang': { kind: 'hang' },
      '/huge': { kind: 'stream', bytes: 30 * 1024 * 1024 },
      '/gone': { kind: 'status', status: 404 },
      '/to-localhost': { kind: 'redirect', to: (s) => `http://localhost:${s.port}/news/dam` },
      '/news/dam-moved': { kind: 'redirect', to: '/news/dam' },
    });
    pages.file('/news/dam', new URL('river-dam.html', HTML));
    pages.file('/news/dam-copy', new URL('river-dam.html', HTML));
    pages.file('/kiel/terminal', new URL('hafen-terminal.html', HTML));
    pages.file('/bruecke.txt', new URL('bruecke.txt', TEXT), 'text/plain; charset=utf-8');
    corpus = corpusDir();
    dataDir = mkdtempSync(join(tmpdir(), 'beleg-lib-data-'));
    cacheDir = mkdtempSync(join(tmpdir(), 'beleg-lib-cache-'));
    library = await open();
  });
  afterAll(async () => {
    await library.close();
    await base.close();
    await pages.stop();
  });

  it('adds a page by link: it answers at once in that server, with its provenance kept in one file', async () => {
    const a = added(await library.add(SERVER_A, { kind: 'url', url: pages.url('/news/dam') }, '333333333333333333'));
    expect(a.meta).toMatchObject({ id: 'town-votes-to-remove-century-old-dam-to-save', title: 'Town votes to remove century-old dam to save salmon run', language: 'en' });
    expect(a.sentences).toBeGreaterThan(5);
    expect(a.type).toBe('html');
    expect(a.source).toEqual({ kind: 'url', url: pages.url('/news/dam'), finalUrl: pages.url('/news/dam') });
    const answer = library.engineFor(SERVER_A).ask('Who is the chairman of the angling club?');
    expect(answer.answers[0]?.text).toContain('Graham Wells');
    expect(answer.answers[0]?.citation.articleId).toBe(a.meta.id);
    // the seed still answers there too
    expect(library.engineFor(SERVER_A).ask('Who succeeded Bezos?').answers[0]?.text).toContain('Andy Jassy');
    const files = readdirSync(join(dataDir, 'guilds', SERVER_A, 'articles'));
    expect(files).toEqual([`${a.meta.id}.json`]);
    const record = JSON.parse(readFileSync(join(dataDir, 'guilds', SERVER_A, 'articles', files[0]!), 'utf8'));
    expect(record).toMatchObject({ format: 1, id: a.meta.id, scope: SERVER_A, source: a.source, addedBy: '333333333333333333', type: 'html' });
    expect(Date.parse(record.addedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(record.content).toBe(readFileSync(new URL('river-dam.html', HTML), 'utf8'));
    expect(Object.keys(record).sort()).toEqual(['addedAt', 'addedBy', 'content', 'format', 'id', 'scope', 'source', 'type']);
  });

  it('adds German text and a page behind a redirect; lists them with where they came from', async () => {
    const text = added(await library.add(SERVER_A, { kind: 'url', url: pages.url('/bruecke.txt') }, null));
    expect(text.meta).toMatchObject({ title: 'Brücke über den Kanal wird im Herbst gesperrt', language: 'de' });
    expect(text.meta.id).toBe('bruecke-ueber-den-kanal-wird-im-herbst-gesperrt');
    expect(text.dropped).toBeGreaterThan(5);
    const terminal = added(await library.add(SERVER_B, { kind: 'url', url: pages.url('/kiel/terminal') }, '444444444444444444'));
    expect(terminal.meta.language).toBe('de');
    const list = library.entries(SERVER_A);
    expect(list.map((e) => [e.origin, e.meta.id])).toEqual([
      ['corpus', 'spiegel-gchq-aws'],
      ['added', 'town-votes-to-remove-century-old-dam-to-save'],
      ['added', 'bruecke-ueber-den-kanal-wird-im-herbst-gesperrt'],
    ]);
    expect(list[1]).toMatchObject({ source: { kind: 'url' }, addedBy: '333333333333333333' });
    expect(library.ownArticles(SERVER_B).map((m) => m.id)).toEqual([terminal.meta.id]);
  });

  it("keeps servers apart: one server's article never reaches another's answers, lists or refusals", async () => {
    const a = library.engineFor(SERVER_A);
    const b = library.engineFor(SERVER_B);
    const none = library.engineFor('555555555555555555');
    const dm = library.engineFor(null);
    const damId = 'town-votes-to-remove-century-old-dam-to-save';
    for (const e of [b, none, dm]) {
      expect(e.article(damId)).toBeUndefined();
      expect(e.articles().map((m) => m.id)).not.toContain(damId);
    }
    expect(a.articles().map((m) => m.id)).not.toContain(library.ownArticles(SERVER_B)[0]!.id);
    // questions about A's article: answered in A; in B and elsewhere never from it, and refused exactly as if it did not exist
    const questions = ['Who is the chairman of the angling club?', 'How much does the dam removal cost?', 'Miller’s Weir salmon', 'Wann wird die Brücke gesperrt?', 'Who succeeded Bezos?'];
    for (const q of questions) {
      for (const e of [b, none, dm]) {
        const r = e.ask(q, { limit: 25 });
        for (const ans of r.answers) expect(ans.citation.articleId).not.toBe(damId);
        expect(ans_ids(r)).not.toContain('bruecke-ueber-den-kanal-wird-im-herbst-gesperrt');
      }
      // a server without articles of its own is answered by the corpus alone, to the letter
      expect(none.ask(q, { limit: 25 })).toEqual(base.ask(q, { limit: 25 }));
    }
    expect(b.ask('Who is the chairman of the angling club?').abstained).toBe(true);
    expect(a.ask('Who is the chairman of the angling club?').abstained).toBe(false);
    // asking B for A's article by id is an unknown article there
    expect(b.ask('salmon', { articleId: damId }).refusal).toEqual({ code: 'unknown-article', articleId: damId });
  });

  it('refuses the same article twice, by link or by text, naming the one there is', async () => {
    const damId = 'town-votes-to-remove-century-old-dam-to-save';
    expect(await library.add(SERVER_A, { kind: 'url', url: pages.url('/news/dam') }, null)).toEqual({ ok: false, refusal: { code: 'duplicate', id: damId, by: 'url' } });
    expect(await library.add(SERVER_A, { kind: 'url', url: `${pages.url('/news/dam')}#comments` }, null)).toEqual({ ok: false, refusal: { code: 'duplicate', id: damId, by: 'url' } });
    // another address that redirects to it
    expect(await library.add(SERVER_A, { kind: 'url', url: pages.url('/news/dam-moved') }, null)).toEqual({ ok: false, refusal: { code: 'duplicate', id: damId, by: 'url' } });
    // the same page at another address (its canonical URL is the same): refused by URL; the same text as a file: by text
    expect(await library.add(SERVER_A, { kind: 'url', url: pages.url('/news/dam-copy') }, null)).toMatchObject({ ok: false, refusal: { code: 'duplicate', id: damId } });
    const file = join(mkdtempSync(join(tmpdir(), 'beleg-lib-file-')), 'copy.txt');
    writeFileSync(file, readFileSync(new URL('bruecke.txt', TEXT)));
    expect(await library.add(SERVER_A, { kind: 'file', path: file }, null)).toEqual({ ok: false, refusal: { code: 'duplicate', id: 'bruecke-ueber-den-kanal-wird-im-herbst-gesperrt', by: 'text' } });
    // a corpus article's text is already there too
    const seed = join(mkdtempSync(join(tmpdir(), 'beleg-lib-file-')), 'seed.txt');
    copyFileSync(join(SEED_DIR, 'spiegel-gchq-aws.txt'), seed);
    expect(await library.add(SERVER_B, { kind: 'file', path: seed }, null)).toMatchObject({ ok: false, refusal: { code: 'duplicate', by: 'text' } });
    // the same page in another server is that server's own
    expect((await library.add(SERVER_B, { kind: 'url', url: pages.url('/news/dam') }, null)).ok).toBe(true);
    expect(library.engineFor(SERVER_B).article(damId)).toBeDefined();
  });

  it('refuses, with nothing already loaded lost: not a URL, forbidden addresses, a timeout, too large, not an article type, no article, an error status', async () => {
    const before = library.engineFor(SERVER_A).articles().map((m) => m.id);
    const refusal = async (url: string, timeoutMs?: number) => {
      const lib = timeoutMs ? await openFast(timeoutMs) : library;
      const out = await lib.add(SERVER_A, { kind: 'url', url }, null);
      if (lib !== library) await lib.close();
      expect(out.ok).toBe(false);
      return (out as { refusal: unknown }).refusal;
    };
    const openFast = (timeoutMs: number) =>
      ArticleLibrary.open({ dataDir, base, baseCacheDir: cacheDir, log: () => undefined, fetch: { allowHosts: [parseAllowedHost(pages.hostPort) as { host: string; port: number }], timeoutMs } });
    const connections = pages.connections;
    expect(await refusal('see the article on our site')).toEqual({ code: 'not-url' });
    expect(await refusal('ftp://example.com/article')).toEqual({ code: 'scheme', scheme: 'ftp' });
    expect(await refusal(`http://localhost:${pages.port}/news/dam`)).toMatchObject({ code: 'forbidden-address', host: 'localhost', range: 'loopback' });
    expect(await refusal(`http://[::1]:${pages.port}/news/dam`)).toMatchObject({ code: 'forbidden-address', range: 'loopback' });
    expect(await refusal(`http://127.0.0.2:${pages.port}/news/dam`)).toMatchObject({ code: 'forbidden-address', range: 'loopback' });
    expect(await refusal('http://169.254.169.254/latest/meta-data/')).toMatchObject({ code: 'forbidden-address', range: 'linkLocal' });
    expect(pages.connections).toBe(connections);
    expect(await refusal(pages.url('/to-localhost'))).toMatchObject({ code: 'forbidden-address', host: 'localhost' });
    expect(await refusal(pages.url('/hang'), 300)).toEqual({ code: 'timeout', seconds: 0.3 });
    expect(await refusal(pages.url('/huge'))).toEqual({ code: 'too-large', maxBytes: 5 * 1024 * 1024 });
    expect(await refusal(pages.url('/report.pdf'))).toEqual({ code: 'not-article-type', type: 'application/pdf' });
    expect(await refusal(pages.url('/login'))).toEqual({ code: 'no-article' });
    expect(await refusal(pages.url('/cookies'))).toEqual({ code: 'no-article' });
    expect(await refusal(pages.url('/gone'))).toEqual({ code: 'http-status', status: 404 });
    // files: by name, then by content
    expect(await library.add(SERVER_A, { kind: 'attachment', name: 'report.pdf', url: pages.url('/report.pdf') }, null)).toEqual({ ok: false, refusal: { code: 'file-type', name: 'report.pdf' } });
    expect(await library.add(SERVER_A, { kind: 'attachment', name: 'big.html', url: pages.url('/huge'), size: 30 * 1024 * 1024 }, null)).toEqual({ ok: false, refusal: { code: 'too-large', maxBytes: 5 * 1024 * 1024 } });
    expect(await library.add(SERVER_A, { kind: 'attachment', name: 'wall.html', url: pages.url('/login') }, null)).toEqual({ ok: false, refusal: { code: 'no-article' } });
    const binary = join(mkdtempSync(join(tmpdir(), 'beleg-lib-file-')), 'x.txt');
    writeFileSync(binary, Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0, 0]));
    expect(await library.add(SERVER_A, { kind: 'file', path: binary }, null)).toMatchObject({ ok: false, refusal: { code: 'unreadable', why: 'binary' } });
    // nothing was lost or added, and no stray file was written
    expect(library.engineFor(SERVER_A).articles().map((m) => m.id)).toEqual(before);
    expect(library.engineFor(SERVER_A).ask('Who is the chairman of the angling club?').answers[0]?.text).toContain('Graham Wells');
    expect(readdirSync(join(dataDir, 'guilds', SERVER_A, 'articles')).sort()).toEqual(['bruecke-ueber-den-kanal-wird-im-herbst-gesperrt.json', 'town-votes-to-remove-century-old-dam-to-save.json']);
  });

  it('refuses an article beyond the limit', async () => {
    const lib = await ArticleLibrary.open({ dataDir, base, baseCacheDir: cacheDir, log: () => undefined, maxArticlesPerScope: 2, fetch: { allowHosts: [parseAllowedHost(pages.hostPort) as { host: string; port: number }] } });
    expect(await lib.add(SERVER_A, { kind: 'url', url: pages.url('/kiel/terminal') }, null)).toEqual({ ok: false, refusal: { code: 'limit', max: 2 } });
    const off = await ArticleLibrary.open({ dataDir, base, baseCacheDir: cacheDir, log: () => undefined, maxArticlesPerScope: 0 });
    expect(await off.add('666666666666666666', { kind: 'url', url: pages.url('/kiel/terminal') }, null)).toEqual({ ok: false, refusal: { code: 'limit', max: 0 } });
    await Promise.all([lib.close(), off.close()]);
  });

  it('keeps added articles across a restart, loading the persisted index; remove deletes the file', async () => {
    await library.close();
    await base.close();
    logs.length = 0;
    library = await open();
    expect(logs).toContain(`beleg: ${SERVER_A}: 2 added articles loaded (persisted index)`);
    expect(logs).toContain(`beleg: ${SERVER_B}: 2 added articles loaded (persisted index)`);
    const a = library.engineFor(SERVER_A);
    expect(a.ask('Who is the chairman of the angling club?').answers[0]?.text).toContain('Graham Wells');
    // the persisted index answers exactly as an index built afresh
    const fresh = await ArticleLibrary.open({ dataDir, base, baseCacheDir: cacheDir, persist: false, log: () => undefined });
    for (const q of ['Who is the chairman of the angling club?', 'Wann wird die Brücke gesperrt?', 'Who succeeded Bezos?', 'What is this about?', 'Who wrote this?']) {
      expect(a.ask(q, { limit: 10 }), q).toEqual(fresh.engineFor(SERVER_A).ask(q, { limit: 10 }));
    }
    expect(a.summarize({ articleId: 'bruecke-ueber-den-kanal-wird-im-herbst-gesperrt' })).toEqual(fresh.engineFor(SERVER_A).summarize({ articleId: 'bruecke-ueber-den-kanal-wird-im-herbst-gesperrt' }));
    await fresh.close();
    expect(library.engineFor(SERVER_B).article('bruecke-ueber-den-kanal-wird-im-herbst-gesperrt')).toBeUndefined();
    // the corpus's articles cannot be removed from a server; unknown ids are said to be unknown
    expect(await library.remove(SERVER_A, 'spiegel-gchq-aws')).toEqual({ ok: false, refusal: { code: 'corpus', id: 'spiegel-gchq-aws' } });
    expect(await library.remove(SERVER_A, 'nope')).toEqual({ ok: false, refusal: { code: 'unknown', id: 'nope' } });
    // another server's article is unknown here
    expect(await library.remove(SERVER_A, library.ownArticles(SERVER_B)[0]!.id)).toMatchObject({ ok: false, refusal: { code: 'unknown' } });
    const damId = 'town-votes-to-remove-century-old-dam-to-save';
    const removed = await library.remove(SERVER_A, damId);
    expect(removed).toMatchObject({ ok: true, meta: { id: damId } });
    expect(existsSync(join(dataDir, 'guilds', SERVER_A, 'articles', `${damId}.json`))).toBe(false);
    expect(library.engineFor(SERVER_A).article(damId)).toBeUndefined();
    expect(ans_ids(library.engineFor(SERVER_A).ask('Who is the chairman of the angling club?', { limit: 25 }))).not.toContain(damId);
    // server B's copy of the same page is untouched
    expect(library.engineFor(SERVER_B).article(damId)).toBeDefined();
    // and after another restart it stays removed
    await library.close();
    await base.close();
    logs.length = 0;
    library = await open();
    expect(library.engineFor(SERVER_A).article(damId)).toBeUndefined();
    expect(logs).toContain(`beleg: ${SERVER_A}: 1 added article loaded (persisted index)`);
  });

  it('a crash mid-write leaves the old state: a half-written temporary file is ignored and cleaned up; a damaged record is skipped', async () => {
    const dir = join(dataDir, 'guilds', SERVER_A, 'articles');
    writeFileSync(join(dir, 'half-written.json.0a1b2c3d4e5f.tmp'), '{"format": 1, "id": "half-wr');
    writeFileSync(join(dir, 'damaged.json'), '{"format": 1, "id": "dam');
    await library.close();
    await base.close();
    logs.length = 0;
    library = await open();
    expect(readdirSync(dir).sort()).toEqual(['bruecke-ueber-den-kanal-wird-im-herbst-gesperrt.json', 'damaged.json']);
    expect(logs.some((l) => l.includes('damaged.json: not an article record'))).toBe(true);
    expect(library.ownArticles(SERVER_A).map((m) => m.id)).toEqual(['bruecke-ueber-den-kanal-wird-im-herbst-gesperrt']);
  });

  it('follows the corpus: a new corpus article reaches every server, with each server keeping its own', async () => {
    writeFileSync(join(corpus, 'harbour.md'), '---\nid: harbour-note\nlanguage: en\n---\nHarbour note\n\nThe walrus parade in the harbour was moved to Friday because of the storm warning.\n\nThe organisers said the new route avoids the old fish market entirely.\n');
    const result = await base.reload();
    expect(result.swapped).toBe(true);
    await library.close(); // waits for the scopes' rebuilds
    for (const scope of [SERVER_A, SERVER_B, null]) {
      expect(library.engineFor(scope).article('harbour-note'), String(scope)).toBeDefined();
      expect(library.engineFor(scope).ask('When was the walrus parade moved?').answers[0]?.text).toContain('Friday');
    }
    expect(library.engineFor(SERVER_A).article('bruecke-ueber-den-kanal-wird-im-herbst-gesperrt')).toBeDefined();
    expect(library.engineFor(SERVER_B).article('bruecke-ueber-den-kanal-wird-im-herbst-gesperrt')).toBeUndefined();
  });
});

function ans_ids(r: { answers: { citation: { articleId: string } }[] }): string[] {
  return r.answers.map((a) => a.citation.articleId);
}
