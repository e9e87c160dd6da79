/**
 * `/article list [page]`: the articles this server can ask about (the bot's
 * own and those added here), each with its id, headline, where it came from
 * and who added it when; private, ten a page.
 */
import type { ChatInputCommandInteraction, SlashCommandSubcommandBuilder } from 'discord.js';
import { type Catalogue, en } from '../../../i18n/index.ts';
import type { LibraryEntry } from '../../../library/library.ts';
import type { BotContext } from '../../context.ts';
import { renderList } from '../../format/library.ts';
import { privateBody } from '../../reply.ts';
import { texts } from '../localize.ts';

export const name = en.commands.article.subcommands.list.name;
const PAGE = en.commands.article.subcommands.list.options.page.name;

export function build(builder: SlashCommandSubcommandBuilder): SlashCommandSubcommandBuilder {
  return texts(builder, (c) => c.commands.article.subcommands.list).addIntegerOption((o) => texts(o, (c) => c.commands.article.subcommands.list.options.page).setMinValue(1).setMaxValue(1000));
}

export async function execute(interaction: ChatInputCommandInteraction<'cached' | 'raw'>, ctx: BotContext, t: Catalogue): Promise<void> {
  const entries: LibraryEntry[] = ctx.library ? ctx.library.entries(interaction.guildId) : ctx.engineFor(interaction.guildId).articles().map((meta) => ({ origin: 'corpus', meta }));
  await interaction.reply(privateBody({ embeds: [renderList(entries, interaction.options.getInteger(PAGE) ?? 1, t)] }));
}
