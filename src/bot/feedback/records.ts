/**
 * What a server's feedback file holds, and the pure work on it: adding a
 * record within the bounds, and the moderators' view (the most frequent
 * unanswered questions and the most downvoted quotes of the last 30 days).
 *
 * A record never names a user: it holds the question as typed (Discord's
 * mention syntax already removed), the article, the quoted sentence ids and
 * the day (UTC), nothing else.
 */
import { fold } from '../../search/normalize.ts';

/** Records are kept this many days, then dropped. Default of {@link FeedbackBounds.days}. */
export const RETENTION_DAYS = 30;
/** Most records of each kind kept per server (oldest dropped first). Default of {@link FeedbackBounds.maxRecords}. */
export const MAX_RECORDS = 1000;
/** Longest question kept, in characters (the engine's own maximum). */
export const MAX_QUESTION = 500;
/** Most sentence ids kept per downvote. */
export const MAX_SENTENCES = 10;

/** A question the engine could not answer. */
export interface RefusalRecord {
  question: string;
  /** The article asked about; null for all articles. */
  article: string | null;
  /** UTC day, `YYYY-MM-DD`. */
  day: string;
}

/** An answer voted down. */
export interface DownvoteRecord {
  question: string;
  /** The article asked about; null for all articles. */
  article: string | null;
  /** Ids of the sentences the answer quoted (`article:paragraph.sentence`). */
  sentences: string[];
  vote: 'down';
  day: string;
}

/** A server's feedback file. */
export interface FeedbackFile {
  format: 1;
  /** Whether the server records at all (`/article recording`). Default: true. */
  recording: boolean;
  refusals: RefusalRecord[];
  downvotes: DownvoteRecord[];
}

/** Bounds of a feedback file. */
export interface FeedbackBounds {
  /** Days records are kept. Default: {@link RETENTION_DAYS}. */
  days?: number;
  /** Most records of each kind. Default: {@link MAX_RECORDS}. */
  maxRecords?: number;
}

/** An empty file (recording on). */
export function emptyFeedback(): FeedbackFile {
  return { format: 1, recording: true, refusals: [], downvotes: [] };
}

/** The UTC day of a time, `YYYY-MM-DD`. */
export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The first day still kept at `now` (records of earlier days are dropped). */
function firstKeptDay(now: number, days: number): string {
  return dayOf(now - (days - 1) * 86_400_000);
}

const str = (v: unknown, max: number): string | null => (typeof v === 'string' && v.length > 0 ? v.slice(0, max) : null);
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Reads a parsed feedback file defensively: anything malformed is dropped,
 * fields it does not know are not carried over (so nothing unexpected is
 * ever written back), and the bounds hold.
 */
export function sanitize(raw: unknown, now: number, bounds: FeedbackBounds = {}): FeedbackFile {
  const out = emptyFeedback();
  if (!raw || typeof raw !== 'object') return out;
  const r = raw as Record<string, unknown>;
  if (r.recording === false) out.recording = false;
  for (const e of Array.isArray(r.refusals) ? r.refusals : []) {
    const question = str(e?.question, MAX_QUESTION);
    const day = typeof e?.day === 'string' && DAY.test(e.day) ? e.day : null;
    if (question && day) out.refusals.push({ question, article: str(e.article, 200), day });
  }
  for (const e of Array.isArray(r.downvotes) ? r.downvotes : []) {
    const question = str(e?.question, MAX_QUESTION);
    const day = typeof e?.day === 'string' && DAY.test(e.day) ? e.day : null;
    const sentences = Array.isArray(e?.sentences) ? e.sentences.map((s: unknown) => str(s, 300)).filter((s: string | null): s is string => s !== null).slice(0, MAX_SENTENCES) : [];
    if (question && day && sentences.length) out.downvotes.push({ question, article: str(e.article, 200), sentences, vote: 'down', day });
  }
  return prune(out, now, bounds);
}

/** Drops records older than the retention and the oldest beyond the count. */
export function prune(file: FeedbackFile, now: number, bounds: FeedbackBounds = {}): FeedbackFile {
  const first = firstKeptDay(now, bounds.days ?? RETENTION_DAYS);
  const max = bounds.maxRecords ?? MAX_RECORDS;
  const keep = <T extends { day: string }>(list: T[]) => list.filter((e) => e.day >= first).slice(-max);
  return { ...file, refusals: keep(file.refusals), downvotes: keep(file.downvotes) };
}

/** One line of the moderators' view. */
export interface MissLine {
  count: number;
  /** The question as most recently asked. */
  question: string;
  article: string | null;
}

/** A downvoted quote of the moderators' view. */
export interface DownvotedLine {
  sentenceId: string;
  count: number;
  /** The question it answered, most recently. */
  question: string;
}

/** The moderators' view: the most frequent unanswered questions and the most downvoted quotes, each best first. */
export interface Misses {
  recording: boolean;
  unanswered: MissLine[];
  downvoted: DownvotedLine[];
}

/** A question as counted: case, accents, punctuation and spacing do not make two questions different. */
export function questionKey(question: string): string {
  return fold(question).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/**
 * The most frequent unanswered questions and the most downvoted quotes of
 * the kept days, at most `top` of each; ties go to the most recent.
 */
export function misses(file: FeedbackFile, now: number, top = 10, bounds: FeedbackBounds = {}): Misses {
  const kept = prune(file, now, bounds);
  const questions = new Map<string, MissLine & { last: number }>();
  kept.refusals.forEach((r, i) => {
    const key = `${r.article ?? ''}\u0000${questionKey(r.question)}`;
    const line = questions.get(key);
    if (line) Object.assign(line, { count: line.count + 1, question: r.question, last: i });
    else questions.set(key, { count: 1, question: r.question, article: r.article, last: i });
  });
  const quotes = new Map<string, DownvotedLine & { last: number }>();
  kept.downvotes.forEach((d, i) => {
    for (const id of new Set(d.sentences)) {
      const line = quotes.get(id);
      if (line) Object.assign(line, { count: line.count + 1, question: d.question, last: i });
      else quotes.set(id, { sentenceId: id, count: 1, question: d.question, last: i });
    }
  });
  const best = <T extends { count: number; last: number }>(list: Iterable<T>) => [...list].sort((a, b) => b.count - a.count || b.last - a.last).slice(0, top);
  return {
    recording: kept.recording,
    unanswered: best(questions.values()).map(({ count, question, article }) => ({ count, question, article })),
    downvoted: best(quotes.values()).map(({ sentenceId, count, question }) => ({ sentenceId, count, question })),
  };
}
