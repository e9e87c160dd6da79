/**
 * The "More" button under an answer: the next page of passages. On a
 * private answer it replaces the page in place; on a public one it answers
 * the person who pressed it privately, so a shared message never changes
 * under other readers. Deferred like every engine call.
 */
import { type ButtonInteraction, MessageFlags } from 'discord.js';
import { answerPage } from '../answer.ts';
import type { BotContext } from '../context.ts';
import { body, privateBody } from '../reply.ts';
import { afterPendingIo } from '../work.ts';

export const EXPIRED = 'This answer has expired. Ask again to see more passages.';

export async function execute(interaction: ButtonInteraction, ctx: BotContext, key: string, offset: number): Promise<void> {
  const state = ctx.store.get(key);
  if (!state || state.kind !== 'answer') {
    await interaction.reply(privateBody({ content: EXPIRED }));
    return;
  }
  if (interaction.message.flags.has(MessageFlags.Ephemeral)) {
    await interaction.deferUpdate();
  } else {
    await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  }
  const page = await afterPendingIo(() => answerPage(ctx, state, offset, key));
  await interaction.editReply(body(page));
}
