/**
 * Test corpora for the bot: the seed article plus small made-up articles
 * with an over-long sentence, mention syntax and markdown in their text.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openEngine } from '../../src/engine/open.ts';
import type { Engine } from '../../src/engine/engine.ts';
import { SEED_DIR } from '../seed.ts';
import { tempDir } from '../tempDir.ts';

/** One sentence of about 5,000 characters (no full stop until the end). */
export const LONG_SENTENCE =
  'The zebra committee noted ' +
  Array.from({ length: 60 }, (_, i) => `that crossing number ${i + 1} near the old harbour market was used by many careful pedestrians`).join(' and ') +
  ', and everyone agreed.';

/** A sentence full of mention and markdown syntax. */
export const MENTION_SENTENCE =
  'The mayor told @everyone and @here, <@123456789012345678> and <@&234567890123456789>, that the walrus parade is **not** cancelled, _really_ `ever` ||secret|| [link](https://example.com).';

const ZEBRA = `---
publisher: The Test Gazette
headline: Zebra committee reviews the harbour crossings
byline: Jane Doe
language: en
url: https://example.com/news/zebra_crossings
date: 2024-05-01
id: zebra-crossings
---
Zebra committee reviews the harbour crossings

A committee looked at every crossing in the harbour district.

${LONG_SENTENCE}

${MENTION_SENTENCE}

"The walrus parade will take place as planned," said Mayor Ada Lovelace.
`;

/** Writes the seed article and the made-up ones to a fresh directory and returns it. */
export function writeTestCorpus(): string {
  const dir = tempDir('beleg-bot-');
  for (const name of ['spiegel-gchq-aws.txt', 'spiegel-gchq-aws.meta.yaml']) copyFileSync(join(SEED_DIR, name), join(dir, name));
  writeFileSync(join(dir, 'zebra-crossings.md'), ZEBRA);
  return dir;
}

/** An engine over {@link writeTestCorpus}. */
export function testEngine(): Engine {
  const { engine, errors } = openEngine(writeTestCorpus());
  if (errors.length) throw new Error(errors.map((e) => e.message).join('\n'));
  return engine;
}
