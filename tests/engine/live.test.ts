import { copyFileSync, mkdtempSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateArticles } from '../../src/bench/generate.ts';
import { LiveEngine, openIndex, type ReloadResult } from '../../src/engine/live.ts';
import { openEngine } from '../../src/engine/open.ts';
import { SEED_DIR } from '../seed.ts';

const HARBOUR = 'Hafen Bremerhaven meldet Rekord\n\nDer Hafen Bremerhaven hat im Juli 40 Prozent mehr Container umgeschlagen. Hafenchefin Greta Olsen nannte die neuen Kräne als Grund.\n\nabc/dpa\n';
const HARBOUR_Q = 'Wie viele Container hat Bremerhaven umgeschlagen?';
const BEZOS_Q = 'Who succeeded Bezos?';

let dir: string;
let cacheDir: string;
let live: LiveEngine | undefined;
const logs: string[] = [];
const log = (line: string) => logs.push(line);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'beleg-live-'));
  cacheDir = mkdtempSync(join(tmpdir(), 'beleg-live-cache-'));
  for (const name of readdirSync(SEED_DIR)) copyFileSync(join(SEED_DIR, name), join(dir, name));
  for (const f of generateArticles({ articles: 4, seed: 11 })) writeFileSync(join(dir, f.name), f.text);
  logs.length = 0;
});
afterEach(async () => {
  await live?.close();
  live = undefined;
  rmSync(dir, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
});

const answersHarbour = (engine: { ask: LiveEngine['ask'] }) => engine.ask(HARBOUR_Q).answers[0]?.text.includes('40 Prozent') ?? false;

describe('LiveEngine', () => {
  it('serves from the old index while rebuilding, then from the new one', async () => {
    live = LiveEngine.open(dir, { cacheDir, log });
    expect(answersHarbour(live)).toBe(false);
    writeFileSync(join(dir, 'hafen.txt'), HARBOUR);
    const reload = live.reload();
    expect(live.reloading).toBe(true);
    // Requests during the rebuild: answered, from the old index, in full.
    let during = 0;
    while (live.reloading) {
      expect(answersHarbour(live)).toBe(false);
      expect(live.ask(BEZOS_Q).answers[0]?.text).toContain('Andy Jassy');
      expect(live.articles()).toHaveLength(5);
      during++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(during).toBeGreaterThan(1);
    const result = await reload;
    expect(result).toMatchObject({ changed: true, swapped: true, articles: 6, analysed: 1, reason: null });
    expect(live.generation).toBe(1);
    expect(answersHarbour(live)).toBe(true);
    expect(live.ask(BEZOS_Q).answers[0]?.text).toContain('Andy Jassy');
    expect(live.article('hafen')?.meta.title).toBe('Hafen Bremerhaven meldet Rekord');
    // Nothing changed: no rebuild.
    expect(await live.reload()).toMatchObject({ changed: false, swapped: false });
    expect(live.generation).toBe(1);
  });

  it('works unbound, as front ends pass engine.ask around', async () => {
    live = LiveEngine.open(dir, { cacheDir: false, log });
    const { ask, articles } = live;
    writeFileSync(join(dir, 'hafen.txt'), HARBOUR);
    await live.reload();
    expect(ask(HARBOUR_Q).answers[0]?.text).toContain('40 Prozent');
    expect(articles().map((a) => a.id)).toContain('hafen');
  });

  it('re-analyses only new and changed files, from memory or from the persisted index', async () => {
    for (const cache of [cacheDir, false] as const) {
      live = LiveEngine.open(dir, { cacheDir: cache, log });
      writeFileSync(join(dir, 'hafen.txt'), HARBOUR);
      expect((await live.reload()).analysed).toBe(1);
      writeFileSync(join(dir, 'hafen.txt'), HARBOUR.replace('40 Prozent', '45 Prozent'));
      expect((await live.reload()).analysed).toBe(1);
      expect(live.ask(HARBOUR_Q).answers[0]?.text).toContain('45 Prozent');
      unlinkSync(join(dir, 'bench-00002.txt'));
      const removed = await live.reload();
      expect(removed).toMatchObject({ swapped: true, analysed: 0, articles: 5 });
      expect(live.article('bench-00002')).toBeUndefined();
      // The rebuilt index is the same as one built from scratch.
      const fresh = openEngine(dir, { cacheDir: false });
      for (const q of [HARBOUR_Q, BEZOS_Q, 'Wo werden die Daten gespeichert?']) expect(live.ask(q)).toEqual(fresh.engine.ask(q));
      const scratch = openIndex(dir, { cacheDir: false });
      expect(new Map(live.state.index.df)).toEqual(new Map(scratch.index.df));
      expect(live.state.index.aliases.entities).toEqual(scratch.index.aliases.entities);
      await live.close();
      writeFileSync(join(dir, 'bench-00002.txt'), 'Wieder da\n\nDer Text ist wieder da.\n');
      unlinkSync(join(dir, 'hafen.txt'));
    }
  });

  it('persists the rebuilt index, so the next start loads it', async () => {
    live = LiveEngine.open(dir, { cacheDir, log });
    writeFileSync(join(dir, 'hafen.txt'), HARBOUR);
    await live.reload();
    // close() waits for the persisted index to be written.
    await live.close();
    const next = openEngine(dir, { cacheDir, log });
    expect(next.fromCache).toBe(true);
    expect(next.engine.ask(HARBOUR_Q).answers[0]?.text).toContain('40 Prozent');
  });

  it('reports a broken file dropped in while serving, and keeps answering from the others', async () => {
    live = LiveEngine.open(dir, { cacheDir, log });
    writeFileSync(join(dir, 'kaputt.txt'), Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x00]));
    writeFileSync(join(dir, 'leer.md'), '');
    const result = await live.reload();
    expect(result.swapped).toBe(true);
    expect(result.errors.map((e) => e.message).join('\n')).toMatch(/kaputt\.txt: the file is UTF-16 text/);
    expect(result.errors.map((e) => e.message).join('\n')).toMatch(/leer\.md: the file is empty/);
    expect(logs.filter((l) => l.includes('skipped'))).toHaveLength(2);
    expect(live.errors).toHaveLength(2);
    expect(live.ask(BEZOS_Q).answers[0]?.text).toContain('Andy Jassy');
    expect(live.articles()).toHaveLength(5);
  });

  it('keeps the old index when no article loads any more', async () => {
    live = LiveEngine.open(dir, { cacheDir, log });
    for (const name of readdirSync(dir)) unlinkSync(join(dir, name));
    writeFileSync(join(dir, 'kaputt.txt'), Buffer.from([0, 0, 0]));
    const result = await live.reload();
    expect(result).toMatchObject({ changed: true, swapped: false, articles: 5 });
    expect(result.reason).toMatch(/No article could be loaded[\s\S]*kaputt\.txt[\s\S]*Keeping the articles already loaded/);
    expect(result.errors.map((e) => e.path)).toEqual([join(dir, 'kaputt.txt')]);
    expect(live.ask(BEZOS_Q).answers[0]?.text).toContain('Andy Jassy');
    expect(live.generation).toBe(0);
  });

  it('coalesces reloads asked for while one runs', async () => {
    live = LiveEngine.open(dir, { cacheDir: false, log });
    writeFileSync(join(dir, 'hafen.txt'), HARBOUR);
    const first = live.reload();
    writeFileSync(join(dir, 'hafen2.txt'), HARBOUR.replace('Bremerhaven', 'Wilhelmshaven').replace('Bremerhaven', 'Wilhelmshaven'));
    const second = live.reload();
    const third = live.reload();
    expect(third).toBe(second);
    await Promise.all([first, second]);
    expect(live.articles().map((a) => a.id)).toEqual(expect.arrayContaining(['hafen', 'hafen2']));
    expect(live.generation).toBe(2);
  });
});

describe('watching the corpus', () => {
  it('answers from a new article soon after it is written, and reports a broken one', async () => {
    const reloads: ReloadResult[] = [];
    const opened = openEngine(dir, { cacheDir, log, watch: { debounceMs: 50 }, onReload: (r) => reloads.push(r) });
    live = opened.live!;
    expect(opened.engine).toBe(live);
    await live.watch();
    const waitFor = async (done: () => boolean) => {
      for (let i = 0; i < 200 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
      expect(done()).toBe(true);
    };
    writeFileSync(join(dir, 'hafen.txt'), HARBOUR);
    await waitFor(() => answersHarbour(opened.engine));
    writeFileSync(join(dir, 'kaputt.txt'), Buffer.from([0, 1, 2]));
    await waitFor(() => opened.live!.errors.length === 1);
    expect(opened.engine.ask(BEZOS_Q).answers[0]?.text).toContain('Andy Jassy');
    expect(reloads.every((r) => r.swapped)).toBe(true);
    // Other files in the directory do not trigger reloads.
    const count = reloads.length;
    writeFileSync(join(dir, 'notes.json'), '{}');
    writeFileSync(join(dir, '.hidden.txt'), 'x');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(reloads).toHaveLength(count);
    await opened.close();
  });
});
