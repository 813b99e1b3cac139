import * as z from 'zod';

/**
 * How a division that does not come out even is rounded to a whole minor unit:
 * - `floor`: toward negative infinity (the payee never receives a fraction it did not earn);
 * - `ceiling`: toward positive infinity;
 * - `half_even`: to the nearest, ties to the even neighbour (banker's rounding, unbiased over many sums);
 * - `half_up`: to the nearest, ties away from zero;
 * - `half_down`: to the nearest, ties toward zero.
 */
export const RoundingModeSchema = z.enum(['floor', 'ceiling', 'half_even', 'half_up', 'half_down']);
export type RoundingMode = z.infer<typeof RoundingModeSchema>;

/**
 * Divides two integers exactly and rounds the quotient with `mode`. Works on `bigint` so that
 * products of amounts and rates never lose precision.
 *
 * @example divideRounded(5n, 2n, 'half_even') // 2n
 * @example divideRounded(-7n, 2n, 'floor') // -4n
 */
export function divideRounded(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (denominator === 0n) throw new Error('Cannot divide by zero.');
  const [top, bottom] = denominator < 0n ? [-numerator, -denominator] : [numerator, denominator];
  const truncated = top / bottom;
  const floored = top % bottom !== 0n && top < 0n ? truncated - 1n : truncated;
  const remainder = top - floored * bottom;
  if (remainder === 0n) return floored;
  const twice = remainder * 2n;
  switch (mode) {
    case 'floor':
      return floored;
    case 'ceiling':
      return floored + 1n;
    case 'half_even':
      if (twice !== bottom) return twice < bottom ? floored : floored + 1n;
      return floored % 2n === 0n ? floored : floored + 1n;
    case 'half_up':
      if (twice !== bottom) return twice < bottom ? floored : floored + 1n;
      return top > 0n ? floored + 1n : floored;
    case 'half_down':
      if (twice !== bottom) return twice < bottom ? floored : floored + 1n;
      return top > 0n ? floored : floored + 1n;
  }
}

/** Converts a `bigint` that must fit in a safe integer back to a number; a larger one is a bug. */
export function toSafeInteger(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new Error('Money amount exceeds the safe integer range.');
  }
  return Number(value);
}
