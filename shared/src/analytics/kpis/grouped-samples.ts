import { nearestRank } from './rank-statistics.js';

/**
 * What a group of samples comes to: how many, their sum, how many met their limit (an SLA), and the exact
 * median and 90th percentile (nearest rank). A group without samples has `count` 0 and the caller turns
 * its statistics into `null`.
 */
export interface SampleSummary {
  count: Int32Array;
  sum: Float64Array;
  within: Int32Array;
  median: Float64Array;
  p90: Float64Array;
}

const DIGIT = 65_536;
const TWO_TO_32 = 2 ** 32;

/** The 16-bit digit of `value` at `scale` (a power of 65,536): integer operations below 2^32, arithmetic above. */
function digitOf(value: number, scale: number): number {
  if (value < TWO_TO_32) {
    if (scale === 1) return value & 0xffff;
    return scale === DIGIT ? (value >>> 16) & 0xffff : 0;
  }
  return Math.floor(value / scale) % DIGIT;
}

/**
 * The order of `length` non-negative integers from smallest to largest, by least-significant-digit radix
 * sort on 16-bit digits: linear in the number of values (one pass per 16 bits of the largest), and stable.
 */
export function radixOrder(values: Float64Array, length: number, largest: number): Int32Array {
  let order = new Int32Array(length);
  for (let index = 0; index < length; index++) order[index] = index;
  let next = new Int32Array(length);
  const starts = new Int32Array(DIGIT + 1);
  for (let scale = 1; scale <= largest; scale *= DIGIT) {
    starts.fill(0);
    // The digits' counts do not depend on the order: read the values as they lie.
    for (let index = 0; index < length; index++) starts[digitOf(values[index]!, scale) + 1]! += 1;
    for (let digit = 0; digit < DIGIT; digit++) starts[digit + 1]! += starts[digit]!;
    for (let index = 0; index < length; index++) {
      const sample = order[index]!;
      next[starts[digitOf(values[sample]!, scale)]!++] = sample;
    }
    [order, next] = [next, order];
  }
  return order;
}

interface Sorted {
  values: Float64Array;
  flags: Uint8Array;
  keys: readonly [Int32Array, Int32Array, Int32Array];
}

/**
 * Measurements (days to close, milliseconds to approve), each a non-negative integer with a flag (met its
 * limit) and three integer keys (bucket, partner, region), summarised by any grouping of those keys with
 * exact medians and 90th percentiles. The samples are sorted once, by radix; each grouping then costs two
 * sequential passes: one to count each group, one to walk the values in order and stop at each group's
 * ranks. Stored in growable typed arrays, so millions of samples stay compact.
 */
export class GroupedSamples {
  #values = new Float64Array(1024);
  #flags = new Uint8Array(1024);
  #keys: [Int32Array, Int32Array, Int32Array] = [new Int32Array(1024), new Int32Array(1024), new Int32Array(1024)];
  #length = 0;
  #largest = 0;
  #sorted: Sorted | null = null;

  get length(): number {
    return this.#length;
  }

  /** Adds a sample: a non-negative safe integer (anything else is a bug and throws), its flag and keys. */
  push(value: number, withinLimit: boolean, key0: number, key1: number, key2: number): void {
    if (!(Number.isSafeInteger(value) && value >= 0)) throw new Error('A sample is a non-negative whole number.');
    if (this.#length === this.#values.length) this.#grow();
    const index = this.#length++;
    this.#values[index] = value;
    this.#flags[index] = withinLimit ? 1 : 0;
    this.#keys[0][index] = key0;
    this.#keys[1][index] = key1;
    this.#keys[2][index] = key2;
    if (value > this.#largest) this.#largest = value;
    this.#sorted = null;
  }

  #grow(): void {
    const size = this.#values.length * 2;
    const values = new Float64Array(size);
    const flags = new Uint8Array(size);
    values.set(this.#values);
    flags.set(this.#flags);
    this.#values = values;
    this.#flags = flags;
    this.#keys = this.#keys.map((keys) => {
      const grown = new Int32Array(size);
      grown.set(keys);
      return grown;
    }) as [Int32Array, Int32Array, Int32Array];
  }

  /** The samples in ascending order of value, with their flags and keys in the same order. */
  #inOrder(): Sorted {
    if (this.#sorted !== null) return this.#sorted;
    const length = this.#length;
    const order = radixOrder(this.#values, length, this.#largest);
    const values = new Float64Array(length);
    const flags = new Uint8Array(length);
    const keys = [new Int32Array(length), new Int32Array(length), new Int32Array(length)] as const;
    for (let position = 0; position < length; position++) {
      const sample = order[position]!;
      values[position] = this.#values[sample]!;
      flags[position] = this.#flags[sample]!;
      keys[0][position] = this.#keys[0][sample]!;
      keys[1][position] = this.#keys[1][sample]!;
      keys[2][position] = this.#keys[2][sample]!;
    }
    this.#sorted = { values, flags, keys };
    return this.#sorted;
  }

  /**
   * The group of each sample, in the order `summarize` reads them, from one of its keys (`which`): the key
   * itself; with `map`, the key looked up in it (a partner's tier or program); with `constant`, that group
   * for every sample. A key of -1 (no partner) leaves the sample out (-1), unless `split`, which sends samples
   * whose key 1 (the partner) is -1 to the odd group and the others to the even one (`2 × group + flag`): how
   * with- and without-partner figures are told apart.
   */
  groupsBy(which: 0 | 1 | 2, options: { split?: boolean; map?: Int32Array; constant?: number } = {}): Int32Array {
    const { keys } = this.#inOrder();
    const length = this.#length;
    const groups = new Int32Array(length);
    const column = keys[which];
    const partners = keys[1];
    const { split = false, map, constant } = options;
    for (let position = 0; position < length; position++) {
      const key = constant ?? column[position]!;
      if (split) groups[position] = 2 * key + (partners[position]! < 0 ? 1 : 0);
      else if (key < 0) groups[position] = -1;
      else groups[position] = map === undefined ? key : map[key]!;
    }
    return groups;
  }

  /**
   * Summarises the samples by group: `groupOf` (from `groupsBy`) names each sample's group, from 0 to
   * `groups − 1`, or -1 to leave it out. Two linear passes, whatever the number of groups.
   */
  summarize(groups: number, groupOf: Int32Array): SampleSummary {
    const { values, flags } = this.#inOrder();
    const length = this.#length;
    const summary: SampleSummary = {
      count: new Int32Array(groups),
      sum: new Float64Array(groups),
      within: new Int32Array(groups),
      median: new Float64Array(groups),
      p90: new Float64Array(groups),
    };
    for (let position = 0; position < length; position++) {
      const group = groupOf[position]!;
      if (group < 0) continue;
      summary.count[group]! += 1;
      summary.sum[group]! += values[position]!;
      summary.within[group]! += flags[position]!;
    }
    const medianRank = new Int32Array(groups);
    const p90Rank = new Int32Array(groups);
    for (let group = 0; group < groups; group++) {
      const count = summary.count[group]!;
      if (count === 0) continue;
      medianRank[group] = nearestRank(50, count);
      p90Rank[group] = nearestRank(90, count);
    }
    const seen = new Int32Array(groups);
    for (let position = 0; position < length; position++) {
      const group = groupOf[position]!;
      if (group < 0) continue;
      const rank = ++seen[group]!;
      if (rank === medianRank[group]) summary.median[group] = values[position]!;
      if (rank === p90Rank[group]) summary.p90[group] = values[position]!;
    }
    return summary;
  }
}
