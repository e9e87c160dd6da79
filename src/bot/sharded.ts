/**
 * `npm run start:sharded`: runs the bot in several processes, one per shard,
 * with discord.js's ShardingManager (for bots in thousands of guilds; Discord
 * requires sharding from 2,500 guilds on). Each process runs `shard.ts`
 * under tsx. The shard count is Discord's recommendation (`totalShards:
 * 'auto'`), read through DISCORD_API_URL when that is set.
 */
import { once } from 'node:events';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { REST, Routes, ShardingManager } from 'discord.js';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { createLogger } from './logger.ts';

/** Options of {@link startSharded}. */
export interface ShardedOptions {
  /** Number of shards, or 'auto' for Discord's recommendation. Default: 'auto'. */
  totalShards?: number | 'auto';
  /** Shard processes' entry file. Default: `shard.ts` next to this file. */
  file?: string;
  /** Pause between starting two shards, in ms (Discord allows one identify per 5 s per concurrency bucket). Default: 5500. */
  spawnDelayMs?: number;
}

/** Discord's recommended shard count, from GET /gateway/bot (through DISCORD_API_URL when set). */
export async function recommendedShards(config: Config): Promise<number> {
  const discord = config.discord!;
  const rest = new REST({ version: '10', ...(discord.apiUrl ? { api: discord.apiUrl } : {}) }).setToken(discord.token);
  const { shards } = (await rest.get(Routes.gatewayBot())) as { shards: number };
  return Math.max(1, shards);
}

/** Spawns the shard processes; resolves once all of them are ready. */
export async function startSharded(config: Config, options: ShardedOptions = {}): Promise<ShardingManager> {
  if (!config.discord) throw new Error('Sharding needs DISCORD_TOKEN and DISCORD_CLIENT_ID.');
  const wanted = options.totalShards ?? 'auto';
  const totalShards = wanted === 'auto' ? await recommendedShards(config) : wanted;
  const manager = new ShardingManager(options.file ?? fileURLToPath(new URL('./shard.ts', import.meta.url)), {
    token: config.discord.token,
    totalShards,
    mode: 'process',
    execArgv: ['--import', 'tsx'],
  });
  await manager.spawn({ delay: options.spawnDelayMs ?? 5500, timeout: 60_000 });
  return manager;
}

async function main(): Promise<void> {
  const config = loadConfig({ requireDiscord: true });
  const logger = createLogger({ level: config.logLevel, secrets: [config.discord!.token] });
  const manager = await startSharded(config);
  logger.info({ shards: manager.totalShards }, 'all shards spawned');
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping shards');
    manager.respawn = false;
    const exits = [...manager.shards.values()].map((shard) => {
      const child = shard.process;
      if (!child || child.exitCode !== null) return Promise.resolve();
      const exited = once(child, 'exit');
      shard.kill(); // SIGTERM: each shard stops its client cleanly
      return Promise.race([exited, new Promise((r) => setTimeout(r, 5000).unref())]);
    });
    void Promise.all(exits).finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err instanceof ConfigError ? err.message : err);
    process.exit(1);
  });
}
