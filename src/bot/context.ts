/** What every handler gets: each server's engine, the articles added from Discord, the logger, the cooldown, button state and the reply settings. */
import type { ChatInputCommandInteraction } from 'discord.js';
import type { Answer, Engine } from '../engine/engine.ts';
import type { ArticleLibrary } from '../library/library.ts';
import type { Cooldown } from './cooldown.ts';
import type { FeedbackStore } from './feedback/store.ts';
import type { VoteBook } from './feedback/votes.ts';
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
  /**
   * An answer's first page shows the passages whose score is at least this
   * share of the best one's (at most `pageSize`); the rest wait behind "More".
   * Default: `STRONG_RATIO` (src/engine/strong.ts), chosen with `npm run eval:shown`.
   */
  strongRatio?: number;
  /** How long 👍 / 👎 under an answer keep working, in ms. Default: 24 hours. */
  voteTtlMs?: number;
}

/** What a "More" button needs to show the next page: the question, re-asked. */
export interface AnswerState {
  kind: 'answer';
  question: string;
  articleId?: string;
  /** A claim from "Find in article" (titled so). Default: false. */
  find?: boolean;
  /** The server asked in, for the record of votes; null or absent in DMs. */
  guildId?: string | null;
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
  /**
   * The engine of a server (null: a DM, which sees the corpus only): the
   * `corpus/` articles and the articles added in that server, nothing of
   * another server's. Every handler asks this for the server it serves.
   */
  engineFor(guildId: string | null): Engine;
  /** The articles added from Discord (`/article add|list|remove`). `startBot` always sets it. */
  library?: ArticleLibrary;
  logger: Logger;
  cooldown: Cooldown;
  store: ExpiringLru<ButtonState>;
  pageSize: number;
  maxPassages: number;
  strongRatio: number;
  votes: VoteBook;
  feedback: FeedbackStore;
}
