/** The shape of an `/article` subcommand module: its name, how it builds itself, and what it does. */
import type { ChatInputCommandInteraction, SlashCommandSubcommandBuilder } from 'discord.js';
import type { Catalogue } from '../../../i18n/index.ts';
import type { BotContext } from '../../context.ts';

export interface Subcommand {
  /** The subcommand's (English) name, as Discord sends it. */
  name: string;
  /** Names, describes and adds options to the subcommand. */
  build(builder: SlashCommandSubcommandBuilder): SlashCommandSubcommandBuilder;
  /** Runs it; the interaction is in a server and its member may manage it. */
  execute(interaction: ChatInputCommandInteraction<'cached' | 'raw'>, ctx: BotContext, t: Catalogue): Promise<void>;
}
