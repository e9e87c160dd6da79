/** Small measuring helpers for the bench: percentiles, the machine, memory. */
import { cpus, freemem, platform, arch, totalmem } from 'node:os';

/** The p-th percentile (nearest rank) of a list of numbers; NaN for an empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** p50 and p99 of latencies, in ms. */
export interface Latency {
  p50: number;
  p99: number;
}

export function latency(values: readonly number[]): Latency {
  return { p50: percentile(values, 50), p99: percentile(values, 99) };
}

/** The machine a bench ran on. */
export interface Machine {
  cpu: string;
  cores: number;
  node: string;
  os: string;
  memoryGB: number;
  freeMemoryGB: number;
}

export function machine(): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    node: process.version,
    os: `${platform()} ${arch()}`,
    memoryGB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    freeMemoryGB: Math.round((freemem() / 2 ** 30) * 10) / 10,
  };
}

/** Heap in use and resident set size, in MB, after a full garbage collection when the process allows one. */
export function memory(): { heapMB: number; rssMB: number; peakRssMB: number } {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { heapMB: m.heapUsed / 2 ** 20, rssMB: m.rss / 2 ** 20, peakRssMB: process.resourceUsage().maxRSS / 1024 };
}

/** Runs `f` and returns how long it took, in ms. */
export function timed<T>(f: () => T): [T, number] {
  const t = performance.now();
  const value = f();
  return [value, performance.now() - t];
}
