/**
 * Hostile input for the property tests: what trolls type and what a broken
 * scrape contains. Fragments are combined by fast-check into arbitrary mixes;
 * the helpers check what must hold for every reply whatever the input.
 */
import fc from 'fast-check';
import type { APIEmbed } from 'discord.js';
import { expect } from 'vitest';
import { expectWithinLimits } from '../bot/limits.ts';

/** Fixed seed: every run tries the same inputs, so a failure reproduces. */
export const SEED = 0x62656c65; // "bele"

/** Control characters U+0000–U+001F and DEL, as single strings. */
const C0 = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).concat('\u007f', '\u0085');

/** Hand-picked hostile fragments, each one a case the issue names. */
export const FRAGMENTS: readonly string[] = [
  // empty and whitespace
  '', ' ', '   ', '\t', '\n', '\r\n', '\n\n\n', '\u00a0', '\u3000', '\u2003',
  // mentions
  '@everyone', '@here', '@Everyone', '@@everyone', '<@123456789012345678>', '<@!123456789012345678>', '<@&123>', '<@&234567890123456789>', '<#123>',
  '<#123456789012345678>', '</ask:123456789012345678>', '<:emoji:123>', '<a:dance:123>', '<t:1700000000:R>', '@', '<@', '>',
  // markdown and code blocks
  '**bold**', '*it*', '__under__', '~~strike~~', '||spoiler||', '`code`', '```', '```js\nconsole.log(1)\n```', '```\n@everyone\n```', '# Heading', '## H2', '-# small',
  '> quote', '>>> block', '- item', '1. item', '\\', '\\*', '[link](https://evil.example/)', '[@everyone](https://x.y)', '<https://example.com>',
  // URLs
  'https://example.com/path?a=1&b=<x>#frag', 'http://127.0.0.1:9/api', 'javascript:alert(1)', 'discord.gg/invite', 'https://discord.com/api/webhooks/1/abc',
  // regular expression metacharacters and patterns that blow up naive regexes
  '.*', '.+?', '^$', '(a+)+$', '[a-z]', '[', ']', '(', ')', '{1,}', '|', '\\p{L}', '(?<=x)', '\\d+', '$&', '$1', '*', '?', '+',
  // emoji: plain, skin tones, ZWJ sequences, flags, keycaps, variation selectors
  '😀', '👍🏽', '👩🏿‍🚀', '👨‍👩‍👧‍👦', '🏳️‍🌈', '🇩🇪', '🇬🇧', '1️⃣', '❤️', '🫠',
  // right-to-left text and bidi controls
  'مرحبا بالعالم', 'من خلف بيزوس؟', 'שלום עולם', 'מי החליף את בזוס?', '\u202eevil\u202c', '\u2066iso\u2069', '\u061c',
  // zero-width, line/paragraph separators, BOM
  '\u200b', '\u200c', '\u200d', '\u200e', '\u200f', '\u2028', '\u2029', '\ufeff', '\u2060', '\u00ad',
  // lone surrogates
  '\ud800', '\udfff', '\udbff', '\udc00', '\ud83d', 'a\ud800b', '\ude00\ud83d',
  // control characters
  ...C0,
  // object keys that break naive maps
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf',
  // ordinary questions and article words, so some inputs do find quotes
  'Who succeeded Bezos?', 'Wo werden die Daten gespeichert?', 'Bezos', 'Jassy', 'Amazon', 'AWS', 'GCHQ', 'Geheimdienst', 'Financial Times', 'künstliche Intelligenz',
  'What does GCHQ stand for?', 'Was kostet der Deal?', 'Daten', 'Cloud', 'spy agency', 'Amazon-Gründer', 'NSA', 'Frankreich',
  // words and numbers
  'the', 'der', 'und', 'a', 'I', '0', '123456789012345678', '-1', 'NaN', '1e309', 'ß', 'İ', 'ǅ', 'ﬁ', 'Ⅻ', '٣',
];

/** Questions the seed article answers. */
export const GOOD_QUESTIONS: readonly string[] = [
  'Who succeeded Bezos?',
  'Wo werden die Daten gespeichert?',
  'What does GCHQ stand for?',
  'Wer hat den Deal abgeschlossen?',
  'How big is the AWS market share?',
  'Amazon Geheimdienst Deal',
  'künstliche Intelligenz Spionage',
  'Financial Times',
];

/** Noise that does not change what a question asks: markup, mentions of everyone, emoji, invisible characters. */
const NOISE: readonly string[] = [
  '', ' ', '**', '__', '`', '```', '||', '> ', '# ', '@everyone', '@here', '😀', '👨‍👩‍👧‍👦', '🏳️‍🌈', '\u200b', '\u2028', '\ufeff',
  '\n', '\t', '?', '!!!', '...', '«', '»', '(', ')', '[', ']', '\u202e', '\u200f',
];

/** A question the article answers, wrapped in and interleaved with noise. */
export function noisyGoodQuestion(): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...GOOD_QUESTIONS), fc.array(fc.constantFrom(...NOISE), { maxLength: 6 }), fc.array(fc.constantFrom(...NOISE), { maxLength: 6 }), fc.integer({ min: 0, max: 3 }))
    .map(([q, before, after, mode]) => {
      const words = q.split(' ');
      const inner = mode === 3 ? words.map((w, i) => (i % 2 ? `**${w}**` : w)).join(' ') : mode === 2 ? words.join('  \u200b ') : q;
      return before.join('') + ' ' + inner + ' ' + after.join('');
    });
}

