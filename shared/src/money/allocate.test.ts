import fc from 'fast-check';
import { allocateMoney } from './allocate.js';
import { money } from './money.js';

const amounts = (parts: { amount: number }[]) => parts.map((part) => part.amount);

describe('allocateMoney', () => {
  it('gives left-over minor units to the largest remainders, ties to the earlier part', () => {
    expect(amounts(allocateMoney(money(100, 'USD'), [1, 1, 1]))).toEqual([34, 33, 33]);
    expect(amounts(allocateMoney(money(1_000, 'EUR'), [300, 200, 0]))).toEqual([600, 400, 0]);
    expect(amounts(allocateMoney(money(5, 'USD'), [3, 7]))).toEqual([2, 3]); // 1.5 and 3.5: equal remainders, the first wins
    expect(amounts(allocateMoney(money(10, 'USD'), [1, 2, 3, 4]))).toEqual([1, 2, 3, 4]);
    expect(amounts(allocateMoney(money(7, 'JPY'), [2, 2, 3]))).toEqual([2, 2, 3]);
    expect(amounts(allocateMoney(money(-100, 'USD'), [1, 1, 1]))).toEqual([-34, -33, -33]);
  });

  it('throws on ratios that cannot split anything (a bug in the caller)', () => {
    expect(() => allocateMoney(money(10, 'USD'), [])).toThrow('at least one ratio');
    expect(() => allocateMoney(money(10, 'USD'), [0, 0])).toThrow('at least one positive ratio');
    expect(() => allocateMoney(money(10, 'USD'), [1, -1])).toThrow('non-negative safe integers');
    expect(() => allocateMoney(money(10, 'USD'), [0.5])).toThrow('non-negative safe integers');
  });

  const totals = fc.integer({ min: -(2 ** 50), max: 2 ** 50 });
  const ratioLists = fc
    .array(fc.oneof(fc.nat(10), fc.nat(1_000_000), fc.maxSafeNat()), { minLength: 1, maxLength: 12 })
    .filter((ratios) => ratios.some((ratio) => ratio > 0));

  it('preserves the total', () => {
    fc.assert(
      fc.property(totals, ratioLists, (total, ratios) => {
        const parts = allocateMoney(money(total, 'USD'), ratios);
        expect(parts.reduce((sum, part) => sum + BigInt(part.amount), 0n)).toBe(BigInt(total));
        expect(parts.every((part) => part.currency === 'USD')).toBe(true);
      }),
    );
  });

  it('keeps every part within one minor unit of its exact share', () => {
    fc.assert(
      fc.property(totals, ratioLists, (total, ratios) => {
        const sum = ratios.reduce((left, ratio) => left + BigInt(ratio), 0n);
        allocateMoney(money(total, 'USD'), ratios).forEach((part, index) => {
          // |part × Σ − total × ratio| < Σ
          const gap = BigInt(part.amount) * sum - BigInt(total) * BigInt(ratios[index]!);
          expect(gap < sum && -gap < sum).toBe(true);
        });
      }),
    );
  });

  it('never gives a larger ratio less than a smaller one, nor a zero ratio anything', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 50 }), ratioLists, (total, ratios) => {
        const parts = allocateMoney(money(total, 'USD'), ratios);
        ratios.forEach((ratio, i) => {
          if (ratio === 0) expect(parts[i]!.amount).toBe(0);
          ratios.forEach((other, j) => {
            if (ratio > other) expect(parts[i]!.amount).toBeGreaterThanOrEqual(parts[j]!.amount);
          });
        });
      }),
    );
  });
});
