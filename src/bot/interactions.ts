/**
 * Routes each interaction to its command or button, applies the per-user
 * cooldown, and turns any failure into a private message with an error id.
 * Nothing a single interaction does can escape this function.
 */
import { performance } from 'node:perf_hooks';
import { DiscordAPIError, RESTJSONErrorCodes, type Interaction } from 'discord.js';
import { type Catalogue, catalogue, en } from '../i18n/index.ts';
import { messageCommands, slashCommands } from './commands/index.ts';
import { parseCustomId } from './components/customId.ts';
import * as more from './components/more.ts';
import * as postQuote from './components/postQuote.ts';
import * as vote from './components/vote.ts';
import type { BotContext } from './context.ts';
import { newErrorId, reportFailure } from './errors.ts';
import { privateBody } from './reply.ts';

/** The friendly answer to a user on cooldown. */
export function cooldownMessage(waitMs: number, t: Catalogue = en): string {
  return t.bot.errors.cooldown(Math.max(1, Math.ceil(waitMs / 1000)));
}

/** What to call an interaction in logs. */
function describe(interaction: Interaction): { kind: string; name: string } {
  if (interaction.isAutocomplete()) return { kind: 'autocomplete', name: interaction.commandName };
  if (interaction.isCommand()) return { kind: interaction.isChatInputCommand() ? 'slash' : 'context', name: interaction.commandName };
  if (interaction.isMessageComponent()) return { kind: 'component', name: interaction.customId.split(':')[0] ?? '' };
  return { kind: String(interaction.type), name: '' };
}

/** Answers the cooldown privately when the user must wait; returns whether they may go ahead. */
async function passCooldown(interaction: Interaction, ctx: BotContext): Promise<boolean> {
  const wait = ctx.cooldown.take(interaction.user.id);
  if (wait === 0) return true;
  if (interaction.isRepliable()) await interaction.reply(privateBody({ content: cooldownMessage(wait, catalogue(interaction.locale)) }));
  return false;
}

async function route(interaction: Interaction, ctx: BotContext): Promise<string> {
  const t = catalogue(interaction.locale);
  if (interaction.isAutocomplete()) {
    const command = slashCommands.get(interaction.commandName);
    await (command?.autocomplete ? command.autocomplete(interaction, ctx) : interaction.respond([]));
    return 'ok';
  }
  if (interaction.isChatInputCommand()) {
    const command = slashCommands.get(interaction.commandName);
    if (!command) {
      await interaction.reply(privateBody({ content: t.bot.errors.unknownCommand }));
      return 'unknown';
    }
    if (command.cooldown !== false && !(await passCooldown(interaction, ctx))) return 'cooldown';
    await command.execute(interaction, ctx);
    return 'ok';
  }
  if (interaction.isMessageContextMenuCommand()) {
    const command = messageCommands.get(interaction.commandName);
    if (!command) {
      await interaction.reply(privateBody({ content: t.bot.errors.unknownCommand }));
      return 'unknown';
    }
    if (!(await passCooldown(interaction, ctx))) return 'cooldown';
    await command.execute(interaction, ctx);
    return 'ok';
  }
  if (interaction.isButton()) {
    const id = parseCustomId(interaction.customId);
    if (id?.kind === 'more') await more.execute(interaction, ctx, id.key, id.offset);
    else if (id?.kind === 'post') await postQuote.execute(interaction, ctx, id.key);
    else if (id?.kind === 'vote') await vote.execute(interaction, ctx, id.key, id.vote);
    else await interaction.reply(privateBody({ content: t.bot.errors.buttonGone }));
    return id ? 'ok' : 'unknown';
  }
  return 'ignored';
}

/** Handles one interaction; never throws or rejects. */
export async function handleInteraction(interaction: Interaction, ctx: BotContext): Promise<void> {
  const started = performance.now();
  const { kind, name } = describe(interaction);
  const log = ctx.logger.child({ interactionId: interaction.id, kind, name, userId: interaction.user.id, guildId: interaction.guildId ?? null });
  try {
    const outcome = await route(interaction, ctx);
    // autocomplete fires on every keystroke: keep it out of the info log
    log[kind === 'autocomplete' ? 'debug' : 'info']({ outcome, ms: Math.round(performance.now() - started) }, 'interaction handled');
  } catch (err) {
    const ms = Math.round(performance.now() - started);
    if (err instanceof DiscordAPIError && err.code === RESTJSONErrorCodes.UnknownInteraction) {
      // Discord's 3 seconds had passed before the bot answered: the interaction is gone, and so is
      // any way to tell the user (another callback would meet the same 10062). One line, no error id.
      log.warn({ ms, code: err.code }, 'interaction expired before the bot could acknowledge it (10062 Unknown interaction)');
      return;
    }
    const errorId = newErrorId();
    log.error({ err, errorId, ms }, `interaction failed (error id ${errorId})`);
    await reportFailure(interaction, errorId, log);
  }
}