/** Any one code unit, lone surrogates included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n));

/** Strings of every kind: fragments, any code units, any code points, graphemes, and mixes of them. */
export function hostileString(options: { maxPieces?: number } = {}): fc.Arbitrary<string> {
  const maxPieces = options.maxPieces ?? 12;
  const piece = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...FRAGMENTS) },
    // runs of one word without spaces: compound-like letters (splitCompound was once exponential in them)
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('Daten', 'ern', 'es', 'Geheimdienst', 'Amazon', 'ab', '😀', '@'), fc.integer({ min: 2, max: 60 })).map(([w, n]) => w.repeat(n)) },
    { weight: 1, arbitrary: fc.string({ unit: codeUnit, maxLength: 20 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 10 }) },
  );
  const separator = fc.constantFrom('', ' ', ' ', '\n', '\t', '\u200b', '@', '<@', '```');
  return fc.oneof(
    { weight: 1, arbitrary: fc.constantFrom(...FRAGMENTS) },
    {
      weight: 6,
      arbitrary: fc
        .array(fc.tuple(piece, separator), { maxLength: maxPieces })
        .map((parts) => parts.map(([p, s]) => p + s).join('')),
    },
    { weight: 1, arbitrary: longString(10_000) },
  );
}

/** Strings of about `length` code units: one fragment repeated, or a mix, so cuts fall anywhere. */
export function longString(length: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 50 }))
    .map(([parts, extra]) => {
      const unit = parts.join(' ') || ' ';
      return unit.repeat(Math.ceil((length + extra) / unit.length)).slice(0, length + extra);
    });
}

/** Counts of inputs tried, per property, for the summary line. */
export const tried = new Map<string, number>();
export function count(name: string, n = 1): void {
  tried.set(name, (tried.get(name) ?? 0) + n);
}
/** Of those, how many were answered with quotes (so the verbatim checks ran), per property. */
export const answered = new Map<string, number>();
export function countAnswered(name: string): void {
  answered.set(name, (answered.get(name) ?? 0) + 1);
}
/** Other figures worth printing (not inputs of their own). */
export const notes = new Map<string, number>();
export function note(name: string): void {
  notes.set(name, (notes.get(name) ?? 0) + 1);
}
/** "name: n" per property and the total. */
export function summaryLine(title: string): string {
  const total = [...tried.values()].reduce((a, b) => a + b, 0);
  const quoted = [...answered.values()].reduce((a, b) => a + b, 0);
  return (
    `${title}: ${total} inputs tried (${[...tried].map(([k, v]) => `${k} ${v}`).join(', ')})` +
    (quoted ? '; ' : '') +
    (quoted ? `${quoted} of them answered with quotes (${[...answered].map(([k, v]) => `${k} ${v}`).join(', ')})` : '') +
    (notes.size ? `; ${[...notes].map(([k, v]) => `${k}: ${v}`).join(', ')}` : '')
  );
}

/** True when `text` has no lone surrogate. */
export function isWellFormed(text: string): boolean {
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}

/** Text Discord would turn into a ping: @everyone/@here, a user or role mention. Backslash escapes are ignored (conservative). */
export function canPing(text: string): boolean {
  const unescaped = text.replace(/\\(.)/gsu, '$1');
  return /@(?:everyone|here)|<@[!&]?\d+>/i.test(unescaped);
}

/** A message body as the bot sends it. */
export interface MessageBody {
  content?: string;
  embeds?: APIEmbed[];
  allowedMentions?: { parse?: unknown[]; users?: unknown[]; roles?: unknown[]; repliedUser?: boolean };
}

/** Every text of a message Discord renders. */
export function allText(message: MessageBody): string[] {
  return [
    message.content ?? '',
    ...(message.embeds ?? []).flatMap((e) => [e.title ?? '', e.description ?? '', e.footer?.text ?? '', e.author?.name ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value])]),
  ];
}

/** Every Discord limit on a message, allowedMentions set to ping no one, and no text that can ping. */
export function expectSafeMessage(message: MessageBody, options: { allowContentMention?: RegExp; wellFormedInput?: boolean } = {}): void {
  expect(message.allowedMentions).toBeDefined();
  expect(message.allowedMentions!.parse).toEqual([]);
  expect(message.allowedMentions!.users ?? []).toEqual([]);
  expect(message.allowedMentions!.roles ?? []).toEqual([]);
  expect(message.allowedMentions!.repliedUser ?? false).toBe(false);
  expectWithinLimits(message);
  const embeds = message.embeds ?? [];
  expect(message.content !== undefined && message.content.length > 0 ? true : embeds.length > 0).toBe(true);
  const content = options.allowContentMention && message.content !== undefined ? message.content.replace(options.allowContentMention, '') : message.content;
  for (const text of allText({ ...message, content })) {
    if (canPing(text)) throw new Error(`rendered text can ping: ${JSON.stringify(text.slice(0, 300))}`);
    // Text from Discord is UTF-8 and has no lone surrogate; a cut must not make one (it is not valid UTF-8).
    if (options.wellFormedInput !== false && !isWellFormed(text)) {
      throw new Error(`rendered text has a lone surrogate: ${JSON.stringify(text.slice(0, 300))}`);
    }
  }
}
