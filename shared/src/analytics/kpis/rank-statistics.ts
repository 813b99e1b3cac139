/*
 * Exact order statistics. A percentile here is the nearest-rank one: the p-th percentile of n values is the
 * ⌈p·n/100⌉-th smallest, so it is always a value that occurred. The median is the 50th percentile: for an
 * even count, the lower of the two middle values.
 */

/** The 1-based rank of the p-th percentile among `count` values (p a whole percentage from 1 to 100). */
export function nearestRank(percent: number, count: number): number {
  if (!Number.isInteger(percent) || percent < 1 || percent > 100) throw new Error('A percentile is 1 to 100.');
  if (!Number.isInteger(count) || count < 1) throw new Error('A percentile needs at least one value.');
  return Math.floor((percent * count + 99) / 100);
}
