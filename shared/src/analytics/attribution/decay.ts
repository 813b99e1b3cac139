/** The weight of a touch on the reference day: 2^30, so that a halving stays an exact integer for 30 half-lives. */
export const FULL_WEIGHT = 2 ** 30;

const LN2 = 0.6931471805599453;
const SERIES_TERMS = 24;

/** e^(-y) for 0 ≤ y < 0.7 by its Taylor series: additions, multiplications and divisions only. */
function expNegative(y: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k <= SERIES_TERMS; k++) {
    term = (-term * y) / k;
    sum += term;
  }
  return sum;
}

/**
 * The integer weight of a touch `ageDays` days older than the newest one, under a half-life of
 * `halfLifeDays`: `FULL_WEIGHT × 2^(−ageDays / halfLifeDays)`, rounded to an integer. Whole half-lives
 * halve exactly; the fraction of a half-life goes through a fixed series of IEEE additions,
 * multiplications and divisions (never `Math.pow` or `Math.exp`, whose last bit differs between
 * JavaScript engines), so Node, Chrome and Safari give the same weights, and so the same cents.
 *
 * @example decayWeight(0, 30) // 1_073_741_824 (2^30)
 * @example decayWeight(30, 30) // 536_870_912 (half)
 */
export function decayWeight(ageDays: number, halfLifeDays: number): number {
  if (!Number.isInteger(ageDays) || ageDays < 0)
    throw new Error('A touch age is a whole number of days, not negative.');
  if (!Number.isInteger(halfLifeDays) || halfLifeDays < 1) throw new Error('A half-life is a whole number of days.');
  const halvings = Math.floor(ageDays / halfLifeDays);
  if (halvings > 40) return 0;
  const fraction = (ageDays - halvings * halfLifeDays) / halfLifeDays;
  return Math.round((FULL_WEIGHT * expNegative(fraction * LN2)) / 2 ** halvings);
}
