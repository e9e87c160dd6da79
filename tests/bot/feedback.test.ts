/** The feedback records, their file store and the vote book, without Discord. */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dayOf, emptyFeedback, misses, prune, questionKey, sanitize } from '../../src/bot/feedback/records.ts';
import { FeedbackStore } from '../../src/bot/feedback/store.ts';
import { VoteBook } from '../../src/bot/feedback/votes.ts';
import { renderMisses } from '../../src/bot/format/misses.ts';
import { de } from '../../src/i18n/index.ts';
import { expectWithinLimits } from './limits.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 30, 12);
const GUILD = '123456789012345678';
const dir = () => mkdtempSync(join(tmpdir(), 'beleg-feedback-'));

describe('records', () => {
  it('keep 30 days and at most maxRecords of each kind', () => {
    const file = emptyFeedback();
    for (let d = 0; d < 40; d++) file.refusals.push({ question: `q${d}`, article: null, day: dayOf(NOW - (39 - d) * DAY) });
    const kept = prune(file, NOW);
    expect(kept.refusals).toHaveLength(30);
    expect(kept.refusals[0]!.day).toBe(dayOf(NOW - 29 * DAY));
    expect(prune(file, NOW, { maxRecords: 5 }).refusals.map((r) => r.question)).toEqual(['q35', 'q36', 'q37', 'q38', 'q39']);
  });

  it('count questions alike whatever their case, accents and punctuation; rank by count, then recency', () => {
    const file = emptyFeedback();
    const day = dayOf(NOW);
    for (const q of ['Wer ist Müller?', 'wer ist muller', 'WER IST MÜLLER ?!', 'Other?', 'Newer?']) file.refusals.push({ question: q, article: null, day });
    file.refusals.push({ question: 'Wer ist Müller?', article: 'other-article', day });
    file.downvotes.push({ question: 'a', article: null, sentences: ['x:1.1', 'x:2.1'], vote: 'down', day });
    file.downvotes.push({ question: 'b', article: null, sentences: ['x:2.1', 'x:2.1'], vote: 'down', day });
    const m = misses(file, NOW);
    expect(m.unanswered.map((l) => [l.count, l.question, l.article])).toEqual([
      [3, 'WER IST MÜLLER ?!', null],
      [1, 'Wer ist Müller?', 'other-article'],
      [1, 'Newer?', null],
      [1, 'Other?', null],
    ]);
    expect(m.downvoted).toEqual([
      { sentenceId: 'x:2.1', count: 2, question: 'b' },
      { sentenceId: 'x:1.1', count: 1, question: 'a' },
    ]);
    expect(questionKey(' Wer  ist Müller?! ')).toBe('wer ist muller');
  });

  it('read a file defensively: unknown fields and malformed entries are dropped, never written back', () => {
    const raw = {
      format: 1,
      recording: 'yes',
      userId: '123456789012345678',
      refusals: [{ question: 'ok?', article: null, day: dayOf(NOW), user: 'someone' }, { question: 5, day: 'x' }, null],
      downvotes: [{ question: 'q', sentences: ['a:1.1', 7], day: dayOf(NOW), voter: 'x' }, { question: 'q', sentences: [], day: dayOf(NOW) }],
    };
    expect(sanitize(raw, NOW)).toEqual({
      format: 1,
      recording: true,
      refusals: [{ question: 'ok?', article: null, day: dayOf(NOW) }],
      downvotes: [{ question: 'q', article: null, sentences: ['a:1.1'], vote: 'down', day: dayOf(NOW) }],
    });
    fc.assert(fc.property(fc.anything(), (anything) => {
      const out = sanitize(anything, NOW);
      expect(Object.keys(out).sort()).toEqual(['downvotes', 'format', 'recording', 'refusals']);
    }), { seed: 15, numRuns: 300 });
  });
});

