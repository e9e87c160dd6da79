/**
 * The "More" button under an answer: the next page of passages. On a
 * private answer it replaces the page in place; on a public one it answers
 * the person who pressed it privately, so a shared message never changes
 * under other readers. Deferred like every engine call.
 */
import { type ButtonInteraction, MessageFlags } from 'discord.js';
import { catalogue, en } from '../../i18n/index.ts';
import { answerPage } from '../answer.ts';
import type { BotContext } from '../context.ts';
import { body, privateBody } from '../reply.ts';
import { afterPendingIo } from '../work.ts';

export const EXPIRED = en.bot.answer.expired;

export async function execute(interaction: ButtonInteraction, ctx: BotContext, key: string, offset: number): Promise<void> {
  // the next page in the language of whoever pressed
  const t = catalogue(interaction.locale);
  const state = ctx.store.get(key);
  if (!state || state.kind !== 'answer') {
    await interaction.reply(privateBody({ content: t.bot.answer.expired }));
    return;
  }
  if (interaction.message.flags.has(MessageFlags.Ephemeral)) {
    await interaction.deferUpdate();
  } else {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  }
  const page = await afterPendingIo(() => answerPage(ctx, state, offset, key, t));
  await interaction.editReply(body(page));
}
