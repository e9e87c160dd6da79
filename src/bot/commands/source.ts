/**
 * `/source [article]`: the article's headline (linked when the URL is known),
 * publisher, byline, date, language and URL, and which sources the article
 * itself cites. Public; answered at once (no search involved).
 */
import { type ChatInputCommandInteraction, SlashCommandBuilder } from 'discord.js';
import { catalogue } from '../../i18n/index.ts';
import { ARTICLE, articleOption, autocompleteArticle } from '../articleOption.ts';
import { resolveArticle } from '../articles.ts';
import type { BotContext } from '../context.ts';
import { escapeMarkdown } from '../format/escape.ts';
import { renderSource } from '../format/render.ts';
import { body, privateBody } from '../reply.ts';
import { texts } from './localize.ts';

export const data = texts(new SlashCommandBuilder(), (c) => c.commands.source).addStringOption(articleOption((c) => c.commands.source.options.article));

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const t = catalogue(interaction.locale);
  const engine = ctx.engineFor(interaction.guildId);
  const article = resolveArticle(engine, interaction.options.getString(ARTICLE), t);
  const info = article.ok ? engine.sources(article.id) : undefined;
  if (!article.ok || !info) {
    await interaction.reply(privateBody({ content: escapeMarkdown(article.ok ? t.bot.errors.noArticleLoaded : article.message) }));
    return;
  }
  await interaction.reply(body({ embeds: [renderSource(info.meta, info.cited, t)] }));
}

export const autocomplete = autocompleteArticle;
