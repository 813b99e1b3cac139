import fc from 'fast-check';
import { money } from './money.js';
import { applyBasisPoints, basisPointsOfPercent, formatBasisPoints } from './percentage.js';

describe('percentages as basis points', () => {
  it('converts program percentages exactly, including those floats cannot hold', () => {
    expect([50, 22.5, 1.25, 0.07, 0.29, 100, 0].map(basisPointsOfPercent)).toEqual([5000, 2250, 125, 7, 29, 10000, 0]);
    expect(() => basisPointsOfPercent(12.345)).toThrow('at most two decimals');
    expect(() => basisPointsOfPercent(-1)).toThrow('non-negative');
  });

  it('converts every two-decimal percentage to the integer it denotes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (hundredths) => {
        expect(basisPointsOfPercent(hundredths / 100)).toBe(hundredths);
      }),
    );
  });

  it('applies a rate with the stated rounding, on integers', () => {
    expect(applyBasisPoints(money(33_333, 'USD'), 5000, 'floor')).toEqual(money(16_666, 'USD'));
    expect(applyBasisPoints(money(33_333, 'USD'), 5000, 'half_even')).toEqual(money(16_666, 'USD'));
    expect(applyBasisPoints(money(33_335, 'USD'), 5000, 'half_even')).toEqual(money(16_668, 'USD'));
    expect(applyBasisPoints(money(999, 'USD'), 7500, 'floor')).toEqual(money(749, 'USD'));
    expect(applyBasisPoints(money(Number.MAX_SAFE_INTEGER, 'USD'), 10000, 'floor').amount).toBe(
      Number.MAX_SAFE_INTEGER,
    );
  });

  it('rounded down, never gives more than the exact share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 0, max: 10_000 }), (amount, basisPoints) => {
        const share = applyBasisPoints(money(amount, 'USD'), basisPoints, 'floor').amount;
        expect(BigInt(share) * 10_000n <= BigInt(amount) * BigInt(basisPoints)).toBe(true);
        expect(BigInt(share + 1) * 10_000n > BigInt(amount) * BigInt(basisPoints)).toBe(true);
      }),
    );
  });

  it('writes rates as people read them', () => {
    expect([5000, 2250, 125, 7, 10000, 0].map(formatBasisPoints)).toEqual([
      '50 %',
      '22.5 %',
      '1.25 %',
      '0.07 %',
      '100 %',
      '0 %',
    ]);
  });
});
