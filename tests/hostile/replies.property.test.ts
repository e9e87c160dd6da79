/**
 * Issue 7, item 1 (Discord formatting): every reply the bot builds, from what
 * a user types (/ask, /quote, /summary, /source, @mentions, "Find in
 * article", "More") and from what a hostile corpus file contains, stays
 * within Discord's limits, pings no one, and quotes the article verbatim.
 *
 * The replies are built exactly as the handlers build them (src/bot/answer.ts,
 * the commands, src/bot/reply.ts) but without a Discord connection: the
 * formatting is pure, so this runs thousands of inputs in seconds. The
 * rendered quote is un-escaped and compared with the article text, so a
 * renderer that changed a word would fail here.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import type { APIEmbed } from 'discord.js';
import { stringify as toYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerPage, questionFrom } from '../../src/bot/answer.ts';
import { resolveArticle, scopeLabel } from '../../src/bot/articles.ts';
import { parseCustomId } from '../../src/bot/components/customId.ts';
import type { AnswerState, BotContext, ButtonState } from '../../src/bot/context.ts';
import { Cooldown } from '../../src/bot/cooldown.ts';
import { escapeMarkdown, oneLine } from '../../src/bot/format/escape.ts';
import { ELLIPSIS, LIMITS } from '../../src/bot/format/limits.ts';
import { renderAbstention, renderHelp, renderQuotePost, renderQuoteText, renderSource, renderSummary } from '../../src/bot/format/render.ts';
import { createLogger } from '../../src/bot/logger.ts';
import { EMPTY_MENTION } from '../../src/bot/mention.ts';
import { body, messageReplyBody, privateBody, type ReplyBody } from '../../src/bot/reply.ts';
import { ExpiringLru } from '../../src/bot/store.ts';
import { FeedbackStore } from '../../src/bot/feedback/store.ts';
import { VoteBook } from '../../src/bot/feedback/votes.ts';
import { STRONG_RATIO } from '../../src/engine/strong.ts';
import { type Catalogue, de, en } from '../../src/i18n/index.ts';
import { renderMisses } from '../../src/bot/format/misses.ts';
import { IngestError, ingestArticle } from '../../src/corpus/ingest.ts';
import { ARTICLE_ID, MetadataError } from '../../src/corpus/metadata.ts';
import type { Article, ArticleMeta } from '../../src/corpus/types.ts';
import { type Answer, createEngine, type Engine, MAX_QUESTION_LENGTH } from '../../src/engine/engine.ts';
import { openEngine } from '../../src/engine/open.ts';
import { type Lexicon, loadLexicon } from '../../src/search/lexicon.ts';
import { SEED_DIR } from '../seed.ts';
import { count, countAnswered, note, expectSafeMessage, FRAGMENTS, hostileString, isWellFormed, type MessageBody, noisyGoodQuestion, SEED, summaryLine } from './inputs.ts';
import { tempDir } from '../tempDir.ts';

const SEED_ID = 'spiegel-gchq-aws';
const BOT_ID = '987654321098765432';
let seedEngine: Engine;
let lexicon: Lexicon;

/** One feedback folder for every context of this file (a property run makes thousands of contexts). */
const feedbackDir = tempDir('beleg-hostile-');

function contextFor(engine: Engine): BotContext {
  return {
    engineFor: () => engine,
    logger: createLogger({ level: 'silent' }),
    cooldown: new Cooldown({ ms: 0 }),
    store: new ExpiringLru<ButtonState>({ max: 50 }),
    pageSize: 3,
    maxPassages: 10,
    strongRatio: STRONG_RATIO,
    votes: new VoteBook(),
    feedback: new FeedbackStore({ dir: feedbackDir }),
  };
}

beforeAll(() => {
  seedEngine = openEngine(SEED_DIR).engine;
  lexicon = loadLexicon();
});

afterAll(() => {
  console.log(summaryLine('hostile reply properties'));
});

/** A reply body as the handlers send it, with its components as JSON. */
function sent(b: ReturnType<typeof body>): MessageBody & { components?: unknown[] } {
  return { ...b, components: b.components?.map((row) => row.toJSON()) };
}

