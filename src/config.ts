/**
 * All configuration is read and validated here, once. Every problem is
 * reported with what to do about it; nothing else reads `process.env`.
 */
import { config as loadDotenv } from 'dotenv';

/** Discord settings, present only when `DISCORD_TOKEN` is set. */
export interface DiscordConfig {
  /** Bot token. Never log it. */
  token: string;
  /** The application's id (a snowflake). */
  clientId: string;
  /** Guild to deploy commands to; commands deploy globally when absent. */
  guildId: string | null;
  /** REST base (as discord.js's `rest.api`), e.g. `http://127.0.0.1:8080/api`; Discord's own when absent. */
  apiUrl: string | null;
}

/** Validated configuration. */
export interface Config {
  discord: DiscordConfig | null;
  /** Directory of article files. Default: `./corpus`. */
  corpusDir: string;
  /** pino log level. Default: `info`. */
  logLevel: LogLevel;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** A configuration problem a person can act on; `problems` lists each one. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration problem${problems.length > 1 ? 's' : ''}:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for every setting.`);
  }
}

/** A Discord bot token: three base64url parts joined by dots. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{18,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{20,}$/;
const SNOWFLAKE = /^\d{15,21}$/;

/** Options of {@link loadConfig}. */
export interface LoadConfigOptions {
  /** Environment to read. Default: `process.env` after loading `.env`. */
  env?: NodeJS.ProcessEnv;
  /** Require Discord settings (for the bot and command deployment). Default: false. */
  requireDiscord?: boolean;
}

/** Reads and validates configuration; throws {@link ConfigError} listing every problem. */
export function loadConfig(options: LoadConfigOptions = {}): Config {
  let env = options.env;
  if (!env) {
    loadDotenv({ quiet: true });
    env = process.env;
  }
  const problems: string[] = [];
  const get = (name: string) => {
    const v = env[name]?.trim();
    return v ? v : null;
  };

  const logLevel = (get('LOG_LEVEL') ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    problems.push(`LOG_LEVEL "${logLevel}" is not one of ${LOG_LEVELS.join(', ')}.`);
  }

  let discord: DiscordConfig | null = null;
  const token = get('DISCORD_TOKEN');
  if (token || options.requireDiscord) {
    const clientId = get('DISCORD_CLIENT_ID');
    const guildId = get('DISCORD_GUILD_ID');
    const apiUrl = get('DISCORD_API_URL');
    if (!token) {
      problems.push('DISCORD_TOKEN is not set. Copy the bot token from the Discord developer portal (Bot → Reset Token) into .env.');
    } else if (!TOKEN_SHAPE.test(token)) {
      problems.push('DISCORD_TOKEN does not look like a bot token (three parts separated by dots). Copy it again from the developer portal; do not include "Bot " or quotes.');
    }
    if (!clientId) {
      problems.push('DISCORD_CLIENT_ID is not set. It is the Application ID on the developer portal\'s General Information page.');
    } else if (!SNOWFLAKE.test(clientId)) {
      problems.push(`DISCORD_CLIENT_ID "${clientId}" is not a Discord id (15 to 21 digits).`);
    }
    if (guildId && !SNOWFLAKE.test(guildId)) {
      problems.push(`DISCORD_GUILD_ID "${guildId}" is not a Discord id (15 to 21 digits). Leave it empty to deploy commands globally.`);
    }
    if (apiUrl) {
      let ok = false;
      try {
        ok = ['http:', 'https:'].includes(new URL(apiUrl).protocol);
      } catch {}
      if (!ok) problems.push(`DISCORD_API_URL "${apiUrl}" is not an http(s) URL, e.g. http://127.0.0.1:8080/api.`);
    }
    if (token && clientId) discord = { token, clientId, guildId, apiUrl: apiUrl?.replace(/\/+$/, '') ?? null };
  }

  if (problems.length) throw new ConfigError(problems);
  return { discord, corpusDir: get('CORPUS_DIR') ?? './corpus', logLevel: logLevel as LogLevel };
}
