/**
 * The "Post to channel" button under /quote's private reply: posts the quote
 * publicly as "Quoted by @user" (the mention renders but pings no one), once,
 * and takes the button off the private reply.
 */
import type { ButtonInteraction } from 'discord.js';
import { catalogue, en } from '../../i18n/index.ts';
import type { BotContext } from '../context.ts';
import { renderQuotePost } from '../format/render.ts';
import { body, privateBody } from '../reply.ts';

export const EXPIRED = en.bot.quote.expired;
export const ALREADY_POSTED = en.bot.quote.alreadyPosted;

export async function execute(interaction: ButtonInteraction, ctx: BotContext, key: string): Promise<void> {
  const t = catalogue(interaction.locale);
  const state = ctx.store.get(key);
  if (!state || state.kind !== 'quote') {
    await interaction.reply(privateBody({ content: t.bot.quote.expired }));
    return;
  }
  if (state.posted) {
    await interaction.reply(privateBody({ content: t.bot.quote.alreadyPosted }));
    return;
  }
  state.posted = true;
  // posted for everyone, in the language of the person who posts it
  await interaction.reply(body(renderQuotePost(state.answer, interaction.user.id, t)));
  try {
    await state.original.editReply(body({ components: [] }));
  } catch (err) {
    // The private reply may be gone (dismissed, or its token expired): the post itself went out.
    ctx.logger.debug({ err }, 'could not remove the "Post to channel" button');
  }
  ctx.store.delete(key);
}
