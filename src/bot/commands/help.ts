/** `/help`: what each command does and which articles are loaded. Private; no cooldown. */
import { type ChatInputCommandInteraction, SlashCommandBuilder } from 'discord.js';
import { catalogue } from '../../i18n/index.ts';
import type { BotContext } from '../context.ts';
import { renderHelp } from '../format/render.ts';
import { privateBody } from '../reply.ts';
import { texts } from './localize.ts';

export const data = texts(new SlashCommandBuilder(), (c) => c.commands.help);

/** Help is cheap and often needed right after a cooldown message. */
export const cooldown = false;

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  await interaction.reply(privateBody({ embeds: [renderHelp(ctx.engineFor(interaction.guildId).articles(), catalogue(interaction.locale))] }));
}
