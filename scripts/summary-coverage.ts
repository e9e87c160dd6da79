/**
 * `npm run summary:coverage [-- --corpus DIR] [--facts FILE] [--realnews DIR] [--realnews-facts FILE] [--quiet]`:
 * how many reference facts Beleg's summary covers, against the Lead-k
 * baseline (the article's first k teaser/body sentences in reading order),
 * for 3 and 5 sentences, on the seed article and on the real news pages.
 *
 * A facts file names articles and lists facts, each with alternative verbatim
 * substrings of the article that state it; a summary covers a fact when one of
 * its sentences contains one of them. Every substring must occur in its
 * article, or the script stops. Besides coverage it prints:
 * - "twice": facts that two or more summary sentences state (a repeat);
 * - "best": the most facts any k candidate sentences cover (an upper bound for
 *   every extractive summary of k whole sentences);
 * - on the real pages, how many summary sentences are page chrome (the page's
 *   SLUG.chrome.txt lists its chrome lines), questions, or address the reader.
 *
 * The seed's facts are scripts/summary-facts.json; the real pages' are
 * scripts/summary-facts.realnews.json, for the pages of ../shared/eval/realnews
 * (one folder per page; from a git worktree, ../../shared is tried too).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpus } from '../src/corpus/load.ts';
import type { Article } from '../src/corpus/types.ts';
import { createEngine } from '../src/engine/engine.ts';
import { loadLexicon } from '../src/search/lexicon.ts';
import { addressesReader, isQuestion } from '../src/summary/cues.ts';
import { summaryCandidates } from '../src/summary/summarize.ts';

interface Fact {
  id: string;
  fact: string;
  any: string[];
}

interface ArticleFacts {
  articleId: string;
  facts: Fact[];
}

const SIZES = [3, 5] as const;
const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    facts: { type: 'string' },
    realnews: { type: 'string' },
    'realnews-facts': { type: 'string' },
    quiet: { type: 'boolean', default: false },
  },
});
const lexicon = loadLexicon();

/** Facts of one file: `{articleId, facts}` or `{articles: [{articleId, facts}]}`. */
function readFacts(path: string): ArticleFacts[] {
  const json = JSON.parse(readFileSync(path, 'utf8')) as Partial<ArticleFacts> & { articles?: ArticleFacts[] };
  return json.articles ?? [{ articleId: json.articleId!, facts: json.facts! }];
}

type Text = { text: string };
const has = (s: Text, f: Fact) => f.any.some((x) => s.text.includes(x));
const covered = (sentences: readonly Text[], facts: readonly Fact[]) => facts.filter((f) => sentences.some((s) => has(s, f)));
const twice = (sentences: readonly Text[], facts: readonly Fact[]) => facts.filter((f) => sentences.filter((s) => has(s, f)).length > 1);

/** The most facts any `k` of the candidates cover together (exhaustive over the candidates that state a fact). */
function best(candidates: readonly Text[], facts: readonly Fact[], k: number): number {
  const masks = [...new Set(candidates.map((s) => facts.reduce((m, f, i) => (has(s, f) ? m | (1 << i) : m), 0)).filter((m) => m))];
  const bits = (m: number) => m.toString(2).replace(/0/g, '').length;
  let top = 0;
  const walk = (from: number, left: number, mask: number) => {
    top = Math.max(top, bits(mask));
    if (left === 0) return;
    for (let i = from; i < masks.length; i++) walk(i + 1, left - 1, mask | masks[i]!);
  };
  walk(0, k, 0);
  return top;
}

interface Row {
  articleId: string;
  facts: number;
  beleg: Record<number, number>;
  lead: Record<number, number>;
  best: Record<number, number>;
  twice: Record<number, number>;
  chrome: Record<number, number>;
  questions: Record<number, number>;
  address: Record<number, number>;
  sentences: Record<number, number>;
}

