/**
 * `npm run eval -- FILE [--corpus DIR]` prints hit@1, hit@3, MRR and
 * abstentions for a question file (see src/eval/evaluate.ts).
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { openEngine } from '../engine/open.ts';
import { evaluate, readQuestions } from '../eval/evaluate.ts';

const { values, positionals } = parseArgs({
  options: { corpus: { type: 'string' }, json: { type: 'boolean', default: false } },
  allowPositionals: true,
});
const file = positionals[0];
if (!file) {
  console.error('Usage: npm run eval -- FILE.jsonl [--corpus DIR] [--json]');
  process.exit(2);
}
try {
  const { engine } = openEngine(values.corpus ?? loadConfig().corpusDir);
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
