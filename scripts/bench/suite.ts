import type { Figure } from './figure.js';

/** A group of benchmarks for one capability; each issue with a speed target adds one. */
export interface BenchmarkSuite {
  name: string;
  /** Runs the workload (and its peer, if any, in the same process) and returns the figures. */
  run(log: (line: string) => void): Promise<Figure[]>;
}
