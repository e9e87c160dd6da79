/**
 * Issue 7, item 1 (engine): whatever a user types, the engine over the seed
 * corpus throws nothing, quotes only verbatim article text, and says clearly
 * why it will not answer (an empty or over-long question, an unknown article).
 * fast-check with a fixed seed and bounded runs; the inputs tried are counted
 * and printed at the end.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withoutDiscordSyntax } from '../../src/bot/answer.ts';
import { type AskResult, type Engine, MAX_QUESTION_LENGTH } from '../../src/engine/engine.ts';
import { openEngine } from '../../src/engine/open.ts';
import { splitCompound } from '../../src/search/compounds.ts';
import { loadLexicon } from '../../src/search/lexicon.ts';
import { UnknownArticleError } from '../../src/summary/summarize.ts';
import { SEED_DIR, SEED_SOURCE } from '../seed.ts';
import { count, countAnswered, hostileString, longString, noisyGoodQuestion, SEED, summaryLine } from './inputs.ts';

const SEED_ID = 'spiegel-gchq-aws';
let engine: Engine;

beforeAll(() => {
  engine = openEngine(SEED_DIR).engine;
});

afterAll(() => {
  console.log(summaryLine('hostile engine properties'));
});

/** What must hold for every reply to `question`. */
function checkAsk(question: string, r: AskResult, limit: number | undefined): void {
  expect(r.question).toBe(question);
  expect(typeof r.abstained).toBe('boolean');
  const q = question.trim();
  if (!q) {
    expect(r.abstained).toBe(true);
    expect(r.reason).toMatch(/empty/);
  }
  // Characters as people count them: code points.
  const length = [...q].length;
  if (length > MAX_QUESTION_LENGTH) {
    expect(r).toMatchObject({ abstained: true, invalid: true });
    expect(r.reason).toBe(`The question is too long (${length} characters; at most ${MAX_QUESTION_LENGTH}).`);
  }
  if (r.abstained) {
    expect(r.answers).toEqual([]);
    expect(typeof r.reason).toBe('string');
    expect(r.reason!.trim().length).toBeGreaterThan(0);
    return;
  }
  expect(r.reason).toBeNull();
  expect(r.answers.length).toBeGreaterThanOrEqual(1);
  expect(r.answers.length).toBeLessThanOrEqual(Math.max(1, Math.min(limit ?? 3, 25)));
  for (const a of r.answers) {
    const sentence = engine.sentence(a.sentenceId);
    expect(sentence).toBeDefined();
    const article = engine.article(a.citation.articleId)!;
    // verbatim: exactly the span of the source file the sentence points at
    expect(a.text).toBe(article.source.slice(sentence!.start, sentence!.end));
    expect(SEED_SOURCE.includes(a.text)).toBe(true);
    expect(a.text.trim().length).toBeGreaterThan(0);
    expect(Number.isFinite(a.score)).toBe(true);
    expect(a.citation).toEqual(engine.cite(sentence!));
    for (const m of a.matched) expect(a.text).toContain(m.article);
  }
}

const RUNS = { seed: SEED, numRuns: 300 };

