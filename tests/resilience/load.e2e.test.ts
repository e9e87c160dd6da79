/**
 * Load: 500 concurrent /ask interactions, five rounds, against the real bot
 * (`startBot`, a real discord.js Client) and the Discord stand-in, which
 * runs in a process of its own (standin-process.ts) so that Discord's side
 * costs the bot neither CPU nor heap.
 *
 * Every interaction must be acknowledged within Discord's 3 seconds and
 * answered (one deferral and one edit each, none lost, none twice), with an
 * answer or an abstention as the engine gives it, in English and German.
 * Reported per round: dispatch → first callback and dispatch → final answer
 * (the deferred reply edited in), p50 and p99, and the bot's heap after the
 * round settles; the heap may grow by at most 30 MB from round 2 to round 5.
 * The figures are printed and written to `$TMPDIR/beleg-load-figures.json`.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { deployCommands } from '../../src/bot/deployCommands.ts';
import { createLogger } from '../../src/bot/logger.ts';
import { REST_HANDLER_SWEEP_MS, startBot, type RunningBot } from '../../src/bot/run.ts';
import type { Engine } from '../../src/engine/engine.ts';
import { testEngine } from '../bot/fixtures.ts';
import { percentile } from './helpers.ts';
import type { FromChild, InteractionResult, ToChild } from './standin-process.ts';
import { tempDir } from '../tempDir.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHILD = fileURLToPath(new URL('./standin-process.ts', import.meta.url));
const FIGURES_PATH = join(tmpdir(), 'beleg-load-figures.json');

const ROUNDS = 5;
const PER_ROUND = 500;
/** Heap growth allowed from the end of round 2 to the end of round 5. */
const MAX_GROWTH_MB = 30;

/** English and German; answered and not. Which is which is asked of the engine itself. */
const QUESTIONS = [
  'Who succeeded Bezos?',
  'Wo werden die Daten gespeichert?',
  'What is the capital of France?',
  'Wer hat den Chefposten von Jeff Bezos übernommen?',
  'zebra committee crossing',
  'Wie hoch ist der Eiffelturm?',
  'What did the mayor say about the walrus parade?',
  'Welche Rolle spielt AWS für Amazon?',
  'Who won the 1998 World Cup?',
  'How much is the deal with the British intelligence service worth?',
  'Warum arbeitet der GCHQ mit Amazon zusammen?',
  'Was kostet ein Kilo Bananen?',
  'Who reviewed the harbour crossings?',
];

/** The garbage collector, without --expose-gc (vitest's workers do not have it): the V8 flag, set at run time. */
function collector(): (() => void) | null {
  if (typeof globalThis.gc === 'function') return globalThis.gc;
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return null;
  }
}

interface RoundFigures {
  round: number;
  interactions: number;
  wallMs: number;
  callbackP50Ms: number;
  callbackP99Ms: number;
  callbackMaxMs: number;
  answerP50Ms: number;
  answerP99Ms: number;
  answerMaxMs: number;
  heapUsedMb: number;
  usersCached: number;
  /** discord.js REST request handlers alive (one per interaction token used for an edit, until swept). */
  restHandlers: number;
}

const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;
const ms = (value: number) => Math.round(value * 10) / 10;