describe('FeedbackStore', () => {
  it('writes atomically, one change at a time: 200 concurrent records all land, no temporary file is left', async () => {
    const d = dir();
    const store = new FeedbackStore({ dir: d, now: () => NOW });
    await Promise.all(Array.from({ length: 200 }, (_, i) => (i % 2 ? store.recordRefusal(GUILD, `question ${i}`, null) : store.recordDownvote(GUILD, `question ${i}`, 'a', [`a:${i}.1`]))));
    const folder = join(d, 'guilds', GUILD);
    expect(readdirSync(folder)).toEqual(['feedback.json']);
    const file = JSON.parse(readFileSync(join(folder, 'feedback.json'), 'utf8'));
    expect(file.refusals).toHaveLength(100);
    expect(file.downvotes).toHaveLength(100);
  });

  it('is bounded: at most maxRecords per kind', async () => {
    const store = new FeedbackStore({ dir: dir(), now: () => NOW, maxRecords: 10 });
    for (let i = 0; i < 25; i++) await store.recordRefusal(GUILD, `q${i}`, null);
    expect((await store.misses(GUILD, 100)).unanswered).toHaveLength(10);
  });

  it('recording off deletes and stops; on again records; the setting is remembered across stores', async () => {
    const d = dir();
    const store = new FeedbackStore({ dir: d, now: () => NOW });
    await store.recordRefusal(GUILD, 'q', null);
    await store.setRecording(GUILD, false);
    expect(await store.recordRefusal(GUILD, 'q2', null)).toBe(false);
    expect(await store.recordDownvote(GUILD, 'q2', null, ['a:1.1'])).toBe(false);
    expect(await new FeedbackStore({ dir: d }).isRecording(GUILD)).toBe(false);
    expect(await store.misses(GUILD)).toEqual({ recording: false, unanswered: [], downvoted: [] });
    await store.setRecording(GUILD, true);
    expect(await store.recordRefusal(GUILD, 'q3', null)).toBe(true);
    expect((await store.misses(GUILD)).unanswered.map((l) => l.question)).toEqual(['q3']);
  });

  it('writes nothing for a guild id that is not a snowflake (no path tricks)', async () => {
    const d = dir();
    const store = new FeedbackStore({ dir: d });
    for (const id of ['../../etc', '..', 'abc', '', '1'.repeat(30)]) expect(await store.recordRefusal(id, 'q', null)).toBe(false);
    expect(readdirSync(d)).toEqual([]);
  });

  it('a corrupt file is started afresh, and logged', async () => {
    const d = dir();
    mkdirSync(join(d, 'guilds', GUILD), { recursive: true });
    writeFileSync(join(d, 'guilds', GUILD, 'feedback.json'), '{ not json');
    const warnings: string[] = [];
    const logger = { warn: (_o: unknown, msg: string) => warnings.push(msg) } as never;
    const store = new FeedbackStore({ dir: d, logger });
    expect(await store.recordRefusal(GUILD, 'q', null)).toBe(true);
    expect(warnings).toEqual([expect.stringContaining('not valid JSON')]);
    expect(JSON.parse(readFileSync(join(d, 'guilds', GUILD, 'feedback.json'), 'utf8')).refusals).toHaveLength(1);
  });
});

describe('VoteBook', () => {
  it('one vote per person per answer; voting closes after its time; voters are not kept by id', () => {
    let now = 0;
    const book = new VoteBook({ ttlMs: 1000, now: () => now });
    const key = book.open({ guildId: GUILD, question: 'q', article: null, sentences: ['a:1.1'] });
    expect(book.vote(key, '111111111111111111')).toMatchObject({ ok: true, target: { question: 'q' } });
    expect(book.vote(key, '111111111111111111')).toEqual({ ok: false, why: 'already' });
    expect(book.vote(key, '222222222222222222').ok).toBe(true);
    const other = book.open({ guildId: GUILD, question: 'q', article: null, sentences: [] });
    expect(book.vote(other, '111111111111111111').ok).toBe(true);
    const remembered = JSON.stringify([...(book as unknown as { answers: { entries: Map<string, { value: { voters: Set<string> } }> } }).answers['entries'].values()].map((e) => [...e.value.voters]));
    expect(remembered).not.toContain('111111111111111111');
    now = 2000;
    expect(book.vote(key, '333333333333333333')).toEqual({ ok: false, why: 'expired' });
  });
});

describe('/article misses embed', () => {
  it('stays within limits with hostile recorded text and escapes it', () => {
    const hostile = '@everyone <@123456789012345678> **bold** `x` '.repeat(40);
    const m = {
      recording: true,
      unanswered: Array.from({ length: 10 }, (_, i) => ({ count: 1000 + i, question: hostile, article: `a${'`'.repeat(80)}` })),
      downvoted: Array.from({ length: 10 }, (_, i) => ({ sentenceId: `s:${i}.1`, count: i + 1, question: hostile })),
    };
    for (const sentence of [() => ({ text: hostile, paragraph: 1, sentence: 2, articleId: 'x' }), () => undefined]) {
      const e = renderMisses(m, sentence, de);
      expectWithinLimits({ embeds: [e] });
      expect(JSON.stringify(e)).not.toMatch(/@everyone|<@\d/);
    }
    expect(renderMisses({ recording: false, unanswered: [], downvoted: [] }, () => undefined).fields!.map((f) => f.value)).toEqual(['Nothing recorded.', 'Nothing recorded.']);
  });

  it('a downvoted answer about the article itself (a byline, a date) is named by its field, not as a lost sentence', () => {
    const m = {
      recording: true,
      unanswered: [],
      downvoted: [
        { sentenceId: 'spiegel-gchq-aws:byline', count: 2, question: 'Who wrote this?' },
        { sentenceId: 'gone:7.1', count: 1, question: 'q' },
      ],
    };
    expect(renderMisses(m, () => undefined).fields![1]!.value).toBe('**2×** Byline — spiegel-gchq-aws\nasked: Who wrote this?\n**1×** gone:7.1 (a sentence no longer in the articles)\nasked: q');
    expect(renderMisses(m, () => undefined, de).fields![1]!.value).toMatch(/^\*\*2×\*\* Autor — spiegel/);
  });
});

describe('FeedbackStore under a burst', () => {
  it('applies the changes that arrive during a write together: 500 refusals take a handful of writes', async () => {
    const d = dir();
    const store = new FeedbackStore({ dir: d, now: () => NOW });
    const fs = await import('node:fs/promises');
    await Promise.all(Array.from({ length: 500 }, (_, i) => store.recordRefusal(GUILD, `q${i}`, null)));
    await store.flush();
    const file = JSON.parse(await fs.readFile(join(d, 'guilds', GUILD, 'feedback.json'), 'utf8'));
    expect(file.refusals).toHaveLength(500);
    expect(file.refusals.at(-1).question).toBe('q499');
    expect(store.writes).toBeGreaterThan(0);
    expect(store.writes).toBeLessThan(10);
  });
});
