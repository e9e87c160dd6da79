/** What every handler gets: the engine, the logger, the cooldown, button state and the reply settings. */
import type { ChatInputCommandInteraction } from 'discord.js';
import type { Answer, Engine } from '../engine/engine.ts';
import type { Cooldown } from './cooldown.ts';
import type { Logger } from './logger.ts';
import type { ExpiringLru } from './store.ts';

/** Tunables of the bot (all optional; see each default). */
export interface BotOptions {
  /** Per-user cooldown between commands (and mentions), in ms; 0 turns it off. Default: 3000. */
  cooldownMs?: number;
  /** Passages per page of an answer. Default: 3. */
  pageSize?: number;
  /** Most passages one answer pages through with "More". Default: 10. */
  maxPassages?: number;
  /** How long a "More" or "Post to channel" button keeps working, in ms. Default: 15 minutes. */
  stateTtlMs?: number;
  /** Most button states remembered (least recently used dropped first). Default: 1000. */
  stateMax?: number;
}

/** What a "More" button needs to show the next page: the question, re-asked. */
export interface AnswerState {
  kind: 'answer';
  question: string;
  articleId?: string;
  /** Title prefix, e.g. "Find in article: ". */
  heading?: string;
}

/** What "Post to channel" needs: the quote, and the private reply to take the button off. */
export interface QuoteState {
  kind: 'quote';
  answer: Answer;
  posted: boolean;
  original: ChatInputCommandInteraction;
}

export type ButtonState = AnswerState | QuoteState;

export interface BotContext {
  engine: Engine;
  logger: Logger;
  cooldown: Cooldown;
  store: ExpiringLru<ButtonState>;
  pageSize: number;
  maxPassages: number;
}
