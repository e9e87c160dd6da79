/**
 * `/article misses`: what readers of this server missed in the last 30
 * days: the most frequent questions Beleg could not answer, and the quotes
 * voted 👎 most often. Private to the moderator who asks.
 */
import { type ChatInputCommandInteraction, MessageFlags, type SlashCommandSubcommandBuilder } from 'discord.js';
import { en, type Catalogue } from '../../../i18n/index.ts';
import type { BotContext } from '../../context.ts';
import { renderMisses } from '../../format/misses.ts';
import { body } from '../../reply.ts';
import { texts } from '../localize.ts';

export const name = en.commands.article.subcommands.misses.name;

/** Reading and switching the record stays with Manage Server, whoever else may use `/article`. */
export const manageServerOnly = true;

export function build(builder: SlashCommandSubcommandBuilder): SlashCommandSubcommandBuilder {
  return texts(builder, (c) => c.commands.article.subcommands.misses);
}

export async function execute(interaction: ChatInputCommandInteraction<'cached' | 'raw'>, ctx: BotContext, t: Catalogue): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const misses = await ctx.feedback.misses(interaction.guildId);
  await interaction.editReply(body({ embeds: [renderMisses(misses, (id) => ctx.engineFor(interaction.guildId).sentence(id), t)] }));
}
