/**
 * Runs the real bot (`startBot`, a real discord.js Client) against the local
 * Discord stand-in, with its commands deployed and its logs captured.
 */
import { loadConfig, type Config } from '../../src/config.ts';
import type { Engine } from '../../src/engine/engine.ts';
import { deployCommands } from '../../src/bot/deployCommands.ts';
import { createLogger } from '../../src/bot/logger.ts';
import { startBot, type RunningBot, type StartBotOptions } from '../../src/bot/run.ts';
import { DiscordStandIn, type StandInOptions } from '../discord/standin.ts';
import { tempDir } from '../tempDir.ts';

export interface Harness {
  discord: DiscordStandIn;
  bot: RunningBot;
  config: Config;
  /** Raw log lines, as written. */
  lines: string[];
  /** Parsed log records. */
  logs(): Record<string, unknown>[];
  stop(): Promise<void>;
}

/** The environment a deployment would have, pointing at the stand-in. */
export function standInEnv(discord: DiscordStandIn, guild = true): NodeJS.ProcessEnv {
  return {
    DATA_DIR: tempDir('beleg-data-'),
    DISCORD_TOKEN: discord.token,
    DISCORD_CLIENT_ID: discord.applicationId,
    ...(guild ? { DISCORD_GUILD_ID: discord.guildId } : {}),
    DISCORD_API_URL: discord.apiUrl,
    LOG_LEVEL: 'debug',
  };
}

export async function startHarness(options: {
  engine: Engine;
  standIn?: StandInOptions;
  bot?: Omit<StartBotOptions, 'config' | 'engine' | 'logger'>;
  /** Make a stand-in until this holds (e.g. the guild on a given shard). */
  accept?: (discord: DiscordStandIn) => boolean;
  /** More environment for the configuration (e.g. FETCH_ALLOW_HOSTS), given the stand-in. */
  env?: (discord: DiscordStandIn) => NodeJS.ProcessEnv;
}): Promise<Harness> {
  let discord = new DiscordStandIn({ heartbeatIntervalMs: 1000, log: process.env.DEBUG_STANDIN ? console.log : undefined, ...options.standIn });
  while (options.accept && !options.accept(discord)) discord = new DiscordStandIn({ heartbeatIntervalMs: 1000, ...options.standIn });
  await discord.start();
  const config = loadConfig({ env: { ...standInEnv(discord), ...options.env?.(discord) } });
  await deployCommands(config);
  const lines: string[] = [];
  const logger = createLogger({ level: 'debug', secrets: [discord.token], destination: { write: (line: string) => lines.push(line) } });
  let bot: RunningBot;
  try {
    bot = await startBot({ config, engine: options.engine, logger, ...options.bot });
  } catch (err) {
    await discord.stop();
    throw err;
  }
  return {
    discord,
    bot,
    config,
    lines,
    logs: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>),
    async stop() {
      await bot.stop();
      await discord.stop();
    },
  };
}

/** A `/webhooks/APP/TOKEN/messages/@original` path for an interaction. */
export function originalPath(discord: DiscordStandIn, token: string): string {
  return `/webhooks/${discord.applicationId}/${token}/messages/@original`;
}
