/**
 * `/ask question [article] [public] [thread]`: the passages that answer a
 * question, quoted verbatim with citations: first those about as strong as
 * the best, the rest behind "More". Private (ephemeral) unless `public`;
 * `thread` answers publicly and opens a thread from the answer. Always
 * deferred, since the engine's search is synchronous and its time grows
 * with the corpus. A question the articles do not answer is recorded for
 * the server's moderators (`/article misses`) unless the server switched
 * recording off.
 */
import { type ChatInputCommandInteraction, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { MAX_QUESTION_LENGTH } from '../../engine/engine.ts';
import { catalogue } from '../../i18n/index.ts';
import { answerPage, withoutDiscordSyntax } from '../answer.ts';
import { ARTICLE, articleOption, autocompleteArticle } from '../articleOption.ts';
import { resolveArticle } from '../articles.ts';
import type { BotContext } from '../context.ts';
import { escapeMarkdown } from '../format/escape.ts';
import { body, privateBody } from '../reply.ts';
import { openThread } from '../thread.ts';
import { afterPendingIo } from '../work.ts';
import { texts } from './localize.ts';

export const data = texts(new SlashCommandBuilder(), (c) => c.commands.ask)
  .addStringOption((o) => texts(o, (c) => c.commands.ask.options.question).setRequired(true).setMaxLength(MAX_QUESTION_LENGTH))
  .addStringOption(articleOption((c) => c.commands.ask.options.article))
  .addBooleanOption((o) => texts(o, (c) => c.commands.ask.options.public))
  .addBooleanOption((o) => texts(o, (c) => c.commands.ask.options.thread));

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const t = catalogue(interaction.locale);
  const engine = ctx.engineFor(interaction.guildId);
  const question = withoutDiscordSyntax(interaction.options.getString('question', true));
  const article = resolveArticle(engine, interaction.options.getString(ARTICLE), t);
  if (!article.ok) {
    await interaction.reply(privateBody({ content: escapeMarkdown(article.message) }));
    return;
  }
  const thread = interaction.options.getBoolean('thread') ?? false;
  const isPublic = thread || (interaction.options.getBoolean('public') ?? false);
  await interaction.deferReply(isPublic ? {} : { flags: MessageFlags.Ephemeral });
  const state = { kind: 'answer' as const, question, articleId: article.id, guildId: interaction.guildId };
  const page = await afterPendingIo(() => answerPage(ctx, state, 0, undefined, t));
  const message = await interaction.editReply(body(page));
  if (thread) await openThread(interaction, message, question, ctx, t);
  if (page.refused && interaction.guildId) {
    await ctx.feedback.recordRefusal(interaction.guildId, question, article.id ?? null).catch((err: unknown) => ctx.logger.error({ err }, 'could not record an unanswered question'));
  }
}

export const autocomplete = autocompleteArticle;
