/**
 * One quoted sentence as Discord markdown: escaped, with the part that
 * answers the question (the engine's highlight) in **bold**, cut at a word
 * boundary with "…" when it does not fit its budget. Pure.
 */
import type { TextSpan } from '../../engine/engine.ts';
import { ELLIPSIS } from './limits.ts';
import { CONTROL, ZWSP, escapeInline, oneLine } from './escape.ts';

type Range = [start: number, end: number];

/**
 * {@link oneLine} of `text`, and where each offset of `text` lands in it, so
 * a highlight given in the sentence's offsets can be found in the one-line
 * text (control characters dropped, whitespace runs made one space, trimmed).
 */
export function oneLineOffsets(text: string): { clean: string; at: (offset: number) => number } {
  const at = new Array<number>(text.length + 1);
  let clean = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    at[i] = clean.length;
    if (ch.replace(CONTROL, '') === '') continue;
    if (/\s/.test(ch)) {
      if (clean.length && !clean.endsWith(' ')) clean += ' ';
    } else clean += ch;
  }
  if (clean.endsWith(' ')) clean = clean.slice(0, -1);
  at[text.length] = clean.length;
  return { clean, at: (offset) => Math.min(clean.length, at[Math.max(0, Math.min(text.length, offset))]!) };
}

/** The characters of one-line `clean` a highlight of the original text covers, without spaces at its ends; null when empty or out of range. */
function highlightRange(text: string, highlight: TextSpan | null | undefined): { clean: string; range: Range | null } {
  const { clean, at } = oneLineOffsets(text);
  // Should the mapping ever disagree with oneLine, no bold rather than bold in the wrong place.
  const valid = highlight && highlight.start >= 0 && highlight.end <= text.length && highlight.start < highlight.end;
  if (!valid || clean !== oneLine(text)) return { clean: oneLine(text), range: null };
  let s = at(highlight.start);
  let e = at(highlight.end);
  while (s < e && clean[s] === ' ') s++;
  while (e > s && clean[e - 1] === ' ') e--;
  return { clean, range: s < e ? [s, e] : null };
}

/** Characters {@link escapeInline} escapes anywhere in a line. */
const MARKDOWN_CHARS = new Set(['\\', '*', '_', '~', '`', '|', '<', '>', '[', ']']);

/**
 * Renders `text[start, end)` (no whitespace inside) escaped, with the characters
 * marked in `bold` bold, in at most `budget` code units. Returns what fits and whether
 * that is all of it; a bold part cut short is closed. Characters are escaped
 * one by one with {@link escapeChar}.
 */
function renderSpan(text: string, start: number, end: number, bold: Uint8Array, budget: number, escapeChar: (i: number, ch: string) => string): { out: string; complete: boolean } {
  let out = '';
  let inBold = false;
  let i = start;
  while (i < end) {
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    const b = bold[i] === 1;
    const escaped = escapeChar(i, ch);
    const toggle = b !== inBold ? '**' : '';
    if (out.length + toggle.length + escaped.length + (b ? 2 : 0) > budget) break;
    out += toggle + escaped;
    inBold = b;
    i += ch.length;
  }
  if (inBold) out += '**';
  return { out, complete: i >= end };
}

/**
 * Renders a quote: one line, markdown escaped, mentions neutralised, the
 * `highlight` (offsets into `text` of the part that answers the question) in
 * bold. When the result would exceed `max` code units it is cut after the
 * last whole word that fits (or inside a single over-long word) and ends
 * with "…"; a highlight cut short is closed.
 *
 * @param highlight The span to bold, as offsets into `text`. Default: none.
 * @param max Most code units of the result. Default: no limit.
 */
export function renderQuote(text: string, highlight: TextSpan | null = null, max: number = Number.POSITIVE_INFINITY): string {
  if (max <= 0) return '';
  const { clean, range } = highlightRange(text, highlight);
  const bold = new Uint8Array(clean.length);
  if (range) bold.fill(1, range[0], range[1]);
  // Escaping is per character, so what needs context is found first: a
  // numbered list's dot at the start, and each `@` that starts a mention.
  const numbered = /^\d+\./.exec(clean);
  const listDot = numbered ? numbered[0].length - 1 : -1;
  const mentionAt = new Set([...clean.matchAll(/@(?=[\p{L}\p{N}!&])/gu)].map((m) => m.index));
  const escapeChar = (i: number, ch: string): string =>
    i === listDot ? `\\${ch}` : mentionAt.has(i) ? `@${ZWSP}` : i === 0 || MARKDOWN_CHARS.has(ch) ? escapeInline(ch, i === 0) : ch;
  const words = [...clean.matchAll(/\S+/g)].map((m): Range => [m.index, m.index + m[0].length]);
  const pieces: string[] = [];
  let length = 0;
  for (const [start, end] of words) {
    const sep = pieces.length ? 1 : 0;
    const { out, complete } = renderSpan(clean, start, end, bold, max - length - sep, escapeChar);
    if (complete) {
      const previous = pieces[pieces.length - 1];
      if (previous !== undefined && bold[start - 1] === 1 && previous.endsWith('**') && out.startsWith('**')) {
        // adjacent bold words share one pair of markers: **Andy Jassy**
        pieces[pieces.length - 1] = `${previous.slice(0, -2)} ${out.slice(2)}`;
        length += sep + out.length - 4;
      } else {
        pieces.push(out);
        length += sep + out.length;
      }
      continue;
    }
    // It does not fit: end with "…" after the last whole word that leaves room for it…
    while (pieces.length && length + ELLIPSIS.length > max) {
      const dropped = pieces.pop()!;
      length -= dropped.length + (pieces.length ? 1 : 0);
    }
    if (pieces.length) return pieces.join(' ') + ELLIPSIS;
    // …or inside the first word, when not even that fits whole.
    const [s0, e0] = words[0]!;
    return renderSpan(clean, s0, e0, bold, max - ELLIPSIS.length, escapeChar).out + ELLIPSIS;
  }
  return pieces.join(' ');
}
