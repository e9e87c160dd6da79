import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateArticles } from '../../src/bench/generate.ts';
import { loadCorpus } from '../../src/corpus/load.ts';
import { loadLexicon } from '../../src/search/lexicon.ts';
import { planQuery } from '../../src/search/query.ts';
import { COST_CONTROLS, rank, SCORER_OPTIONS, termScorer } from '../../src/search/rank.ts';
import { analyze } from '../../src/search/analyzer.ts';
import { buildIndex, FIELD_BOOST } from '../../src/search/sentenceIndex.ts';
import { SEED_DIR } from '../seed.ts';

const dir = mkdtempSync(join(tmpdir(), 'beleg-rank-'));
for (const name of readdirSync(SEED_DIR)) copyFileSync(join(SEED_DIR, name), join(dir, name));
for (const f of generateArticles({ articles: 40, seed: 5 })) writeFileSync(join(dir, f.name), f.text);
const { articles } = loadCorpus(dir);
const lexicon = loadLexicon();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Questions about the seed article and about words the generated articles use.
const generatedWords = articles
  .slice(1, 12)
  .map((a) => a.sentences[3]?.text.split(' ').slice(1, 4).join(' '))
  .filter((q): q is string => Boolean(q));
const QUESTIONS = [
  'Who succeeded Bezos?',
  'Who did GCHQ partner with?',
  "What is AWS's market share?",
  'Where will the data be stored?',
  'Mit wem hat der britische Geheimdienst einen Deal geschlossen?',
  'What does KI stand for?',
  'Wann wurde 2020 etwas gesagt?',
  'What did the Bundesbank say?',
  ...generatedWords,
];

describe('ranking', () => {
  const direct = buildIndex(articles, { lexicon });
  SCORER_OPTIONS.direct = false;
  const viaSearch = buildIndex(articles, { lexicon });
  termScorer(viaSearch);
  SCORER_OPTIONS.direct = true;

  it('scores each term exactly as MiniSearch’s search() does', () => {
    const scorer = termScorer(direct);
    for (const term of ['aws', 'amazon', 'geheimdienst', 'daten', 'speicher', 'jeff', ...[...direct.df.keys()].slice(0, 200)]) {
      const mine = scorer.score(term);
      const theirs = direct.search.search(term, { boost: FIELD_BOOST });
      expect(mine.ids.length).toBe(theirs.length);
      const byId = new Map([...mine.ids].map((n, i) => [scorer.idOf(n), mine.scores[i]]));
      for (const r of theirs) expect(byId.get(r.id)).toBe(r.score);
      // The document frequency the planner looks up is the number of sentences a search returns.
      expect(direct.df.get(term) ?? 0).toBe(theirs.length);
    }
  });

  it('ranks the same straight from the index as through search()', () => {
    for (const q of QUESTIONS) {
      expect(rank(direct, planQuery(q, direct))).toEqual(rank(viaSearch, planQuery(q, viaSearch)));
    }
  });

  it('returns with a limit exactly the first results of the full ranking', () => {
    for (const q of QUESTIONS) {
      const plan = planQuery(q, direct);
      const full = rank(direct, plan);
      for (const limit of [1, 3, 10]) {
        const top = rank(direct, plan, { limit });
        expect(top.results).toEqual(full.results.slice(0, limit));
        expect(top.weak).toBe(full.weak);
        expect(top.missing).toEqual(full.missing);
      }
    }
  });

  it('restricts to one article as filtering the full ranking does (first stage)', () => {
    const articleId = articles[3]!.meta.id;
    for (const q of QUESTIONS) {
      const plan = planQuery(q, direct);
      const mine = rank(direct, plan, { articleId, rerank: false }).results;
      const filtered = rank(direct, plan, { rerank: false }).results.filter((r) => r.id.startsWith(`${articleId}:`));
      expect(mine).toEqual(filtered);
    }
  });

  it('in a large index, terms only loose links reach re-rank sentences without bringing in their own (first stage)', () => {
    const q = 'Who succeeded Bezos as the boss of the cloud?';
    const plan = planQuery(q, direct);
    const loose = (t: string) => plan.groups.every((g) => g.alternatives.every((a) => a.term !== t || ['synonym', 'fuzzy', 'alias'].includes(a.via) || a.weight < COST_CONTROLS.looseWeight));
    const terms = [...new Set(plan.groups.flatMap((g) => g.alternatives.map((a) => a.term)))].filter((t) => (direct.df.get(t) ?? 0) > 0);
    const strong = terms.filter((t) => !loose(t));
    expect(strong.length).toBeGreaterThan(0);
    expect(strong.length).toBeLessThan(terms.length);
    const saved = { ...COST_CONTROLS };
    Object.assign(COST_CONTROLS, { frequentShare: 1, frequentMinSentences: 0 });
    try {
      const capped = rank(direct, plan, { rerank: false });
      const reached = new Set(strong.flatMap((t) => direct.search.search(t).map((r) => r.id as string)));
      expect(capped.results.length).toBeGreaterThan(0);
      for (const r of capped.results) expect(reached.has(r.id)).toBe(true);
    } finally {
      Object.assign(COST_CONTROLS, saved);
    }
  });

  it('scores very frequent terms only among the sentences that rarer terms reach (first stage)', () => {
    // The most frequent term of the corpus, and a word of the corpus that yields it.
    const [frequentTerm] = [...direct.df].sort((a, b) => b[1] - a[1])[0]!;
    const word = articles
      .flatMap((a) => a.sentences.flatMap((s) => analyze(s.text, 'de')))
      .find((t) => t.term === frequentTerm && /^\p{Lu}/u.test(t.word))!.word;
    const share = direct.df.get(frequentTerm)! / direct.sentences.size;
    let checked = 0;
    for (const q of [`Was sagt ${word} über Bezos und Amazon?`, `Welche Rolle spielt ${word} für die Daten?`, `${word}`]) {
      const plan = planQuery(q, direct);
      const full = rank(direct, plan, { rerank: false });
      const saved = { ...COST_CONTROLS };
      // Frequency alone (links of any trust bring sentences in); loose links are tested below.
      Object.assign(COST_CONTROLS, { frequentShare: share / 2, frequentMinSentences: 0, looseWeight: 0 });
      try {
        const capped = rank(direct, plan, { rerank: false });
        const terms = new Set(plan.groups.flatMap((g) => g.alternatives.map((a) => a.term)).filter((t) => (direct.df.get(t) ?? 0) > 0));
        const rare = [...terms].filter((t) => direct.df.get(t)! <= (share / 2) * direct.sentences.size);
        if (rare.length === 0 || rare.length === terms.size) {
          // Only frequent terms (or none): scored in full.
          expect(capped).toEqual(full);
          continue;
        }
        const reached = new Set(rare.flatMap((t) => direct.search.search(t).map((r) => r.id as string)));
        expect(capped.results.length).toBeLessThan(full.results.length);
        checked++;
        expect(capped.results).toEqual(full.results.filter((r) => reached.has(r.id)));
        expect(capped.weak).toBe(full.weak);
      } finally {
        Object.assign(COST_CONTROLS, saved);
      }
    }
    expect(checked).toBe(2);
  });
});
