/**
 * 👍 / 👎 under answers: what each answer's buttons vote on, and who has
 * voted, so each person votes once per answer. Kept in memory only, and
 * voters only as a keyed hash (HMAC-SHA-256 with a random key made at start
 * and never written anywhere), so even this memory holds no user id; nothing
 * of a voter reaches the disk. After a restart, old buttons say voting closed.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { ExpiringLru } from '../store.ts';

/** What one answer's vote buttons vote on. */
export interface VoteTarget {
  /** The server, or null in DMs (nothing is recorded there). */
  guildId: string | null;
  question: string;
  article: string | null;
  /** The quoted sentences on the voted page. */
  sentences: string[];
}

/** Options of {@link VoteBook}. */
export interface VoteBookOptions {
  /** How long an answer can be voted on, in ms. Default: 24 hours. */
  ttlMs?: number;
  /** Most answers remembered (least recently used dropped first). Default: 10 000. */
  max?: number;
  now?: () => number;
}

/** The outcome of a vote. */
export type VoteOutcome = { ok: true; target: VoteTarget } | { ok: false; why: 'expired' | 'already' };

export class VoteBook {
  private readonly answers: ExpiringLru<{ target: VoteTarget; voters: Set<string> }>;
  /** Never leaves this object. */
  private readonly key = randomBytes(32);

  constructor(options: VoteBookOptions = {}) {
    this.answers = new ExpiringLru({ ttlMs: options.ttlMs ?? 24 * 3_600_000, max: options.max ?? 10_000, now: options.now });
  }

  /** Opens voting on an answer; returns the key its buttons carry. */
  open(target: VoteTarget): string {
    return this.answers.add({ target, voters: new Set() });
  }

  /** A person's vote on an answer: accepted once, refused when they voted already or voting closed. */
  vote(answerKey: string, userId: string): VoteOutcome {
    const entry = this.answers.get(answerKey);
    if (!entry) return { ok: false, why: 'expired' };
    const voter = createHmac('sha256', this.key).update(userId).digest('base64url').slice(0, 16);
    if (entry.voters.has(voter)) return { ok: false, why: 'already' };
    entry.voters.add(voter);
    return { ok: true, target: entry.target };
  }

  clear(): void {
    this.answers.clear();
  }
}