describe('engine.ask over the seed corpus, hostile questions', () => {
  it('never throws, quotes verbatim, explains every abstention', () => {
    fc.assert(
      fc.property(hostileString(), fc.option(fc.integer({ min: -5, max: 40 }), { nil: undefined }), (question, limit) => {
        count('ask');
        const started = performance.now();
        const r = engine.ask(question, limit === undefined ? {} : { limit });
        expect(performance.now() - started).toBeLessThan(1000);
        checkAsk(question, r, limit);
        if (!r.abstained) countAnswered('ask');
      }),
      RUNS,
    );
  });

  it('answerable questions wrapped in markup, mentions, emoji and invisible characters: verbatim quotes', () => {
    fc.assert(
      fc.property(noisyGoodQuestion(), fc.option(fc.integer({ min: 1, max: 25 }), { nil: undefined }), (question, limit) => {
        count('noisy answerable question');
        const r = engine.ask(question, limit === undefined ? {} : { limit });
        checkAsk(question, r, limit);
        if (!r.abstained) countAnswered('noisy answerable question');
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('an article option that names no article is refused by name; the seed id answers', () => {
    fc.assert(
      fc.property(hostileString({ maxPieces: 4 }), fc.oneof(fc.constant(SEED_ID), hostileString({ maxPieces: 3 })), (question, articleId) => {
        count('ask with article');
        const r = engine.ask(question, { articleId });
        checkAsk(question, r, undefined);
        if (!r.abstained) countAnswered('ask with article');
        const q = question.trim();
        if (articleId && articleId !== SEED_ID && q && q.length <= MAX_QUESTION_LENGTH) {
          expect(r.abstained).toBe(true);
          expect(r.reason).toBe(`There is no article "${articleId}".`);
        }
        for (const a of r.answers) expect(a.citation.articleId).toBe(SEED_ID);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('a question over the maximum length gets a clear message, whatever it contains', () => {
    fc.assert(
      fc.property(fc.integer({ min: MAX_QUESTION_LENGTH + 1, max: 10_000 }).chain((n) => longString(n)), (question) => {
        count('over-long question');
        const r = engine.ask(question);
        const q = question.trim();
        if ([...q].length > MAX_QUESTION_LENGTH) {
          expect(r).toMatchObject({ abstained: true, answers: [] });
          expect(r.reason).toMatch(/^The question is too long \(\d+ characters; at most 500\)\.$/);
        } else {
          checkAsk(question, r, undefined);
        }
      }),
      { seed: SEED, numRuns: 60 },
    );
  });

  it('examples the issue names: empty, whitespace, 10,000 characters, mentions, code blocks', () => {
    const examples = ['', ' ', '\n\t ', '\u200b', 'x'.repeat(10_000), ' Bezos '.repeat(1500), '@everyone', '<@123456789012345678> who succeeded Bezos?', '```\nBezos\n```', '.*'];
    for (const q of examples) {
      count('examples');
      checkAsk(q, engine.ask(q), undefined);
    }
    expect(engine.ask('x'.repeat(10_000)).reason).toBe('The question is too long (10000 characters; at most 500).');
    expect(engine.ask('').reason).toBe('The question is empty. Ask something about the article.');
    expect(engine.ask(' \n\t ').reason).toBe('The question is empty. Ask something about the article.');
    // the question is still answered when markdown and @everyone surround it
    expect(engine.ask('**Who succeeded Bezos?** @everyone `x`').answers[0]?.text).toContain('Andy Jassy');
    // a pasted mention is no word of the question: the bot removes Discord's syntax before asking the engine
    expect(engine.ask(withoutDiscordSyntax('<@123456789012345678> Who succeeded Bezos?')).answers[0]?.text).toContain('Andy Jassy');
  });
});

describe('engine.summarize / sources / lookups, hostile topics and ids', () => {
  it('a summary on any topic quotes only verbatim sentences of the article, or says why not', () => {
    fc.assert(
      fc.property(hostileString({ maxPieces: 6 }), fc.option(fc.integer({ min: -3, max: 30 }), { nil: undefined }), (topic, sentences) => {
        count('summary topic');
        const s = engine.summarize({ articleId: SEED_ID, topic, sentences });
        expect(s.articleId).toBe(SEED_ID);
        expect(s.sentences.length).toBeLessThanOrEqual(10);
        if (s.sentences.length === 0) expect(s.reason?.trim().length ?? 0).toBeGreaterThan(0);
        else countAnswered('summary topic');
        for (const q of s.sentences) {
          const sentence = engine.sentence(q.sentenceId)!;
          expect(q.text).toBe(engine.article(SEED_ID)!.source.slice(sentence.start, sentence.end));
          expect(SEED_SOURCE.includes(q.text)).toBe(true);
          expect(q.citation.articleId).toBe(SEED_ID);
        }
      }),
      { seed: SEED, numRuns: 120 },
    );
  });

  it('an unknown article id: summarize throws only UnknownArticleError, sources/article/sentence return undefined', () => {
    fc.assert(
      fc.property(hostileString({ maxPieces: 4 }), (id) => {
        count('unknown ids');
        if (id === SEED_ID) return;
        expect(engine.article(id)).toBeUndefined();
        expect(engine.sentence(id)).toBeUndefined();
        if (id) expect(engine.sources(id)).toBeUndefined();
        expect(() => engine.summarize({ articleId: id })).toThrow(UnknownArticleError);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('sources of the seed article name only what the article says', () => {
    const info = engine.sources(SEED_ID)!;
    expect(info.meta.id).toBe(SEED_ID);
    for (const name of info.cited) expect(SEED_SOURCE).toContain(name);
  });
});

describe('questions that cost the engine too much', () => {
  // splitCompound once re-split modifiers with no memo: exponential in a run of compound-like letters
  // ("Daten".repeat(20) took ~20 s and froze the synchronous engine). It is memoised and length-capped now.
  it('splitting a long run of word-like letters takes polynomial, not exponential, work', () => {
    const lexicon = loadLexicon();
    const calls = (word: string) => {
      let n = 0;
      splitCompound(word, (w) => {
        n++;
        return lexicon.isGermanWord(w);
      });
      return n;
    };
    // 50 → 70 letters: a quadratic splitter does ~2x the work, a cubic one ~2.7x; the unmemoised one did 16x
    expect(calls('daten'.repeat(14)) / calls('daten'.repeat(10))).toBeLessThan(4);
  });

  it('an 80-character question of compound-like letters does not block (the exponential splitter took seconds)', () => {
    const started = performance.now();
    engine.ask('Daten'.repeat(16));
    // A generous bound on a shared machine: the old splitter took ~2 s here, and 20 s at 100 letters.
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('questions made of words JavaScript gives a meaning', () => {
  it("words that name the members of JavaScript's objects are plain words ('Who did GCHQ work with constructor')", () => {
    // A plain-object lookup found "constructor" on the prototype and took it for a preposition's list: a TypeError.
    const members = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', 'isPrototypeOf'];
    for (const m of members) {
      for (const q of [`Who did GCHQ work with ${m}`, `Wer arbeitet mit Amazon ${m}`, `${m} with whom did GCHQ work?`, `Kommt da noch viel ${m}`]) {
        expect(() => engine.ask(q)).not.toThrow();
      }
    }
  });
});

describe('engine API edge cases (not user-typed)', () => {
  // A limit that is no finite number (NaN, ±Infinity) falls back to the default of 3.
  it('a limit that is no finite number still answers', () => {
    for (const limit of [Number.NaN, Infinity, -Infinity]) expect(engine.ask('Who runs AWS now?', { limit }).answers).toHaveLength(3);
    expect(engine.ask('Who runs AWS now?', { limit: 2.7 }).answers).toHaveLength(2);
  });
});

