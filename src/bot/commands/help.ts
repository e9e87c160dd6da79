/** `/help`: what each command does and which articles are loaded. Private; no cooldown. */
import { type ChatInputCommandInteraction, SlashCommandBuilder } from 'discord.js';
import type { BotContext } from '../context.ts';
import { renderHelp } from '../format/render.ts';
import { privateBody } from '../reply.ts';

export const data = new SlashCommandBuilder().setName('help').setDescription('What Beleg can do, and which articles it knows');

/** Help is cheap and often needed right after a cooldown message. */
export const cooldown = false;

export async function execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  await interaction.reply(privateBody({ embeds: [renderHelp(ctx.engine.articles())] }));
}
