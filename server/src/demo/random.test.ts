import { DemoRandom } from './random.js';

const draws = (random: DemoRandom, count: number): number[] => Array.from({ length: count }, () => random.nextWord());

describe('the seeded random source of the demo', () => {
  it('draws the same sequence for the same seed and another for another seed', () => {
    expect(draws(new DemoRandom('conduit'), 100)).toEqual(draws(new DemoRandom('conduit'), 100));
    expect(draws(new DemoRandom('conduit'), 100)).not.toEqual(draws(new DemoRandom('conduit!'), 100));
  });

  it('forks streams that depend only on the seed and the label, not on what the parent drew', () => {
    const fresh = new DemoRandom('conduit');
    const used = new DemoRandom('conduit');
    draws(used, 57);
    expect(draws(used.fork('leads'), 20)).toEqual(draws(fresh.fork('leads'), 20));
    expect(draws(fresh.fork('leads'), 20)).not.toEqual(draws(fresh.fork('deals'), 20));
  });

  it('keeps integers within their bounds and reaches both ends', () => {
    const random = new DemoRandom('bounds');
    const rolls = Array.from({ length: 2_000 }, () => random.int(-3, 3));
    expect(Math.min(...rolls)).toBe(-3);
    expect(Math.max(...rolls)).toBe(3);
    expect(rolls.every(Number.isInteger)).toBe(true);
  });

  it('draws by weight, one draw at a time or from a prepared drawer, never an item weighing nothing', () => {
    const random = new DemoRandom('weights');
    const items = ['rare', 'common', 'never'] as const;
    const weight = (item: (typeof items)[number]): number => ({ rare: 1, common: 9, never: 0 })[item];
    const drawer = random.drawer(items, weight);
    const counted = { weighted: { rare: 0, common: 0, never: 0 }, drawer: { rare: 0, common: 0, never: 0 } };
    for (let index = 0; index < 10_000; index++) {
      counted.weighted[random.weighted(items, weight)] += 1;
      counted.drawer[drawer()] += 1;
    }
    for (const tally of Object.values(counted)) {
      expect(tally.never).toBe(0);
      expect(tally.common / 10_000).toBeGreaterThan(0.87);
      expect(tally.common / 10_000).toBeLessThan(0.93);
    }
    expect(() => random.weighted(['x'], () => 0)).toThrow(/all zero/);
  });

  it('draws growing days within the range, later days more often', () => {
    const random = new DemoRandom('growth');
    const days = Array.from({ length: 20_000 }, () => random.growingDay(100, 199, 3));
    expect(Math.min(...days)).toBeGreaterThanOrEqual(100);
    expect(Math.max(...days)).toBeLessThanOrEqual(199);
    const early = days.filter((day) => day < 150).length;
    expect(early / days.length).toBeGreaterThan(0.3);
    expect(early / days.length).toBeLessThan(0.4);
  });

  it('samples distinct items', () => {
    const random = new DemoRandom('sample');
    const taken = random.sample([1, 2, 3, 4, 5, 6, 7, 8], 5);
    expect(new Set(taken).size).toBe(5);
    expect(random.sample([1, 2], 5).sort()).toEqual([1, 2]);
  });
});
