/**
 * `npm run eval:xquad -- DIR [--prefix xquad-dev] [--misses SETTING]` prints,
 * in one run, hit@1, hit@3 and MRR of Beleg, plain MiniSearch and MiniSearch
 * with Snowball stemming on XQuAD (see src/eval/xquad.ts), with Beleg's
 * refusals of answerable questions and of other articles' questions.
 */
import { parseArgs } from 'node:util';
import { belegRanker, loadXquad, plainRanker, type RankerFactory, scoreXquad, snowballRanker, XQUAD_SETTINGS, type XquadMiss, type XquadSetting } from '../eval/xquad.ts';

const { values, positionals } = parseArgs({
  options: { prefix: { type: 'string', default: 'xquad-dev' }, misses: { type: 'string' }, json: { type: 'boolean', default: false } },
  allowPositionals: true,
});
const dir = positionals[0];
if (!dir) {
  console.error('Usage: npm run eval:xquad -- DIR [--prefix xquad-dev] [--misses en-de|de-de|en-en] [--json]');
  process.exit(2);
}
try {
  const articles = loadXquad(dir, values.prefix);
  const rankers: [string, RankerFactory][] = [
    ['Beleg', belegRanker()],
    ['MiniSearch', plainRanker],
    ['MiniSearch+Snowball', snowballRanker],
  ];
  const misses: XquadMiss[] = [];
  const rows = XQUAD_SETTINGS.flatMap((setting: XquadSetting) =>
    rankers.map(([name, make]) => ({ setting, name, ...scoreXquad(articles, setting, make, name === 'Beleg' && values.misses === setting ? misses : undefined) })),
  );
  if (values.json) {
    for (const r of rows) console.log(JSON.stringify(r));
  } else {
    for (const m of misses) {
      console.log(`${m.refused ? 'REFUSED' : m.rank ? `@${m.rank}` : 'MISS'}  [${m.title}] ${m.question}\n     gold: ${m.gold[0]}\n     top:  ${m.top?.slice(0, 160) ?? '-'}`);
    }
    const n = articles.reduce((s, a) => s + a.questions.length, 0);
    console.log(`XQuAD (${values.prefix}): ${articles.length} articles, ${n} questions`);
    console.log('setting  ranker               hit@1  hit@3  MRR    refused (answerable)  refused (other article)');
    for (const r of rows) {
      const refusals = r.name === 'Beleg' ? `${r.refused} (${((100 * r.refused) / r.questions).toFixed(1)} %)`.padEnd(22) + `${r.foreignRefused}/${r.foreign} (${((100 * r.foreignRefused) / r.foreign).toFixed(1)} %)` : '-';
      console.log(`${r.setting}    ${r.name.padEnd(20)} ${(r.hit1 / r.questions).toFixed(3)}  ${(r.hit3 / r.questions).toFixed(3)}  ${r.mrr.toFixed(3)}  ${refusals}`);
    }
  }
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
