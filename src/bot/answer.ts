/**
 * A question's answer as a message: the passages about as strong as the best
 * one (see src/engine/strong.ts), with a "More" button when more remain and
 * 👍 / 👎 buttons, or a refusal that says what was not found. Used by /ask,
 * "Find in article", @mentions and the "More" button.
 */
import { ButtonStyle } from 'discord.js';
import { MAX_QUESTION_LENGTH } from '../engine/engine.ts';
import { strongCount } from '../engine/strong.ts';
import { type Catalogue, en } from '../i18n/index.ts';
import { scopeLabel } from './articles.ts';
import { moreId, voteId } from './components/customId.ts';
import type { AnswerState, BotContext } from './context.ts';
import { oneLine } from './format/escape.ts';
import { truncateAtWord } from './format/limits.ts';
import { renderAbstention, renderAnswers } from './format/render.ts';
import { buttonRow, type ReplyBody } from './reply.ts';

/** A page of an answer, and whether the engine refused (a question worth recording as missed). */
export interface AnswerReply extends ReplyBody {
  /** True when the articles were searched and did not say (not for a question that could not be searched). */
  refused: boolean;
}

/**
 * Builds the page of `state`'s answer that starts at `offset`, in the
 * reader's language `t`. The first page shows the passages about as strong
 * as the best one (`ctx.strongRatio`, at most a page); later pages, and a
 * summary or metadata answer, a page each. `key` is the state's entry in the store when it already has one (a
 * "More" press); otherwise one is made only if a "More" button is needed.
 */
export function answerPage(ctx: BotContext, state: AnswerState, offset = 0, key?: string, t: Catalogue = en): AnswerReply {
  const engine = ctx.engineFor(state.guildId ?? null);
  const result = engine.ask(state.question, { limit: ctx.maxPassages, articleId: state.articleId });
  if (result.abstained || result.answers.length === 0) {
    const heading = state.find ? t.bot.answer.findHeading : undefined;
    return { embeds: [renderAbstention(result, scopeLabel(engine, state.articleId, t), heading, t)], components: [], refused: !result.invalid };
  }
  const start = Math.min(offset, result.answers.length - 1);
  // Passages compete, so the first page shows the strong ones; the sentences of the summary ("What is this about?")
  // and metadata fields ("Who wrote this?") are one answer together, shown whole.
  const ranked = result.answers[0]!.kind === 'passage';
  const pageSize = start === 0 && ranked ? strongCount(result.answers.map((a) => a.score), ctx.strongRatio, ctx.pageSize) : ctx.pageSize;
  const page = renderAnswers(result, { offset: start, pageSize, heading: state.find ? t.bot.answer.findHeading : undefined, t });
  const shown = result.answers.slice(start, start + page.shown);
  const vote = ctx.votes.open({ guildId: state.guildId ?? null, question: state.question, article: state.articleId ?? null, sentences: shown.map((a) => a.sentenceId) });
  const buttons = [
    { customId: voteId(vote, 'up'), emoji: '👍', label: '', style: ButtonStyle.Secondary },
    { customId: voteId(vote, 'down'), emoji: '👎', label: '', style: ButtonStyle.Secondary },
  ];
  if (page.more) buttons.push({ customId: moreId(key ?? ctx.store.add(state), start + page.shown), emoji: '', label: t.bot.answer.more, style: ButtonStyle.Secondary });
  return { embeds: [page.embed], components: [buttonRow(...buttons)], refused: false };
}

/** Mentions, channel links, custom emoji and timestamps as Discord writes them (`<@1>`, `<#2>`, `<:e:3>`, `<t:4>`). */
const DISCORD_TOKENS = /<(?:@[!&]?\d+|#\d+|a?:\w+:\d+|t:\d+(?::\w)?|\/[^:>]+:\d+)>/g;

/**
 * A message's text as a question or claim for the engine: Discord's mention
 * and emoji syntax removed, one line, at most the engine's question length
 * (cut at a word).
 */
export function questionFrom(text: string): string {
  return truncateAtWord(withoutDiscordSyntax(text), MAX_QUESTION_LENGTH).replace(/…$/, '');
}

/**
 * What a person typed, as a question for the engine: Discord's mention and
 * emoji syntax removed (a pasted `<@123…>` is no word of the question), one
 * line. Not shortened: an over-long question gets the engine's own message.
 */
export function withoutDiscordSyntax(text: string): string {
  return oneLine(text.replace(DISCORD_TOKENS, ' '));
}
