/**
 * Starting and stopping the Discord bot.
 *
 * - {@link startBot}: logs a discord.js client in with the given engine and
 *   wires every handler; returns the client and `stop()`. Tests use it.
 * - {@link runBot}: what `npm start` runs with a token: opens the engine over
 *   `CORPUS_DIR`, starts the bot, and guards the process (signals, unhandled
 *   rejections). Also the entry of each shard under `npm run start:sharded`
 *   (discord.js reads the shard ids the ShardingManager passes in the
 *   environment).
 */
import { once } from 'node:events';
import { Client, Events, GatewayIntentBits, Options, RESTEvents, WebSocketShardEvents, type ClientOptions } from 'discord.js';
import { ConfigError, type Config } from '../config.ts';
import type { Engine } from '../engine/engine.ts';
import { openEngine } from '../engine/open.ts';
import { ArticleLibrary } from '../library/library.ts';
import type { BotContext, BotOptions } from './context.ts';
import { Cooldown, DEFAULT_COOLDOWN_MS } from './cooldown.ts';
import { FeedbackStore } from './feedback/store.ts';
import { VoteBook } from './feedback/votes.ts';
import { STRONG_RATIO } from '../engine/strong.ts';
import { handleInteraction } from './interactions.ts';
import { createLogger, type Logger } from './logger.ts';
import { handleMessage } from './mention.ts';
import { NO_MENTIONS_REPLY } from './reply.ts';
import { ExpiringLru } from './store.ts';

/**
 * Gateway intents: guild events (for channels and interactions) and guild
 * messages (for @mentions). No privileged intent: Discord sends the text of
 * messages that mention the bot without Message Content. Slash commands and
 * the context menu also work in DMs (interactions need no intent).
 */
export const INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages];

/** How often discord.js drops idle REST handlers (its default: hourly). */
export const REST_HANDLER_SWEEP_MS = 60_000;

/** Arguments of {@link startBot}. */
export interface StartBotOptions extends BotOptions {
  /** Validated configuration; `config.discord` must be set. */
  config: Config;
  /** The corpus's engine: its articles are seen in every server (and in DMs). */
  engine: Engine;
  /**
   * The articles added from Discord. Default: opened over `config.dataDir`
   * with `MAX_ARTICLES_PER_GUILD` and `FETCH_ALLOW_HOSTS` (and closed by `stop()`).
   */
  library?: ArticleLibrary;
  /** Default: a pino logger at `config.logLevel` that never writes the token. */
  logger?: Logger;
  /** Shard ids this client runs. Default: discord.js's (the ShardingManager's, else shard 0 of 1). */
  shards?: number | number[] | 'auto';
  /** Total shard count. Default: discord.js's (the ShardingManager's, else 1). */
  shardCount?: number;
}

/** A running bot. */
export interface RunningBot {
  client: Client;
  /** Logs out and closes every connection. Safe to call more than once. */
  stop(): Promise<void>;
}

/** The discord.js client options the bot uses. */
export function clientOptions(config: Config, options: Pick<StartBotOptions, 'shards' | 'shardCount'> = {}): ClientOptions {
  return {
    intents: INTENTS,
    // a default for anything that forgets its own; every reply sets it explicitly too
    allowedMentions: NO_MENTIONS_REPLY,
    // the bot never reads old messages, members, users or presences: keep memory flat in big guilds
    // (by default discord.js keeps every user who ever used a command, for good: a slow leak)
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      MessageManager: 0,
      PresenceManager: 0,
      ReactionManager: 0,
      GuildMemberManager: { maxSize: 0, keepOverLimit: (m) => m.id === m.client.user.id },
      UserManager: { maxSize: 0, keepOverLimit: (u) => u.id === u.client.user.id },
    }),
    rest: {
      ...(config.discord?.apiUrl ? { api: config.discord.apiUrl } : {}),
      // discord.js keeps one REST handler per interaction token the bot edits through (~1 KB each) and
      // by default sweeps idle ones hourly: under load, an hour of answers. Sweep idle ones every minute.
      handlerSweepInterval: REST_HANDLER_SWEEP_MS,
    },
    ...(options.shards !== undefined ? { shards: options.shards } : {}),
    ...(options.shardCount !== undefined ? { shardCount: options.shardCount } : {}),
  };
}

