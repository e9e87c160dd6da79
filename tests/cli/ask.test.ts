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
  it('every answer carries its kind: passage, summary or metadata (with field and span)', () => {
    const out = run(['--json', '--corpus', SEED_DIR], 'Who succeeded Bezos?\nWhat is this article about?\nWer hat das geschrieben?\nWhich newspaper is this?\n');
    const [passage, summary, byline, publisher] = out.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(passage.answers.map((a: { kind: string }) => a.kind)).toEqual(passage.answers.map(() => 'passage'));
    expect(Object.keys(passage.answers[0]).sort()).toEqual(['citation', 'highlight', 'kind', 'matched', 'score', 'text']);
    expect(summary.answers).toHaveLength(3);
    for (const a of summary.answers) {
      expect(a.kind).toBe('summary');
      expect(SEED_SOURCE.includes(a.text)).toBe(true);
      expect(typeof a.citation.paragraph).toBe('number');
    }
    const b = byline.answers[0];
    expect(Object.keys(b).sort()).toEqual(['citation', 'field', 'kind', 'matched', 'score', 'span', 'text']);
    expect(b).toMatchObject({ kind: 'metadata', field: 'byline', text: 'jlk/Reuters', citation: { paragraph: null, sentence: null, role: null } });
    expect(SEED_SOURCE.slice(b.span.start, b.span.end)).toBe('jlk/Reuters');
    expect(publisher.answers[0]).toMatchObject({ kind: 'metadata', field: 'publisher', text: 'DER SPIEGEL', span: null });
    for (const o of [passage, summary, byline, publisher]) expect(o.refusal).toBeNull();
  });
  it('a passage carries its highlight: offsets into its text of the part that answers, or null', () => {
    const out = run(['--json', '--corpus', SEED_DIR], "Who succeeded Bezos?\nWhen did Bezos hand over?\nHow large is Amazon's market share?\n");
    const [who, when, share] = out.trimEnd().split('\n').map((l) => JSON.parse(l));
    const span = (a: { text: string; highlight: { start: number; end: number } | null }) => (a.highlight ? a.text.slice(a.highlight.start, a.highlight.end) : null);
    expect(span(who.answers[0])).toBe('Andy Jassy');
    expect(span(when.answers[0])).toBe('Im Juli');
    expect(span(share.answers[0])).toBe('mehr als 30 Prozent');
    for (const o of [who, when, share]) {
      for (const a of o.answers) {
        expect(a.highlight === null || (Number.isInteger(a.highlight.start) && a.highlight.end <= a.text.length)).toBe(true);
      }
    }
  });
  it('a refusal carries its English reason and the same as data, for questions about the article and for retrieval', () => {
    const out = run(['--json', '--corpus', SEED_DIR], 'When was it published?\nWhat is the capital of France?\n');
    const [date, france] = out.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(date).toMatchObject({ abstained: true, reason: 'The article has no date.', refusal: { code: 'article-lacks', field: 'date', articles: 1 }, answers: [] });
    expect(france).toMatchObject({ abstained: true, reason: 'The article does not mention "France".', refusal: { code: 'not-mentioned', words: ['France'] }, answers: [] });
  });
  it('honours --limit and CORPUS_DIR', () => {
    const out = run(['--json', '--limit', '1'], 'Amazon\n', { CORPUS_DIR: SEED_DIR });
    expect(JSON.parse(out).answers).toHaveLength(1);
  });
  it('answers a question given on the command line as one JSON line', () => {
    const out = run(['--json', '--corpus', SEED_DIR, 'Who succeeded Bezos?'], '');
    expect(out.trimEnd().split('\n')).toHaveLength(1);
    expect(JSON.parse(out)).toMatchObject({ question: 'Who succeeded Bezos?', abstained: false });
  });
  it('answers a single question in text form', () => {
    const out = run(['--corpus', SEED_DIR, 'Who succeeded Bezos?'], '');
    expect(out).toContain('Andy Jassy');
    expect(out).toContain('DER SPIEGEL');
  });
  it('a passage that points back ("Das berichtet …") carries the sentence before it, in JSON and in text', () => {
    const json = JSON.parse(run(['--json', '--corpus', SEED_DIR, 'Who reported the deal?'], ''));
    const das = json.answers.find((a: { text: string }) => a.text === 'Das berichtet die Financial Times.');
    expect(das.context).toEqual({ text: 'Großbritanniens Geheimdienste sollen einen Deal mit Amazon eingegangen sein.', sentenceId: 'spiegel-gchq-aws:4.1' });
    expect(SEED_SOURCE.includes(das.context.text)).toBe(true);
    expect(json.answers.filter((a: { context?: unknown }) => a.context)).toHaveLength(1);
    const text = run(['--corpus', SEED_DIR, 'Who reported the deal?'], '');
    expect(text).toContain('before it: »Großbritanniens Geheimdienste sollen einen Deal mit Amazon eingegangen sein.«');
  });
});
