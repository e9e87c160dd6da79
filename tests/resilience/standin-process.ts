/**
 * The Discord stand-in in a process of its own, for the load test: Discord's
 * side of the traffic then runs on its own CPU and heap, as it does in
 * production, so the bot's latency and memory are measured without it.
 * Started by load.e2e.test.ts with `fork` (under tsx) and driven over IPC:
 *
 *   → { type: 'ready', token, applicationId, guildId, apiUrl }   once listening
 *   ← { type: 'round', round, questions }    dispatch one /ask per question at once, each from a new user
 *   → { type: 'round', round, results, ms }  when every one has its callback and edit (or after `timeoutMs`)
 *   ← { type: 'stop' }                       stops and exits
 */
import { DiscordStandIn, type RecordedRequest } from '../discord/standin.ts';

/** What the stand-in saw of one interaction. */
export interface InteractionResult {
  id: string;
  question: string;
  /** Dispatch → first callback, ms (null: none). */
  callbackMs: number | null;
  /** Statuses of every callback attempt. */
  callbackStatuses: number[];
  callbackType: number | null;
  /** Dispatch → the deferred reply edited in (first 200 answer), ms (null: none). */
  editMs: number | null;
  /** Statuses of every edit of the original response. */
  editStatuses: number[];
  /** The answer's embed description (first 300 characters). */
  description: string | null;
}

export type ToChild = { type: 'round'; round: number; questions: string[]; timeoutMs: number } | { type: 'stop' };
export type FromChild =
  | { type: 'ready'; token: string; applicationId: string; guildId: string; apiUrl: string }
  | { type: 'round'; round: number; results: InteractionResult[]; ms: number; timedOut: boolean };

const send = (message: FromChild) => process.send!(message);

const discord = new DiscordStandIn({ heartbeatIntervalMs: 5000 });
await discord.start();
send({ type: 'ready', token: discord.token, applicationId: discord.applicationId, guildId: discord.guildId, apiUrl: discord.apiUrl });

const EDIT = /^\/webhooks\/\d+\/([^/]+)\/messages\/@original$/;

async function round(questions: string[], timeoutMs: number): Promise<{ results: InteractionResult[]; ms: number; timedOut: boolean }> {
  const started = performance.now();
  const firstCallback = discord.callbacks.length;
  let scanned = discord.requests.length;
  const sent = questions.map((question) => ({
    question,
    sent: discord.dispatchInteraction({ kind: 'slash', name: 'ask', options: { question }, user: discord.createUser() }),
  }));
  const byId = new Map(sent.map((s) => [s.sent.id, s]));
  const byToken = new Map(sent.map((s) => [s.sent.token, s]));
  const callbacks = new Map<string, { statuses: number[]; firstMs: number; type: number | null }>();
  const edits = new Map<string, { statuses: number[]; okMs: number | null; description: string | null }>();
  const inFlight: RecordedRequest[] = [];
  let seenCallbacks = firstCallback;
  let done = 0;

  const check = (): true | undefined => {
    for (; seenCallbacks < discord.callbacks.length; seenCallbacks++) {
      const cb = discord.callbacks[seenCallbacks]!;
      if (!byId.has(cb.interactionId)) continue;
      const entry = callbacks.get(cb.interactionId) ?? { statuses: [], firstMs: cb.latencyMs, type: null };
      entry.statuses.push(cb.status);
      if (cb.accepted) entry.type = cb.type;
      callbacks.set(cb.interactionId, entry);
    }
    for (; scanned < discord.requests.length; scanned++) {
      const r = discord.requests[scanned]!;
      if (r.method === 'PATCH' && EDIT.test(r.path)) inFlight.push(r);
      // callbacks answered by the stand-in's routes are in discord.callbacks; anything else answered 429/5xx/drop would be a fault: none are injected here
    }
    for (let i = inFlight.length - 1; i >= 0; i--) {
      const r = inFlight[i]!;
      if (r.status === 0) continue;
      inFlight.splice(i, 1);
      const s = byToken.get(EDIT.exec(r.path)![1]!);
      if (!s) continue;
      const entry = edits.get(s.sent.id) ?? { statuses: [], okMs: null, description: null };
      entry.statuses.push(r.status);
      if (r.status === 200 && entry.okMs === null) {
        entry.okMs = r.receivedAt - s.sent.dispatchedAt;
        entry.description = ((r.body as { embeds?: { description?: string }[] }).embeds?.[0]?.description ?? '').slice(0, 300);
        done++;
      }
      edits.set(s.sent.id, entry);
    }
    return done === sent.length ? true : undefined;
  };

  let timedOut = false;
  await discord.waitUntil(check, timeoutMs, 'every interaction answered').catch(() => (timedOut = true));
  const results = sent.map(({ question, sent: s }): InteractionResult => {
    const cb = callbacks.get(s.id);
    const edit = edits.get(s.id);
    return {
      id: s.id,
      question,
      callbackMs: cb?.firstMs ?? null,
      callbackStatuses: cb?.statuses ?? [],
      callbackType: cb?.type ?? null,
      editMs: edit?.okMs ?? null,
      editStatuses: edit?.statuses ?? [],
      description: edit?.description ?? null,
    };
  });
  return { results, ms: performance.now() - started, timedOut };
}

process.on('message', (message: ToChild) => {
  if (message.type === 'stop') {
    void discord.stop().then(() => process.exit(0));
    return;
  }
  void round(message.questions, message.timeoutMs).then((r) => send({ type: 'round', round: message.round, ...r }));
});
process.on('disconnect', () => void discord.stop().then(() => process.exit(0)));