/** discord.js's debug line for op 9 INVALID_SESSION, e.g. `[WS => Shard 0] Invalid session; will attempt to resume: true`. */
const INVALID_SESSION_DEBUG = /^\[WS => Shard (\d+)\] Invalid session; will attempt to resume: (true|false)/;

/**
 * Logs what the REST client meets on the way, one line per event: each 429
 * (discord.js waits `retry-after` and retries by itself), and each request
 * that succeeded only after retrying server errors (5xx) or network
 * failures. A request whose every retry fails throws, and its handler logs
 * that. Lines name the route template, never the path, which carries the
 * interaction token.
 */
function watchRest(client: Client, logger: Logger): void {
  client.rest.on(RESTEvents.Response, (request, response) => {
    const method = request.method.toUpperCase();
    const { status } = response;
    if (status === 429) {
      const retryAfter = Number(response.headers.get('retry-after'));
      logger.warn(
        {
          method,
          route: request.route,
          retryAfterMs: Number.isFinite(retryAfter) ? Math.round(retryAfter * 1000) : null,
          global: response.headers.has('x-ratelimit-global'),
          scope: response.headers.get('x-ratelimit-scope'),
        },
        'Discord rate limit (429): retrying after retry-after',
      );
    } else if (status >= 500) {
      logger.debug({ method, route: request.route, status, attempt: request.retries + 1 }, 'Discord server error');
    } else if (request.retries > 0 && status < 400) {
      logger.warn({ method, route: request.route, status, retries: request.retries }, 'Discord request succeeded after retrying (server errors or network failures)');
    }
  });
}

/** Logs the bot in and wires its handlers; resolves once every shard is ready. */
export async function startBot(options: StartBotOptions): Promise<RunningBot> {
  const { config, engine } = options;
  if (!config.discord) throw new Error('startBot needs Discord settings (DISCORD_TOKEN and DISCORD_CLIENT_ID).');
  const logger = options.logger ?? createLogger({ level: config.logLevel, secrets: [config.discord.token] });
  const library =
    options.library ??
    (await ArticleLibrary.open({
      dataDir: config.dataDir,
      base: engine,
      maxArticlesPerScope: config.maxArticlesPerGuild,
      fetch: { allowHosts: config.fetchAllowHosts },
      log: (line) => logger[/skipped|could not|failed|ignoring/.test(line) ? 'warn' : 'info']({ dataDir: config.dataDir }, line.replace(/^beleg: /, '')),
    }));
  const ctx: BotContext = {
    engineFor: (guildId) => library.engineFor(guildId),
    library,
    logger,
    cooldown: new Cooldown({ ms: options.cooldownMs ?? DEFAULT_COOLDOWN_MS }),
    store: new ExpiringLru({ max: options.stateMax ?? 1000, ttlMs: options.stateTtlMs ?? 15 * 60_000 }),
    pageSize: options.pageSize ?? 3,
    maxPassages: options.maxPassages ?? 10,
    strongRatio: options.strongRatio ?? STRONG_RATIO,
    votes: new VoteBook({ ttlMs: options.voteTtlMs }),
    feedback: new FeedbackStore({ dir: config.dataDir, logger }),
  };

  let stopped = false;
  const client = new Client(clientOptions(config, options));
  client.on(Events.InteractionCreate, (interaction) => void handleInteraction(interaction, ctx));
  client.on(Events.MessageCreate, (message) => void handleMessage(message, ctx));
  client.on(Events.Error, (err) => logger.error({ err }, 'discord.js client error'));
  client.on(Events.Warn, (message) => logger.warn({ message }, 'discord.js warning'));
  client.on(Events.ShardError, (err, shardId) => logger.error({ err, shardId }, 'shard connection error'));
  client.on(Events.ShardReady, (shardId) => logger.info({ shardId }, 'shard ready'));
  client.on(Events.ShardResume, (shardId, replayed) => logger.info({ shardId, replayed }, 'shard resumed'));
  // while stopping, discord.js reports the closing shards as disconnecting/reconnecting: not news
  client.on(Events.ShardDisconnect, (event, shardId) => {
    if (!stopped) logger.warn({ shardId, code: event.code }, 'shard disconnected');
  });
  // the close code of each shard's last connection, for the reconnecting line that follows it
  const closeCodes = new Map<number, number>();
  client.on(Events.ShardReconnecting, (shardId) => {
    if (stopped) return;
    const code = closeCodes.get(shardId);
    // 1000 and 4200 are discord.js closing the connection itself (after op 9 or op 7, each logged on its own)
    const expected = code === undefined || code === 1000 || code === 4200;
    logger[expected ? 'info' : 'warn']({ shardId, code }, expected ? 'shard reconnecting' : 'gateway connection lost; reconnecting');
  });
  client.on(Events.Debug, (message) => {
    // op 9 INVALID_SESSION has no event of its own in discord.js; @discordjs/ws reports it in this debug line
    const invalid = INVALID_SESSION_DEBUG.exec(message);
    if (invalid && !stopped) logger.warn({ shardId: Number(invalid[1]), resumable: invalid[2] === 'true' }, 'gateway session invalidated (op 9)');
  });
  watchRest(client, logger);

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    ctx.store.clear();
    ctx.votes.clear();
    await client.destroy();
    await ctx.feedback.flush();
    if (!options.library) await library.close();
    logger.info('bot stopped');
  };

  const ready = once(client, Events.ClientReady);
  try {
    await client.login(config.discord.token);
    await ready;
  } catch (err) {
    await stop();
    throw err;
  }
  for (const shard of client.ws.shards.values()) shard.on(WebSocketShardEvents.Close, (event) => closeCodes.set(shard.id, event.code));
  logger.info(
    { user: client.user?.tag, shards: [...client.ws.shards.keys()], guilds: client.guilds.cache.size, articles: engine.articles().length },
    'bot ready',
  );
  return { client, stop };
}

