/**
 * Button `custom_id`s: `more:KEY:OFFSET`, `post:KEY` and `vote:KEY:up|down`,
 * where KEY names an entry of the bot's state store (or, for votes, of its
 * vote book). Always far below Discord's 100 characters.
 */
import { LIMITS } from '../format/limits.ts';

export type ParsedCustomId = { kind: 'more'; key: string; offset: number } | { kind: 'post'; key: string } | { kind: 'vote'; key: string; vote: 'up' | 'down' };

const check = (id: string): string => {
  if (id.length > LIMITS.customId) throw new Error(`custom_id longer than ${LIMITS.customId} characters`);
  return id;
};

export const moreId = (key: string, offset: number): string => check(`more:${key}:${offset}`);
export const postId = (key: string): string => check(`post:${key}`);
export const voteId = (key: string, vote: 'up' | 'down'): string => check(`vote:${key}:${vote}`);

/** Reads a custom_id this bot made; null for anything else. */
export function parseCustomId(id: string): ParsedCustomId | null {
  let m = /^more:([\w-]{1,40}):(\d{1,4})$/.exec(id);
  if (m) return { kind: 'more', key: m[1]!, offset: Number(m[2]) };
  m = /^post:([\w-]{1,40})$/.exec(id);
  if (m) return { kind: 'post', key: m[1]! };
  m = /^vote:([\w-]{1,40}):(up|down)$/.exec(id);
  if (m) return { kind: 'vote', key: m[1]!, vote: m[2] as 'up' | 'down' };
  return null;
}
