import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { SEED_DIR, SEED_SOURCE } from '../seed.ts';

const run = (args: string[], input: string, env: NodeJS.ProcessEnv = {}) =>
  execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });

describe('ask --json (the contract)', () => {
  it('writes one JSON object per question line, in order, and nothing else', () => {
    const out = run(['--json', '--corpus', SEED_DIR], 'Who succeeded Bezos?\nWie wird das Wetter morgen?\n\nWo werden die Daten gespeichert?\n');
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    const objs = lines.map((l) => JSON.parse(l));
    expect(objs.map((o) => o.question)).toEqual(['Who succeeded Bezos?', 'Wie wird das Wetter morgen?', '', 'Wo werden die Daten gespeichert?']);
    const first = objs[0];
    expect(first.abstained).toBe(false);
    expect(first.answers.length).toBeGreaterThan(0);
    expect(first.answers.length).toBeLessThanOrEqual(3);
    expect(first.answers[0].text).toContain('Andy Jassy');
    expect(Object.keys(first.answers[0].citation).sort()).toEqual(['articleId', 'attributedTo', 'byline', 'paragraph', 'publisher', 'role', 'sentence', 'title']);
    expect(typeof first.answers[0].score).toBe('number');
    expect(objs[2].abstained).toBe(true);
    for (const o of objs) for (const a of o.answers) expect(SEED_SOURCE.includes(a.text)).toBe(true);
  });
  it('honours --limit and CORPUS_DIR', () => {
    const out = run(['--json', '--limit', '1'], 'Amazon\n', { CORPUS_DIR: SEED_DIR });
    expect(JSON.parse(out).answers).toHaveLength(1);
  });
  it('answers a single question in text form', () => {
    const out = run(['--corpus', SEED_DIR, 'Who succeeded Bezos?'], '');
    expect(out).toContain('Andy Jassy');
    expect(out).toContain('DER SPIEGEL');
  });
});