/**
 * `npm start` with a token: loads the corpus, starts the bot, and keeps the
 * process alive until SIGINT or SIGTERM, which shut it down cleanly (exit 0).
 * A rejected promise that escaped a handler is logged, never fatal. A token
 * Discord rejects is reported as a {@link ConfigError} (a message saying what
 * to do, no stack trace).
 */
export async function runBot(config: Config): Promise<void> {
  if (!config.discord) throw new Error('runBot needs Discord settings (DISCORD_TOKEN and DISCORD_CLIENT_ID).');
  const logger = createLogger({ level: config.logLevel, secrets: [config.discord.token] });
  // The corpus is watched: a changed or new article is indexed off to the side and swapped in;
  // a broken file is logged and the articles already loaded keep answering.
  const opened = openEngine(config.corpusDir, {
    watch: true,
    // Reloads, skipped files and cache problems go to the structured log, not to stderr.
    log: (line) => logger.info({ corpusDir: config.corpusDir }, line.replace(/^beleg: /, '')),
  });
  const { engine, errors } = opened;
  for (const e of errors) logger.warn({ path: e.path }, `skipped corpus file: ${e.message}`);
  logger.info({ corpusDir: config.corpusDir, articles: engine.articles().length, skipped: errors.length }, 'corpus loaded');

  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection (ignored)'));
  process.on('uncaughtException', (err) => logger.error({ err }, 'uncaught exception (ignored)'));

  let bot: RunningBot;
  try {
    bot = await startBot({ config, engine, logger });
  } catch (err) {
    if ((err as { code?: string }).code === 'TokenInvalid') {
      throw new ConfigError(['Discord rejected DISCORD_TOKEN. Reset the token on the developer portal (Bot → Reset Token) and copy it again.']);
    }
    throw err;
  }

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(0), 5000);
    force.unref();
    void Promise.all([bot.stop(), opened.close()])
      .catch((err: unknown) => logger.error({ err }, 'error while stopping'))
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
