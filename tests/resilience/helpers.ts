/** Shared by the resilience tests: percentiles, and reading the bot's captured log lines. */

/** The `p`-th percentile (0–100) of `values`, nearest-rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

export type LogRecord = Record<string, unknown> & { level: number; msg: string };

/** Parsed log records from `lines`, starting at index `from`. */
export function recordsSince(lines: readonly string[], from: number): LogRecord[] {
  return lines.slice(from).map((l) => JSON.parse(l) as LogRecord);
}

/** pino levels. */
export const WARN = 40;
export const ERROR = 50;

/** Records at warn level or above that are not routine. */
export function problems(records: readonly LogRecord[]): LogRecord[] {
  return records.filter((r) => r.level >= WARN);
}

/** One-line summary of a record for assertion messages. */
export function brief(r: LogRecord): string {
  const { level, msg, code, route, status, shardId, resumable, interactionId } = r;
  return JSON.stringify({ level, msg, code, route, status, shardId, resumable, interactionId });
}
