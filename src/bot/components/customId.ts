/**
 * Button `custom_id`s: `more:KEY:OFFSET` and `post:KEY`, where KEY names an
 * entry of the bot's state store. Always far below Discord's 100 characters.
 */
import { LIMITS } from '../format/limits.ts';

export type ParsedCustomId = { kind: 'more'; key: string; offset: number } | { kind: 'post'; key: string };

const check = (id: string): string => {
  if (id.length > LIMITS.customId) throw new Error(`custom_id longer than ${LIMITS.customId} characters`);
  return id;
};

export const moreId = (key: string, offset: number): string => check(`more:${key}:${offset}`);
export const postId = (key: string): string => check(`post:${key}`);

/** Reads a custom_id this bot made; null for anything else. */
export function parseCustomId(id: string): ParsedCustomId | null {
  let m = /^more:([\w-]{1,40}):(\d{1,4})$/.exec(id);
  if (m) return { kind: 'more', key: m[1]!, offset: Number(m[2]) };
  m = /^post:([\w-]{1,40})$/.exec(id);
  if (m) return { kind: 'post', key: m[1]! };
  return null;
}
