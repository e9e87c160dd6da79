/**
 * `/article …`: one command for everything about a server's articles, one
 * subcommand per module in `./article/` (add a module to {@link SUBCOMMANDS}
 * to add a subcommand). For moderators: Discord shows it only to members
 * with Manage Server (`default_member_permissions`, which a server's admins
 * may widen under Integrations), only in servers, and the bot checks the
 * permission again when it runs.
 */
import { type ChatInputCommandInteraction, InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { catalogue } from '../../i18n/index.ts';
import type { BotContext } from '../context.ts';
import { privateBody } from '../reply.ts';
import * as misses from './article/misses.ts';
import * as recording from './article/recording.ts';
import type { Subcommand } from './article/types.ts';
import { texts } from './localize.ts';

/** The subcommands, in the order Discord lists them. */
export const SUBCOMMANDS: readonly Subcommand[] = [misses, recording];

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
  // A server's admins may open the command to other roles; reading and switching the record stays with Manage Server.
  if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) {
    await interaction.reply(privateBody({ content: t.bot.article.needsManageServer }));
    return;
  }
  const name = interaction.options.getSubcommand(true);
  const sub = SUBCOMMANDS.find((s) => s.name === name);
  if (!sub) {
    await interaction.reply(privateBody({ content: t.bot.errors.unknownCommand }));
    return;
  }
  await sub.execute(interaction, ctx, t);
}
