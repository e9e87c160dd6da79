/**
 * `npm run bench`: index build, persisted-index load, memory and answer
 * latency for 1 article (the seed corpus) and for N articles (the seed plus
 * N−1 generated ones, default N = 10,000), side by side, with plain MiniSearch
 * defaults on the same questions for comparison, and the seed article's
 * per-question latency.
 *
 *   npm run bench [-- --articles N] [--seed S] [--rounds R]
 *   npm run --silent bench -- --json --articles N     # one JSON object on stdout
 *
 * Each corpus is built in a fresh process with an empty index cache, then
 * opened from its persisted index in another fresh process, which also times
 * the questions. Benchmarks are noisy on shared machines: compare the ratios
 * within one run. Progress goes to stderr. (A script, not under src/: it
 * forks processes, which the app itself never does.)
 */
import { fork } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureCorpus } from '../src/bench/generate.ts';
import { machine } from '../src/bench/measure.ts';
import { type BuildReport, type PhaseRequest, RELOAD_FILE, type ServeReport } from '../src/bench/phase.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SEED_DIR = join(ROOT, 'corpus');
const PHASE = fileURLToPath(new URL('../src/bench/phase.ts', import.meta.url));

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '1' },
    rounds: { type: 'string' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log('Usage: npm run bench [-- --articles N] [--seed S] [--rounds R]\n       npm run --silent bench -- --json --articles N');
  process.exit(0);
}
const articles = Number(values.articles);
const seed = Number(values.seed);
if (!Number.isInteger(articles) || articles < 1 || !Number.isInteger(seed)) {
  console.error('--articles must be a whole number of at least 1, --seed a whole number');
  process.exit(2);
}
const progress = (line: string) => process.stderr.write(`bench: ${line}\n`);

/** Runs one phase in a fresh process (with --expose-gc, so memory is measured after a full collection). */
function runPhase<T>(request: PhaseRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(PHASE, [JSON.stringify(request)], { execArgv: [...process.execArgv, '--expose-gc'], stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
    child.stdout!.pipe(process.stderr);
    let report: T | undefined;
    child.on('message', (m) => (report = m as T));
    child.on('error', reject);
    child.on('exit', (code) => (report && code === 0 ? resolve(report) : reject(new Error(`the ${request.phase} phase failed (exit code ${code})`))));
  });
}

/** A corpus's build and serve figures. */
interface Result {
  label: string;
  build: BuildReport;
  serve: ServeReport;
}

async function benchCorpus(n: number): Promise<Result> {
  let dir = SEED_DIR;
  if (n === 1) {
    // The reload measurement must not touch the seed corpus: use a copy.
    dir = join(ROOT, 'bench-corpus', 'seed');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const name of readdirSync(SEED_DIR)) copyFileSync(join(SEED_DIR, name), join(dir, name));
  } else {
    dir = join(ROOT, 'bench-corpus', `n${n}-seed${seed}`);
    const seedFiles = readdirSync(SEED_DIR).map((name) => ({ from: join(SEED_DIR, name), name }));
    const t = performance.now();
    if (ensureCorpus(dir, { articles: n - 1, seed }, seedFiles)) progress(`generated ${n - 1} articles into ${dir} in ${Math.round(performance.now() - t)} ms`);
    rmSync(join(dir, RELOAD_FILE), { force: true });
  }
  const cacheDir = mkdtempSync(join(tmpdir(), 'beleg-bench-'));
  try {
    const rounds = values.rounds ? Number(values.rounds) : n > 1 ? 4 : 50;
    const request: PhaseRequest = { phase: 'build', dir, cacheDir, rounds, warmupMs: 3000, generated: n > 1 ? 30 : 0, seed };
    progress(`${n} article(s): building the index (cold, empty cache)…`);
    const build = await runPhase<BuildReport>(request);
    progress(`${n} article(s): ${build.sentences} sentences built in ${Math.round(build.timings.ingestMs + build.timings.buildMs)} ms; opening from the persisted index and timing answers…`);
    const serve = await runPhase<ServeReport>({ ...request, phase: 'serve' });
    if (!serve.fromCache) throw new Error('the serve phase did not load the persisted index');
    return { label: n === 1 ? '1 article (seed)' : `${n.toLocaleString('en')} articles`, build, serve };
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

const ms = (x: number) => (x >= 100 ? `${Math.round(x).toLocaleString('en')} ms` : x >= 10 ? `${x.toFixed(1)} ms` : `${x.toFixed(2)} ms`);
const mb = (x: number) => `${Math.round(x)} MB`;
const pair = (a: number, b: number) => `${ms(a).replace(' ms', '')} / ${ms(b)}`;
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '–');