/** Buttons stay within Discord's limits and carry a custom id the bot can parse. */
function checkComponents(message: { components?: unknown[] }): { more: { key: string; offset: number } | null } {
  let more: { key: string; offset: number } | null = null;
  for (const row of (message.components ?? []) as { components: { custom_id: string; label?: string; emoji?: { name: string } }[] }[]) {
    expect(row.components.length).toBeLessThanOrEqual(5);
    for (const button of row.components) {
      expect(button.custom_id.length).toBeLessThanOrEqual(LIMITS.customId);
      // a label, an emoji or both; a label within Discord's 80
      expect(Boolean(button.label) || Boolean(button.emoji?.name)).toBe(true);
      expect(button.label?.length ?? 0).toBeLessThanOrEqual(LIMITS.buttonLabel);
      const parsed = parseCustomId(button.custom_id);
      expect(parsed).not.toBeNull();
      if (parsed?.kind === 'more') more = { key: parsed.key, offset: parsed.offset };
    }
  }
  return { more };
}

/** Undoes the renderer's markdown: backslash escapes and our bold markers go, neutralised mentions are restored. */
function unrender(markdown: string): string {
  return markdown.replace(/\\(.)|\*\*/gsu, (_m, c: string | undefined) => c ?? '').replaceAll('@\u200b', '@');
}

/**
 * The quotes of a rendered page, in order, un-escaped: each passage is a
 * block quote line ("> …") followed by its citation line.
 */
function quotesOf(embed: APIEmbed): string[] {
  return (embed.description ?? '')
    .split('\n')
    .filter((line) => line.startsWith('> '))
    .map((line) => unrender(line.slice(2)));
}

/** Each shown quote is the article's sentence word for word, or its beginning cut at a word with "…". */
function expectVerbatimQuotes(embed: APIEmbed, texts: readonly string[]): void {
  const quotes = quotesOf(embed);
  expect(quotes.length).toBeGreaterThanOrEqual(1);
  expect(quotes.length).toBeLessThanOrEqual(texts.length);
  quotes.forEach((quote, i) => {
    const full = oneLine(texts[i]!);
    if (quote === full) return;
    expect(quote.endsWith(ELLIPSIS)).toBe(true);
    expect(full.startsWith(quote.slice(0, -ELLIPSIS.length))).toBe(true);
  });
}

/**
 * The bold part of each shown quote is the engine's highlight (the answer), or
 * its beginning when the quote was cut; a quote without a highlight has no bold.
 */
function expectBoldHighlights(embed: APIEmbed, answers: readonly Answer[]): void {
  const lines = (embed.description ?? '').split('\n').filter((line) => line.startsWith('> '));
  lines.forEach((line, i) => {
    const a = answers[i]!;
    const bold = [...line.matchAll(/(?<!\\)\*\*((?:\\.|[^*\\])*?)(?<!\\)\*\*/gsu)].map((m) => unrender(m[1]!));
    if (!a.highlight) {
      expect(bold).toEqual([]);
      return;
    }
    expect(bold.length).toBeLessThanOrEqual(1);
    const answer = oneLine(a.text.slice(a.highlight.start, a.highlight.end));
    // a quote cut inside its highlight closes the bold before the "…"
    if (bold[0] !== undefined) expect(answer.startsWith(bold[0])).toBe(true);
  });
}

/** /ask and "Find in article", then every "More" page, as the handlers build them. */
/** Replies alternate between English and German, so every property holds in both (deterministically: same runs, same order). */
let turn = 0;
const nextLanguage = (): Catalogue => (turn++ % 2 ? de : en);

function askPages(ctx: BotContext, state: AnswerState, wellFormedInput: boolean, name: string): void {
  const t = nextLanguage();
  const result = ctx.engineFor(null).ask(state.question, { limit: ctx.maxPassages, articleId: state.articleId });
  let reply = sent(body(answerPage(ctx, state, 0, undefined, t)));
  expectSafeMessage(reply, { wellFormedInput });
  if (result.abstained) {
    // "Not found" when the articles were searched; otherwise the reason the question could not be searched.
    if (result.invalid) expect(reply.embeds![0]!.description).toMatch(/^\S/);
    else expect(reply.embeds![0]!.description!.startsWith(`**${t.bot.answer.notFound}** `)).toBe(true);
    const length = [...state.question.trim()].length;
    if (length > MAX_QUESTION_LENGTH) expect(reply.embeds![0]!.description).toContain(t.refusal.tooLong(length, MAX_QUESTION_LENGTH).replace(/\.$/, ''));
    return;
  }
  countAnswered(name);
  let offset = 0;
  for (let pages = 0; pages < 10; pages++) {
    expectVerbatimQuotes(reply.embeds![0]!, result.answers.slice(offset).map((a) => a.text));
    expectBoldHighlights(reply.embeds![0]!, result.answers.slice(offset));
    const { more } = checkComponents(reply);
    if (!more) return;
    expect(more.offset).toBeGreaterThan(offset);
    offset = more.offset;
    reply = sent(body(answerPage(ctx, state, offset, more.key, t)));
    expectSafeMessage(reply, { wellFormedInput });
  }
}

