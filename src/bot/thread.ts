/**
 * `/ask … thread:true`: a public thread opened from the answer, so a
 * discussion of one quote does not flood the channel. Only from messages in
 * text and announcement channels, and only with the Create Public Threads
 * permission; otherwise the answer stays in the channel and the asker is
 * told why, privately.
 */
import { ChannelType, type ChatInputCommandInteraction, DiscordAPIError, type Message, PermissionFlagsBits, RESTJSONErrorCodes, Routes, ThreadAutoArchiveDuration } from 'discord.js';
import type { Catalogue } from '../i18n/index.ts';
import type { BotContext } from './context.ts';
import { plainFit } from './format/text.ts';
import { privateBody } from './reply.ts';

/** Longest thread name Discord accepts. */
export const THREAD_NAME_MAX = 100;

/** A thread's name from the question: one line, mentions neutralised, at most 100 characters; "Beleg" when nothing is left. */
export function threadName(question: string): string {
  return plainFit(question, THREAD_NAME_MAX) || 'Beleg';
}

/** Channels a thread can be started from a message in. */
const THREAD_PARENTS: ReadonlySet<ChannelType> = new Set([ChannelType.GuildText, ChannelType.GuildAnnouncement]);

/** Opens a public thread from the answer `message`; says privately why not when it cannot. Returns whether a thread was opened. */
export async function openThread(interaction: ChatInputCommandInteraction, message: Message, question: string, ctx: BotContext, t: Catalogue): Promise<boolean> {
  const type = interaction.channel?.type;
  if (!interaction.inGuild() || (type !== undefined && !THREAD_PARENTS.has(type))) {
    await interaction.followUp(privateBody({ content: t.bot.thread.notHere }));
    return false;
  }
  if (!interaction.appPermissions.has(PermissionFlagsBits.CreatePublicThreads)) {
    await interaction.followUp(privateBody({ content: t.bot.thread.noPermission }));
    return false;
  }
  try {
    await interaction.client.rest.post(Routes.threads(interaction.channelId, message.id), {
      body: { name: threadName(question), auto_archive_duration: ThreadAutoArchiveDuration.OneDay },
      reason: 'Beleg: /ask with thread',
    });
    return true;
  } catch (err) {
    const code = err instanceof DiscordAPIError ? err.code : null;
    if (code === RESTJSONErrorCodes.ThreadAlreadyCreatedForMessage) return true;
    const denied = code === RESTJSONErrorCodes.MissingPermissions || code === RESTJSONErrorCodes.MissingAccess;
    const wrongChannel = code === RESTJSONErrorCodes.CannotExecuteActionOnThisChannelType;
    ctx.logger.warn({ err, channelId: interaction.channelId }, 'could not open a thread from an answer');
    await interaction.followUp(privateBody({ content: denied ? t.bot.thread.noPermission : wrongChannel ? t.bot.thread.notHere : t.bot.thread.failed }));
    return false;
  }
}
