/**
 * A seeded source of random numbers for the demo data: the same seed gives the same sequence on every
 * run and machine (32-bit integer arithmetic only; the few float operations are IEEE 754 exact or
 * V8's fdlibm functions). Not for anything secret.
 *
 * The state is a small-fast-counting generator (four 32-bit words) seeded from a string by a
 * multiply-xorshift hash; `fork(label)` derives an independent stream, so that each part of the demo
 * (partners, leads, MDF…) draws from its own and changing one part leaves the others' data unchanged.
 *
 * @example
 * const random = new DemoRandom('conduit-demo');
 * random.int(1, 6); // the same roll on every run
 */
export class DemoRandom {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(readonly seed: string) {
    [this.a, this.b, this.c, this.d] = seedWords(seed);
    for (let warmUp = 0; warmUp < 16; warmUp++) this.nextWord();
  }

  /** An independent stream for one part of the data, named by `label`. */
  fork(label: string): DemoRandom {
    return new DemoRandom(`${this.seed}/${label}`);
  }

  /** A uniformly distributed unsigned 32-bit integer. */
  nextWord(): number {
    const result = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + result) | 0;
    return result >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    return this.nextWord() / 0x1_0000_0000;
  }

  /** An integer from `min` to `max`, both included. */
  int(min: number, max: number): number {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) throw new Error(`Bad range ${min}..${max}.`);
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  /** One item of a non-empty list, each equally likely. */
  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('Cannot pick from an empty list.');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** One item, drawn in proportion to its weight (weights ≥ 0, at least one positive). */
  weighted<T>(items: readonly T[], weightOf: (item: T) => number): T {
    let total = 0;
    for (const item of items) total += Math.max(0, weightOf(item));
    if (!(total > 0)) throw new Error('Cannot draw from items whose weights are all zero.');
    let target = this.next() * total;
    for (const item of items) {
      target -= Math.max(0, weightOf(item));
      if (target < 0) return item;
    }
    return items[items.length - 1]!;
  }

  /**
   * A drawer of items in proportion to their weights for many draws from one long list: the cumulative
   * weights are summed once and each draw is a binary search (`weighted` adds them up on every draw).
   */
  drawer<T>(items: readonly T[], weightOf: (item: T) => number): () => T {
    const cumulative: number[] = [];
    let total = 0;
    for (const item of items) {
      total += Math.max(0, weightOf(item));
      cumulative.push(total);
    }
    if (!(total > 0)) throw new Error('Cannot draw from items whose weights are all zero.');
    return () => {
      const target = this.next() * total;
      let low = 0;
      let high = cumulative.length - 1;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (cumulative[middle]! > target) high = middle;
        else low = middle + 1;
      }
      return items[low]!;
    };
  }

  /** `count` distinct items of a list (all of them when it is shorter), in drawing order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const taken: T[] = [];
    while (taken.length < count && pool.length > 0)
      taken.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]!);
    return taken;
  }

  /** A normally distributed number (Box–Muller). */
  normal(mean = 0, deviation = 1): number {
    const u = 1 - this.next();
    const v = this.next();
    return mean + deviation * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A log-normally distributed number with the given median and spread (σ of its logarithm). */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(this.normal(0, sigma));
  }

  /**
   * A day from `first` to `last` (day numbers, both included) where later days are more likely: the
   * density grows linearly by the factor `growth` from the first day to the last, as a channel grows.
   */
  growingDay(first: number, last: number, growth: number): number {
    const span = last - first + 1;
    const u = this.next();
    // Inverse of the CDF of a density rising linearly from 1 to `growth` over [0, 1).
    const slope = growth - 1;
    const x = slope === 0 ? u : (-1 + Math.sqrt(1 + slope * (slope + 2) * u)) / slope;
    return first + Math.min(span - 1, Math.floor(x * span));
  }
}

/** Four 32-bit words from a string: a multiply-xorshift hash over its UTF-16 code units, four lanes. */
function seedWords(seed: string): [number, number, number, number] {
  const lanes = [0x9e3779b9, 0x85ebca6b, 0xc2b2ae35, 0x27d4eb2f];
  for (let index = 0; index < seed.length; index++) {
    const code = seed.charCodeAt(index);
    for (let lane = 0; lane < 4; lane++) {
      let value = lanes[lane]! ^ (code + lane * 0x3c6ef372);
      value = Math.imul(value ^ (value >>> 16), 0x7feb352d);
      value = Math.imul(value ^ (value >>> 15), 0x846ca68b);
      lanes[lane] = (value ^ (value >>> 16)) >>> 0;
    }
  }
  return [lanes[0]!, lanes[1]!, lanes[2]!, lanes[3]! | 1];
}
