/**
 * `/summary [article] [sentences] [topic]`: a few central sentences of one
 * article, verbatim, in reading order (optionally only about a topic).
 * Public. Always deferred: summarising is the slowest thing the engine does.
 */
import { type ChatInputCommandInteraction, SlashCommandBuilder } from 'discord.js';
import { ARTICLE, articleOption, autocompleteArticle } from '../articleOption.ts';
import { resolveArticle } from '../articles.ts';
import type { BotContext } from '../context.ts';
import { escapeMarkdown } from '../format/escape.ts';
import { renderSummary } from '../format/render.ts';
import { body, privateBody } from '../reply.ts';
import { afterPendingIo } from '../work.ts';

/** Most summary sentences the option allows (the engine's own maximum). */
export const MAX_SENTENCES = 10;

export const data = new SlashCommandBuilder()
  .setName('summary')
  .setDescription('A few central sentences of an article, quoted verbatim')
  .addStringOption(articleOption('The article to summarise (default: the first loaded)'))
  .addIntegerOption((o) => o.setName('sentences').setDescription('How many sentences (default 3)').setMinValue(1).setMaxValue(MAX_SENTENCES))
  .addStringOption((o) => o.setName('topic').setDescription('Only what the article says about this').setMaxLength(200));

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const article = resolveArticle(ctx.engine, interaction.options.getString(ARTICLE));
  if (!article.ok) {
    await interaction.reply(privateBody({ content: escapeMarkdown(article.message) }));
    return;
  }
  await interaction.deferReply();
  const sentences = interaction.options.getInteger('sentences') ?? undefined;
  const topic = interaction.options.getString('topic') ?? undefined;
  const summary = await afterPendingIo(() => ctx.engine.summarize({ articleId: article.id, sentences, topic }));
  const meta = ctx.engine.article(summary.articleId)!.meta;
  await interaction.editReply(body({ embeds: [renderSummary(summary, meta)] }));
}

export const autocomplete = autocompleteArticle;
