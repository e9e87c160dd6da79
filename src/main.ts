/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is configured, otherwise
 * the local console.
 */
import { runConsole } from './cli/console.ts';
import { ConfigError, loadConfig } from './config.ts';
import { NoArticlesError, openEngine } from './engine/open.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.discord) {
    const { runBot } = await import('./bot/run.ts');
    await runBot(config);
    return;
  }
  const { engine, errors } = openEngine(config.corpusDir);
  for (const e of errors) console.error(`warning: skipped ${e.message}`);
  await runConsole(engine, { input: process.stdin, output: process.stdout });
}

main().catch((err) => {
  console.error(err instanceof ConfigError || err instanceof NoArticlesError ? err.message : err);
  process.exit(1);
});
