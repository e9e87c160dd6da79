/**
 * Each server's feedback file, `DATA_DIR/guilds/GUILD_ID/feedback.json`:
 * the questions Beleg could not answer and the answers voted down (see
 * `records.ts` for what a record holds: never a user). Writes are atomic
 * (a temporary file, flushed, then renamed over the old one) and one at a
 * time per server; a file that cannot be read is logged and started afresh.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
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
  /** Each server's pending writes, in order. */
  private readonly queues = new Map<string, Promise<unknown>>();
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
    await this.queues.get(guildId);
    return misses(await this.read(guildId), this.now(), top, this.bounds);
  }

  /** Waits for every pending write (for shutdown and tests). */
  async flush(): Promise<void> {
    await Promise.all([...this.queues.values()]);
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

  /** Reads, changes (when `change` returns true) and writes a server's file, one change at a time per server. */
  private update(guildId: string, change: (file: FeedbackFile) => boolean): Promise<boolean> {
    const path = this.fileOf(guildId);
    if (!path) return Promise.resolve(false);
    const previous = this.queues.get(guildId) ?? Promise.resolve();
    const next = previous.then(async () => {
      const file = await this.read(guildId);
      if (!change(file)) return false;
      const pruned = prune(file, this.now(), this.bounds);
      await writeAtomically(path, `${JSON.stringify(pruned, null, 1)}\n`);
      this.remember(guildId, pruned.recording);
      return true;
    });
    const settled = next.catch(() => undefined);
    this.queues.set(guildId, settled);
    void settled.then(() => {
      if (this.queues.get(guildId) === settled) this.queues.delete(guildId);
    });
    return next;
  }
}

/** Writes `text` to `path` atomically: a temporary file beside it, flushed to disk, renamed over the old one. */
export async function writeAtomically(path: string, text: string): Promise<void> {
  const dir = join(path, '..');
  await mkdir(dir, { recursive: true });
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const handle = await open(tmp, 'w', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
}
