/**
 * Every message the bot sends is built here, so every one of them sets
 * `allowedMentions` to none and stays within Discord's limits.
 */
import {
  ActionRowBuilder,
  type APIEmbed,
  ButtonBuilder,
  ButtonStyle,
  MessageFlags,
} from 'discord.js';
import { fitContent, fitEmbeds } from './format/limits.ts';

/** Mentions Discord may turn into pings: none. */
export const NO_MENTIONS = { parse: [] as [] };
/** For replies to a message: no pings, not even of the author replied to. */
export const NO_MENTIONS_REPLY = { parse: [] as [], repliedUser: false };

/** What a reply says. */
export interface ReplyBody {
  content?: string;
  embeds?: APIEmbed[];
  components?: ActionRowBuilder<ButtonBuilder>[];
}

/** A message body: content and embeds fitted to Discord's limits, components as given (an empty list removes them), no mentions. */
export function body(b: ReplyBody) {
  return {
    ...(b.content !== undefined ? { content: fitContent(b.content) } : {}),
    ...(b.embeds !== undefined ? { embeds: fitEmbeds(b.embeds) } : {}),
    ...(b.components !== undefined ? { components: b.components } : {}),
    allowedMentions: NO_MENTIONS,
  };
}

/** A private (ephemeral) interaction reply. */
export function privateBody(b: ReplyBody) {
  return { ...body(b), flags: MessageFlags.Ephemeral as const };
}

/** A reply to a user's message: no pings at all. */
export function messageReplyBody(b: ReplyBody) {
  return { ...body(b), allowedMentions: NO_MENTIONS_REPLY };
}

/** One row of buttons, each with a label, an emoji or both. */
export function buttonRow(...buttons: { customId: string; label?: string; emoji?: string; style?: ButtonStyle }[]): ActionRowBuilder<ButtonBuilder> {
  return new ActionRowBuilder<ButtonBuilder>().addComponents(
    buttons.map((b) => {
      const button = new ButtonBuilder().setCustomId(b.customId).setStyle(b.style ?? ButtonStyle.Secondary);
      if (b.label) button.setLabel(b.label);
      if (b.emoji) button.setEmoji(b.emoji);
      return button;
    }),
  );
}