/** Checks the facts against the article and measures one article; prints its details unless quiet. */
function measure(article: Article, articles: readonly Article[], facts: readonly Fact[], chrome: readonly string[] | null): Row {
  const missing = facts.flatMap((f) => f.any.filter((x) => !article.source.includes(x)).map((x) => `${f.id}: "${x}"`));
  if (missing.length) {
    console.error(`${article.meta.id}: these fact substrings do not occur in the article:\n  ${missing.join('\n  ')}`);
    process.exit(1);
  }
  const engine = createEngine(articles, { lexicon });
  const candidates = summaryCandidates(article);
  const short = (id: string) => id.split(':')[1];
  const isChrome = (text: string) => chrome !== null && chrome.some((line) => line.includes(text.trim()) || (line.length >= 12 && text.includes(line)));
  const row: Row = { articleId: article.meta.id, facts: facts.length, beleg: {}, lead: {}, best: {}, twice: {}, chrome: {}, questions: {}, address: {}, sentences: {} };
  if (!values.quiet) console.log(`${article.meta.id} („${article.meta.title.slice(0, 80)}“): ${facts.length} reference facts, ${candidates.length} candidate sentences`);
  for (const k of SIZES) {
    const beleg = engine.summarize({ articleId: article.meta.id, sentences: k }).sentences;
    const lead = candidates.slice(0, k);
    const b = covered(beleg, facts);
    const l = covered(lead, facts);
    const t = twice(beleg, facts);
    row.beleg[k] = b.length;
    row.lead[k] = l.length;
    row.best[k] = best(candidates, facts, k);
    row.twice[k] = t.length;
    row.sentences[k] = beleg.length;
    row.chrome[k] = beleg.filter((s) => isChrome(s.text)).length;
    row.questions[k] = beleg.filter((s) => isQuestion(s.text)).length;
    row.address[k] = beleg.filter((s) => addressesReader(s.text)).length;
    if (values.quiet) continue;
    console.log(`== ${k} sentences: Beleg ${b.length}/${facts.length}${t.length ? ` (stated twice: ${t.map((f) => f.id).join(', ')})` : ''}, Lead-${k} ${l.length}/${facts.length}, best possible ${row.best[k]}/${facts.length}`);
    console.log(`Beleg  [${beleg.map((s) => short(s.sentenceId)).join(', ')}] covers: ${b.map((f) => f.id).join(', ') || '-'}`);
    console.log(`Lead-${k} [${lead.map((s) => short(s.id)).join(', ')}] covers: ${l.map((f) => f.id).join(', ') || '-'}`);
    for (const s of beleg) {
      const flags = [isChrome(s.text) && 'CHROME', isQuestion(s.text) && 'QUESTION', addressesReader(s.text) && 'ADDRESS'].filter(Boolean).join(' ');
      console.log(`  ${short(s.sentenceId)}  ${flags ? `[${flags}] ` : ''}${s.text}`);
    }
  }
  if (!values.quiet) console.log();
  return row;
}

/** The first of `dirs` that exists. */
const firstExisting = (dirs: string[]) => dirs.find((d) => existsSync(d));

const rows: Row[] = [];

// The seed article.
{
  const corpusDir = values.corpus ?? join(root, 'corpus');
  const corpus = loadCorpus(corpusDir);
  for (const { articleId, facts } of readFacts(values.facts ?? join(root, 'scripts/summary-facts.json'))) {
    const article = corpus.articles.find((a) => a.meta.id === articleId);
    if (!article) {
      console.error(`Article "${articleId}" is not in ${corpusDir}.`);
      process.exit(1);
    }
    rows.push(measure(article, corpus.articles, facts, null));
  }
}

// The real pages, each a corpus of its own.
const realnews = values.realnews ?? firstExisting([resolve(root, '../shared/eval/realnews'), resolve(root, '../../shared/eval/realnews')]);
const realRows: Row[] = [];
if (!realnews || !existsSync(realnews)) {
  console.log('Real pages: not found (pass --realnews DIR); skipped.\n');
} else {
  for (const { articleId, facts } of readFacts(values['realnews-facts'] ?? join(root, 'scripts/summary-facts.realnews.json'))) {
    const corpus = loadCorpus(join(realnews, articleId));
    const article = corpus.articles.find((a) => a.meta.id === articleId);
    if (!article) {
      console.error(`Article "${articleId}" is not in ${join(realnews, articleId)}.`);
      process.exit(1);
    }
    const chromePath = join(realnews, `${articleId}.chrome.txt`);
    const chrome = existsSync(chromePath) ? readFileSync(chromePath, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean) : null;
    realRows.push(measure(article, corpus.articles, facts, chrome));
  }
}

const sum = (rs: Row[], key: 'facts') => rs.reduce((s, r) => s + r[key], 0);
const sumAt = (rs: Row[], key: Exclude<keyof Row, 'articleId' | 'facts'>, k: number) => rs.reduce((s, r) => s + r[key][k]!, 0);
const line = (r: Row | { articleId: string; rows: Row[] }) => {
  const rs = 'rows' in r ? r.rows : [r];
  const facts = sum(rs, 'facts');
  const cells = SIZES.flatMap((k) => [`${sumAt(rs, 'beleg', k)}/${facts}`, `${sumAt(rs, 'lead', k)}/${facts}`, `${sumAt(rs, 'best', k)}/${facts}`, String(sumAt(rs, 'twice', k))]);
  const weak = SIZES.map((k) => `${sumAt(rs, 'chrome', k)}/${sumAt(rs, 'questions', k)}/${sumAt(rs, 'address', k)} of ${sumAt(rs, 'sentences', k)}`);
  return `| ${r.articleId} | ${cells.join(' | ')} | ${weak.join(' | ')} |`;
};
console.log('Coverage (Beleg, Lead-k, best possible, facts stated twice by Beleg) and weak summary sentences (chrome/questions/reader address):\n');
console.log('| article | Beleg@3 | Lead-3 | best@3 | twice@3 | Beleg@5 | Lead-5 | best@5 | twice@5 | weak@3 | weak@5 |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(line(r));
for (const r of realRows) console.log(line(r));
if (realRows.length) console.log(line({ articleId: `real pages (${realRows.length})`, rows: realRows }));
