/**
 * `npm run eval:shown [-- --questions FILE] [--corpus DIR] [--xquad DIR] [--ratios 1,0.9,...] [--json]`
 * prints, for candidate ratios of `strongCount` (src/engine/strong.ts), the
 * average number of quotes a reply shows first and how often a shown quote
 * that is not the first is wrong, on the seed's dev questions and on XQuAD's
 * English questions about the German text. Re-run it whenever ranking scores
 * change, and set `STRONG_RATIO` from what it prints.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { createEngine } from '../engine/engine.ts';
import { openEngine } from '../engine/open.ts';
import { STRONG_RATIO } from '../engine/strong.ts';
import { readQuestions } from '../eval/evaluate.ts';
import { type ShownCase, shownCase, type ShownFigures, shownFigures } from '../eval/shown.ts';
import { loadXquad } from '../eval/xquad.ts';
import { loadLexicon } from '../search/lexicon.ts';

const { values } = parseArgs({
  options: {
    questions: { type: 'string' },
    corpus: { type: 'string' },
    xquad: { type: 'string' },
    prefix: { type: 'string', default: 'xquad-dev' },
    ratios: { type: 'string', default: '1.01,0.98,0.95,0.93,0.9,0.85,0.8,0.7,0.6,0.5,0' },
    'page-size': { type: 'string', default: '3' },
    json: { type: 'boolean', default: false },
  },
});

/** `shared/eval/NAME` beside the repository (`../shared`) or beside its worktree folder (`../../shared`). */
function sharedEval(name: string): string {
  return ['../shared/eval', '../../shared/eval'].map((d) => `${d}/${name}`).find((p) => existsSync(p)) ?? `../shared/eval/${name}`;
}

try {
  const questionsFile = values.questions ?? sharedEval('questions.dev.jsonl');
  const xquadDir = values.xquad ?? sharedEval('xquad');
  const ratios = [null, ...values.ratios.split(',').map(Number)];
  if (ratios.some((r) => r !== null && !Number.isFinite(r))) throw new Error(`--ratios must be numbers separated by commas, not "${values.ratios}"`);
  const pageSize = Number(values['page-size']);

  const seed: ShownCase[] = [];
  const { engine } = openEngine(values.corpus ?? loadConfig().corpusDir);
  for (const q of readQuestions(questionsFile)) {
    if (q.gold.length === 0) continue;
    const r = engine.ask(q.q, { limit: 10 });
    if (!r.abstained) seed.push(shownCase(r.answers, q.gold));
  }

  const xquad: ShownCase[] = [];
  const lexicon = loadLexicon();
  for (const article of loadXquad(xquadDir, values.prefix)) {
    const e = createEngine([article.de], { lexicon });
    for (const q of article.questions) {
      const r = e.ask(q.en, { limit: 10 });
      if (!r.abstained) xquad.push(shownCase(r.answers, q.goldDe));
    }
  }

  const sets: [string, ShownCase[]][] = [
    ['seed dev', seed],
    ['XQuAD dev en-de', xquad],
  ];
  const label = (r: number | null) => (r === null ? `first ${pageSize} (before)` : r > 1 ? 'first only' : `ratio ${r}${r === STRONG_RATIO ? ' (default)' : ''}`);
  const pct = (n: number, d: number) => (d ? `${n}/${d} (${((100 * n) / d).toFixed(1)} %)` : '0/0');
  for (const [name, cases] of sets) {
    const rows: ShownFigures[] = shownFigures(cases, ratios, pageSize);
    if (values.json) {
      for (const row of rows) console.log(JSON.stringify({ set: name, ...row }));
      continue;
    }
    console.log(`${name}: ${cases.length} answered questions with gold (first quote right: ${pct(rows[0]!.firstRight, cases.length)})`);
    console.log('  shown first              quotes/reply  non-first shown wrong    first wrong, another shown right');
    for (const row of rows) {
      console.log(`  ${label(row.ratio).padEnd(24)} ${row.averageShown.toFixed(2).padEnd(13)} ${pct(row.extraWrong, row.extraShown).padEnd(24)} ${row.rescued}`);
    }
    console.log('');
  }
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
