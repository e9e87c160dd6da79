/** A per-user cooldown: one command per user per period. */

/** Default cooldown between two commands of one user, in ms. */
export const DEFAULT_COOLDOWN_MS = 3000;

/** Options of {@link Cooldown}. */
export interface CooldownOptions {
  /** Period in ms; 0 turns the cooldown off. Default: {@link DEFAULT_COOLDOWN_MS}. */
  ms?: number;
  /** Clock, for tests. Default: `Date.now`. */
  now?: () => number;
  /** Users remembered at most; older entries (already expired) are dropped first. Default: 10 000. */
  maxUsers?: number;
}

export class Cooldown {
  readonly ms: number;
  private readonly now: () => number;
  private readonly maxUsers: number;
  private readonly last = new Map<string, number>();

  constructor(options: CooldownOptions = {}) {
    this.ms = Math.max(0, options.ms ?? DEFAULT_COOLDOWN_MS);
    this.now = options.now ?? Date.now;
    this.maxUsers = options.maxUsers ?? 10_000;
  }

  /**
   * Takes a turn for `userId`: returns 0 and starts the period when the user
   * may go ahead, or the ms left to wait (and changes nothing) when not.
   */
  take(userId: string): number {
    if (this.ms === 0) return 0;
    const now = this.now();
    const since = this.last.get(userId);
    if (since !== undefined && now - since < this.ms) return this.ms - (now - since);
    this.last.delete(userId);
    this.last.set(userId, now);
    if (this.last.size > this.maxUsers) this.prune(now);
    return 0;
  }

  /** Drops users whose period is over; if still too many, the oldest. */
  private prune(now: number): void {
    for (const [id, at] of this.last) if (now - at >= this.ms) this.last.delete(id);
    while (this.last.size > this.maxUsers) this.last.delete(this.last.keys().next().value!);
  }
}
