import { performance } from 'node:perf_hooks';

/** Timing of repeated runs of one operation. */
export interface Timing {
  runs: number;
  totalMs: number;
  opsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

export interface MeasureOptions {
  /** Keep running until this much time has passed… */
  minTimeMs?: number;
  /** …and at least this many runs were timed. */
  minRuns?: number;
  /** Untimed runs first, so the JIT has settled. */
  warmupRuns?: number;
}

function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

/**
 * Times `operation` one call at a time: throughput and latency percentiles. For operations under a
 * microsecond, time a batch inside `operation` and divide, or the timer's resolution dominates.
 */
export function measure(operation: () => unknown, options: MeasureOptions = {}): Timing {
  const { minTimeMs = 1000, minRuns = 20, warmupRuns = 5 } = options;
  for (let run = 0; run < warmupRuns; run++) operation();
  const durations: number[] = [];
  const started = performance.now();
  while (durations.length < minRuns || performance.now() - started < minTimeMs) {
    const before = performance.now();
    operation();
    durations.push(performance.now() - before);
  }
  const totalMs = durations.reduce((sum, duration) => sum + duration, 0);
  const sorted = [...durations].sort((a, b) => a - b);
  return {
    runs: durations.length,
    totalMs,
    opsPerSecond: (durations.length / totalMs) * 1000,
    p50Ms: percentile(sorted, 0.5),
    p95Ms: percentile(sorted, 0.95),
    p99Ms: percentile(sorted, 0.99),
  };
}
