/**
 * Structured logs (pino, JSON lines) that never contain a secret: the bot
 * token and interaction tokens are removed by path (`redact`), by the error
 * serializer (discord.js puts interaction tokens in request URLs), and, as a
 * last line of defence, by scrubbing every written line for the secrets'
 * literal values.
 */
import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from '../config.ts';

export type { Logger };

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  /** pino level. Default: `info`. */
  level?: LogLevel;
  /** Literal values that must never be written (the bot token). Default: none. */
  secrets?: readonly string[];
  /** Where lines go. Default: standard output. */
  destination?: { write(line: string): unknown };
}

/** Paths pino replaces with "[redacted]" wherever they appear in a log object. */
export const REDACT_PATHS = [
  'token',
  '*.token',
  '*.*.token',
  'config.discord',
  'discord.token',
  'headers.authorization',
  '*.headers.authorization',
  'authorization',
  '*.authorization',
];

/** Interaction and webhook tokens inside Discord API paths, e.g. `/interactions/ID/TOKEN/callback`. */
const PATH_TOKEN = /\/(interactions|webhooks)\/(\d+)\/[^/?\s"]+/g;

/** Removes interaction/webhook tokens from a URL or message. */
export function scrubUrl(text: string): string {
  return text.replace(PATH_TOKEN, '/$1/$2/[token]');
}

/** pino `err` serializer: type, message, code, status, method and URL (tokens removed), stack; never the request body. */
export function serializeError(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: scrubUrl(String(err)) };
  const e = err as Error & { code?: unknown; status?: unknown; method?: unknown; url?: unknown; rawError?: unknown };
  const out: Record<string, unknown> = { type: e.name, message: scrubUrl(e.message) };
  if (e.code !== undefined) out.code = e.code;
  if (e.status !== undefined) out.status = e.status;
  if (typeof e.method === 'string') out.method = e.method;
  if (typeof e.url === 'string') out.url = scrubUrl(e.url);
  if (e.stack) out.stack = scrubUrl(e.stack);
  if (e.cause !== undefined) out.cause = serializeError(e.cause);
  return out;
}

/** A destination that replaces each secret's literal value before the line is written. */
function scrubbing(destination: { write(line: string): unknown }, secrets: readonly string[]): DestinationStream {
  const values = secrets.filter((s) => s.length >= 8);
  return {
    write(line: string) {
      let out = line;
      for (const v of values) out = out.split(v).join('[redacted]');
      destination.write(out);
    },
  };
}

/** Creates the bot's logger. */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { app: 'beleg' },
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      serializers: { err: serializeError, error: serializeError },
    },
    scrubbing(options.destination ?? process.stdout, options.secrets ?? []),
  );
}
