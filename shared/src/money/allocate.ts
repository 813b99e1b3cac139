import type { Money } from './money.js';
import { toSafeInteger } from './rounding.js';

/**
 * Splits a total into parts proportional to integer `ratios`, so that the parts always sum to the
 * total exactly (the largest-remainder method):
 * 1. each part first gets the whole minor units of its exact share, `total × ratio / Σ ratios`, rounded
 *    toward zero;
 * 2. the minor units left over go one each to the parts with the largest fractional remainders; equal
 *    remainders go to the earlier part, so the split is deterministic.
 *
 * Every part is then within one minor unit of its exact share, a ratio of zero receives nothing, and a
 * larger ratio never receives less than a smaller one. A negative total is split like its absolute
 * value, with every part negative. Ratios are non-negative safe integers and at least one is positive;
 * anything else is a bug and throws.
 *
 * @example allocateMoney({ amount: 100, currency: 'USD' }, [1, 1, 1]) // 34, 33, 33 (USD)
 * @example allocateMoney({ amount: 1_000, currency: 'EUR' }, [300, 200, 0]) // 600, 400, 0 (EUR)
 */
export function allocateMoney(total: Money, ratios: readonly number[]): Money[] {
  if (ratios.length === 0) throw new Error('Allocating needs at least one ratio.');
  if (ratios.some((ratio) => !Number.isSafeInteger(ratio) || ratio < 0)) {
    throw new Error('Allocation ratios are non-negative safe integers.');
  }
  const weights = ratios.map((ratio) => BigInt(ratio));
  const sum = weights.reduce((left, right) => left + right, 0n);
  if (sum === 0n) throw new Error('Allocating needs at least one positive ratio.');

  const sign = total.amount < 0 ? -1n : 1n;
  const magnitude = BigInt(Math.abs(total.amount));
  const shares = weights.map((weight) => ({
    whole: (magnitude * weight) / sum,
    remainder: (magnitude * weight) % sum,
  }));
  let leftOver = magnitude - shares.reduce((left, share) => left + share.whole, 0n);

  const order = shares
    .map((share, index) => ({ index, remainder: share.remainder }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  const parts = shares.map((share) => share.whole);
  for (const { index } of order) {
    if (leftOver === 0n) break;
    parts[index] = parts[index]! + 1n;
    leftOver -= 1n;
  }
  return parts.map((part) => ({ amount: toSafeInteger(part * sign), currency: total.currency }));
}
