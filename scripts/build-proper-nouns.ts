/**
 * Compiles which English words are proper nouns or proper adjectives, from the
 * Ding dictionary's English side: a word it writes capitalised nearly wherever
 * it occurs (France, French, Peru, Monday). A question typed
 * in lower case ("what is the capital of france") is then read as if it had
 * been capitalised (see query.ts `truecase`), so its names weigh as names.
 *
 *   npx tsx scripts/build-proper-nouns.ts [path-to-de-en] [output-path]
 *
 * Defaults: input `/usr/share/trans/de-en` (Debian package `trans-de-en`, the
 * source of the lexicon), output `src/search/lexicon/proper-nouns.txt.gz`.
 * Deterministic. One folded word a line, sorted; words seen capitalised fewer
 * than {@link MIN_COUNT} times are left out.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { fold } from '../src/search/normalize.ts';

const input = process.argv[2] ?? '/usr/share/trans/de-en';
const output = process.argv[3] ?? fileURLToPath(new URL('../src/search/lexicon/proper-nouns.txt.gz', import.meta.url));
/** Least number of capitalised occurrences. */
const MIN_COUNT = 2;
/** Least share of a word's occurrences that are capitalised (the dictionary has slips: "made in germany"). */
const CAPITALISED_SHARE = 0.9;

const capitalised = new Map<string, number>();
const lower = new Map<string, number>();
for (const line of readFileSync(input, 'utf8').split('\n')) {
  if (line.startsWith('#')) continue;
  const english = line.split('::')[1];
  if (english === undefined) continue;
  // Annotations ({adj}, [geogr.], /FR/) are no words of the entry.
  for (const w of english.replace(/\{[^}]*\}|\[[^\]]*\]|\/[^/]*\//g, ' ').match(/[A-Za-z]+/g) ?? []) {
    if (w.length < 3) continue;
    if (/^[a-z]+$/.test(w)) lower.set(w, (lower.get(w) ?? 0) + 1);
    else if (/^[A-Z][a-z]+$/.test(w)) capitalised.set(fold(w), (capitalised.get(fold(w)) ?? 0) + 1);
  }
}
const rows = [...capitalised].filter(([w, n]) => n >= MIN_COUNT && n >= CAPITALISED_SHARE * (n + (lower.get(w) ?? 0))).map(([w]) => w).sort();
const bytes = gzipSync(Buffer.from(rows.join('\n') + '\n'), { level: 9 });
writeFileSync(output, bytes);
console.log(`Wrote ${output}: ${rows.length} words, ${bytes.length} bytes`);
