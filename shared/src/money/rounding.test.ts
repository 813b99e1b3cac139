import fc from 'fast-check';
import { divideRounded, type RoundingMode } from './rounding.js';

const modes: RoundingMode[] = ['floor', 'ceiling', 'half_even', 'half_up', 'half_down'];

describe('divideRounded', () => {
  it('rounds each kind of quotient as its mode says', () => {
    const quotients: [bigint, bigint][] = [
      [5n, 2n], // 2.5
      [7n, 2n], // 3.5
      [-5n, 2n], // -2.5
      [7n, 3n], // 2.33…
      [8n, 3n], // 2.66…
      [-7n, 3n], // -2.33…
      [6n, 3n], // 2
      [5n, -2n], // -2.5
    ];
    const table = Object.fromEntries(
      modes.map((mode) => [mode, quotients.map(([n, d]) => Number(divideRounded(n, d, mode)))]),
    );
    expect(table).toEqual({
      floor: [2, 3, -3, 2, 2, -3, 2, -3],
      ceiling: [3, 4, -2, 3, 3, -2, 2, -2],
      half_even: [2, 4, -2, 2, 3, -2, 2, -2],
      half_up: [3, 4, -3, 2, 3, -2, 2, -3],
      half_down: [2, 3, -2, 2, 3, -2, 2, -2],
    });
  });

  it('throws when dividing by zero, a bug in the caller', () => {
    expect(() => divideRounded(1n, 0n, 'floor')).toThrow('Cannot divide by zero.');
  });

  it('is never a whole unit away from the exact quotient, and floor ≤ every mode ≤ ceiling', () => {
    fc.assert(
      fc.property(
        fc.bigInt(),
        fc.bigInt().filter((d) => d !== 0n),
        (numerator, denominator) => {
          const floor = divideRounded(numerator, denominator, 'floor');
          const ceiling = divideRounded(numerator, denominator, 'ceiling');
          // floor ≤ n/d ≤ ceiling, compared on integers (d may be negative).
          const sign = denominator < 0n ? -1n : 1n;
          expect(floor * denominator * sign <= numerator * sign).toBe(true);
          expect(ceiling * denominator * sign >= numerator * sign).toBe(true);
          expect(ceiling - floor <= 1n).toBe(true);
          for (const mode of modes) {
            const rounded = divideRounded(numerator, denominator, mode);
            expect(rounded === floor || rounded === ceiling).toBe(true);
          }
        },
      ),
    );
  });
});
