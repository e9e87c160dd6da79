/** Escaped or plain text cut to a budget. Pure. */
import { escapeMarkdown, plainText } from './escape.ts';
import { truncateAtWord, truncateMarkdown } from './limits.ts';

/**
 * `text` escaped for markdown (see {@link escapeMarkdown}) in at most `max`
 * code units: the raw text is cut at a word boundary with "…" before it is
 * escaped, so escapes are never split.
 */
export function escapedFit(text: string, max: number): string {
  let room = max;
  for (let tries = 0; tries < 12 && room > 0; tries++) {
    const out = escapeMarkdown(truncateAtWord(text, room));
    if (out.length <= max) return out;
    room -= Math.max(1, Math.ceil((out.length - max) / 2));
  }
  return truncateMarkdown(escapeMarkdown(text), max);
}

/** `text` as plain text (see {@link plainText}) in at most `max` code units, cut at a word boundary. */
export function plainFit(text: string, max: number): string {
  let room = max;
  for (let tries = 0; tries < 12 && room > 0; tries++) {
    const out = plainText(truncateAtWord(text, room));
    if (out.length <= max) return out;
    room -= out.length - max;
  }
  return '';
}
