/**
 * A manual helper, not a test: runs a stand-in until killed and prints the
 * .env values that point the bot at it, e.g.
 *   npx tsx tests/bot/serve-standin.ts 2   # recommend 2 shards
 */
import { writeFileSync } from 'node:fs';
import { DiscordStandIn } from '../discord/standin.ts';

const shards = Number(process.argv[2] ?? 1);
const discord = new DiscordStandIn({ heartbeatIntervalMs: 5000, recommendedShards: shards, maxConcurrency: shards });
await discord.start();
const env = `DISCORD_TOKEN=${discord.token}\nDISCORD_CLIENT_ID=${discord.applicationId}\nDISCORD_GUILD_ID=${discord.guildId}\nDISCORD_API_URL=${discord.apiUrl}\n`;
if (process.argv[3]) writeFileSync(process.argv[3], env);
console.log(env);
setInterval(() => {
  console.log(JSON.stringify({ shards: discord.connectedShards(), requests: discord.requests.length, unexpected: discord.unexpectedRequests().length }));
}, 2000);
process.on('SIGTERM', () => void discord.stop().then(() => process.exit(0)));
