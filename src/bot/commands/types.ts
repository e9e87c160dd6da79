/** The shape of a command module (the discord.js guide's convention: `data` plus `execute`, and `autocomplete` where needed). */
import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  ContextMenuCommandBuilder,
  MessageContextMenuCommandInteraction,
  RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type { BotContext } from '../context.ts';

/** A slash command. */
export interface SlashCommand {
  data: { name: string; toJSON(): RESTPostAPIApplicationCommandsJSONBody };
  /** Whether the per-user cooldown applies. Default: true. */
  cooldown?: boolean;
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
}

/** A message context menu command. */
export interface MessageCommand {
  data: ContextMenuCommandBuilder;
  execute(interaction: MessageContextMenuCommandInteraction, ctx: BotContext): Promise<void>;
}
