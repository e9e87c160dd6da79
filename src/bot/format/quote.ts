/**
 * One quoted sentence as Discord markdown: escaped, with the article words
 * that matched the question in **bold**, cut at a word boundary with "…"
 * when it does not fit its budget. Pure.
 */
import { ELLIPSIS } from './limits.ts';
import { ZWSP, escapeInline, oneLine } from './escape.ts';

type Range = [start: number, end: number];

/** Characters {@link escapeInline} escapes anywhere in a line. */
const MARKDOWN_CHARS = new Set(['\\', '*', '_', '~', '`', '|', '<', '>', '[', ']']);

/** Where the given words occur in `text` as whole words (not inside longer words), sorted, merged across single spaces. */
export function boldRanges(text: string, words: readonly string[]): Range[] {
  const ranges: Range[] = [];
  // Plain substring search, no RegExp built from the words: they are the article's own words
  // (verbatim, so their case matches), and a pattern compiled from a huge word can overflow V8's stack.
  const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
  for (const word of new Set(words.map((w) => w.trim()).filter(Boolean))) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
      const end = at + word.length;
      if (!isWordChar(text[at - 1]) && !isWordChar(text[end])) ranges.push([at, end]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Range[] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    // overlapping, touching or separated by one space: one range (bold words next to each other read as one)
    if (last && (r[0] <= last[1] || (r[0] === last[1] + 1 && text[last[1]] === ' '))) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}

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
 * Renders a quote: one line, markdown escaped, mentions neutralised, `boldWords`
 * (the article's matched words) in bold where they occur as whole words. When
 * the result would exceed `max` code units it is cut after the last whole word
 * that fits (or inside a single over-long word) and ends with "…".
 *
 * @param max Most code units of the result. Default: no limit.
 */
export function renderQuote(text: string, boldWords: readonly string[] = [], max: number = Number.POSITIVE_INFINITY): string {
  if (max <= 0) return '';
  const clean = oneLine(text);
  const bold = new Uint8Array(clean.length);
  for (const [s, e] of boldRanges(clean, boldWords)) bold.fill(1, s, e);
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
