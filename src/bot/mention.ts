/**
 * "@Beleg who succeeded Bezos?": a message that mentions the bot is answered
 * as a reply to it. Discord delivers the text of such messages without the
 * privileged Message Content intent. A user on cooldown is not answered (a
 * reply cannot be private; the cooldown is logged instead).
 */
import { performance } from 'node:perf_hooks';
import type { Client, Message } from 'discord.js';
import { detectLanguage } from '../corpus/language.ts';
import { type Catalogue, CATALOGUES, en } from '../i18n/index.ts';
import { answerPage, withoutDiscordSyntax } from './answer.ts';
import type { BotContext } from './context.ts';
import { errorMessage, newErrorId } from './errors.ts';
import { messageReplyBody } from './reply.ts';
import { afterPendingIo } from './work.ts';

export const EMPTY_MENTION = en.bot.errors.emptyMention;

/** A mention has no locale: it is answered in the question's language (German when it reads as German, else English). */
export function mentionLanguage(question: string): Catalogue {
  return CATALOGUES[detectLanguage(question) === 'de' ? 'de' : 'en'];
}

/** Whether a message asks the bot something: from a person, and mentioning the bot itself (not @everyone, a role, or only a reply ping). */
export function isQuestionForBot(message: Message, client: Client): boolean {
  if (message.author.bot || message.system || message.webhookId || !client.user) return false;
  return message.mentions.has(client.user, { ignoreEveryone: true, ignoreRoles: true, ignoreRepliedUser: true });
}

/** Handles one message; never throws or rejects. */
export async function handleMessage(message: Message, ctx: BotContext): Promise<void> {
  if (!isQuestionForBot(message, message.client)) return;
  const started = performance.now();
  const log = ctx.logger.child({ messageId: message.id, kind: 'mention', userId: message.author.id, guildId: message.guildId ?? null });
  try {
    const question = withoutDiscordSyntax(message.content);
    const t = mentionLanguage(question);
    if (!question) {
      await message.reply(messageReplyBody({ content: t.bot.errors.emptyMention }));
      log.info({ outcome: 'empty', ms: Math.round(performance.now() - started) }, 'mention handled');
      return;
    }
    const wait = ctx.cooldown.take(message.author.id);
    if (wait > 0) {
      log.info({ outcome: 'cooldown', waitMs: wait }, 'mention ignored: user on cooldown');
      return;
    }
    const page = await afterPendingIo(() => answerPage(ctx, { kind: 'answer', question, guildId: message.guildId }, 0, undefined, t));
    await message.reply(messageReplyBody(page));
    if (page.refused && message.guildId) {
      await ctx.feedback.recordRefusal(message.guildId, question, null).catch((err: unknown) => log.error({ err }, 'could not record an unanswered question'));
    }
    log.info({ outcome: 'ok', ms: Math.round(performance.now() - started) }, 'mention handled');
  } catch (err) {
    const errorId = newErrorId();
    log.error({ err, errorId }, `mention failed (error id ${errorId})`);
    await message.reply(messageReplyBody({ content: errorMessage(errorId, mentionLanguage(withoutDiscordSyntax(message.content))) })).catch((e: unknown) => log.warn({ err: e, errorId }, 'could not tell the user about the failure'));
  }
}
