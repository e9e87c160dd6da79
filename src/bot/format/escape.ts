/**
 * Making untrusted text (article sentences, headlines, user questions) safe to
 * show on Discord: it can neither ping anyone nor change the formatting.
 *
 * Two layers, always together: every message the bot sends also sets
 * `allowedMentions: { parse: [] }` (see `../reply.ts`), and every text is
 * neutralised here, so a mention stays inert even if it were copied and
 * re-sent by someone else. Pure: no discord.js runtime code.
 */

/** Zero-width space: breaks `@everyone` and `<@id>` without a visible change. */
export const ZWSP = '\u200b';

/** C0/C1 control characters other than tab and newline, and the bidi overrides that can disguise text. */
export const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** One line: control characters removed, every run of whitespace (newlines too) made one space, trimmed. */
export function oneLine(text: string): string {
  return text.replace(CONTROL, '').replace(/\s+/g, ' ').trim();
}

/**
 * Inserts a zero-width space after every `@` that starts a word, so neither
 * `@everyone`, `@here`, `<@123>`, `<@!123>` nor `<@&456>` is a mention any
 * more. Used on text shown where Discord does not render markdown (footers,
 * autocomplete names) and, via {@link escapeMarkdown}, everywhere else.
 */
export function neutralizeMentions(text: string): string {
  return text.replace(/@(?=[\p{L}\p{N}!&])/gu, `@${ZWSP}`);
}

/** Characters that start or end Discord markdown anywhere in a line, and `<` that starts mentions, channels, emoji and timestamps. */
const INLINE_MARKDOWN = /[\\*_~`|<>[\]]/g;

/**
 * Escapes `text` for places Discord renders as markdown (message content,
 * embed titles, descriptions and field values): whitespace collapsed to one
 * line, markdown characters backslash-escaped, line-start syntax (headings,
 * lists, block quotes) escaped, and mentions neutralised.
 */
export function escapeMarkdown(text: string): string {
  return escapeInline(oneLine(text), true);
}

/**
 * Escapes one already single-line piece of text. `atLineStart` escapes
 * heading, list and numbered-list syntax at its start; pieces that continue a
 * line pass false.
 */
export function escapeInline(piece: string, atLineStart: boolean): string {
  let s = neutralizeMentions(piece).replace(INLINE_MARKDOWN, (c) => `\\${c}`);
  if (atLineStart) s = s.replace(/^(#|-|\+)/, '\\$1').replace(/^(\d+)\./, '$1\\.');
  return s;
}

/**
 * Text for places Discord shows as plain text (embed footers and author
 * names, autocomplete choice names, button labels): one line, mentions
 * neutralised, nothing escaped (a backslash would show).
 */
export function plainText(text: string): string {
  return neutralizeMentions(oneLine(text));
}

/** Text for the inside of a ``` code block: mentions neutralised and any ``` broken so the block cannot be closed early. */
export function codeBlockText(text: string): string {
  return neutralizeMentions(text.replace(CONTROL, '')).replace(/`(?=`)/g, `\`${ZWSP}`);
}
