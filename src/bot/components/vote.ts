/**
 * 👍 / 👎 under an answer: one vote per person per answer, acknowledged
 * privately. A 👎 in a server that records is written to the server's
 * feedback file (the question, the article, the quoted sentence ids and the
 * day; never who voted). A 👍 is only acknowledged.
 */
import type { ButtonInteraction } from 'discord.js';
import { catalogue } from '../../i18n/index.ts';
import type { BotContext } from '../context.ts';
import { privateBody } from '../reply.ts';

export async function execute(interaction: ButtonInteraction, ctx: BotContext, key: string, vote: 'up' | 'down'): Promise<void> {
  const t = catalogue(interaction.locale);
  const outcome = ctx.votes.vote(key, interaction.user.id);
  if (!outcome.ok) {
    await interaction.reply(privateBody({ content: outcome.why === 'already' ? t.bot.vote.already : t.bot.vote.expired }));
    return;
  }
  const { target } = outcome;
  const recorded = vote === 'down' && target.guildId !== null && (await ctx.feedback.isRecording(target.guildId));
  await interaction.reply(privateBody({ content: vote === 'up' ? t.bot.vote.thanksUp : recorded ? t.bot.vote.thanksDown : t.bot.vote.thanksDownNotRecorded }));
  if (recorded) {
    // the voter was thanked; a disk problem is the operator's to see, in the log
    await ctx.feedback.recordDownvote(target.guildId!, target.question, target.article, target.sentences).catch((err: unknown) => ctx.logger.error({ err, guildId: target.guildId }, 'could not record a 👎'));
  }
}
