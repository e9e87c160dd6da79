import type { Config } from '../config.ts';

/** Placeholder until the Discord bot lands: refuses clearly instead of pretending to run. */
export async function runBot(_config: Config): Promise<void> {
  throw new Error('DISCORD_TOKEN is set, but this build has no Discord bot yet. Remove DISCORD_TOKEN from .env to use the local console.');
}
