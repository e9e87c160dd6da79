import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isCorpusFile, watchCorpus } from '../../src/corpus/watch.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('watchCorpus', () => {
  it('knows which files are corpus files', () => {
    expect(['a.txt', 'b.md', 'a.meta.yaml'].map(isCorpusFile)).toEqual([true, true, true]);
    expect(['.a.txt', 'a.txt~', 'a.swp', 'notes.json', 'a.yaml'].map(isCorpusFile)).toEqual([false, false, false, false, false]);
  });

  it('calls back once after a burst of changes, and not for other files or after close', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'beleg-watch-'));
    let calls = 0;
    const watcher = watchCorpus(dir, () => calls++, { debounceMs: 80 });
    try {
      await watcher.ready;
      for (let i = 0; i < 5; i++) {
        writeFileSync(join(dir, `a${i}.txt`), `Titel ${i}\n\nText.\n`);
        await sleep(10);
      }
      writeFileSync(join(dir, 'a1.meta.yaml'), 'publisher: X\n');
      for (let i = 0; i < 100 && calls === 0; i++) await sleep(20);
      await sleep(200);
      expect(calls).toBe(1);
      writeFileSync(join(dir, 'other.json'), '{}');
      writeFileSync(join(dir, '.hidden.txt'), 'x');
      await sleep(300);
      expect(calls).toBe(1);
      rmSync(join(dir, 'a0.txt'));
      for (let i = 0; i < 100 && calls === 1; i++) await sleep(20);
      expect(calls).toBe(2);
      writeFileSync(join(dir, 'late.txt'), 'x');
      await watcher.close();
      await sleep(200);
      expect(calls).toBe(2);
    } finally {
      await watcher.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
