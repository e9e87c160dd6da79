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

/** Thrown for metadata a person has to fix; the message says what and where. */
export class MetadataError extends Error {}

/** Parses and validates YAML metadata text. `where` names the file for error messages. */
export function parseMetadata(yamlText: string, where: string): MetadataInput {
  let data: unknown;
  try {
    data = parseYaml(yamlText);
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new MetadataError(`${where}: invalid YAML metadata: ${reason}`);
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
    out[key as keyof MetadataInput] = String(text).trim();
  }
  if (out.id !== undefined && !/^[\w.-]{1,64}$/.test(out.id)) {
    throw new MetadataError(`${where}: metadata "id" may only use letters, digits, "-", "_" and "." (at most 64)`);
  }
  if (out.language !== undefined && !/^[a-z]{2}$/.test(out.language)) {
    throw new MetadataError(`${where}: metadata "language" must be a two-letter code such as de or en`);
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
