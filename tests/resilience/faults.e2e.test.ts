/**
 * Discord faults, injected by the local stand-in (tests/discord/standin.ts)
 * into the traffic of the real bot (`startBot`, a real discord.js Client):
 * rate limits, server errors, gateway closes, invalid sessions and an
 * interaction whose 3-second window has passed. For each, the bot keeps
 * serving (a normal /ask afterwards is answered) and logs the fault exactly
 * once; nothing else at warn level or above appears. The last test checks
 * that across all of it the bot token (and no interaction token) appears in
 * no log line and no reply.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessageFlags } from 'discord.js';
import type { APIEmbed } from 'discord-api-types/v10';
import { testEngine } from '../bot/fixtures.ts';
import { originalPath, startHarness, type Harness } from '../bot/harness.ts';
import type { DispatchedInteraction, DiscordStandIn, RecordedRequest } from '../discord/standin.ts';
import { brief, ERROR, problems, recordsSince, WARN, type LogRecord } from './helpers.ts';

const CALLBACK = '/interactions/:interaction/:token/callback';
const EDIT = '/webhooks/:application/:token/messages/:message';

/** What each fault must log, once (the bot's own wording, so a changed message fails here). */
const RATE_LIMITED = 'Discord rate limit (429): retrying after retry-after';
const RETRIED = 'Discord request succeeded after retrying (server errors or network failures)';
const CONNECTION_LOST = 'gateway connection lost; reconnecting';
const INVALIDATED = 'gateway session invalidated (op 9)';
const EXPIRED = 'interaction expired before the bot could acknowledge it (10062 Unknown interaction)';

