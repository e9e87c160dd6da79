/**
 * `npm run eval:xquad -- DIR [--prefix xquad-dev] [--misses SETTING]` prints,
 * in one run, hit@1, hit@3 and MRR of Beleg, plain MiniSearch and MiniSearch
 * with Snowball stemming on XQuAD (see src/eval/xquad.ts), with Beleg's
 * refusals of answerable questions and of other articles' questions, and
 * how well Beleg's highlights on its first answers match the gold spans
 * (English questions on the German text; SQuAD token F1 and exact match, see
 * src/eval/squad.ts).
 */
import { parseArgs } from 'node:util';
import { ALL_MECHANISMS, type Mechanisms } from '../search/mechanisms.ts';
import { belegRanker, loadXquad, plainRanker, type RankerFactory, scoreHighlights, scoreXquad, snowballRanker, XQUAD_SETTINGS, type XquadMiss, type XquadSetting } from '../eval/xquad.ts';

const { values, positionals } = parseArgs({
  options: { prefix: { type: 'string', default: 'xquad-dev' }, misses: { type: 'string' }, json: { type: 'boolean', default: false }, ablation: { type: 'boolean', default: false } },
  allowPositionals: true,
});
const dir = positionals[0];
if (!dir) {
  console.error('Usage: npm run eval:xquad -- DIR [--prefix xquad-dev] [--misses en-de|de-de|en-en] [--json] [--ablation]');
  process.exit(2);
}
try {
  const articles = loadXquad(dir, values.prefix);
  if (values.ablation) {
    // Each retrieval mechanism switched off in turn: hit@1, answerable refused and other articles' questions refused.
    const names = Object.keys(ALL_MECHANISMS) as (keyof Mechanisms)[];
    const configs: [string, Partial<Mechanisms>][] = [['(none)', {}], ...names.map((n): [string, Partial<Mechanisms>] => [n, { [n]: false }]), ['all', Object.fromEntries(names.map((n) => [n, false]))]];
    console.log(`mechanism off   ${XQUAD_SETTINGS.map((s) => `${s}: hit@1  refused  other refused`.padEnd(40)).join('')}`);
    for (const [name, mechanisms] of configs) {
      const cells = XQUAD_SETTINGS.map((setting) => {
        const f = scoreXquad(articles, setting, belegRanker({ mechanisms }));
        return `${(f.hit1 / f.questions).toFixed(3)}  ${((100 * f.refused) / f.questions).toFixed(1).padStart(5)} %  ${((100 * f.foreignRefused) / f.foreign).toFixed(1).padStart(5)} %`.padEnd(40);
      });
      console.log(`${name.padEnd(15)} ${cells.join('')}`);
    }
    process.exit(0);
  }
  const rankers: [string, RankerFactory][] = [
    ['Beleg', belegRanker()],
    ['MiniSearch', plainRanker],
    ['MiniSearch+Snowball', snowballRanker],
  ];
  const misses: XquadMiss[] = [];
  const rows = XQUAD_SETTINGS.flatMap((setting: XquadSetting) =>
    rankers.map(([name, make]) => ({ setting, name, ...scoreXquad(articles, setting, make, name === 'Beleg' && values.misses === setting ? misses : undefined) })),
  );
  const highlights = scoreHighlights(articles, 'en-de');
  if (values.json) {
    for (const r of rows) console.log(JSON.stringify(r));
    console.log(JSON.stringify({ name: 'Beleg highlights', ...highlights }));
  } else {
    for (const m of misses) {
      console.log(`${m.refused ? 'REFUSED' : m.rank ? `@${m.rank}` : 'MISS'}  [${m.title}] ${m.question}\n     gold: ${m.gold[0]}\n     top:  ${m.top?.slice(0, 160) ?? '-'}`);
    }
    const n = articles.reduce((s, a) => s + a.questions.length, 0);
    const h = highlights;
    const pct = (n: number, d: number) => `${d ? ((100 * n) / d).toFixed(1) : '0.0'} %`;
    console.log(`Highlights, ${h.setting}: Beleg's first answers that hold the gold answer: ${h.holding}`);
    console.log(`  shown on ${h.shown}/${h.holding} (${pct(h.shown, h.holding)})`);
    console.log(`  where shown: token F1 ${h.f1.toFixed(3)}, exact match ${h.exact.toFixed(3)}, F1 ≥ 0.5 on ${h.good}/${h.shown} (${pct(h.good, h.shown)})`);
    console.log(`  also shown on ${h.shownElsewhere} first answers that do not hold the gold answer\n`);
    console.log(`XQuAD (${values.prefix}): ${articles.length} articles, ${n} questions`);
    console.log('setting  ranker               hit@1  hit@3  MRR    refused (answerable)  refused (other article)');
    // The baselines first and Beleg last, so the last lines of the output are Beleg's figures in every setting.
    for (const r of [...rows].sort((a, b) => Number(a.name === 'Beleg') - Number(b.name === 'Beleg'))) {
      const refusals = r.name === 'Beleg' ? `${r.refused} (${((100 * r.refused) / r.questions).toFixed(1)} %)`.padEnd(22) + `${r.foreignRefused}/${r.foreign} (${((100 * r.foreignRefused) / r.foreign).toFixed(1)} %)` : '-';
      console.log(`${r.setting}    ${r.name.padEnd(20)} ${(r.hit1 / r.questions).toFixed(3)}  ${(r.hit3 / r.questions).toFixed(3)}  ${r.mrr.toFixed(3)}  ${refusals}`);
    }
  }
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
