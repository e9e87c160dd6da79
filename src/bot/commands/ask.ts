/**
 * `/ask question [article] [public]`: the passages that answer a question,
 * quoted verbatim with citations, three to a page with a "More" button.
 * Private (ephemeral) unless `public` is true. Always deferred, since the
 * engine's search is synchronous and its time grows with the corpus.
 */
import { type ChatInputCommandInteraction, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { MAX_QUESTION_LENGTH } from '../../engine/engine.ts';
import { answerPage, withoutDiscordSyntax } from '../answer.ts';
import { ARTICLE, articleOption, autocompleteArticle } from '../articleOption.ts';
import { resolveArticle } from '../articles.ts';
import type { BotContext } from '../context.ts';
import { escapeMarkdown } from '../format/escape.ts';
import { body, privateBody } from '../reply.ts';
import { afterPendingIo } from '../work.ts';

export const data = new SlashCommandBuilder()
  .setName('ask')
  .setDescription('Answer a question with verbatim, sourced quotes from the articles')
  .addStringOption((o) => o.setName('question').setDescription('Your question, in English or German').setRequired(true).setMaxLength(MAX_QUESTION_LENGTH))
  .addStringOption(articleOption('Only answer from this article (default: all articles)'))
  .addBooleanOption((o) => o.setName('public').setDescription('Show the answer to everyone in the channel (default: only you)'));

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const question = withoutDiscordSyntax(interaction.options.getString('question', true));
  const article = resolveArticle(ctx.engine, interaction.options.getString(ARTICLE));
  if (!article.ok) {
    await interaction.reply(privateBody({ content: escapeMarkdown(article.message) }));
    return;
  }
  const isPublic = interaction.options.getBoolean('public') ?? false;
  await interaction.deferReply(isPublic ? {} : { flags: MessageFlags.Ephemeral });
  const page = await afterPendingIo(() => answerPage(ctx, { kind: 'answer', question, articleId: article.id }));
  await interaction.editReply(body(page));
}

export const autocomplete = autocompleteArticle;
