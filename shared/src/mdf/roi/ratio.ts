import * as z from 'zod';
import { divideRounded } from '../../money/rounding.js';

/**
 * An exact ratio of two integers, in lowest terms with a positive denominator: how ROI figures are
 * carried, so that "3.5 dollars of pipeline per MDF dollar" is `{ numerator: 7, denominator: 2 }`, never a float.
 */
export const RoiRatioSchema = z.strictObject({ numerator: z.int(), denominator: z.int().min(1) });
export type RoiRatio = z.infer<typeof RoiRatioSchema>;

function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/**
 * The ratio `numerator / denominator` in lowest terms; `null` when the denominator is zero (no MDF paid:
 * no return to speak of).
 *
 * @example roiRatio(700, 200) // { numerator: 7, denominator: 2 }
 */
export function roiRatio(numerator: number, denominator: number): RoiRatio | null {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator))
    throw new Error('Ratios are of safe integers.');
  if (denominator === 0) return null;
  const sign = denominator < 0 ? -1n : 1n;
  const divisor = gcd(BigInt(numerator), BigInt(denominator)) || 1n;
  return {
    numerator: Number((BigInt(numerator) * sign) / divisor),
    denominator: Number((BigInt(denominator) * sign) / divisor),
  };
}

/**
 * Writes a ratio as a decimal with `decimals` places, rounded half to even, exactly.
 *
 * @example formatRoiRatio({ numerator: 7, denominator: 3 }) // '2.33'
 */
export function formatRoiRatio(ratio: RoiRatio, decimals = 2): string {
  const scale = 10n ** BigInt(decimals);
  const scaled = divideRounded(BigInt(ratio.numerator) * scale, BigInt(ratio.denominator), 'half_even');
  const sign = scaled < 0n ? '-' : '';
  const digits = (scaled < 0n ? -scaled : scaled).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  return decimals === 0 ? `${sign}${whole}` : `${sign}${whole}.${digits.slice(digits.length - decimals)}`;
}
