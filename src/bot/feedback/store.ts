/**
 * Each server's feedback file, `DATA_DIR/guilds/GUILD_ID/feedback.json`:
 * the questions Beleg could not answer and the answers voted down (see
 * `records.ts` for what a record holds: never a user). Writes are atomic
 * (a temporary file, flushed, then renamed over the old one) and one at a
 * time per server; changes that arrive while a server's file is being
 * written are applied together in the next write, so a burst of refusals
 * costs a few writes, not one each. A file that cannot be read is logged
 * and started afresh.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAtomically } from '../../storage/atomic.ts';
import type { Logger } from '../logger.ts';
import { dayOf, type DownvoteRecord, emptyFeedback, type FeedbackBounds, type FeedbackFile, MAX_QUESTION, MAX_SENTENCES, type Misses, misses, prune, sanitize } from './records.ts';

/** A Discord id: only these name a server's folder. */
const SNOWFLAKE = /^\d{15,21}$/;

/** Options of {@link FeedbackStore}. */
export interface FeedbackStoreOptions extends FeedbackBounds {
  /** The data directory (`DATA_DIR`). */
  dir: string;
  logger?: Logger;
  /** Clock, for tests. Default: `Date.now`. */
  now?: () => number;
}

export class FeedbackStore {
  private readonly dir: string;
  private readonly bounds: FeedbackBounds;
  private readonly logger: Logger | undefined;
  private readonly now: () => number;
  /** Each server's changes waiting for the next write, and the write under way. */
  private readonly queues = new Map<string, { changes: PendingChange[]; running: Promise<void> }>();
  /** Files written so far (for diagnostics and tests). */
  writes = 0;
  /** Servers known to have switched recording off (most recently used last; bounded). */
  private readonly recordingCache = new Map<string, boolean>();

  constructor(options: FeedbackStoreOptions) {
    this.dir = options.dir;
    this.bounds = { days: options.days, maxRecords: options.maxRecords };
    this.logger = options.logger;
    this.now = options.now ?? Date.now;
  }

  /** The file of a server; null for anything that is not a server id. */
  fileOf(guildId: string): string | null {
    return SNOWFLAKE.test(guildId) ? join(this.dir, 'guilds', guildId, 'feedback.json') : null;
  }

  /** Whether a server records (default: yes). */
  async isRecording(guildId: string): Promise<boolean> {
    const cached = this.recordingCache.get(guildId);
    if (cached !== undefined) return cached;
    const file = await this.read(guildId);
    this.remember(guildId, file.recording);
    return file.recording;
  }

  /** Records a question the engine could not answer (when the server records). */
  recordRefusal(guildId: string, question: string, article: string | null): Promise<boolean> {
    return this.update(guildId, (file) => {
      if (!file.recording) return false;
      file.refusals.push({ question: question.slice(0, MAX_QUESTION), article, day: dayOf(this.now()) });
      return true;
    });
  }

  /** Records an answer voted down (when the server records). */
  recordDownvote(guildId: string, question: string, article: string | null, sentences: readonly string[]): Promise<boolean> {
    return this.update(guildId, (file) => {
      if (!file.recording || sentences.length === 0) return false;
      const record: DownvoteRecord = { question: question.slice(0, MAX_QUESTION), article, sentences: sentences.slice(0, MAX_SENTENCES), vote: 'down', day: dayOf(this.now()) };
      file.downvotes.push(record);
      return true;
    });
  }

  /** Switches recording on or off; off also deletes what was recorded. */
  setRecording(guildId: string, on: boolean): Promise<boolean> {
    return this.update(guildId, (file) => {
      file.recording = on;
      if (!on) {
        file.refusals = [];
        file.downvotes = [];
      }
      return true;
    });
  }

  /** The moderators' view of a server (see {@link misses}). */
  async misses(guildId: string, top = 10): Promise<Misses> {
    await this.queues.get(guildId)?.running;
    return misses(await this.read(guildId), this.now(), top, this.bounds);
  }

  /** Waits for every pending write (for shutdown and tests). */
  async flush(): Promise<void> {
    while (this.queues.size) await Promise.all([...this.queues.values()].map((q) => q.running));
  }

  private remember(guildId: string, recording: boolean): void {
    this.recordingCache.delete(guildId);
    this.recordingCache.set(guildId, recording);
    if (this.recordingCache.size > 10_000) this.recordingCache.delete(this.recordingCache.keys().next().value!);
  }

  private async read(guildId: string): Promise<FeedbackFile> {
    const path = this.fileOf(guildId);
    if (!path) return emptyFeedback();
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') this.logger?.warn({ err, guildId }, 'could not read the feedback file; starting afresh');
      return emptyFeedback();
    }
    try {
      return sanitize(JSON.parse(text), this.now(), this.bounds);
    } catch (err) {
      this.logger?.warn({ err, guildId }, 'the feedback file is not valid JSON; starting afresh');
      return emptyFeedback();
    }
  }

  /**
   * Applies `change` to a server's file (it returns whether it changed
   * anything) and writes the file; resolves once written. One write at a
   * time per server; changes that arrive meanwhile share the next one.
   */
  private update(guildId: string, change: (file: FeedbackFile) => boolean): Promise<boolean> {
    const path = this.fileOf(guildId);
    if (!path) return Promise.resolve(false);
    return new Promise<boolean>((resolve, reject) => {
      const queue = this.queues.get(guildId);
      if (queue) {
        queue.changes.push({ change, resolve, reject });
        return;
      }
      const fresh = { changes: [{ change, resolve, reject }], running: Promise.resolve() };
      this.queues.set(guildId, fresh);
      fresh.running = this.drain(guildId, path, fresh.changes);
    });
  }

  /** Writes a server's waiting changes, a batch per write, until none wait. */
  private async drain(guildId: string, path: string, changes: PendingChange[]): Promise<void> {
    // let the changes of this turn of the event loop join the first batch
    await new Promise((r) => setImmediate(r));
    while (changes.length) {
      const batch = changes.splice(0);
      try {
        const file = await this.read(guildId);
        const changed = batch.map((c) => c.change(file));
        if (changed.some(Boolean)) {
          const pruned = prune(file, this.now(), this.bounds);
          await writeAtomically(path, `${JSON.stringify(pruned, null, 1)}\n`);
          this.writes++;
          this.remember(guildId, pruned.recording);
        }
        batch.forEach((c, i) => c.resolve(changed[i]!));
      } catch (err) {
        for (const c of batch) c.reject(err);
      }
    }
    this.queues.delete(guildId);
  }
}

/** A change waiting for a server's next write. */
interface PendingChange {
  change: (file: FeedbackFile) => boolean;
  resolve: (changed: boolean) => void;
  reject: (err: unknown) => void;
}
