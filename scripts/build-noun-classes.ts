/**
 * Compiles which English nouns name a person or group, a place or a span of
 * time, from WordNet's noun hierarchy, so that "Which player …", "What
 * university …", "In what city …" ask for a name of that kind (see
 * src/search/answerTypes.ts `nounClassOf`).
 *
 *   npx tsx scripts/build-noun-classes.ts [wordnet-dict-dir] [output-path]
 *
 * Defaults: input `/usr/share/wordnet` (Debian package `wordnet-base`,
 * WordNet 3.0), output `src/search/lexicon/noun-classes.tsv.gz`.
 * Deterministic. Lines: `LEMMA<TAB>CLASS`, sorted, for single-word common
 * nouns used more as nouns than as any other part of speech (WordNet's tagged
 * sense counts). CLASS is what the noun's first (most frequent) sense is a
 * kind of: `person` (a person, or a social group such as a team, company,
 * tribe or university), `place` (a location, body of water or land form),
 * `time` (a time period), or `thing` (any other noun, so a reader can tell the
 * question's head noun). A group whose second sense is a place ("country":
 * a nation, then its territory) counts as a place. Proper nouns (instances,
 * such as "Paris") are left out. Words used mainly as verbs are listed as
 * `verb` (they end a question's noun phrase), and nouns that can also be
 * verbs carry a third column `v`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dir = process.argv[2] ?? '/usr/share/wordnet';
const output = process.argv[3] ?? fileURLToPath(new URL('../src/search/lexicon/noun-classes.tsv.gz', import.meta.url));

/** WordNet 3.0 synsets whose kinds make a class, checked in this order. */
const ROOTS: [string, string][] = [
  ['00007846', 'person'], // person, individual
  ['07950920', 'group'], // social_group (organisations, teams, tribes)
  ['15113229', 'time'], // time_period
  ['00027167', 'place'], // location
  ['09225146', 'place'], // body_of_water
  ['09287968', 'place'], // geological_formation
  ['09334396', 'place'], // land, dry land
];

/** Hypernyms (regular and instance) of each noun synset, and whether it is an instance. */
const hypernyms = new Map<string, string[]>();
const instance = new Set<string>();
for (const line of readFileSync(join(dir, 'data.noun'), 'utf8').split('\n')) {
  if (!/^\d{8} /.test(line)) continue;
  const fields = line.split(' | ')[0]!.split(' ');
  const offset = fields[0]!;
  const wordCount = parseInt(fields[3]!, 16);
  let at = 4 + 2 * wordCount;
  const pointerCount = Number(fields[at]);
  at++;
  const ups: string[] = [];
  for (let p = 0; p < pointerCount; p++, at += 4) {
    const [symbol, target, pos] = [fields[at], fields[at + 1], fields[at + 2]];
    if (pos !== 'n') continue;
    if (symbol === '@') ups.push(target!);
    if (symbol === '@i') {
      ups.push(target!);
      instance.add(offset);
    }
  }
  hypernyms.set(offset, ups);
}

const classOfSynset = new Map<string, string>();
function classOf(offset: string, seen = new Set<string>()): string {
  const known = classOfSynset.get(offset);
  if (known) return known;
  let result = 'thing';
  const root = ROOTS.find(([o]) => o === offset);
  if (root) result = root[1];
  else if (!seen.has(offset)) {
    seen.add(offset);
    // The first root found along the hypernym paths, in ROOTS order.
    const found = (hypernyms.get(offset) ?? []).map((up) => classOf(up, seen)).filter((c) => c !== 'thing');
    result = ROOTS.map(([, c]) => c).find((c) => found.includes(c)) ?? 'thing';
  }
  classOfSynset.set(offset, result);
  return result;
}

/** Per part of speech: lemma → its tagged sense count and synsets, most frequent first. */
function readIndex(pos: string): Map<string, { tagged: number; first: string; second?: string }> {
  const out = new Map<string, { tagged: number; first: string; second?: string }>();
  for (const line of readFileSync(join(dir, `index.${pos}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.trim().split(' ');
    const pointerCount = Number(f[3]);
    const tagged = Number(f[5 + pointerCount]);
    out.set(f[0]!, { tagged, first: f[6 + pointerCount]!, second: f[7 + pointerCount] });
  }
  return out;
}

const nouns = readIndex('noun');
const others = ['verb', 'adj', 'adv'].map(readIndex);
const lines: string[] = [];
for (const [lemma, { tagged, first, second }] of nouns) {
  if (!/^[a-z]+$/.test(lemma) || instance.has(first)) continue;
  // Used more as a noun than as a verb, adjective or adverb ("used", "first" and "German" are not).
  const otherTagged = Math.max(0, ...others.map((m) => m.get(lemma)?.tagged ?? -1));
  if (tagged < otherTagged || (tagged === 0 && others.some((m) => m.has(lemma)))) continue;
  // A group whose next sense is a place is asked about as a place ("Which country …": a nation, then its territory).
  const cls = classOf(first);
  lines.push(`${lemma}\t${cls === 'group' ? (second && classOf(second) === 'place' ? 'place' : 'person') : cls}`);
}
// Words used mainly as verbs end a question's noun phrase ("What German ruler invited …"); nouns that can be
// verbs too are marked, for their inflected forms ("Which area needs …").
const [verbs] = others;
const listed = new Set(lines.map((l) => l.split('\t')[0]!));
for (let i = 0; i < lines.length; i++) if (verbs!.has(lines[i]!.split('\t')[0]!)) lines[i] += '\tv';
for (const [lemma, { tagged }] of verbs!) {
  if (!/^[a-z]+$/.test(lemma) || listed.has(lemma)) continue;
  const adj = Math.max(others[1]!.get(lemma)?.tagged ?? -1, others[2]!.get(lemma)?.tagged ?? -1);
  if (tagged >= adj) lines.push(`${lemma}\tverb`);
}
lines.sort();
const bytes = gzipSync(Buffer.from(lines.join('\n') + '\n'), { level: 9 });
writeFileSync(output, bytes);
const counts = new Map<string, number>();
for (const l of lines) counts.set(l.split('\t')[1]!, (counts.get(l.split('\t')[1]!) ?? 0) + 1);
counts.set('nouns that can be verbs', lines.filter((l) => l.endsWith('\tv')).length);
console.log(`Wrote ${output}: ${lines.length} nouns (${[...counts].map(([c, n]) => `${c} ${n}`).join(', ')}), ${bytes.length} bytes`);
