/**
 * `npm run deploy-commands`: registers the bot's commands with Discord (a
 * bulk overwrite, so removed commands disappear). With DISCORD_GUILD_ID set
 * they go to that server only and are usable at once; otherwise globally.
 * Uses DISCORD_API_URL as the REST base when set.
 */
import { pathToFileURL } from 'node:url';
import { REST, Routes } from 'discord.js';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { commandDefinitions } from './commands/index.ts';

/** What was deployed, and where. */
export interface DeployResult {
  count: number;
  names: string[];
  /** The guild id, or null for a global deployment. */
  guildId: string | null;
}

/** Puts every command definition to the guild (when configured) or globally. */
export async function deployCommands(config: Config): Promise<DeployResult> {
  const discord = config.discord;
  if (!discord) throw new Error('Deploying commands needs DISCORD_TOKEN and DISCORD_CLIENT_ID.');
  const rest = new REST({ version: '10', ...(discord.apiUrl ? { api: discord.apiUrl } : {}) }).setToken(discord.token);
  const route = discord.guildId ? Routes.applicationGuildCommands(discord.clientId, discord.guildId) : Routes.applicationCommands(discord.clientId);
  const deployed = (await rest.put(route, { body: commandDefinitions() })) as { name: string }[];
  return { count: deployed.length, names: deployed.map((c) => c.name), guildId: discord.guildId };
}

async function main(): Promise<void> {
  const config = loadConfig({ requireDiscord: true });
  const result = await deployCommands(config);
  const where = result.guildId ? `to guild ${result.guildId} (usable now)` : 'globally (Discord clients may take a while to show new commands)';
  console.log(`Deployed ${result.count} commands ${where}: ${result.names.join(', ')}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    if (err instanceof ConfigError) console.error(err.message);
    else console.error(`Deploying commands failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
