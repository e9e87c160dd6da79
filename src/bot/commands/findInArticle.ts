/**
 * Message context menu "Find in article": the target message's text, taken
 * as a claim, answered privately with the passages that concern it.
 */
import { ApplicationCommandType, ContextMenuCommandBuilder, type MessageContextMenuCommandInteraction, MessageFlags } from 'discord.js';
import { answerPage, questionFrom } from '../answer.ts';
import type { BotContext } from '../context.ts';
import { body, privateBody } from '../reply.ts';
import { afterPendingIo } from '../work.ts';

export const data = new ContextMenuCommandBuilder().setName('Find in article').setType(ApplicationCommandType.Message);

export async function execute(interaction: MessageContextMenuCommandInteraction, ctx: BotContext): Promise<void> {
  const claim = questionFrom(interaction.targetMessage.content);
  if (!claim) {
    await interaction.reply(privateBody({ content: 'That message has no text to look up in the articles.' }));
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const page = await afterPendingIo(() => answerPage(ctx, { kind: 'answer', question: claim, heading: 'Find in article: ' }));
  await interaction.editReply(body(page));
}
