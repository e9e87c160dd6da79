/** The bot's operational parts: logs without secrets, the cooldown, the expiring state store, error ids. */
import { describe, expect, it } from 'vitest';
import { Cooldown } from '../../src/bot/cooldown.ts';
import { errorMessage, newErrorId } from '../../src/bot/errors.ts';
import { cooldownMessage } from '../../src/bot/interactions.ts';
import { createLogger, scrubUrl } from '../../src/bot/logger.ts';
import { ExpiringLru } from '../../src/bot/store.ts';

const TOKEN = 'MTQzMTA4ODE5MDAzNDQxNTYxNw.5wovjg.C3laIksiOEBdEtQ5rk5iuOiCchKVrirDdlUvjw';

function capture() {
  const lines: string[] = [];
  const logger = createLogger({ level: 'debug', secrets: [TOKEN], destination: { write: (l: string) => lines.push(l) } });
  return { logger, lines };
}

describe('logger', () => {
  it('never writes the token: not by path, not in messages, not in errors', () => {
    const { logger, lines } = capture();
    logger.info({ token: TOKEN, discord: { token: TOKEN }, config: { discord: { token: TOKEN, clientId: '1' } }, headers: { authorization: `Bot ${TOKEN}` } }, `token is ${TOKEN}`);
    logger.error({ err: new Error(`login failed for ${TOKEN}`) }, 'failed');
    logger.warn({ nested: { deeper: { text: `x${TOKEN}y` } } }, 'nested');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).not.toContain(TOKEN);
    expect(JSON.parse(lines[0]!)).toMatchObject({ token: '[redacted]', msg: 'token is [redacted]' });
  });

  it('removes interaction tokens from API URLs in errors', () => {
    const { logger, lines } = capture();
    const err = Object.assign(new Error('Unknown interaction'), { url: 'http://x/api/v10/interactions/123/aW50ZXJhY3Rpb24secret/callback', method: 'POST', code: 10062, status: 404 });
    logger.error({ err }, 'failed');
    const rec = JSON.parse(lines[0]!);
    expect(rec.err).toMatchObject({ url: 'http://x/api/v10/interactions/123/[token]/callback', code: 10062, status: 404, method: 'POST' });
    expect(lines[0]).not.toContain('aW50ZXJhY3Rpb24secret');
    expect(scrubUrl('/webhooks/1/abc.def/messages/@original')).toBe('/webhooks/1/[token]/messages/@original');
  });

  it('writes structured JSON lines at the configured level', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'warn', destination: { write: (l: string) => lines.push(l) } });
    logger.info('hidden');
    logger.warn({ shardId: 1 }, 'shown');
    expect(lines.map((l) => JSON.parse(l))).toMatchObject([{ level: 40, shardId: 1, msg: 'shown', app: 'beleg' }]);
  });
});

describe('cooldown', () => {
  it('lets a user go once per period and says how long to wait', () => {
    let now = 1000;
    const c = new Cooldown({ ms: 3000, now: () => now });
    expect(c.take('a')).toBe(0);
    now += 1000;
    expect(c.take('a')).toBe(2000);
    expect(c.take('b')).toBe(0);
    now += 2000;
    expect(c.take('a')).toBe(0);
  });

  it('is off with 0, and stays bounded with many users', () => {
    expect(new Cooldown({ ms: 0 }).take('a')).toBe(0);
    let now = 0;
    const c = new Cooldown({ ms: 10, now: () => now, maxUsers: 100 });
    for (let i = 0; i < 1000; i++) {
      now++;
      c.take(String(i));
    }
    expect((c as unknown as { last: Map<string, number> }).last.size).toBeLessThanOrEqual(100);
  });

  it('answers in whole seconds', () => {
    expect(cooldownMessage(2100)).toBe('Easy there! I can take your next question in 3 seconds.');
    expect(cooldownMessage(300)).toBe('Easy there! I can take your next question in 1 second.');
  });
});

describe('expiring LRU', () => {
  it('expires entries and drops the least recently used beyond its size', () => {
    let now = 0;
    const lru = new ExpiringLru<number>({ max: 2, ttlMs: 100, now: () => now });
    const a = lru.add(1);
    const b = lru.add(2);
    expect(a).toMatch(/^[\w-]{10}$/);
    expect(lru.get(a)).toBe(1); // a is now most recent
    lru.add(3); // drops b
    expect(lru.get(b)).toBeUndefined();
    expect(lru.get(a)).toBe(1);
    now = 200;
    expect(lru.get(a)).toBeUndefined();
    expect(lru.size).toBeLessThanOrEqual(2);
  });
});

describe('error ids', () => {
  it('are short, random, and named in the user message', () => {
    const ids = new Set(Array.from({ length: 100 }, newErrorId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}$/);
    expect(errorMessage('abcd1234')).toContain('`abcd1234`');
  });
});
