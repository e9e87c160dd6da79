/**
 * Compiles how common each word is in general language, estimated from the
 * Ding dictionary: the number of its entries (lines) in which a word occurs.
 * Everyday words (Name, Form, neu, state, used) occur in hundreds of
 * entries, specific ones (Nationalhymne, Hugenotten, anthem) in a handful.
 * Beleg uses it to tell a question whose specific words an article holds
 * from one that only shares everyday words with it (see query.ts
 * `specificity`).
 *
 *   npx tsx scripts/build-commonness.ts [path-to-de-en] [output-path]
 *
 * Defaults: input `/usr/share/trans/de-en` (Debian package `trans-de-en`,
 * the same source as the lexicon), output
 * `src/search/lexicon/commonness.tsv.gz`. Deterministic. Lines:
 * `LANG<TAB>TERM<TAB>COUNT`, terms analysed as the index analyses them,
 * sorted; terms in fewer than 3 entries are left out (they count as rare).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type AnalyzerLanguage, termOf } from '../src/search/analyzer.ts';
import { words } from '../src/search/normalize.ts';

const input = process.argv[2] ?? '/usr/share/trans/de-en';
const output = process.argv[3] ?? fileURLToPath(new URL('../src/search/lexicon/commonness.tsv.gz', import.meta.url));
const MIN_COUNT = 3;

const counts: Record<AnalyzerLanguage, Map<string, number>> = { de: new Map(), en: new Map() };
for (const line of readFileSync(input, 'utf8').split('\n')) {
  if (line.startsWith('#')) continue;
  const [german, english] = line.split('::');
  if (english === undefined) continue;
  for (const [side, lang] of [
    [german!, 'de'],
    [english, 'en'],
  ] as const) {
    // Annotations ({f}, [geogr.]) are no words of the entry.
    const seen = new Set<string>();
    for (const w of words(side.replace(/\{[^}]*\}|\[[^\]]*\]/g, ' '))) {
      if (w.length < 2) continue;
      const term = termOf(w, lang);
      if (seen.has(term)) continue;
      seen.add(term);
      counts[lang].set(term, (counts[lang].get(term) ?? 0) + 1);
    }
  }
}
const rows: string[] = [];
for (const lang of ['de', 'en'] as const) {
  for (const [term, n] of [...counts[lang]].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) if (n >= MIN_COUNT && !term.includes('\t')) rows.push(`${lang}\t${term}\t${n}`);
}
const bytes = gzipSync(Buffer.from(rows.join('\n') + '\n'), { level: 9 });
writeFileSync(output, bytes);
console.log(`Wrote ${output}: ${rows.length} terms, ${bytes.length} bytes`);
