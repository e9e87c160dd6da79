/**
 * `/article add url:<link>` or `/article add file:<attachment>`: adds a news
 * article for this server, fetched safely (src/fetch) and kept under
 * `DATA_DIR` (src/library). Deferred at once (fetching may take up to the
 * fetch deadline) and private; the reply names the headline, the new id,
 * the language, the sentences and the page chrome dropped, or says why the
 * article was not added and what to do. The article answers in this server
 * as soon as the reply says so.
 */
import { type ChatInputCommandInteraction, MessageFlags, type SlashCommandSubcommandBuilder } from 'discord.js';
import { addRefusalText, type Catalogue, en } from '../../../i18n/index.ts';
import type { AddInput } from '../../../library/library.ts';
import type { BotContext } from '../../context.ts';
import { escapeMarkdown } from '../../format/escape.ts';
import { renderAdded } from '../../format/library.ts';
import { body } from '../../reply.ts';
import { texts } from '../localize.ts';

export const name = en.commands.article.subcommands.add.name;

/** Option names, as Discord sends them. */
export const URL_OPTION = en.commands.article.subcommands.add.options.url.name;
export const FILE_OPTION = en.commands.article.subcommands.add.options.file.name;

export function build(builder: SlashCommandSubcommandBuilder): SlashCommandSubcommandBuilder {
  return texts(builder, (c) => c.commands.article.subcommands.add)
    .addStringOption((o) => texts(o, (c) => c.commands.article.subcommands.add.options.url).setMaxLength(2000))
    .addAttachmentOption((o) => texts(o, (c) => c.commands.article.subcommands.add.options.file));
}

export async function execute(interaction: ChatInputCommandInteraction<'cached' | 'raw'>, ctx: BotContext, t: Catalogue): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const say = (text: string) => interaction.editReply(body({ content: escapeMarkdown(text) }));
  if (!ctx.library) {
    await say(t.bot.library.unavailable);
    return;
  }
  const url = interaction.options.getString(URL_OPTION)?.trim() || null;
  const file = interaction.options.getAttachment(FILE_OPTION);
  if (!url && !file) {
    await say(t.bot.library.needInput);
    return;
  }
  if (url && file) {
    await say(t.bot.library.oneInput);
    return;
  }
  const input: AddInput = url ? { kind: 'url', url } : { kind: 'attachment', name: file!.name, url: file!.url, size: file!.size };
  const outcome = await ctx.library.add(interaction.guildId, input, interaction.user.id);
  if (!outcome.ok) {
    ctx.logger.info({ guildId: interaction.guildId, refusal: outcome.refusal }, 'article not added');
    await say(addRefusalText(t, outcome.refusal));
    return;
  }
  ctx.logger.info({ guildId: interaction.guildId, articleId: outcome.added.meta.id, sentences: outcome.added.sentences }, 'article added');
  await interaction.editReply(body({ embeds: [renderAdded(outcome.added, t)] }));
}
