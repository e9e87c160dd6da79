/**
 * All configuration is read and validated here, once. Every problem is
 * reported with what to do about it; nothing else reads `process.env`.
 */
import { statSync } from 'node:fs';
import { config as loadDotenv } from 'dotenv';
import { type AllowedHost, parseAllowedHost } from './fetch/allowHosts.ts';
import { type UiLanguage, uiLanguage } from './i18n/index.ts';

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
  /**
   * Directory for what the bot keeps per server (`DATA_DIR/guilds/ID/…`:
   * the articles added with `/article add`, one file each, and unanswered
   * questions and downvoted answers, never who) and the articles added in the
   * console (`DATA_DIR/console/`). Created when first needed. Default: `./data`.
   */
  dataDir: string;
  /**
   * Hosts the article fetcher may reach although their addresses are not
   * public (an intranet news server, a test server), as `host:port` matched as
   * written in the URL (`FETCH_ALLOW_HOSTS`, comma-separated). Default: none.
   */
  fetchAllowHosts: AllowedHost[];
  /** Most articles one server may add with `/article add` (`MAX_ARTICLES_PER_GUILD`; 0 turns adding off). Default: 100. */
  maxArticlesPerGuild: number;
  /** The console's language, from `LC_ALL`, `LC_MESSAGES` or `LANG` ("de…" is German). Default: English. */
  consoleLanguage: UiLanguage;
}

/** Articles a server may add when `MAX_ARTICLES_PER_GUILD` is not set. */
export const DEFAULT_MAX_ARTICLES_PER_GUILD = 100;
/** The largest `MAX_ARTICLES_PER_GUILD` accepted (every server's articles are indexed with the corpus's). */
export const MAX_ARTICLES_LIMIT = 10_000;

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

/** A token anywhere in a value, and runs of 20 or more base64url characters (a token's secret part). Never echoed. */
const TOKEN_LIKE = /[A-Za-z0-9_-]{18,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{20,}/g;
const SECRET_LIKE = /[A-Za-z0-9_-]{20,}/g;

/**
 * A setting's value as a problem message may quote it. People paste the bot
 * token into the wrong line (DISCORD_CLIENT_ID, LOG_LEVEL…), and these
 * messages go to the terminal and to logs, so the token value, and anything
 * shaped like a token or its secret part, is hidden; long values are cut.
 */
function shown(value: string, token: string | null): string {
  let v = value;
  if (token && token.length >= 8) v = v.split(token).join('[hidden]');
  v = v.replace(TOKEN_LIKE, '[hidden]').replace(SECRET_LIKE, '[hidden]');
  return v.length > 80 ? `${v.slice(0, 79)}…` : v;
}

/** A hint when a setting holds what looks like the bot token. */
function tokenHint(name: string, value: string, token: string | null): string {
  return TOKEN_SHAPE.test(value) || (token !== null && token.length >= 8 && value.includes(token))
    ? ` It looks like the bot token: that belongs in DISCORD_TOKEN, not in ${name}.`
    : '';
}

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

  const token = get('DISCORD_TOKEN');
  const rawLogLevel = get('LOG_LEVEL') ?? 'info';
  const logLevel = rawLogLevel.toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel)) {
    problems.push(`LOG_LEVEL "${shown(rawLogLevel, token)}" is not one of ${LOG_LEVELS.join(', ')}.${tokenHint('LOG_LEVEL', rawLogLevel, token)}`);
  }

  let discord: DiscordConfig | null = null;
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
      problems.push(`DISCORD_CLIENT_ID "${shown(clientId, token)}" is not a Discord id (15 to 21 digits).${tokenHint('DISCORD_CLIENT_ID', clientId, token)}`);
    }
    if (guildId && !SNOWFLAKE.test(guildId)) {
      problems.push(
        `DISCORD_GUILD_ID "${shown(guildId, token)}" is not a Discord id (15 to 21 digits). Leave it empty to deploy commands globally.${tokenHint('DISCORD_GUILD_ID', guildId, token)}`,
      );
    }
    if (apiUrl) {
      let ok = false;
      try {
        ok = ['http:', 'https:'].includes(new URL(apiUrl).protocol);
      } catch {}
      if (!ok) problems.push(`DISCORD_API_URL "${shown(apiUrl, token)}" is not an http(s) URL, e.g. http://127.0.0.1:8080/api.${tokenHint('DISCORD_API_URL', apiUrl, token)}`);
    }
    if (token && clientId) discord = { token, clientId, guildId, apiUrl: apiUrl?.replace(/\/+$/, '') ?? null };
  }

  const dataDir = get('DATA_DIR') ?? './data';
  const dataProblem = dataDirProblem(dataDir);
  if (dataProblem) problems.push(`DATA_DIR "${shown(dataDir, token)}" ${dataProblem}${tokenHint('DATA_DIR', dataDir, token)}`);

  const fetchAllowHosts: AllowedHost[] = [];
  for (const entry of (get('FETCH_ALLOW_HOSTS') ?? '').split(',').filter((e) => e.trim())) {
    const parsed = parseAllowedHost(entry);
    if (typeof parsed === 'string') problems.push(`FETCH_ALLOW_HOSTS entry "${shown(entry.trim(), token)}" ${parsed}. Write host:port entries separated by commas, e.g. 127.0.0.1:8080,news.intranet:80.`);
    else fetchAllowHosts.push(parsed);
  }

  const rawMax = get('MAX_ARTICLES_PER_GUILD');
  let maxArticlesPerGuild = DEFAULT_MAX_ARTICLES_PER_GUILD;
  if (rawMax !== null) {
    if (/^\d{1,6}$/.test(rawMax) && Number(rawMax) <= MAX_ARTICLES_LIMIT) maxArticlesPerGuild = Number(rawMax);
    else problems.push(`MAX_ARTICLES_PER_GUILD "${shown(rawMax, token)}" is not a whole number from 0 to ${MAX_ARTICLES_LIMIT}. Leave it empty for ${DEFAULT_MAX_ARTICLES_PER_GUILD}; 0 turns /article add off.`);
  }

  if (problems.length) throw new ConfigError(problems);
  // POSIX precedence: LC_ALL, then LC_MESSAGES, then LANG.
  const consoleLanguage = uiLanguage(get('LC_ALL') ?? get('LC_MESSAGES') ?? get('LANG'));
  return { discord, corpusDir: get('CORPUS_DIR') ?? './corpus', logLevel: logLevel as LogLevel, dataDir, fetchAllowHosts, maxArticlesPerGuild, consoleLanguage };
}

/** What is wrong with a DATA_DIR value, or null: it must be a directory when it exists (it is created when missing). */
function dataDirProblem(dir: string): string | null {
  if (/[\u0000-\u001f]/.test(dir)) return 'contains control characters. Give a directory path, e.g. ./data.';
  try {
    if (!statSync(dir).isDirectory()) return 'exists but is not a directory. Give a directory path, e.g. ./data.';
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') return `cannot be used (${code}). Give a directory the bot may write to, e.g. ./data.`;
  }
  return null;
}
