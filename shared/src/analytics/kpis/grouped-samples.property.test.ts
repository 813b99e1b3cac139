import fc from 'fast-check';
import { GroupedSamples, radixOrder } from './grouped-samples.js';
import { nearestRank } from './rank-statistics.js';

/** The nearest-rank percentile, by sorting: the reference the summaries are checked against. */
function reference(values: number[], percent: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.ceil((percent * sorted.length) / 100) - 1]!;
}

const value = fc.oneof(
  fc.integer({ min: 0, max: 20 }),
  fc.integer({ min: 0, max: 2 ** 31 }),
  fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
);
/** Durations up to 2^40 (35 years in milliseconds), so that the sums of a few hundred stay exact. */
const duration = fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 2 ** 40 }));
const sample = fc.record({ value: duration, within: fc.boolean(), group: fc.integer({ min: -1, max: 6 }) });

describe('exact order statistics', () => {
  it('takes the nearest rank: ⌈p·n/100⌉, so the median of an even count is the lower middle value', () => {
    expect([1, 2, 3, 4, 10, 11].map((count) => nearestRank(50, count))).toEqual([1, 1, 2, 2, 5, 6]);
    expect([1, 9, 10, 11, 20].map((count) => nearestRank(90, count))).toEqual([1, 9, 9, 10, 18]);
    expect(() => nearestRank(0, 3)).toThrow();
    expect(() => nearestRank(50, 0)).toThrow();
  });

  it('radix order sorts any non-negative safe integers, stably', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 300 }), (values) => {
        const array = Float64Array.from(values);
        const order = [...radixOrder(array, values.length, Math.max(0, ...values))];
        const expected = values.map((_, index) => index).sort((a, b) => values[a]! - values[b]! || a - b);

        expect(order).toEqual(expected);
      }),
    );
  });

  it('summaries give each group the exact median and 90th percentile, count, sum and share within its limit', () => {
    fc.assert(
      fc.property(fc.array(sample, { maxLength: 200 }), (samples) => {
        const collected = new GroupedSamples();
        for (const entry of samples) collected.push(entry.value, entry.within, 0, entry.group, 0);
        const summary = collected.summarize(7, collected.groupsBy(1));

        for (let group = 0; group < 7; group++) {
          const members = samples.filter((entry) => entry.group === group);
          expect(summary.count[group]).toBe(members.length);
          expect(summary.within[group]).toBe(members.filter((entry) => entry.within).length);
          if (members.length === 0) continue;
          const values = members.map((entry) => entry.value);
          expect(summary.sum[group]).toBe(values.reduce((total, entry) => total + entry, 0));
          expect(summary.median[group]).toBe(reference(values, 50));
          expect(summary.p90[group]).toBe(reference(values, 90));
        }
      }),
    );
  });

  it('splits samples with and without a partner, and maps partners to their groups', () => {
    const collected = new GroupedSamples();
    [
      [5, 0],
      [7, 0],
      [9, -1],
      [1, 1],
      [3, 2],
    ].forEach(([days, partner]) => collected.push(days!, true, 0, partner!, 0));

    const split = collected.summarize(2, collected.groupsBy(1, { split: true, constant: 0 }));
    const mapped = collected.summarize(2, collected.groupsBy(1, { map: Int32Array.from([1, 0, 1]) }));

    expect([...split.count, ...split.median]).toEqual([4, 1, 3, 9]);
    expect([...mapped.count, ...mapped.median, ...mapped.p90]).toEqual([1, 3, 1, 5, 1, 7]);
  });

  it('refuses a sample that is not a non-negative whole number', () => {
    const collected = new GroupedSamples();
    expect(() => collected.push(-1, true, 0, 0, 0)).toThrow('non-negative whole number');
    expect(() => collected.push(1.5, true, 0, 0, 0)).toThrow('non-negative whole number');
  });
});