describe('Discord faults: the bot keeps serving and logs each fault once', () => {
  let h: Harness;
  let discord: DiscordStandIn;

  beforeAll(async () => {
    h = await startHarness({ engine: testEngine(), bot: { cooldownMs: 0 } });
    discord = h.discord;
  });

  afterAll(async () => {
    await h?.stop();
  });

  /** Resolves once the bot has logged the outcome of interaction `id` (handled, failed or expired). */
  function outcomeLogged(id: string): Promise<LogRecord> {
    return discord.waitUntil(
      () =>
        h.lines
          .filter((l) => l.includes(id))
          .map((l) => JSON.parse(l) as LogRecord)
          .find((r) => r.interactionId === id && /^interaction (handled|failed|expired)/.test(r.msg)),
      8000,
      `outcome log of interaction ${id}`,
    );
  }

  /** Resolves with the first record since `mark` matching `test`. */
  function logged(mark: number, test: (r: LogRecord) => boolean, what: string, timeoutMs = 8000): Promise<LogRecord> {
    return discord.waitUntil(() => recordsSince(h.lines, mark).find(test), timeoutMs, what);
  }

  function dispatchAsk(question = 'Who succeeded Bezos?'): DispatchedInteraction {
    return discord.dispatchInteraction({ kind: 'slash', name: 'ask', options: { question }, user: discord.createUser() });
  }

  /** Waits for an already dispatched /ask to be acknowledged and answered; returns its answer's embed. */
  async function answered(sent: DispatchedInteraction): Promise<{ edit: RecordedRequest; embed: APIEmbed }> {
    const callback = await discord.waitUntil(() => discord.callbacks.find((c) => c.interactionId === sent.id && c.accepted), 8000, `accepted callback of ${sent.id}`);
    expect(callback).toMatchObject({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    const edit = await discord.waitForRequest(originalPath(discord, sent.token), { method: 'PATCH', predicate: (r) => r.status === 200, timeoutMs: 8000 });
    const embed = (edit.body as { embeds: APIEmbed[] }).embeds[0]!;
    expect(embed.description).toContain('Andy Jassy');
    await outcomeLogged(sent.id);
    return { edit, embed };
  }

  /** A normal /ask, answered: the bot is still serving. */
  async function stillServing(): Promise<void> {
    await answered(dispatchAsk());
  }

  /** Exactly these warn-or-worse records since `mark`, in this order (by message). */
  function expectProblems(mark: number, ...messages: string[]): LogRecord[] {
    const found = problems(recordsSince(h.lines, mark));
    expect(found.map((r) => r.msg), found.map(brief).join('\n')).toEqual(messages);
    return found;
  }

  const count = (mark: number, msg: string) => recordsSince(h.lines, mark).filter((r) => r.msg === msg).length;

  it('REST 429 with retry-after on the interaction callback: deferred after the wait, answered; one log line', async () => {
    const mark = h.lines.length;
    const fault = discord.failNext({ route: CALLBACK, status: 429, retryAfter: 1 });
    const sent = dispatchAsk();
    const { edit } = await answered(sent);
    expect(fault.hits).toBe(1);
    const attempts = discord.requestsTo(`/interactions/${sent.id}/:token/callback`, 'POST');
    expect(attempts.map((r) => r.status)).toEqual([429, 204]);
    expect(attempts[1]!.receivedAt - attempts[0]!.receivedAt).toBeGreaterThanOrEqual(1000);
    expect(edit.receivedAt - attempts[0]!.receivedAt).toBeGreaterThanOrEqual(1000);
    const [line] = expectProblems(mark, RATE_LIMITED);
    expect(line).toMatchObject({ level: WARN, method: 'POST', route: '/interactions/:id/:token/callback', retryAfterMs: 1000, global: false, scope: 'user' });
    await stillServing();
  });

  it('REST 429 with retry-after on the webhook edit: the answer is edited in after the wait; one log line', async () => {
    const mark = h.lines.length;
    const fault = discord.failNext({ route: EDIT, method: 'PATCH', status: 429, retryAfter: 1 });
    const sent = dispatchAsk();
    const { edit } = await answered(sent);
    expect(fault.hits).toBe(1);
    const attempts = discord.requestsTo(originalPath(discord, sent.token), 'PATCH');
    expect(attempts.map((r) => r.status)).toEqual([429, 200]);
    expect(edit.receivedAt - attempts[0]!.receivedAt).toBeGreaterThanOrEqual(1000);
    const [line] = expectProblems(mark, RATE_LIMITED);
    expect(line).toMatchObject({ method: 'PATCH', route: '/webhooks/:id/:token/messages/%40original', retryAfterMs: 1000 });
    await stillServing();
  });

  it('a single 500 on the interaction callback: discord.js retries, the answer arrives; one log line', async () => {
    const mark = h.lines.length;
    discord.failNext({ route: CALLBACK, status: 500 });
    const sent = dispatchAsk();
    await answered(sent);
    expect(discord.requestsTo(`/interactions/${sent.id}/:token/callback`, 'POST').map((r) => r.status)).toEqual([500, 204]);
    const [line] = expectProblems(mark, RETRIED);
    expect(line).toMatchObject({ method: 'POST', route: '/interactions/:id/:token/callback', status: 204, retries: 1 });
    await stillServing();
  });

  it('500 on the callback and on every retry: no crash, one error line, the user gets the error id privately', async () => {
    const mark = h.lines.length;
    // discord.js tries a request once and retries a 5xx 3 times
    const fault = discord.failNext({ route: CALLBACK, status: 500, count: 4 });
    const sent = dispatchAsk();
    const reply = await discord.waitUntil(() => discord.callbacks.find((c) => c.interactionId === sent.id && c.accepted), 8000, 'error reply');
    expect(fault.remaining).toBe(0);
    expect(discord.requestsTo(`/interactions/${sent.id}/:token/callback`, 'POST').map((r) => r.status)).toEqual([500, 500, 500, 500, 204]);
    expect(reply).toMatchObject({ type: 4, data: { flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } } });
    const errorId = /error id `([0-9a-f]{8})`/.exec(reply.data.content)?.[1];
    expect(errorId).toBeDefined();
    await outcomeLogged(sent.id);
    const [line] = expectProblems(mark, `interaction failed (error id ${errorId})`);
    expect(line).toMatchObject({ level: ERROR, interactionId: sent.id, errorId, err: { status: 500, method: 'POST' } });
    expect((line!.err as { url: string }).url).toContain(`/interactions/${sent.id}/[token]/callback`);
    await stillServing();
  });

  it('gateway close 4000 then RESUME: an interaction sent during the outage and one after the resume are both answered; one log line', async () => {
    const mark = h.lines.length;
    const before = discord.shards()[0]!;
    await discord.closeGateway(0, 4000);
    // buffered in the session while the bot is away, replayed on RESUME
    const during = dispatchAsk();
    const shard = await discord.waitUntil(() => discord.shards().find((s) => s.connected && s.resumes === before.resumes + 1), 8000, 'resumed shard 0');
    expect(shard.sessionId).toBe(before.sessionId);
    await logged(mark, (r) => r.msg === 'shard resumed', 'shard resumed log');
    await answered(during);
    await stillServing();
    const [line] = expectProblems(mark, CONNECTION_LOST);
    expect(line).toMatchObject({ shardId: 0, code: 4000 });
    expect(count(mark, 'shard resumed')).toBe(1);
  });

  it('gateway network drop (no close frame) then RESUME: keeps serving; one log line', async () => {
    const mark = h.lines.length;
    const before = discord.shards()[0]!;
    await discord.closeGateway(0);
    const shard = await discord.waitUntil(() => discord.shards().find((s) => s.connected && s.resumes === before.resumes + 1), 8000, 'resumed shard 0');
    expect(shard.sessionId).toBe(before.sessionId);
    await logged(mark, (r) => r.msg === 'shard resumed', 'shard resumed log');
    await stillServing();
    const [line] = expectProblems(mark, CONNECTION_LOST);
    expect(line).toMatchObject({ shardId: 0, code: 1006 });
    expect(count(mark, 'shard resumed')).toBe(1);
  });

  it('invalid session, resumable (op 9, d:true): the bot RESUMEs on the same connection and keeps serving; one log line', async () => {
    const mark = h.lines.length;
    const before = discord.shards()[0]!;
    discord.invalidateSession(0, true);
    const shard = await discord.waitUntil(() => discord.shards().find((s) => s.connected && s.resumes === before.resumes + 1), 8000, 'resumed shard 0');
    expect(shard).toMatchObject({ sessionId: before.sessionId, path: before.path });
    await logged(mark, (r) => r.msg === 'shard resumed', 'shard resumed log');
    await stillServing();
    const [line] = expectProblems(mark, INVALIDATED);
    expect(line).toMatchObject({ shardId: 0, resumable: true });
    expect(count(mark, 'shard resumed')).toBe(1);
  });

  it('an interaction whose 3-second window has passed (10062): one log line, no second attempt, the next one is served', async () => {
    const mark = h.lines.length;
    const sent = dispatchAsk();
    // the bot cannot have read the frame yet (same event loop): its callback will be late
    discord.expireInteraction(sent.id);
    expect(await sent.waitForCallback()).toMatchObject({ status: 404, accepted: false, response: { code: 10062, message: 'Unknown interaction' } });
    await outcomeLogged(sent.id);
    await stillServing();
    const [line] = expectProblems(mark, EXPIRED);
    expect(line).toMatchObject({ level: WARN, interactionId: sent.id, code: 10062 });
    // the interaction is gone: the bot did not try to tell the user through it
    expect(discord.requests.filter((r) => r.path.includes(sent.id) || r.path.includes(sent.token))).toHaveLength(1);
  });

  it('invalid session, not resumable (op 9, d:false): the bot identifies again and keeps serving; one log line', async () => {
    const mark = h.lines.length;
    const before = discord.shards()[0]!;
    discord.invalidateSession(0, false);
    // discord.js spaces identifies 5 s apart (since the first one at start-up)
    const shard = await discord.waitUntil(() => discord.shards().find((s) => s.connected && s.sessionId !== before.sessionId), 10_000, 'a new session on shard 0');
    expect(shard.shardId).toBe(0);
    await logged(mark, (r) => r.msg === 'shard ready', 'shard ready log', 10_000);
    await stillServing();
    const [line] = expectProblems(mark, INVALIDATED);
    expect(line).toMatchObject({ shardId: 0, resumable: false });
    expect(recordsSince(h.lines, mark).filter((r) => r.msg === 'shard reconnecting')).toMatchObject([{ shardId: 0, code: 1000 }]);
  });

  it('across every fault: no token in any log line or reply, no unexpected API call', () => {
    // the token was in use (so its absence from the logs means something)
    expect(discord.requestsTo('/gateway/bot', 'GET')[0]?.headers.authorization).toBe(`Bot ${discord.token}`);
    const everything = h.lines.join('\n');
    expect(everything.length).toBeGreaterThan(0);
    expect(everything).not.toContain(discord.token);
    for (const part of discord.token.split('.').filter((p) => p.length >= 20)) expect(everything).not.toContain(part);
    const interactionTokens = new Set(discord.callbacks.map((c) => c.token));
    expect(interactionTokens.size).toBeGreaterThan(10);
    for (const token of interactionTokens) expect(everything).not.toContain(token);
    // nothing the bot sent to Discord (answers, error replies) carries the bot token
    for (const r of discord.requests) expect(JSON.stringify(r.body ?? null)).not.toContain(discord.token);
    discord.assertNoUnexpectedRequests();
  });
});
