/**
 * `/quote query [article]`: the single best passage, shown privately as a
 * ready-to-paste quote with its citation, and a "Post to channel" button
 * that posts it publicly as "Quoted by @user" (without pinging anyone).
 */
import { ButtonStyle, type ChatInputCommandInteraction, MessageFlags, SlashCommandBuilder } from 'discord.js';
import { MAX_QUESTION_LENGTH } from '../../engine/engine.ts';
import { catalogue } from '../../i18n/index.ts';
import { withoutDiscordSyntax } from '../answer.ts';
import { ARTICLE, articleOption, autocompleteArticle } from '../articleOption.ts';
import { resolveArticle, scopeLabel } from '../articles.ts';
import { postId } from '../components/customId.ts';
import type { BotContext } from '../context.ts';
import { escapeMarkdown } from '../format/escape.ts';
import { renderAbstention, renderQuoteText } from '../format/render.ts';
import { body, buttonRow, privateBody } from '../reply.ts';
import { afterPendingIo } from '../work.ts';
import { texts } from './localize.ts';

export const data = texts(new SlashCommandBuilder(), (c) => c.commands.quote)
  .addStringOption((o) => texts(o, (c) => c.commands.quote.options.query).setRequired(true).setMaxLength(MAX_QUESTION_LENGTH))
  .addStringOption(articleOption((c) => c.commands.quote.options.article));

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const t = catalogue(interaction.locale);
  const engine = ctx.engineFor(interaction.guildId);
  const query = withoutDiscordSyntax(interaction.options.getString('query', true));
  const article = resolveArticle(engine, interaction.options.getString(ARTICLE), t);
  if (!article.ok) {
    await interaction.reply(privateBody({ content: escapeMarkdown(article.message) }));
    return;
  }
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const result = await afterPendingIo(() => engine.ask(query, { limit: 1, articleId: article.id }));
  const best = result.answers[0];
  if (result.abstained || !best) {
    await interaction.editReply(body({ embeds: [renderAbstention(result, scopeLabel(engine, article.id, t), undefined, t)] }));
    return;
  }
  const key = ctx.store.add({ kind: 'quote', answer: best, posted: false, original: interaction });
  await interaction.editReply(
    body({
      content: renderQuoteText(best, t),
      components: [buttonRow({ customId: postId(key), label: t.bot.quote.post, style: ButtonStyle.Primary })],
    }),
  );
}

export const autocomplete = autocompleteArticle;
