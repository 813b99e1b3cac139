import { decayWeight, FULL_WEIGHT } from './decay.js';

describe('time-decay weights', () => {
  it('halve exactly for every whole half-life', () => {
    expect([0, 30, 60, 90].map((age) => decayWeight(age, 30))).toEqual([
      FULL_WEIGHT,
      FULL_WEIGHT / 2,
      FULL_WEIGHT / 4,
      FULL_WEIGHT / 8,
    ]);
  });

  it('follow 2^(−age / half-life) in between, to the nearest integer', () => {
    for (const [age, halfLife] of [
      [1, 30],
      [15, 30],
      [41, 30],
      [76, 30],
      [364, 365],
      [1, 2],
    ] as const) {
      expect(Math.abs(decayWeight(age, halfLife) - FULL_WEIGHT * 2 ** (-age / halfLife))).toBeLessThanOrEqual(
        0.5 + 1e-6,
      );
    }
  });

  it('fall to zero after forty half-lives, and never grow with age', () => {
    expect(decayWeight(41 * 7, 7)).toBe(0);
    for (let age = 1; age < 400; age++) expect(decayWeight(age, 13)).toBeLessThanOrEqual(decayWeight(age - 1, 13));
  });

  it('refuse ages and half-lives that are not whole days', () => {
    expect(() => decayWeight(-1, 30)).toThrow('not negative');
    expect(() => decayWeight(1.5, 30)).toThrow('whole number');
    expect(() => decayWeight(1, 0)).toThrow('half-life');
  });
});
