import * as z from 'zod';
import type { Money } from './money.js';
import { divideRounded, toSafeInteger, type RoundingMode } from './rounding.js';

/** A rate in basis points (hundredths of a percent): 10000 is 100 %, 1250 is 12.5 %. Always an integer. */
export const BasisPointsSchema = z.int().min(0);
export type BasisPoints = z.infer<typeof BasisPointsSchema>;

const BASIS_POINTS_IN_WHOLE = 10_000n;

/**
 * Converts a percentage of the program (a number with at most two decimals, such as 22.5) to basis
 * points, exactly: the only place where a percentage written as a JSON number becomes an integer.
 * Throws on a percentage with more than two decimals (the program schema refuses those).
 *
 * @example basisPointsOfPercent(22.5) // 2250
 */
export function basisPointsOfPercent(percent: number): BasisPoints {
  const scaled = Math.round(percent * 100);
  if (!Number.isSafeInteger(scaled) || scaled < 0 || Math.abs(scaled - percent * 100) > 1e-6) {
    throw new Error('A percentage must be non-negative with at most two decimals.');
  }
  return scaled;
}

/**
 * `basisPoints` of an amount, rounded to a whole minor unit with `rounding`. Exact: the product is
 * computed on integers, never in floating point.
 *
 * @example applyBasisPoints(money(33_333, 'USD'), 5000, 'floor') // { amount: 16_666, currency: 'USD' }
 */
export function applyBasisPoints(value: Money, basisPoints: BasisPoints, rounding: RoundingMode): Money {
  if (!Number.isSafeInteger(basisPoints) || basisPoints < 0)
    throw new Error('Basis points are a non-negative integer.');
  const product = BigInt(value.amount) * BigInt(basisPoints);
  return { amount: toSafeInteger(divideRounded(product, BASIS_POINTS_IN_WHOLE, rounding)), currency: value.currency };
}

/**
 * Writes basis points as a percentage a person reads, without floating point.
 *
 * @example formatBasisPoints(2250) // '22.5 %'
 * @example formatBasisPoints(5000) // '50 %'
 */
export function formatBasisPoints(basisPoints: BasisPoints): string {
  const whole = Math.trunc(basisPoints / 100);
  const fraction = String(basisPoints % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return `${whole}${fraction === '' ? '' : `.${fraction}`} %`;
}
