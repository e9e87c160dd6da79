/**
 * A bounded least-recently-used map whose entries expire: what a button
 * press needs (the question behind "More", the quote behind "Post to
 * channel") is kept here under a short key that fits in a `custom_id`.
 */
import { randomBytes } from 'node:crypto';

/** Options of {@link ExpiringLru}. */
export interface ExpiringLruOptions {
  /** Most entries; the least recently used is dropped beyond it. Default: 1000. */
  max?: number;
  /** Lifetime of an entry in ms. Default: 15 minutes (an interaction token's lifetime). */
  ttlMs?: number;
  /** Clock, for tests. Default: `Date.now`. */
  now?: () => number;
}

export class ExpiringLru<V> {
  private readonly entries = new Map<string, { value: V; expires: number }>();
  private readonly max: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(options: ExpiringLruOptions = {}) {
    this.max = Math.max(1, options.max ?? 1000);
    this.ttlMs = options.ttlMs ?? 15 * 60_000;
    this.now = options.now ?? Date.now;
  }

  /** Number of entries (expired ones included until they are touched or pushed out). */
  get size(): number {
    return this.entries.size;
  }

  /** Stores `value` under a new random key (10 URL-safe characters) and returns the key. */
  add(value: V): string {
    let key: string;
    do key = randomBytes(8).toString('base64url').slice(0, 10);
    while (this.entries.has(key));
    this.set(key, value);
    return key;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expires: this.now() + this.ttlMs });
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }

  /** The value, or undefined when absent or expired; a hit makes the entry most recently used. */
  get(key: string): V | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.expires <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.value;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
