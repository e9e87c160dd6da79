import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.ts';

function corpusDir(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'beleg-corpus-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

const GOOD = 'Firma kauft Konkurrenten\n\nDer Kauf wurde am Montag bekannt. Der Preis blieb geheim.\n';

describe('loadCorpus', () => {
  it('loads an article without metadata, inferring what it can', () => {
    const { articles, errors } = loadCorpus(corpusDir({ 'kauf.txt': GOOD }));
    expect(errors).toEqual([]);
    expect(articles[0]!.meta).toMatchObject({ id: 'kauf', title: 'Firma kauft Konkurrenten', language: 'de', publisher: null, byline: null });
  });
  it('merges a sidecar NAME.meta.yaml', () => {
    const dir = corpusDir({ 'kauf.txt': GOOD, 'kauf.meta.yaml': 'publisher: Testblatt\nbyline: xy/dpa\ndate: 2021-07-05\n' });
    const { articles } = loadCorpus(dir);
    expect(articles[0]!.meta).toMatchObject({ publisher: 'Testblatt', byline: 'xy/dpa', date: '2021-07-05' });
  });
  it('names each bad file and still loads the rest', () => {
    const dir = corpusDir({
      'a-good.txt': GOOD,
      'empty.txt': '',
      'binary.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]),
      'latin1.txt': Buffer.from('Gr\xfc\xdfe aus K\xf6ln. Das ist alles.', 'latin1'),
      'badfront.txt': '---\nheadline: [unclosed\n---\nText hier. Mehr Text.',
      'unclosed.txt': '---\nheadline: x\nText ohne Ende.',
      'dup.txt': '---\nid: a-good\n---\nNoch ein Artikel\n\nMit Text. Und mehr.',
      'badkey.meta.yaml': 'autor: Hans',
      'badkey.txt': GOOD,
    });
    const { articles, errors } = loadCorpus(dir);
    expect(articles.map((a) => a.meta.id)).toEqual(['a-good']);
    const messages = errors.map((e) => e.message).join('\n');
    for (const name of ['empty.txt', 'binary.txt', 'latin1.txt', 'badfront.txt', 'unclosed.txt', 'dup.txt', 'badkey.meta.yaml']) {
      expect(messages).toContain(name);
    }
    expect(messages).toMatch(/empty/);
    expect(messages).toMatch(/binary/);
    expect(messages).toMatch(/UTF-8/);
    expect(messages).toMatch(/already used/);
    expect(messages).toMatch(/unknown metadata key "autor"/);
  });
  it('rejects a file over the size limit by name', () => {
    const dir = corpusDir({ 'big.txt': 'Ein Satz. '.repeat(2000), 'ok.txt': GOOD });
    const { articles, errors } = loadCorpus(dir, { maxFileBytes: 10_000 });
    expect(articles.map((a) => a.meta.id)).toEqual(['ok']);
    expect(errors[0]!.message).toMatch(/big\.txt.*over the .* limit/);
  });
  it('reports a missing directory', () => {
    const { articles, errors } = loadCorpus('/nonexistent/beleg');
    expect(articles).toEqual([]);
    expect(errors[0]!.message).toContain('/nonexistent/beleg');
  });
});