function printText(results: Result[]): void {
  const m = machine();
  const out: string[] = [];
  out.push(`Beleg bench — ${m.cpu}, ${m.cores} cores, Node ${m.node}, ${m.os}, ${m.memoryGB} GB RAM`);
  out.push('Latencies: engine.ask (Beleg, full pipeline) and plain MiniSearch defaults (new MiniSearch({ fields: ["text"] }), search(q)) over the same');
  out.push('sentences and questions, in-process, after 3 s of warm-up rounds (steady state: V8 done optimising); start-up and memory in fresh');
  out.push('processes. Shared, noisy machine: compare the ratios within one run.');
  out.push('');
  const width = 44;
  const col = 24;
  const row = (name: string, f: (r: Result) => string) => out.push(name.padEnd(width) + results.map((r) => f(r).padStart(col)).join(''));
  row('', (r) => r.label);
  row('sentences', (r) => r.serve.sentences.toLocaleString('en'));
  row('questions × rounds (samples)', (r) => `${r.serve.questions} × ${r.serve.samples / r.serve.questions} (${r.serve.samples})`);
  row('machine load average while timing', (r) => r.serve.load.map((x) => x.toFixed(2)).join(' → '));
  row('index build (ingest + analysis + index)', (r) => ms(r.build.timings.ingestMs + r.build.timings.buildMs));
  row('  of it ingest', (r) => ms(r.build.timings.ingestMs));
  row('  writing the persisted index', (r) => ms(r.build.timings.saveMs));
  row('persisted-index load (hash files + load)', (r) => ms(r.serve.timings.snapshotMs + r.serve.timings.loadMs));
  row('lexicon load', (r) => ms(r.serve.timings.lexiconMs));
  row('start-up with lexicon (openEngine)', (r) => ms(r.serve.timings.totalMs));
  row('start-up, process start → ready', (r) => ms(r.serve.processStartMs));
  row('first answer after start (cold JIT)', (r) => ms(r.serve.firstAskMs));
  row('heap / RSS serving', (r) => `${mb(r.serve.heapMB).replace(' MB', '')} / ${mb(r.serve.rssMB)}`);
  row('peak RSS while building', (r) => mb(r.build.peakRssMB));
  row('answer p50 / p99, Beleg (engine.ask)', (r) => pair(r.serve.ask.p50, r.serve.ask.p99));
  row('  seed questions', (r) => (r.serve.askByKind.seed ? pair(r.serve.askByKind.seed.p50, r.serve.askByKind.seed.p99) : '–'));
  row('  generated questions', (r) => (r.serve.askByKind.generated ? pair(r.serve.askByKind.generated.p50, r.serve.askByKind.generated.p99) : '–'));
  row('answer p50 / p99, plain MiniSearch', (r) => pair(r.serve.plain.p50, r.serve.plain.p99));
  row('ratio Beleg / plain (p50, p99)', (r) => `${ratio(r.serve.ask.p50, r.serve.plain.p50)}, ${ratio(r.serve.ask.p99, r.serve.plain.p99)}`);
  row('plain, question stop words removed', (r) => pair(r.serve.plainNoStop.p50, r.serve.plainNoStop.p99));
  row('ratio Beleg / plain without stop words', (r) => `${ratio(r.serve.ask.p50, r.serve.plainNoStop.p50)}, ${ratio(r.serve.ask.p99, r.serve.plainNoStop.p99)}`);
  row('hot reload of one new article', (r) => `${ms(r.serve.reload.ms)}, ${r.serve.reload.analysed} analysed`);
  row('  longest pause / answers meanwhile', (r) => `${ms(r.serve.reload.longestPauseMs)} / ${r.serve.reload.answeredMeanwhile}`);
  row('  writing its persisted index', (r) => ms(r.serve.reload.persistMs));
  row('  new article answerable', (r) => (r.serve.reload.newArticleAnswered ? 'yes' : 'NO'));
  row('plain MiniSearch build / heap', (r) => `${ms(r.serve.plainBuildMs)} / ${mb(r.serve.plainHeapMB)}`);
  row('seed questions hit@1 / hit@3', (r) => `${r.serve.quality.seedHit1}/${r.serve.quality.seedAnswerable} / ${r.serve.quality.seedHit3}/${r.serve.quality.seedAnswerable}`);
  row('out-of-scope questions abstained', (r) => `${r.serve.quality.outOfScopeAbstained}/${r.serve.quality.outOfScope}`);
  row('generated questions: source in top 3', (r) => (r.serve.quality.generated ? `${r.serve.quality.generatedHit3}/${r.serve.quality.generated}` : '–'));
  const seedRun = results.find((r) => r.serve.articles === 1);
  if (seedRun) {
    out.push('');
    out.push(`Seed article, per question (${seedRun.serve.samples / seedRun.serve.questions} runs each): p50 / p99`);
    for (const q of seedRun.serve.perQuestion) {
      const mark = q.hit === null ? (q.abstained ? 'abstains ' : 'ANSWERS  ') : q.hit ? 'hit@3    ' : 'miss     ';
      out.push(`  ${pair(q.p50, q.p99).padStart(18)}  ${mark}${q.q}`);
    }
  }
  console.log(out.join('\n'));
}

try {
  const m = machine();
  progress(`${m.cpu}, ${m.cores} cores, Node ${m.node}`);
  if (values.json) {
    const r = await benchCorpus(articles);
    const round = (x: number) => Math.round(x * 100) / 100;
    console.log(
      JSON.stringify({
        sentences: r.serve.sentences,
        buildMs: round(r.build.timings.ingestMs + r.build.timings.buildMs),
        loadMs: round(r.serve.timings.snapshotMs + r.serve.timings.loadMs),
        rssMB: round(r.serve.rssMB),
        ask: { p50: round(r.serve.ask.p50), p99: round(r.serve.ask.p99) },
        plain: { p50: round(r.serve.plain.p50), p99: round(r.serve.plain.p99) },
      }),
    );
  } else {
    const results = [await benchCorpus(1)];
    if (articles > 1) results.push(await benchCorpus(articles));
    printText(results);
  }
} catch (err) {
  console.error(`bench: ${(err as Error).message}`);
  process.exit(1);
}
