/**
 * `npm run eval -- FILE [--corpus DIR]` prints hit@1, hit@3, MRR and
 * abstentions for a question file (see src/eval/evaluate.ts).
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { openEngine } from '../engine/open.ts';
import { ablate } from '../eval/ablation.ts';
import { loadCorpus } from '../corpus/load.ts';
import { evaluate, readQuestions } from '../eval/evaluate.ts';

const { values, positionals } = parseArgs({
  options: { corpus: { type: 'string' }, json: { type: 'boolean', default: false }, ablation: { type: 'boolean', default: false } },
  allowPositionals: true,
});
const file = positionals[0];
if (!file) {
  console.error('Usage: npm run eval -- FILE.jsonl [--corpus DIR] [--json] [--ablation]');
  process.exit(2);
}
try {
  const corpusDir = values.corpus ?? loadConfig().corpusDir;
  if (values.ablation) {
    // Each mechanism switched off in turn: hit@1, hit@3 and abstentions.
    const questions = readQuestions(file);
    console.log('mechanism off   hit@1  hit@3  MRR    out-of-scope abstained  answerable abstained');
    for (const { off, summary: s } of ablate(loadCorpus(corpusDir).articles, questions)) {
      const cell = (n: number, d: number) => `${n}/${d}`.padEnd(7);
      console.log(`${String(off ?? '(none)').padEnd(15)} ${cell(s.hit1, s.answerable)}${cell(s.hit3, s.answerable)}${s.mrr.toFixed(3)}  ${cell(s.abstainedOutOfScope, s.outOfScope).padEnd(24)}${s.abstainedInScope}/${s.answerable}`);
    }
    process.exit(0);
  }
  const { engine } = openEngine(corpusDir);
  const s = evaluate(engine.ask, readQuestions(file));
  if (values.json) {
    console.log(JSON.stringify({ ...s, rows: undefined }));
  } else {
    for (const r of s.rows) {
      const mark = r.question.gold.length === 0 ? (r.abstained ? 'ok  ' : 'MISS') : r.rank === 1 ? 'ok  ' : r.rank ? `@${r.rank}  ` : r.abstained ? 'ABST' : 'MISS';
      console.log(`${mark} ${r.question.id.padEnd(12)} ${r.question.q}${mark.startsWith('ok') ? '' : `\n       top: ${r.top?.slice(0, 110) ?? '(abstained)'}`}`);
    }
    const pct = (n: number, d: number) => `${n}/${d}${d ? ` (${Math.round((100 * n) / d)}%)` : ''}`;
    console.log('');
    console.log(`hit@1 ${pct(s.hit1, s.answerable)}  hit@3 ${pct(s.hit3, s.answerable)}  MRR ${s.mrr.toFixed(3)}`);
    console.log(`abstained on out-of-scope: ${pct(s.abstainedOutOfScope, s.outOfScope)}`);
    console.log(`abstained on answerable:   ${pct(s.abstainedInScope, s.answerable)}`);
  }
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
