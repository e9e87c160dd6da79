/**
 * `/article recording on|off`: whether this server keeps the questions Beleg
 * could not answer and the answers voted 👎 (on by default). Off also
 * deletes what was kept.
 */
import { type ChatInputCommandInteraction, MessageFlags, type SlashCommandSubcommandBuilder } from 'discord.js';
import { en, type Catalogue } from '../../../i18n/index.ts';
import type { BotContext } from '../../context.ts';
import { body } from '../../reply.ts';
import { localizations, texts } from '../localize.ts';

export const name = en.commands.article.subcommands.recording.name;

/** Reading and switching the record stays with Manage Server, whoever else may use `/article`. */
export const manageServerOnly = true;

export function build(builder: SlashCommandSubcommandBuilder): SlashCommandSubcommandBuilder {
  return texts(builder, (c) => c.commands.article.subcommands.recording).addStringOption((o) =>
    texts(o, (c) => c.commands.article.subcommands.recording.options.state)
      .setRequired(true)
      .addChoices(
        { name: en.commands.article.subcommands.recording.choices.on, name_localizations: localizations((c) => c.commands.article.subcommands.recording.choices.on), value: 'on' },
        { name: en.commands.article.subcommands.recording.choices.off, name_localizations: localizations((c) => c.commands.article.subcommands.recording.choices.off), value: 'off' },
      ),
  );
}

export async function execute(interaction: ChatInputCommandInteraction<'cached' | 'raw'>, ctx: BotContext, t: Catalogue): Promise<void> {
  const on = interaction.options.getString('state', true) === 'on';
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  await ctx.feedback.setRecording(interaction.guildId, on);
  await interaction.editReply(body({ content: on ? t.bot.article.recordingOn : t.bot.article.recordingOff }));
}
