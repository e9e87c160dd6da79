/**
 * `npm start`: the Discord bot when DISCORD_TOKEN is configured, otherwise
 * the local console. The console watches the corpus directory and answers
 * from the new articles once they are indexed.
 */
import { runConsole } from './cli/console.ts';
import { ConfigError, loadConfig } from './config.ts';
import { CATALOGUES } from './i18n/index.ts';
import { NoArticlesError, openEngine } from './engine/open.ts';
import { ArticleLibrary } from './library/library.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.discord) {
    const { runBot } = await import('./bot/run.ts');
    await runBot(config);
    return;
  }
  const opened = openEngine(config.corpusDir, { watch: true });
  for (const e of opened.errors) console.error(`warning: skipped ${e.message}`);
  // The console's own added articles (`/add`), under DATA_DIR/console; fetched as the bot fetches.
  const library = await ArticleLibrary.open({
    dataDir: config.dataDir,
    base: opened.engine,
    maxArticlesPerScope: config.maxArticlesPerGuild,
    fetch: { allowHosts: config.fetchAllowHosts },
  });
  try {
    await runConsole(opened.engine, { input: process.stdin, output: process.stdout, t: CATALOGUES[config.consoleLanguage], library });
  } finally {
    await library.close();
    await opened.close();
  }
}

main().catch((err) => {
  if (err instanceof ConfigError || err instanceof NoArticlesError) console.error(err.message);
  else {
    // An unexpected failure (Discord unreachable, a full disk): what happened, without a stack trace to wade through.
    const code = (err as NodeJS.ErrnoException)?.code ?? (err as { cause?: NodeJS.ErrnoException })?.cause?.code;
    console.error(`Beleg stopped: ${err instanceof Error ? err.message : String(err)}${code ? ` (${code})` : ''}`);
  }
  process.exit(1);
});