describe('load: 500 concurrent /ask interactions, five rounds', () => {
  let child: ChildProcess;
  let childOutput = '';
  let bot: RunningBot | undefined;
  let engine: Engine;
  let token: string;
  const messages: FromChild[] = [];
  /** The bot's log, as counts by message; only warnings and worse are kept whole. */
  const logCounts = new Map<string, number>();
  const problemLines: string[] = [];
  let linesWithToken = 0;
  let lines = 0;

  async function next<T extends FromChild['type']>(type: T, timeoutMs: number): Promise<Extract<FromChild, { type: T }>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const i = messages.findIndex((m) => m.type === type);
      if (i >= 0) return messages.splice(i, 1)[0] as Extract<FromChild, { type: T }>;
      if (child.exitCode !== null) throw new Error(`stand-in process exited (${child.exitCode}):\n${childOutput}`);
      if (Date.now() > deadline) throw new Error(`no '${type}' from the stand-in process within ${timeoutMs} ms:\n${childOutput}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  beforeAll(async () => {
    engine = testEngine();
    child = fork(CHILD, [], { cwd: ROOT, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    child.stdout!.on('data', (d: Buffer) => (childOutput += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (childOutput += d.toString()));
    child.on('message', (m: FromChild) => messages.push(m));
    const ready = await next('ready', 20_000);
    token = ready.token;
    const config = loadConfig({
      env: { DISCORD_TOKEN: ready.token, DISCORD_CLIENT_ID: ready.applicationId, DISCORD_GUILD_ID: ready.guildId, DISCORD_API_URL: ready.apiUrl, LOG_LEVEL: 'info', DATA_DIR: tempDir('beleg-data-') },
    });
    await deployCommands(config);
    const logger = createLogger({
      level: 'info',
      secrets: [ready.token],
      destination: {
        write(line: string) {
          lines++;
          if (line.includes(token)) linesWithToken++;
          const msg = /"msg":"((?:[^"\\]|\\.)*)"/.exec(line)?.[1] ?? '';
          logCounts.set(msg, (logCounts.get(msg) ?? 0) + 1);
          if (/"level":(4|5|6)0/.test(line)) problemLines.push(line);
        },
      },
    });
    // the default per-user cooldown stays on: every interaction comes from a user of its own
    bot = await startBot({ config, engine, logger });
  });

  afterAll(async () => {
    await bot?.stop();
    if (child && child.exitCode === null) {
      child.send({ type: 'stop' } satisfies ToChild);
      await Promise.race([once(child, 'exit'), new Promise((r) => setTimeout(r, 3000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it(`every one of ${ROUNDS} × ${PER_ROUND} interactions is acknowledged and answered; p50/p99 reported; heap stable`, async () => {
    const gc = collector();
    const expected = new Map(
      QUESTIONS.map((q) => {
        const result = engine.ask(q, { limit: 10 });
        return [q, result.abstained || result.answers.length === 0];
      }),
    );
    const figures: RoundFigures[] = [];
    let handledBefore = 0;

    for (let round = 1; round <= ROUNDS; round++) {
      const questions = Array.from({ length: PER_ROUND }, (_, i) => QUESTIONS[(i + round) % QUESTIONS.length]!);
      child.send({ type: 'round', round, questions, timeoutMs: 60_000 } satisfies ToChild);
      const { results, ms: wallMs, timedOut } = await next('round', 70_000);

      // none lost, none twice: one accepted deferral and one edit per interaction, the right kind of answer
      const lost = results.filter((r) => r.callbackStatuses.join() !== '204' || r.callbackType !== 5 || r.editStatuses.join() !== '200');
      expect(timedOut, describeLost(lost)).toBe(false);
      expect(lost, describeLost(lost)).toEqual([]);
      expect(new Set(results.map((r) => r.id)).size).toBe(PER_ROUND);
      for (const r of results) {
        if (expected.get(r.question)) expect(r.description, r.question).toMatch(/^\*\*Not found\.\*\*/);
        else expect(r.description, r.question).toMatch(/^> /);
      }
      // every handler has finished (logged its outcome) before the heap is read
      const handled = () => logCounts.get('interaction handled') ?? 0;
      const deadline = Date.now() + 10_000;
      while (handled() < handledBefore + PER_ROUND && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(handled() - handledBefore).toBe(PER_ROUND);
      handledBefore = handled();

      await new Promise((r) => setTimeout(r, 250));
      gc?.();
      await new Promise((r) => setTimeout(r, 50));
      gc?.();
      const callbacks = results.map((r) => r.callbackMs!);
      const answers = results.map((r) => r.editMs!);
      figures.push({
        round,
        interactions: results.length,
        wallMs: Math.round(wallMs),
        callbackP50Ms: ms(percentile(callbacks, 50)),
        callbackP99Ms: ms(percentile(callbacks, 99)),
        callbackMaxMs: ms(Math.max(...callbacks)),
        answerP50Ms: ms(percentile(answers, 50)),
        answerP99Ms: ms(percentile(answers, 99)),
        answerMaxMs: ms(Math.max(...answers)),
        heapUsedMb: mb(process.memoryUsage().heapUsed),
        usersCached: bot!.client.users.cache.size,
        restHandlers: bot!.client.rest.handlers.size,
      });
    }

    const all = (key: 'callbackP99Ms' | 'answerP99Ms') => Math.max(...figures.map((f) => f[key]));
    const growthMb = ms(figures[ROUNDS - 1]!.heapUsedMb - figures[1]!.heapUsedMb);
    const summary = {
      rounds: ROUNDS,
      perRound: PER_ROUND,
      questions: { total: QUESTIONS.length, abstentions: [...expected.values()].filter(Boolean).length },
      heapMeasuredAfter: gc ? 'forced GC (v8 --expose-gc set at run time)' : '300 ms settle (no GC available)',
      heapGrowthRound2To5Mb: growthMb,
      worstCallbackP99Ms: all('callbackP99Ms'),
      worstAnswerP99Ms: all('answerP99Ms'),
      logLines: lines,
      figures,
    };
    console.log(
      [
        `[load] ${ROUNDS} rounds × ${PER_ROUND} concurrent /ask (${QUESTIONS.length} questions, ${summary.questions.abstentions} abstentions, English and German), stand-in in its own process`,
        'round | wall ms | dispatch→callback p50 / p99 / max ms | dispatch→answer p50 / p99 / max ms | heapUsed MB | users cached | REST handlers',
        ...figures.map(
          (f) =>
            `${f.round}     | ${f.wallMs} | ${f.callbackP50Ms} / ${f.callbackP99Ms} / ${f.callbackMaxMs} | ${f.answerP50Ms} / ${f.answerP99Ms} / ${f.answerMaxMs} | ${f.heapUsedMb} | ${f.usersCached} | ${f.restHandlers}`,
        ),
        `heap growth round 2 → 5: ${growthMb} MB (${summary.heapMeasuredAfter}); figures in ${FIGURES_PATH}`,
      ].join('\n'),
    );
    writeFileSync(FIGURES_PATH, `${JSON.stringify(summary, null, 2)}\n`);

    expect(growthMb).toBeLessThan(MAX_GROWTH_MB);
    // users are not kept after their interaction (discord.js would keep every one, for good)
    expect(figures.at(-1)!.usersCached).toBeLessThanOrEqual(figures[0]!.usersCached);
    // one REST handler per answered interaction lingers until discord.js sweeps idle ones, every minute;
    // none is stuck (queued or rate limited), so the next sweep takes them all
    expect(bot!.client.rest.options.handlerSweepInterval).toBe(REST_HANDLER_SWEEP_MS);
    // discord.js counts every handler as active while its global 50-per-second window is used up: the last
    // second of answers may have used it, so look once that window has passed
    const rest = bot!.client.rest;
    while (rest.globalRemaining <= 0 && Date.now() < rest.globalReset) await new Promise((r) => setTimeout(r, 50));
    expect([...bot!.client.rest.handlers.values()].filter((h) => !h.inactive && !h.id.endsWith(':burst'))).toEqual([]);
    // Discord's window: every acknowledgement within 3 s (the stand-in refuses later ones, so none was lost above)
    expect(all('callbackP99Ms')).toBeLessThan(3000);
    // the bot never logged its token, and nothing went wrong on its side
    expect(linesWithToken).toBe(0);
    expect(problemLines).toEqual([]);
  }, 150_000);
});

function describeLost(lost: InteractionResult[]): string {
  return `${lost.length} interactions not answered exactly once, e.g.\n${lost
    .slice(0, 5)
    .map((r) => JSON.stringify({ question: r.question, callbackStatuses: r.callbackStatuses, callbackMs: r.callbackMs, editStatuses: r.editStatuses }))
    .join('\n')}`;
}
