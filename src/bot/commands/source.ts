/**
 * `/source [article]`: the article's headline (linked when the URL is known),
 * publisher, byline, date, language and URL, and which sources the article
 * itself cites. Public; answered at once (no search involved).
 */
import { type ChatInputCommandInteraction, SlashCommandBuilder } from 'discord.js';
import { ARTICLE, articleOption, autocompleteArticle } from '../articleOption.ts';
import { resolveArticle } from '../articles.ts';
import type { BotContext } from '../context.ts';
import { escapeMarkdown } from '../format/escape.ts';
import { renderSource } from '../format/render.ts';
import { body, privateBody } from '../reply.ts';

export const data = new SlashCommandBuilder()
  .setName('source')
  .setDescription('Where an article comes from, and which sources it cites')
  .addStringOption(articleOption('The article (default: the first loaded)'));

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const article = resolveArticle(ctx.engine, interaction.options.getString(ARTICLE));
  const info = article.ok ? ctx.engine.sources(article.id) : undefined;
  if (!article.ok || !info) {
    await interaction.reply(privateBody({ content: escapeMarkdown(article.ok ? 'No article is loaded.' : article.message) }));
    return;
  }
  await interaction.reply(body({ embeds: [renderSource(info.meta, info.cited)] }));
}

export const autocomplete = autocompleteArticle;
