/**
 * `/article remove article:<id>`: removes an article added in this server
 * and deletes its file. The bot's own articles (its corpus folder) cannot be
 * removed from Discord. The option suggests this server's added articles.
 * Deferred (the server's index is rebuilt without it) and private.
 */
import { type AutocompleteInteraction, type ChatInputCommandInteraction, MessageFlags, type SlashCommandSubcommandBuilder } from 'discord.js';
import { type Catalogue, en } from '../../../i18n/index.ts';
import { articleChoices, resolveArticle } from '../../articles.ts';
import type { BotContext } from '../../context.ts';
import { escapeMarkdown } from '../../format/escape.ts';
import { removedText } from '../../format/library.ts';
import { body } from '../../reply.ts';
import { texts } from '../localize.ts';

export const name = en.commands.article.subcommands.remove.name;
const ARTICLE = en.commands.article.subcommands.remove.options.article.name;

export function build(builder: SlashCommandSubcommandBuilder): SlashCommandSubcommandBuilder {
  return texts(builder, (c) => c.commands.article.subcommands.remove).addStringOption((o) =>
    texts(o, (c) => c.commands.article.subcommands.remove.options.article).setRequired(true).setAutocomplete(true).setMaxLength(200),
  );
}

export async function execute(interaction: ChatInputCommandInteraction<'cached' | 'raw'>, ctx: BotContext, t: Catalogue): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const say = (text: string) => interaction.editReply(body({ content: text }));
  if (!ctx.library) {
    await say(escapeMarkdown(t.bot.library.unavailable));
    return;
  }
  const typed = interaction.options.getString(ARTICLE, true).trim();
  // An id from the suggestions, or enough of one added article's id or headline to name it.
  const own = ctx.library.ownArticles(interaction.guildId);
  const resolved = resolveArticle({ articles: () => own, article: (id) => own.find((m) => m.id === id) }, typed, t);
  const id = resolved.ok && resolved.id ? resolved.id : typed;
  const outcome = await ctx.library.remove(interaction.guildId, id);
  if (outcome.ok) {
    ctx.logger.info({ guildId: interaction.guildId, articleId: id }, 'article removed');
    await say(removedText(outcome.meta, t));
    return;
  }
  const r = outcome.refusal;
  await say(escapeMarkdown(r.code === 'corpus' ? t.bot.library.removeCorpus(r.id) : t.bot.library.removeUnknown(r.id)));
}

/** Suggests this server's added articles (only they can be removed). */
export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const own = interaction.guildId && ctx.library ? ctx.library.ownArticles(interaction.guildId) : [];
  await interaction.respond(focused.name === ARTICLE ? articleChoices(own, String(focused.value)) : []);
}
