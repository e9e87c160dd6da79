/**
 * `npm run summary:coverage [-- --corpus DIR] [-- --facts FILE]`: how many
 * reference facts Beleg's summary covers, against the Lead-k baseline (the
 * article's first k teaser/body sentences in reading order), for 3 and 5
 * sentences.
 *
 * The facts file (default scripts/summary-facts.json) names an article and
 * lists facts, each with alternative verbatim substrings of the article that
 * state it; a summary covers a fact when one of its sentences contains one of
 * them. Every substring must occur in the article, or the script stops.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../src/corpus/load.ts';
import type { Sentence } from '../src/corpus/types.ts';
import { summarize, summaryCandidates } from '../src/summary/summarize.ts';

interface Fact {
  id: string;
  fact: string;
  any: string[];
}

interface FactsFile {
  articleId: string;
  facts: Fact[];
}

const { values } = parseArgs({ options: { corpus: { type: 'string' }, facts: { type: 'string' } } });
const corpusDir = values.corpus ?? new URL('../corpus/', import.meta.url).pathname;
const factsPath = values.facts ?? new URL('./summary-facts.json', import.meta.url).pathname;
const { articleId, facts } = JSON.parse(readFileSync(factsPath, 'utf8')) as FactsFile;

const corpus = loadCorpus(corpusDir);
const article = corpus.articles.find((a) => a.meta.id === articleId);
if (!article) {
  console.error(`Article "${articleId}" is not in ${corpusDir}.`);
  process.exit(1);
}
const missing = facts.flatMap((f) => f.any.filter((x) => !article.source.includes(x)).map((x) => `${f.id}: "${x}"`));
if (missing.length) {
  console.error(`These fact substrings do not occur in the article:\n  ${missing.join('\n  ')}`);
  process.exit(1);
}

const covered = (sentences: readonly { text: string }[]) => facts.filter((f) => f.any.some((x) => sentences.some((s) => s.text.includes(x))));
const short = (s: Sentence | { sentenceId: string }) => ('id' in s ? s.id : s.sentenceId).split(':')[1];
const index = { articles: new Map([[article.meta.id, article]]) };
const candidates = summaryCandidates(article);

console.log(`${article.meta.title} (${article.meta.id}): ${facts.length} reference facts, ${candidates.length} candidate sentences\n`);
for (const k of [3, 5]) {
  const beleg = summarize(index, { articleId, sentences: k }).sentences;
  const lead = candidates.slice(0, k);
  const b = covered(beleg);
  const l = covered(lead);
  console.log(`== ${k} sentences: Beleg ${b.length}/${facts.length}, Lead-${k} ${l.length}/${facts.length}`);
  console.log(`Beleg  [${beleg.map(short).join(', ')}] covers: ${b.map((f) => f.id).join(', ') || '-'}`);
  console.log(`Lead-${k} [${lead.map(short).join(', ')}] covers: ${l.map((f) => f.id).join(', ') || '-'}`);
  for (const s of beleg) console.log(`  ${short(s)}  ${s.text}`);
  console.log();
}
