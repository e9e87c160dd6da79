/** Every command of the bot, and their definitions for deployment. */
import type { RESTPostAPIApplicationCommandsJSONBody } from 'discord.js';
import * as article from './article.ts';
import * as ask from './ask.ts';
import * as findInArticle from './findInArticle.ts';
import * as help from './help.ts';
import * as quote from './quote.ts';
import * as source from './source.ts';
import * as summary from './summary.ts';
import type { MessageCommand, SlashCommand } from './types.ts';

/** Slash commands by name. */
export const slashCommands: ReadonlyMap<string, SlashCommand> = new Map(
  ([ask, quote, summary, source, help, article] as SlashCommand[]).map((c) => [c.data.name, c]),
);

/** Message context menu commands by name. */
export const messageCommands: ReadonlyMap<string, MessageCommand> = new Map([findInArticle].map((c) => [c.data.name, c]));

/** The JSON Discord gets from `npm run deploy-commands`. */
export function commandDefinitions(): RESTPostAPIApplicationCommandsJSONBody[] {
  return [...[...slashCommands.values()].map((c) => c.data.toJSON()), ...[...messageCommands.values()].map((c) => c.data.toJSON())];
}
