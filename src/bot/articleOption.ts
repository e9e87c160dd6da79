/** The `article` option every command shares: its definition and its autocomplete. */
import type { AutocompleteInteraction, SlashCommandStringOption } from 'discord.js';
import type { Catalogue } from '../i18n/index.ts';
import { articleChoices } from './articles.ts';
import type { BotContext } from './context.ts';
import { texts } from './commands/localize.ts';

/** Option name. */
export const ARTICLE = 'article';

/** Configures the `article` string option: optional, autocompleted from the corpus; its texts picked from each catalogue. */
export function articleOption(pick: (c: Catalogue) => { name: string; description: string }) {
  return (o: SlashCommandStringOption) => texts(o, pick).setAutocomplete(true).setMaxLength(200);
}

/** Answers autocomplete for the `article` option (other focused options get no suggestions). */
export async function autocompleteArticle(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const choices = focused.name === ARTICLE ? articleChoices(ctx.engineFor(interaction.guildId).articles(), String(focused.value)) : [];
  await interaction.respond(choices);
}
