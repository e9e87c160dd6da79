/**
 * The seed article must ingest exactly as it did before ingest learned HTML
 * and the general chrome rules: the same sentences, ids, roles, offsets and
 * metadata. `fixtures/seed-sentences.json` was written from the ingest of
 * commit cd54a98, before any of those changes; it is never regenerated to
 * make this test pass.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadSeed, SEED_SOURCE } from '../seed.ts';

const pinned = JSON.parse(readFileSync(new URL('./fixtures/seed-sentences.json', import.meta.url), 'utf8')) as {
  meta: Record<string, unknown>;
  sentences: { id: string; role: string; start: number; end: number; paragraph: number; sentence: number; attributedTo: string | null; text: string }[];
};

describe('the seed article, pinned', () => {
  const { article } = loadSeed();
  it('has the same metadata', () => {
    expect(article.meta).toEqual(pinned.meta);
  });
  it('has the same sentences, ids, roles and offsets', () => {
    const now = article.sentences.map((s) => ({ id: s.id, role: s.role, start: s.start, end: s.end, paragraph: s.paragraph, sentence: s.sentence, attributedTo: s.attributedTo, text: s.text }));
    expect(now).toEqual(pinned.sentences);
  });
  it('still quotes from the file as it is on disk', () => {
    expect(article.source).toBe(SEED_SOURCE);
    for (const s of pinned.sentences) expect(SEED_SOURCE.slice(s.start, s.end)).toBe(s.text);
  });
});
