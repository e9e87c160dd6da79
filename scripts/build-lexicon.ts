/**
 * Compiles the Ding German–English dictionary into the committed lexicon.
 *
 *   npx tsx scripts/build-lexicon.ts [path-to-de-en] [output-path]
 *
 * Defaults: input `/usr/share/trans/de-en` (Debian package `trans-de-en`),
 * output `src/search/lexicon/de-en.tsv.gz`. Deterministic: the same input
 * gives byte-identical output. See src/search/lexicon/README.md.
 */
import { fileURLToPath } from 'node:url';
import { buildLexiconFile } from '../src/search/lexicon/compile.ts';

const input = process.argv[2] ?? '/usr/share/trans/de-en';
const output = process.argv[3] ?? fileURLToPath(new URL('../src/search/lexicon/de-en.tsv.gz', import.meta.url));

const started = performance.now();
const { stats, bytes } = buildLexiconFile(input, output);
const ms = Math.round(performance.now() - started);
console.log(`Read ${stats.lines} dictionary lines from ${input}`);
console.log(`  translation pairs:        ${stats.pairs} (+${stats.compoundHeadPairs} compound heads)`);
console.log(`  English terms:            ${stats.englishTerms} (${stats.englishInflections} inflected forms)`);
console.log(`  German terms:             ${stats.germanTerms} (${stats.germanWords} single words, ${stats.germanInflections} inflected forms)`);
console.log(`  translation links:        ${stats.links}`);
console.log(`Wrote ${output}: ${bytes.length} bytes (${(bytes.length / 1024 / 1024).toFixed(2)} MiB) in ${ms} ms`);
