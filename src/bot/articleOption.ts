/** The `article` option every command shares: its definition and its autocomplete. */
import type { AutocompleteInteraction, SlashCommandStringOption } from 'discord.js';
import { articleChoices } from './articles.ts';
import type { BotContext } from './context.ts';

/** Option name. */
export const ARTICLE = 'article';

/** Configures the `article` string option: optional, autocompleted from the corpus. */
export function articleOption(description: string) {
  return (o: SlashCommandStringOption) => o.setName(ARTICLE).setDescription(description).setAutocomplete(true).setMaxLength(200);
}

/** Answers autocomplete for the `article` option (other focused options get no suggestions). */
export async function autocompleteArticle(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const choices = focused.name === ARTICLE ? articleChoices(ctx.engine.articles(), String(focused.value)) : [];
  await interaction.respond(choices);
}
