/**
 * One shard's process under `npm run start:sharded`: the ShardingManager
 * forks this file and passes the shard ids in the environment, which the
 * discord.js client reads.
 */
import { ConfigError, loadConfig } from '../config.ts';
import { NoArticlesError } from '../engine/open.ts';
import { runBot } from './run.ts';

runBot(loadConfig({ requireDiscord: true })).catch((err: unknown) => {
  console.error(err instanceof ConfigError || err instanceof NoArticlesError ? err.message : err);
  process.exit(1);
});
