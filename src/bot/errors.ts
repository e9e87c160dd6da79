/**
 * When a handler fails: a short error id, logged with the error and told to
 * the user privately, so a report can be matched to the log.
 */
import { randomBytes } from 'node:crypto';
import type { Interaction } from 'discord.js';
import { type Catalogue, catalogue, en } from '../i18n/index.ts';
import type { Logger } from './logger.ts';
import { body, privateBody } from './reply.ts';

/** A short random id for one failure, e.g. `e3f09a1c`. */
export function newErrorId(): string {
  return randomBytes(4).toString('hex');
}

/** What the user reads when something failed. */
export function errorMessage(errorId: string, t: Catalogue = en): string {
  return t.bot.errors.failed(errorId);
}

/**
 * Tells the user privately that the interaction failed, whatever state it is
 * in: not yet answered (private reply), deferred privately (edit), deferred
 * publicly (the "thinking…" message is removed and a private follow-up sent),
 * or already answered (private follow-up). Autocomplete gets no choices.
 * Never throws; a failure to tell the user is logged.
 */
export async function reportFailure(interaction: Interaction, errorId: string, logger: Logger): Promise<void> {
  try {
    if (interaction.isAutocomplete()) {
      if (!interaction.responded) await interaction.respond([]);
      return;
    }
    if (!interaction.isRepliable()) return;
    const said = { content: errorMessage(errorId, catalogue(interaction.locale)), embeds: [], components: [] };
    const message = privateBody(said);
    if (interaction.deferred && !interaction.replied) {
      if (interaction.ephemeral === true) {
        // deferred privately: the "thinking…" message becomes the error
        await interaction.editReply(body(said));
      } else if (interaction.isMessageComponent() && interaction.ephemeral !== false) {
        // deferUpdate(): the message carrying the button stays as it is
        await interaction.followUp(message);
      } else {
        // deferred publicly: take the public "thinking…" away, tell the user privately
        await interaction.deleteReply().catch(() => undefined);
        await interaction.followUp(message);
      }
    } else if (interaction.replied || interaction.deferred) {
      await interaction.followUp(message);
    } else {
      await interaction.reply(message);
    }
  } catch (err) {
    logger.warn({ err, errorId }, 'could not tell the user about the failure');
  }
}
