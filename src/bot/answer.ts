/**
 * A question's answer as a message: a page of passages with a "More" button
 * when more remain, or an abstention that says what was not found. Used by
 * /ask, "Find in article", @mentions and the "More" button.
 */
import { MAX_QUESTION_LENGTH } from '../engine/engine.ts';
import { scopeLabel } from './articles.ts';
import { moreId } from './components/customId.ts';
import type { AnswerState, BotContext } from './context.ts';
import { oneLine } from './format/escape.ts';
import { truncateAtWord } from './format/limits.ts';
import { renderAbstention, renderAnswers } from './format/render.ts';
import { buttonRow, type ReplyBody } from './reply.ts';

/**
 * Builds the page of `state`'s answer that starts at `offset`. `key` is the
 * state's entry in the store when it already has one (a "More" press);
 * otherwise one is made only if a "More" button is needed.
 */
export function answerPage(ctx: BotContext, state: AnswerState, offset = 0, key?: string): ReplyBody {
  const result = ctx.engine.ask(state.question, { limit: ctx.maxPassages, articleId: state.articleId });
  if (result.abstained || result.answers.length === 0) {
    return { embeds: [renderAbstention(result, scopeLabel(ctx.engine, state.articleId), state.heading)], components: [] };
  }
  const start = Math.min(offset, result.answers.length - 1);
  const page = renderAnswers(result, { offset: start, pageSize: ctx.pageSize, heading: state.heading });
  if (!page.more) return { embeds: [page.embed], components: [] };
  const k = key ?? ctx.store.add(state);
  return { embeds: [page.embed], components: [buttonRow({ customId: moreId(k, start + page.shown), label: 'More' })] };
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
