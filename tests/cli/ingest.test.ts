/**
 * `npm run ingest`: one JSON line per file with `--json`, a readable view
 * without; a file that cannot be used is named and the others still show.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'src/cli/ingest.ts');
const SEED = join(ROOT, 'corpus/spiegel-gchq-aws.txt');
const PAGE = join(ROOT, 'tests/corpus/fixtures/text/bruecke.txt');

describe('npm run ingest', () => {
  it('--json prints one line per file with metadata, sentences and what was dropped', () => {
    const out = execFileSync(TSX, [CLI, '--json', SEED, PAGE], { encoding: 'utf8' });
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(2);
    const seed = JSON.parse(lines[0]!);
    expect(Object.keys(seed)).toEqual(['file', 'articleId', 'meta', 'sentences', 'dropped']);
    expect(seed).toMatchObject({
      file: SEED,
      articleId: 'spiegel-gchq-aws',
      meta: { headline: 'Britischer Geheimdienst schließt Deal mit Amazon', kicker: 'Bericht der »Financial Times«', byline: 'jlk/Reuters', publisher: 'DER SPIEGEL', language: 'de', url: null, date: null },
    });
    expect(Object.keys(seed.meta)).toEqual(['headline', 'kicker', 'byline', 'publisher', 'language', 'url', 'date']);
    expect(seed.sentences[0]).toEqual({ id: 'spiegel-gchq-aws:1.1', role: 'headline', text: 'Britischer Geheimdienst schließt Deal mit Amazon' });
    expect(seed.sentences.find((s: { id: string }) => s.id === 'spiegel-gchq-aws:8.4').text).toMatch(/Andy Jassy/);
    expect(seed.dropped).toContainEqual({ text: 'Foto: Salvador Rodriguez, REUTERS', why: 'credit' });
    const page = JSON.parse(lines[1]!);
    expect(page.dropped).toContainEqual({ text: '2. Lokales', why: 'navigation above the headline' });
  });
  it('prints a readable view: metadata, kept sentences with roles and ids, dropped lines with reasons', () => {
    const out = execFileSync(TSX, [CLI, PAGE], { encoding: 'utf8' });
    expect(out).toContain('→ article "bruecke"');
    expect(out).toMatch(/headline\s+Brücke über den Kanal wird im Herbst gesperrt/);
    expect(out).toMatch(/kicker\s+Verkehr in der Nordstadt/);
    expect(out).toMatch(/subhead\s+bruecke:4\.1\s+Umleitung über die Hafenstraße/);
    expect(out).toMatch(/✗\s+\[image file name\] bruecke_kanal_0407_ab/);
  });
  it('--text prints the text quotes are taken from: for an HTML page, the extracted article text', () => {
    const html = join(ROOT, 'tests/corpus/fixtures/html/river-dam.html');
    const out = execFileSync(TSX, [CLI, '--text', html], { encoding: 'utf8' });
    expect(out.split('\n')[0]).toBe('Town votes to remove century-old dam to save salmon run');
    expect(out).toContain('The council will contribute £2.1m, a spokesperson said.');
    expect(out).not.toContain('<');
    const json = JSON.parse(execFileSync(TSX, [CLI, '--json', html], { encoding: 'utf8' }));
    for (const s of json.sentences) expect(out).toContain(s.text);
  });
  it('names a file it cannot use, shows the others, and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'beleg-ingest-'));
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    const r = spawnSync(TSX, [CLI, '--json', empty, PAGE], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    const [bad, good] = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(bad).toEqual({ file: empty, error: `${empty}: the file is empty` });
    expect(good.articleId).toBe('bruecke');
  });
});
