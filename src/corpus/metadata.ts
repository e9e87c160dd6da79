/**
 * Article metadata as an editor writes it: YAML front matter at the top of the
 * article file, or a sidecar file `NAME.meta.yaml` beside `NAME.txt`.
 *
 * ```yaml
 * publisher: DER SPIEGEL
 * kicker: Bericht der »Financial Times«
 * headline: Britischer Geheimdienst schließt Deal mit Amazon
 * byline: jlk/Reuters
 * language: de
 * ```
 */
import { parse as parseYaml } from 'yaml';

/** Metadata fields an editor may set. All optional. */
export interface MetadataInput {
  id?: string;
  headline?: string;
  kicker?: string;
  publisher?: string;
  byline?: string;
  language?: string;
  url?: string;
  date?: string;
}

const KEYS: readonly (keyof MetadataInput)[] = ['id', 'headline', 'kicker', 'publisher', 'byline', 'language', 'url', 'date'];

/**
 * What an article id may be, whether it comes from the metadata or the file
 * name: letters (any script, with combining marks, as macOS writes file
 * names), digits, "-", "_" and ".", at most 64. Ids appear in sentence ids
 * (`ID:P.S`), in commands and in Discord replies, so no spaces, colons,
 * backticks, "@" or "<".
 */
export const ARTICLE_ID = /^[\p{L}\p{M}\p{N}_.-]{1,64}$/u;

/**
 * Characters no metadata value may hold. YAML escapes can write anything
 * ("\u202e", "\0", "\udc00") into a valid UTF-8 file: control characters
 * other than tab and line breaks, bidi overrides, and lone surrogates (which
 * are not text at all and make Discord reject a whole message).
 */
const BAD_VALUE_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** U+FFFD, what a sidecar saved in another encoding (Latin-1, Windows-1252) is read as. */
const REPLACEMENT_CHAR = '\ufffd';

/** An ISO 8601 date, optionally with a time: 2021-10-25, 2021-10-25T08:30:00Z. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** True for a date that exists (not 2021-02-30). */
function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** True for an absolute http(s) URL. */
function isWebUrl(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol) && !/\s/.test(text);
  } catch {
    return false;
  }
}

/** Thrown for metadata a person has to fix; the message says what and where. */
export class MetadataError extends Error {}

/**
 * Parses and validates YAML metadata text. `where` names the file for error
 * messages; `firstLine` is the file's line number of the YAML's first line
 * (2 for front matter, after its `---`), so a YAML error points at the line to fix.
 */
export function parseMetadata(yamlText: string, where: string, firstLine = 1): MetadataInput {
  let data: unknown;
  try {
    data = parseYaml(yamlText);
  } catch (err) {
    const e = err as Error & { linePos?: { line: number; col: number }[] };
    // yaml's first message line ends "at line N, column M:" (the excerpt follows); say it our way, in file lines
    const reason = (err instanceof Error ? err.message.split('\n')[0]! : String(err)).replace(/ at line \d+, column \d+:?$/, '');
    const pos = e.linePos?.[0];
    throw new MetadataError(`${where}: invalid YAML metadata: ${reason}${pos ? ` (line ${pos.line + firstLine - 1}, column ${pos.col})` : ''}`);
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new MetadataError(`${where}: metadata must be a YAML mapping of key: value lines`);
  }
  const out: MetadataInput = {};
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (!(KEYS as readonly string[]).includes(key)) {
      throw new MetadataError(`${where}: unknown metadata key "${key}" (known keys: ${KEYS.join(', ')})`);
    }
    if (value === null || value === undefined) continue;
    const text = value instanceof Date ? value.toISOString().slice(0, 10) : value;
    if (typeof text !== 'string' && typeof text !== 'number') {
      throw new MetadataError(`${where}: metadata "${key}" must be text`);
    }
    const clean = String(text).trim();
    if (clean.includes(REPLACEMENT_CHAR)) {
      throw new MetadataError(`${where}: metadata "${key}" contains U+FFFD, the mark of text that was not UTF-8; save the file as UTF-8`);
    }
    const bad = BAD_VALUE_CHAR.exec(clean);
    if (bad) {
      const code = bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      throw new MetadataError(`${where}: metadata "${key}" contains the invisible or invalid character U+${code}; remove it`);
    }
    out[key as keyof MetadataInput] = clean;
  }
  if (out.id !== undefined && !ARTICLE_ID.test(out.id)) {
    throw new MetadataError(`${where}: metadata "id" may only use letters, digits, "-", "_" and "." (at most 64)`);
  }
  if (out.language !== undefined && !/^[a-z]{2}$/.test(out.language)) {
    throw new MetadataError(`${where}: metadata "language" must be a two-letter code such as de or en`);
  }
  if (out.date !== undefined && !isIsoDate(out.date)) {
    throw new MetadataError(`${where}: metadata "date" must be a date written as YYYY-MM-DD (ISO 8601), e.g. 2021-10-25`);
  }
  if (out.url !== undefined && !isWebUrl(out.url)) {
    throw new MetadataError(`${where}: metadata "url" must be a full http:// or https:// address`);
  }
  return out;
}

/** Splits YAML front matter (between `---` lines at the very top) from the text. */
export function splitFrontMatter(source: string, where: string): { yaml: string | null; bodyStart: number } {
  const open = /^\uFEFF?---[ \t]*\r?\n/.exec(source);
  if (!open) return { yaml: null, bodyStart: source.startsWith('\uFEFF') ? 1 : 0 };
  const close = /^---[ \t]*(?:\r?\n|$)/m;
  const rest = source.slice(open[0].length);
  const m = close.exec(rest);
  if (!m) throw new MetadataError(`${where}: front matter opened with "---" is never closed by a "---" line`);
  return { yaml: rest.slice(0, m.index), bodyStart: open[0].length + m.index + m[0].length };
}
