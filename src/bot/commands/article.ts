/**
 * `/article …`: one command for everything about a server's articles, one
 * subcommand per module in `./article/` (add a module to {@link SUBCOMMANDS}
 * to add a subcommand): `add`, `list` and `remove` the server's articles,
 * `misses` and `recording` for what readers missed. For moderators: Discord
 * shows it only to members with Manage Server (`default_member_permissions`),
 * only in servers. A server's admins may widen that under Integrations, and
 * Beleg follows their choice, except for the subcommands marked
 * `manageServerOnly` (reading and switching the record), whose permission
 * it checks again when they run.
 */
import { type AutocompleteInteraction, type ChatInputCommandInteraction, InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { catalogue } from '../../i18n/index.ts';
import type { BotContext } from '../context.ts';
import { privateBody } from '../reply.ts';
import * as add from './article/add.ts';
import * as list from './article/list.ts';
import * as misses from './article/misses.ts';
import * as recording from './article/recording.ts';
import * as remove from './article/remove.ts';
import type { Subcommand } from './article/types.ts';
import { texts } from './localize.ts';

/** The subcommands, in the order Discord lists them. */
export const SUBCOMMANDS: readonly Subcommand[] = [add, list, remove, misses, recording];

export const data = texts(new SlashCommandBuilder(), (c) => c.commands.article)
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild);
for (const sub of SUBCOMMANDS) data.addSubcommand((b) => sub.build(b));

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const t = catalogue(interaction.locale);
  if (!interaction.inGuild()) {
    await interaction.reply(privateBody({ content: t.bot.article.guildOnly }));
    return;
  }
  const name = interaction.options.getSubcommand(true);
  const sub = SUBCOMMANDS.find((s) => s.name === name);
  if (!sub) {
    await interaction.reply(privateBody({ content: t.bot.errors.unknownCommand }));
    return;
  }
  // A server's admins may open the command to other roles; reading and switching the record stays with Manage Server.
  if (sub.manageServerOnly && !interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) {
    await interaction.reply(privateBody({ content: t.bot.article.needsManageServer }));
    return;
  }
  await sub.execute(interaction, ctx, t);
}

/** Autocomplete for the subcommand's options (only `remove` suggests). */
export async function autocomplete(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  const sub = SUBCOMMANDS.find((s) => s.name === interaction.options.getSubcommand(false));
  await (sub?.autocomplete ? sub.autocomplete(interaction, ctx) : interaction.respond([]));
}
