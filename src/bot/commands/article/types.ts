/** The shape of an `/article` subcommand module: its name, how it builds itself, and what it does. */
import type { AutocompleteInteraction, ChatInputCommandInteraction, SlashCommandSubcommandBuilder } from 'discord.js';
import type { Catalogue } from '../../../i18n/index.ts';
import type { BotContext } from '../../context.ts';

export interface Subcommand {
  /** The subcommand's (English) name, as Discord sends it. */
  name: string;
  /**
   * Runs only for members with Manage Server, even where a server's admins
   * opened `/article` to other roles under Integrations. Default: false (the
   * server's own permission settings decide, as Discord applies them).
   */
  manageServerOnly?: boolean;
  /** Names, describes and adds options to the subcommand. */
  build(builder: SlashCommandSubcommandBuilder): SlashCommandSubcommandBuilder;
  /** Runs it; the interaction is in a server (and, with `manageServerOnly`, its member may manage it). */
  execute(interaction: ChatInputCommandInteraction<'cached' | 'raw'>, ctx: BotContext, t: Catalogue): Promise<void>;
  /** Suggests values for its options, when it has some to suggest. */
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
}
