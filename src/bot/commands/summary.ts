/**
 * `/summary [article] [sentences] [topic]`: a few central sentences of one
 * article, verbatim, in reading order (optionally only about a topic).
 * Public. Always deferred: summarising is the slowest thing the engine does.
 */
import { type ChatInputCommandInteraction, SlashCommandBuilder } from 'discord.js';
import { catalogue } from '../../i18n/index.ts';
import { ARTICLE, articleOption, autocompleteArticle } from '../articleOption.ts';
import { resolveArticle } from '../articles.ts';
import type { BotContext } from '../context.ts';
import { escapeMarkdown } from '../format/escape.ts';
import { renderSummary } from '../format/render.ts';
import { body, privateBody } from '../reply.ts';
import { afterPendingIo } from '../work.ts';
import { texts } from './localize.ts';

/** Most summary sentences the option allows (the engine's own maximum). */
export const MAX_SENTENCES = 10;

export const data = texts(new SlashCommandBuilder(), (c) => c.commands.summary)
  .addStringOption(articleOption((c) => c.commands.summary.options.article))
  .addIntegerOption((o) => texts(o, (c) => c.commands.summary.options.sentences).setMinValue(1).setMaxValue(MAX_SENTENCES))
  .addStringOption((o) => texts(o, (c) => c.commands.summary.options.topic).setMaxLength(200));

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const t = catalogue(interaction.locale);
  const engine = ctx.engineFor(interaction.guildId);
  const article = resolveArticle(engine, interaction.options.getString(ARTICLE), t);
  if (!article.ok) {
    await interaction.reply(privateBody({ content: escapeMarkdown(article.message) }));
    return;
  }
  await interaction.deferReply();
  const sentences = interaction.options.getInteger('sentences') ?? undefined;
  const topic = interaction.options.getString('topic') ?? undefined;
  const summary = await afterPendingIo(() => engine.summarize({ articleId: article.id, sentences, topic }));
  const meta = engine.article(summary.articleId)!.meta;
  await interaction.editReply(body({ embeds: [renderSummary(summary, meta, t)] }));
}

export const autocomplete = autocompleteArticle;
