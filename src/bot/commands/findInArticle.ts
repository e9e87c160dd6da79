/**
 * Message context menu "Find in article": the target message's text, taken
 * as a claim, answered privately with the passages that concern it.
 */
import { ApplicationCommandType, ContextMenuCommandBuilder, type MessageContextMenuCommandInteraction, MessageFlags } from 'discord.js';
import { catalogue } from '../../i18n/index.ts';
import { answerPage, questionFrom } from '../answer.ts';
import type { BotContext } from '../context.ts';
import { body, privateBody } from '../reply.ts';
import { afterPendingIo } from '../work.ts';
import { texts } from './localize.ts';

export const data = texts(new ContextMenuCommandBuilder(), (c) => c.commands.findInArticle).setType(ApplicationCommandType.Message);

/**
 * Claims found this way are not recorded as missed questions: they are
 * someone else's message, not a question put to the bot.
 */
export async function execute(interaction: MessageContextMenuCommandInteraction, ctx: BotContext): Promise<void> {
  const t = catalogue(interaction.locale);
  const claim = questionFrom(interaction.targetMessage.content);
  if (!claim) {
    await interaction.reply(privateBody({ content: t.bot.errors.noTextInMessage }));
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const page = await afterPendingIo(() => answerPage(ctx, { kind: 'answer', question: claim, find: true, guildId: interaction.guildId }, 0, undefined, t));
  await interaction.editReply(body(page));
}