/** /quote: the private ready-to-paste quote, and the public "Post to channel" post. */
function quoteReplies(ctx: BotContext, query: string, articleId: string | undefined, userId: string, wellFormedInput: boolean): void {
  const t = nextLanguage();
  const result = ctx.engineFor(null).ask(query, { limit: 1, articleId });
  const best: Answer | undefined = result.answers[0];
  if (result.abstained || !best) {
    expectSafeMessage(body({ embeds: [renderAbstention(result, scopeLabel(ctx.engineFor(null), articleId, t), undefined, t)] }), { wellFormedInput });
    return;
  }
  const text = body({ content: renderQuoteText(best, t) });
  expectSafeMessage(text, { wellFormedInput });
  // one code block, which the quote cannot close early
  expect(text.content!.match(/```/g)).toHaveLength(2);
  const post = body(renderQuotePost(best, userId, t));
  // the post credits the user who posted it, as a mention that allowedMentions keeps from pinging
  expectSafeMessage(post, { wellFormedInput, allowContentMention: /^(Quoted by|Zitiert von) <@\d{1,25}>$/ });
  expect(post.content).toBe(t.bot.quote.quotedBy(/^\d{1,25}$/.test(userId) ? `<@${userId}>` : t.bot.quote.someone));
  expectVerbatimQuotes(post.embeds![0]!, [best.text]);
}

/** /summary, as the command builds it. */
function summaryReply(ctx: BotContext, articleId: string, topic: string | undefined, sentences: number | undefined, wellFormedInput: boolean): void {
  const summary = ctx.engineFor(null).summarize({ articleId, topic, sentences });
  const meta = ctx.engineFor(null).article(summary.articleId)!.meta;
  const reply = body({ embeds: [renderSummary(summary, meta, nextLanguage())] });
  expectSafeMessage(reply, { wellFormedInput });
  if (summary.sentences.length) expectVerbatimQuotes(reply.embeds![0]!, summary.sentences.map((s) => s.text));
}

/** What the article option resolves to; a refusal is a private message saying why. */
function resolved(engine: Engine, option: string | null, wellFormedInput: boolean): { ok: true; id: string | undefined } | { ok: false } {
  const article = resolveArticle(engine, option);
  if (!article.ok) {
    const reply = privateBody({ content: escapeMarkdown(article.message) });
    expectSafeMessage(reply, { wellFormedInput });
    expect(reply.flags).toBe(64);
  }
  return article;
}

/** Ids as the loader lets them through (see ARTICLE_ID): any script, combining marks, at most 64. */
const articleId = fc
  .array(fc.constantFrom(...'aZ09_.-üßé日本αбש'.split(''), 'e\u0301', 'ä'), { minLength: 1, maxLength: 40 })
  .map((parts) => parts.join(''))
  .filter((id) => ARTICLE_ID.test(id));

describe('replies to hostile users, over the seed corpus', () => {
  const articleOption = fc.option(fc.oneof(fc.constant(SEED_ID), fc.constant('Geheimdienst'), hostileString({ maxPieces: 3 })), { nil: null });

  it('/ask (and its "More" pages): within limits, no pings, verbatim quotes, a clear message when too long', () => {
    fc.assert(
      fc.property(fc.oneof(hostileString(), noisyGoodQuestion()), articleOption, (question, option) => {
        count('/ask');
        const wellFormedInput = isWellFormed(question) && isWellFormed(option ?? '');
        const article = resolved(seedEngine, option, wellFormedInput);
        if (article.ok) askPages(contextFor(seedEngine), { kind: 'answer', question, articleId: article.id }, wellFormedInput, '/ask');
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('@mentions and "Find in article": the message text becomes a question of at most the maximum length', () => {
    fc.assert(
      fc.property(fc.oneof(hostileString(), noisyGoodQuestion()), fc.boolean(), (text, mention) => {
        count('@mention / Find in article');
        const content = mention ? `<@${BOT_ID}> ${text}` : text;
        const question = questionFrom(content);
        expect(question.length).toBeLessThanOrEqual(MAX_QUESTION_LENGTH);
        expect(question).not.toMatch(/<@[!&]?\d+>/);
        const wellFormedInput = isWellFormed(text);
        const ctx = contextFor(seedEngine);
        if (!question) {
          expectSafeMessage(messageReplyBody({ content: EMPTY_MENTION }));
          return;
        }
        // the mention reply (no ping of the author either) and the context-menu reply
        expectSafeMessage(messageReplyBody(answerPage(ctx, { kind: 'answer', question })), { wellFormedInput });
        askPages(ctx, { kind: 'answer', question, find: true }, wellFormedInput, '@mention / Find in article');
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('/quote: the ready-to-paste code block and the public post', () => {
    fc.assert(
      fc.property(
        fc.oneof(hostileString(), noisyGoodQuestion()),
        fc.oneof(fc.constant('123456789012345678'), fc.constantFrom('', '@everyone', '&123', '1'.repeat(30), '12 34'), hostileString({ maxPieces: 2 })),
        (query, userId) => {
          count('/quote');
          const wellFormedInput = isWellFormed(query);
          quoteReplies(contextFor(seedEngine), query, undefined, userId, wellFormedInput);
          const r = seedEngine.ask(query, { limit: 1 });
          if (!r.abstained) countAnswered('/quote');
        },
      ),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('/summary with any topic and sentence count', () => {
    fc.assert(
      fc.property(fc.option(hostileString({ maxPieces: 6 }), { nil: undefined }), fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }), (topic, sentences) => {
        count('/summary');
        summaryReply(contextFor(seedEngine), SEED_ID, topic, sentences, isWellFormed(topic ?? ''));
        if (seedEngine.summarize({ articleId: SEED_ID, topic, sentences }).sentences.length) countAnswered('/summary');
      }),
      { seed: SEED, numRuns: 100 },
    );
  });

  it('/source and /help with hostile metadata (a corpus file may say anything)', () => {
    const seedMeta = seedEngine.article(SEED_ID)!.meta;
    const field = fc.option(hostileString({ maxPieces: 6 }), { nil: null });
    fc.assert(
      fc.property(
        fc.record({ id: articleId, title: hostileString(), kicker: field, publisher: field, byline: field, language: fc.constantFrom('de', 'en', 'xx'), url: fc.option(fc.oneof(fc.webUrl(), hostileString({ maxPieces: 3 })), { nil: null }), date: field }),
        fc.array(hostileString({ maxPieces: 3 }), { maxLength: 30 }),
        (meta: ArticleMeta, cited) => {
          count('/source and /help');
          const wellFormedInput = [meta.id, meta.title, meta.kicker, meta.publisher, meta.byline, meta.url, meta.date, ...cited].every((s) => isWellFormed(s ?? ''));
          const t = nextLanguage();
          expectSafeMessage(body({ embeds: [renderSource(meta, cited, t)] }), { wellFormedInput });
          expectSafeMessage(body({ embeds: [renderHelp([seedMeta, meta, ...Array.from({ length: cited.length }, (_, i) => ({ id: `${meta.id}${i}`, title: cited[i]! }))], t)] }), { wellFormedInput });
          // what moderators see of hostile recorded questions and quotes
          const misses = { recording: true, unanswered: cited.map((q, i) => ({ count: i + 1, question: q || 'x', article: meta.id })), downvoted: cited.map((q, i) => ({ sentenceId: `${meta.id}:${i}.1`, count: i + 1, question: q || 'x' })) };
          expectSafeMessage(body({ embeds: [renderMisses(misses, (id) => (id.endsWith('0.1') ? { text: meta.title, paragraph: 1, sentence: 1, articleId: meta.id } : undefined), t)] }), { wellFormedInput });
        },
      ),
      { seed: SEED, numRuns: 150 },
    );
    expectSafeMessage(body({ embeds: [renderSource(seedMeta, seedEngine.sources(SEED_ID)!.cited)] }));
  });
});

// ---------------------------------------------------------------- a hostile corpus

/** An article file written by a troll: hostile lines, a few real sentences, maybe front matter with hostile values. */
const hostileArticle = fc
  .tuple(
    hostileString({ maxPieces: 4 }),
    fc.array(
      fc.oneof(
        hostileString({ maxPieces: 8 }),
        fc.constantFrom(
          'Der Kauf wurde am Montag bekannt.',
          'Amazon-Gründer Jeff Bezos gab seinen Chefposten an Andy Jassy weiter.',
          'Die Daten werden in Großbritannien gespeichert, sagte ein Sprecher @everyone.',
          'Told <@123456789012345678> and <@&234567890123456789> the **news** in `code`.',
          'Der Geheimdienst GCHQ (Government Communications Headquarters) nutzt künstliche Intelligenz.',
        ),
      ),
      { minLength: 1, maxLength: 12 },
    ),
    fc.option(
      fc.record({ headline: fc.constantFrom(...FRAGMENTS), publisher: fc.constantFrom(...FRAGMENTS), byline: fc.constantFrom(...FRAGMENTS), kicker: fc.constantFrom(...FRAGMENTS) }, { requiredKeys: [] }),
      { nil: undefined },
    ),
  )
  .map(([headline, lines, meta]) => {
    const text = `${headline}\n\n${lines.join('\n\n')}\n`;
    return meta ? `---\n${toYaml(meta)}---\n${text}` : text;
  });

describe('replies quoting a hostile article', () => {
  it('ingest keeps every sentence verbatim; every reply about the article is safe and quotes it verbatim', () => {
    fc.assert(
      fc.property(hostileArticle, fc.oneof({ weight: 1, arbitrary: hostileString({ maxPieces: 4 }) }, { weight: 3, arbitrary: fc.constantFrom('Bezos', 'Daten', 'GCHQ', 'Kauf Montag', 'news code', 'Who succeeded Bezos?', 'Wo werden die Daten gespeichert?') }), (source, question) => {
        count('hostile article');
        let article: Article;
        try {
          article = ingestArticle(source, { id: 'hostile', path: 'hostile.txt' });
        } catch (err) {
          // unusable files are refused with a message naming them, never with anything else
          expect(err instanceof IngestError || err instanceof MetadataError).toBe(true);
          expect((err as Error).message).toContain('hostile.txt');
          return;
        }
        note('hostile articles ingested');
        for (const s of article.sentences) {
          expect(s.text).toBe(source.slice(s.start, s.end));
          expect(s.text.trim().length).toBeGreaterThan(0);
        }
        const engine = createEngine([article], { lexicon });
        const ctx = contextFor(engine);
        const wellFormedInput = isWellFormed(source) && isWellFormed(question);
        const r = engine.ask(question);
        for (const a of r.answers) expect(source.includes(a.text)).toBe(true);
        askPages(ctx, { kind: 'answer', question }, wellFormedInput, 'hostile article');
        quoteReplies(ctx, question, 'hostile', BOT_ID, wellFormedInput);
        summaryReply(ctx, 'hostile', undefined, 10, wellFormedInput);
        const info = engine.sources('hostile')!;
        expectSafeMessage(body({ embeds: [renderSource(info.meta, info.cited)] }), { wellFormedInput });
        expectSafeMessage(body({ embeds: [renderHelp(engine.articles())] }), { wellFormedInput });
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});

describe('every reply body', () => {
  it('sets allowedMentions to ping no one, and fits whatever content is given', () => {
    fc.assert(
      fc.property(hostileString(), fc.array(hostileString({ maxPieces: 4 }), { maxLength: 12 }), (content, descriptions) => {
        count('reply bodies');
        const b: ReplyBody = { content: escapeMarkdown(content) || '.', embeds: descriptions.map((d) => ({ description: escapeMarkdown(d) || '.' })) };
        for (const reply of [body(b), privateBody(b), messageReplyBody(b)]) expectSafeMessage(reply, { wellFormedInput: isWellFormed(content) && descriptions.every(isWellFormed) });
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});
