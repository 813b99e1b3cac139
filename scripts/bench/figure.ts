/**
 * One measured figure: what was measured, its value and unit, and, when a peer implementation ran
 * the same workload in the same run, the peer's value and the ratio ours / peer (for throughput) or
 * peer / ours (for latency and time), so that a ratio above 1 always means Conduit is ahead.
 */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  peer?: string;
  peerValue?: number;
  ratio?: number;
}

/** Units where more is better; for every other unit (ms, MiB, s) less is better. */
const HIGHER_IS_BETTER = /\/s$|^hit@|^ratio$|^%$/;

/** A figure compared with a peer's value on the same workload. */
export function comparedFigure(name: string, unit: string, value: number, peer: string, peerValue: number): Figure {
  const ratio = HIGHER_IS_BETTER.test(unit) ? value / peerValue : peerValue / value;
  return { name, value, unit, peer, peerValue, ratio };
}

/** The document `npm run bench -- --json` prints. */
export interface BenchmarkReport {
  figures: Figure[];
}
