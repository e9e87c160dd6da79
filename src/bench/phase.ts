/**
 * One phase of the bench, run in a fresh process (forked by scripts/bench.ts)
 * so that its start-up time and memory are its own:
 *
 * - `build`: opens the corpus with an empty index cache: lexicon, ingest,
 *   analysis and indexing, and writing the persisted index;
 * - `serve`: opens it again from the persisted index, then times answers for
 *   the question list through Beleg's full pipeline (`engine.ask`), a hot
 *   reload of one new article, and answers through plain MiniSearch defaults
 *   over the same sentences' raw text.
 *
 * It sends its figures to the parent over IPC and prints nothing on stdout.
 */
import { loadavg } from 'node:os';
import MiniSearch from 'minisearch';
import { writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { type IndexState, LiveEngine, openIndex, type OpenTimings } from '../engine/live.ts';
import { isStopWord } from '../search/analyzer.ts';
import { loadLexicon } from '../search/lexicon.ts';
import { words } from '../search/normalize.ts';
import { latency, type Latency, memory } from './measure.ts';
import { type BenchQuestion, generatedQuestions, SEED_QUESTIONS } from './questions.ts';

/** What the parent asks a phase to do. */
export interface PhaseRequest {
  phase: 'build' | 'serve';
  dir: string;
  cacheDir: string;
  /** Rounds over the question list. */
  rounds: number;
  /**
   * Untimed rounds first, at least this many ms (and two rounds): V8 keeps
   * optimising the pipeline's functions for the first thousand or so answers,
   * and each compilation shows as a few-ms spike; the figures are for a
   * server in its steady state. Plain MiniSearch gets the same warm-up.
   */
  warmupMs: number;
  /** Number of generated questions to add (0 for the seed corpus). */
  generated: number;
  seed: number;
}

/** What the build phase reports. */
export interface BuildReport {
  phase: 'build';
  articles: number;
  sentences: number;
  fromCache: boolean;
  timings: OpenTimings;
  heapMB: number;
  rssMB: number;
  peakRssMB: number;
}

/** Per-question latency of Beleg's pipeline. */
export interface QuestionLatency extends Latency {
  q: string;
  abstained: boolean;
  hit: boolean | null;
}

/** What the serve phase reports. */
export interface ServeReport {
  phase: 'serve';
  articles: number;
  sentences: number;
  fromCache: boolean;
  timings: OpenTimings;
  /** Process start to engine ready (Node, module loading, lexicon, persisted index). */
  processStartMs: number;
  /** The first answer after start (nothing optimised yet), in ms. */
  firstAskMs: number;
  heapMB: number;
  rssMB: number;
  /** The machine's 1-minute load average before and after timing the questions. */
  load: [number, number];
  questions: number;
  samples: number;
  ask: Latency;
  askByKind: Record<string, Latency>;
  perQuestion: QuestionLatency[];
  plain: Latency;
  plainNoStop: Latency;
  plainBuildMs: number;
  plainHeapMB: number;
  /** Seed questions answered right at rank 1 / 3, out of the answerable ones; out-of-scope ones abstained. */
  quality: { seedHit1: number; seedHit3: number; seedAnswerable: number; outOfScopeAbstained: number; outOfScope: number; generatedHit3: number; generated: number };
  /** Hot reload of one new article while answering every 5 ms (see {@link measureReload}). */
  reload: ReloadFigures;
}

/** What a hot reload of one new article costs. */
export interface ReloadFigures {
  /** From reload() to the new index serving. */
  ms: number;
  /** Articles analysed (1: only the new one). */
  analysed: number;
  /** Longest time the event loop was blocked, during the reload and the write of its persisted index. */
  longestPauseMs: number;
  /** Answers given from the old index while the new one was built. */
  answeredMeanwhile: number;
  /** Writing the persisted index after the swap. */
  persistMs: number;
  newArticleAnswered: boolean;
}

/** The article a reload adds (and removes afterwards). */
export const RELOAD_FILE = 'zz-bench-reload.txt';
const RELOAD_TEXT = 'Hafen Bremerhaven meldet Rekord\n\nDer Hafen Bremerhaven hat im Juli 40 Prozent mehr Container umgeschlagen. Hafenchefin Greta Olsen nannte die neuen Kräne als Grund.\n\nabc/dpa\n';

/**
 * Adds one article to the corpus while a LiveEngine serves it, asking a
 * question every 5 ms, and measures the reload, the longest pause of the
 * event loop and how many answers came from the old index meanwhile; then
 * removes the article again.
 */
async function measureReload(state: IndexState, request: PhaseRequest): Promise<ReloadFigures> {
  const live = new LiveEngine(state, { cacheDir: request.cacheDir, log: () => {} });
  const file = join(request.dir, RELOAD_FILE);
  let longest = 0;
  let answered = 0;
  let last = performance.now();
  const probe = setInterval(() => {
    const t = performance.now();
    longest = Math.max(longest, t - last - 5);
    last = t;
    live.ask('Who runs AWS now?');
    answered++;
  }, 5);
  try {
    writeFileSync(file, RELOAD_TEXT);
    const t = performance.now();
    const result = await live.reload();
    const ms = performance.now() - t;
    const answeredMeanwhile = answered;
    const newArticleAnswered = live.ask('Wie viele Container hat Bremerhaven umgeschlagen?').answers[0]?.text.includes('40 Prozent') ?? false;
    const p = performance.now();
    await live.close();
    const persistMs = performance.now() - p;
    await new Promise((resolve) => setTimeout(resolve, 20));
    return { ms, analysed: result.analysed, longestPauseMs: Math.max(0, longest), answeredMeanwhile, persistMs, newArticleAnswered };
  } finally {
    clearInterval(probe);
    rmSync(file, { force: true });
  }
}

/** Runs `round` at least twice and for at least `ms` milliseconds. */
function warmUp(ms: number, round: () => void): void {
  const start = performance.now();
  for (let r = 0; r < 2 || performance.now() - start < ms; r++) round();
}

const hitRank = (texts: string[], gold: string[]) => {
  const i = texts.findIndex((t) => gold.some((g) => t.includes(g)));
  return i < 0 ? null : i + 1;
};

function build(request: PhaseRequest): BuildReport {
  const state = openIndex(request.dir, { cacheDir: request.cacheDir });
  const m = memory();
  return {
    phase: 'build',
    articles: state.index.articles.size,
    sentences: state.index.sentences.size,
    fromCache: state.fromCache,
    timings: state.timings,
    ...m,
  };
}

/** Plain MiniSearch defaults over the same sentences' raw text, searched with the raw question (and without its stop words). */
function measurePlain(sentences: { id: string; text: string }[], questions: BenchQuestion[], request: PhaseRequest) {
  const heapBefore = memory().heapMB;
  const t = performance.now();
  const plainIndex = new MiniSearch<{ id: string; text: string }>({ fields: ['text'] });
  plainIndex.addAll(sentences.map((s) => ({ id: s.id, text: s.text })));
  const plainBuildMs = performance.now() - t;
  const plainHeapMB = memory().heapMB - heapBefore;
  const timePlain = (query: (q: BenchQuestion) => string) => {
    const queries = questions.map(query);
    warmUp(request.warmupMs, () => {
      for (const q of queries) plainIndex.search(q);
    });
    const out: number[] = [];
    for (let r = 0; r < request.rounds; r++) {
      for (const q of queries) {
        const t0 = performance.now();
        plainIndex.search(q);
        out.push(performance.now() - t0);
      }
    }
    return latency(out);
  };
  const plain = timePlain((q) => q.q);
  // The reference measurement: plain MiniSearch with the question's stop words removed.
  const plainNoStop = timePlain((q) =>
    words(q.q)
      .filter((w) => !isStopWord(w, q.lang))
      .join(' '),
  );
  return { plain, plainNoStop, plainBuildMs, plainHeapMB };
}

async function serve(request: PhaseRequest): Promise<ServeReport> {
  const state = openIndex(request.dir, { cacheDir: request.cacheDir });
  const processStartMs = performance.now();
  const { engine, index } = state;
  const { heapMB, rssMB } = memory();
  const loadBefore = loadavg()[0]!;
  const questions: BenchQuestion[] = [...SEED_QUESTIONS, ...generatedQuestions([...index.articles.values()], loadLexicon(), request.generated, request.seed)];

  const first = performance.now();
  engine.ask(questions[0]!.q);
  const firstAskMs = performance.now() - first;

  // Beleg: warm-up rounds, then timed rounds.
  warmUp(request.warmupMs, () => {
    for (const q of questions) engine.ask(q.q);
  });
  const times: number[][] = questions.map(() => []);
  for (let r = 0; r < request.rounds; r++) {
    questions.forEach((q, i) => {
      const t = performance.now();
      engine.ask(q.q);
      times[i]!.push(performance.now() - t);
    });
  }
  const perQuestion = questions.map((q, i): QuestionLatency => {
    const result = engine.ask(q.q, { limit: 3 });
    const rankOf = hitRank(
      result.answers.map((a) => a.text),
      q.gold,
    );
    return { q: q.q, ...latency(times[i]!), abstained: result.abstained, hit: q.gold.length ? rankOf !== null : null };
  });
  const seedRows = questions.map((q, i) => ({ q, i })).filter(({ q }) => q.kind === 'seed');
  const answerable = seedRows.filter(({ q }) => q.gold.length > 0);
  const ranks = answerable.map(({ q }) =>
    hitRank(
      engine.ask(q.q, { limit: 3 }).answers.map((a) => a.text),
      q.gold,
    ),
  );
  const outOfScope = seedRows.filter(({ q }) => q.gold.length === 0);
  const generated = questions.filter((q) => q.kind === 'generated');
  const quality = {
    seedHit1: ranks.filter((r) => r === 1).length,
    seedHit3: ranks.filter((r) => r !== null && r <= 3).length,
    seedAnswerable: answerable.length,
    outOfScopeAbstained: outOfScope.filter(({ q }) => engine.ask(q.q).abstained).length,
    outOfScope: outOfScope.length,
    generatedHit3: generated.filter((q) => hitRank(engine.ask(q.q, { limit: 3 }).answers.map((a) => a.text), q.gold) !== null).length,
    generated: generated.length,
  };
  const askByKind: Record<string, Latency> = {};
  for (const kind of ['seed', 'generated'] as const) {
    const sample = questions.flatMap((q, i) => (q.kind === kind ? times[i]! : []));
    if (sample.length) askByKind[kind] = latency(sample);
  }

  const loadAfter = loadavg()[0]!;
  const plainFigures = measurePlain([...index.sentences.values()], questions, request);
  // Last, so that the plain index is gone and the old index is what the reload starts from.
  const reload = await measureReload(state, request);
  const { plain, plainNoStop, plainBuildMs, plainHeapMB } = plainFigures;

  return {
    phase: 'serve',
    articles: index.articles.size,
    sentences: index.sentences.size,
    fromCache: state.fromCache,
    timings: state.timings,
    processStartMs,
    firstAskMs,
    heapMB,
    rssMB,
    load: [loadBefore, loadAfter],
    questions: questions.length,
    samples: questions.length * request.rounds,
    ask: latency(times.flat()),
    askByKind,
    perQuestion,
    plain,
    plainNoStop,
    plainBuildMs,
    plainHeapMB,
    quality,
    reload,
  };
}

// Run only as the forked child (the parent imports this module's types and constants).
if (process.send) {
  const request = JSON.parse(process.argv[2] ?? '{}') as PhaseRequest;
  try {
    const report = request.phase === 'build' ? build(request) : await serve(request);
    process.send(report, () => process.exit(0));
  } catch (err) {
    console.error((err as Error).stack ?? err);
    process.exit(1);
  }
}
