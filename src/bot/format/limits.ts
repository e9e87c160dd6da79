/**
 * Discord's message limits, and the cutting that keeps every reply within
 * them whatever the input. Pure: no discord.js runtime code.
 *
 * Lengths are counted in UTF-16 code units (`string.length`), which is never
 * less than the characters Discord counts, so a text that fits here fits there.
 */
import type { APIEmbed, APIEmbedField } from 'discord.js';

/** Discord's limits, as documented for messages, embeds, components and autocomplete. */
export const LIMITS = {
  /** Message `content`. */
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFooter: 2048,
  embedAuthor: 256,
  fieldName: 256,
  fieldValue: 1024,
  /** Fields per embed. */
  fields: 25,
  /** Title, description, field names and values, footer and author name of all embeds of one message together. */
  embedTotal: 6000,
  /** Embeds per message. */
  embeds: 10,
  /** Embed `url` (and any URL we put anywhere). */
  url: 2048,
  /** Autocomplete choice `name` and `value`. */
  choiceName: 100,
  choiceValue: 100,
  /** Autocomplete choices per response. */
  choices: 25,
  /** Component `custom_id`. */
  customId: 100,
  buttonLabel: 80,
} as const;

/** Marks a cut. */
export const ELLIPSIS = '…';

/** Drops a high surrogate left dangling at the end by a cut. */
function dropBrokenSurrogate(s: string): string {
  return /[\uD800-\uDBFF]$/.test(s) ? s.slice(0, -1) : s;
}

/**
 * Cuts `text` to at most `max` code units, at a word boundary, ending in "…".
 * Text that fits is returned unchanged. A cut falls after the last whole word
 * that fits, unless that would drop more than half of the room (one very long
 * "word"), in which case the word itself is cut. Never splits a surrogate pair.
 */
export function truncateAtWord(text: string, max: number): string {
  if (max <= 0) return '';
  if (text.length <= max) return text;
  if (max === 1) return ELLIPSIS;
  let cut = dropBrokenSurrogate(text.slice(0, max - 1));
  const next = text.charAt(cut.length);
  if (next && !/\s/.test(next)) {
    const lastSpace = cut.search(/\s\S*$/);
    if (lastSpace >= (max - 1) / 2) cut = cut.slice(0, lastSpace);
  }
  cut = cut.replace(/[\s,;:–—-]+$/u, '');
  return cut + ELLIPSIS;
}

/** Cuts `text` to `max` code units with "…", without regard to words (for text that has none to respect). */
export function truncateHard(text: string, max: number): string {
  if (max <= 0) return '';
  if (text.length <= max) return text;
  if (max === 1) return ELLIPSIS;
  return dropBrokenSurrogate(text.slice(0, max - 1)) + ELLIPSIS;
}

/**
 * Cuts already escaped markdown to `max` code units without leaving a lone
 * backslash that would escape the "…", and without splitting a `**` pair
 * (any bold left open is closed). Used only as a safety net: the renderers
 * budget their text before escaping it.
 */
export function truncateMarkdown(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  let room = max;
  for (;;) {
    let body = truncateAtWord(text, room);
    if (body.endsWith(ELLIPSIS)) body = body.slice(0, -ELLIPSIS.length);
    if ((/\\+$/.exec(body)?.[0].length ?? 0) % 2 === 1) body = body.slice(0, -1);
    const openBold = (body.replace(/\\./g, '').match(/\*\*/g) ?? []).length % 2 === 1;
    const candidate = body + (openBold ? '**' : '') + ELLIPSIS;
    if (candidate.length <= max) return candidate;
    room -= candidate.length - max;
    if (room <= 1) return ELLIPSIS;
  }
}

/** Length Discord counts towards an embed's 6000 total. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/**
 * Makes an embed satisfy every limit: each text field cut to its maximum,
 * at most 25 fields, and the 6000 total (the description is shortened first,
 * then fields are dropped from the end). A safety net applied to every embed
 * the bot sends; the renderers already stay within budget.
 *
 * @param total Budget for this embed's counted text. Default: {@link LIMITS.embedTotal}.
 */
export function fitEmbed(embed: APIEmbed, total: number = LIMITS.embedTotal): APIEmbed {
  const out: APIEmbed = { ...embed };
  if (out.title !== undefined) out.title = truncateMarkdown(out.title, LIMITS.embedTitle);
  if (out.description !== undefined) out.description = truncateMarkdown(out.description, LIMITS.embedDescription);
  if (out.footer) out.footer = { ...out.footer, text: truncateHard(out.footer.text, LIMITS.embedFooter) };
  if (out.author) out.author = { ...out.author, name: truncateHard(out.author.name, LIMITS.embedAuthor) };
  if (out.url !== undefined && out.url.length > LIMITS.url) delete out.url;
  if (out.fields) {
    out.fields = out.fields.slice(0, LIMITS.fields).map(
      (f): APIEmbedField => ({
        ...f,
        name: truncateMarkdown(f.name, LIMITS.fieldName) || '\u200b',
        value: truncateMarkdown(f.value, LIMITS.fieldValue) || '\u200b',
      }),
    );
  }
  let over = embedLength(out) - total;
  if (over > 0 && out.description) {
    out.description = truncateMarkdown(out.description, Math.max(0, out.description.length - over));
    if (!out.description) delete out.description;
    over = embedLength(out) - total;
  }
  while (over > 0 && out.fields?.length) {
    out.fields = out.fields.slice(0, -1);
    over = embedLength(out) - total;
  }
  if (over > 0 && out.footer) {
    out.footer = { text: truncateHard(out.footer.text, Math.max(1, out.footer.text.length - over)) };
    over = embedLength(out) - total;
  }
  if (over > 0 && out.title) out.title = truncateMarkdown(out.title, Math.max(1, out.title.length - over));
  return out;
}

/** Fits several embeds of one message into the shared 6000 total and the 10-embed cap. */
export function fitEmbeds(embeds: readonly APIEmbed[]): APIEmbed[] {
  const out: APIEmbed[] = [];
  let left: number = LIMITS.embedTotal;
  for (const e of embeds.slice(0, LIMITS.embeds)) {
    if (left <= 0) break;
    const fitted = fitEmbed(e, left);
    left -= embedLength(fitted);
    out.push(fitted);
  }
  return out;
}

/** Cuts message content to 2000 code units (a safety net; content is budgeted when built). */
export function fitContent(content: string): string {
  return truncateMarkdown(content, LIMITS.content);
}
