/**
 * A set of partners as bits over their compiled positions (bit `i` of word `i >> 5`), with the range of
 * words `[lo, hi)` that may be non-zero, so that set operations skip empty stretches. Words outside the
 * range mean nothing (a reused candidate set leaves old bits there) and are never read. Compiled masks
 * are never changed after compilation; candidate sets are reused as scratch space.
 */
export class PartnerBits {
  readonly words: Uint32Array;
  lo = 0;
  hi = 0;

  constructor(wordCount: number) {
    this.words = new Uint32Array(wordCount);
  }

  /** A set holding the given positions. */
  static of(wordCount: number, positions: Iterable<number>): PartnerBits {
    const bits = new PartnerBits(wordCount);
    for (const position of positions) bits.add(position);
    return bits;
  }

  has(position: number): boolean {
    const word = position >>> 5;
    return word >= this.lo && word < this.hi && (this.words[word]! & (1 << (position & 31))) !== 0;
  }

  add(position: number): void {
    const word = position >>> 5;
    if (this.lo >= this.hi) {
      this.words[word] = 0;
      this.lo = word;
      this.hi = word + 1;
    } else if (word < this.lo) {
      this.words.fill(0, word, this.lo);
      this.lo = word;
    } else if (word >= this.hi) {
      this.words.fill(0, this.hi, word + 1);
      this.hi = word + 1;
    }
    this.words[word] = this.words[word]! | (1 << (position & 31));
  }

  /** Removes a position; the range stays as it is (a superset of the non-zero words). */
  delete(position: number): void {
    const word = position >>> 5;
    if (word >= this.lo && word < this.hi) this.words[word] = this.words[word]! & ~(1 << (position & 31));
  }

  isEmpty(): boolean {
    return this.lo >= this.hi;
  }

  /** How many partners the set holds. */
  count(): number {
    let total = 0;
    for (let word = this.lo; word < this.hi; word++) total += popcount(this.words[word]!);
    return total;
  }

  /** The positions in ascending order. */
  positions(): number[] {
    const found: number[] = [];
    for (let word = this.lo; word < this.hi; word++) {
      let bits = this.words[word]!;
      while (bits !== 0) {
        const lowest = bits & -bits;
        found.push((word << 5) | (31 - Math.clz32(lowest)));
        bits ^= lowest;
      }
    }
    return found;
  }

  /** Shrinks `[lo, hi)` to the first and last non-zero words; empty when none is. */
  trim(): void {
    let lo = this.lo;
    let hi = this.hi;
    while (lo < hi && this.words[lo] === 0) lo++;
    while (hi > lo && this.words[hi - 1] === 0) hi--;
    if (lo >= hi) {
      this.lo = 0;
      this.hi = 0;
    } else {
      this.lo = lo;
      this.hi = hi;
    }
  }

  /** Empties the set. */
  clear(): void {
    this.lo = 0;
    this.hi = 0;
  }
}

/** Bits set in a 32-bit word. */
export function popcount(word: number): number {
  let bits = word - ((word >>> 1) & 0x55555555);
  bits = (bits & 0x33333333) + ((bits >>> 2) & 0x33333333);
  return Math.imul((bits + (bits >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/** `out = a ∩ b`; returns whether the result holds anyone. `out` may be `a`. */
export function intersectInto(out: PartnerBits, a: PartnerBits, b: PartnerBits): boolean {
  const lo = a.lo > b.lo ? a.lo : b.lo;
  const hi = a.hi < b.hi ? a.hi : b.hi;
  const target = out.words;
  const left = a.words;
  const right = b.words;
  let first = -1;
  let last = -1;
  for (let word = lo; word < hi; word++) {
    const value = left[word]! & right[word]!;
    target[word] = value;
    if (value !== 0) {
      if (first < 0) first = word;
      last = word;
    }
  }
  return finish(out, first, last);
}

/** `out = a ∩ (b ∪ c)`, where `b` or `c` may be missing (an empty set); returns whether anyone is left. */
export function intersectUnionInto(
  out: PartnerBits,
  a: PartnerBits,
  b: PartnerBits | undefined,
  c: PartnerBits | undefined,
): boolean {
  if (!b) return c ? intersectInto(out, a, c) : finish(out, -1, -1);
  if (!c) return intersectInto(out, a, b);
  const lo = Math.max(a.lo, Math.min(b.lo, c.lo));
  const hi = Math.min(a.hi, Math.max(b.hi, c.hi));
  const target = out.words;
  let first = -1;
  let last = -1;
  for (let word = lo; word < hi; word++) {
    const fromB = word >= b.lo && word < b.hi ? b.words[word]! : 0;
    const fromC = word >= c.lo && word < c.hi ? c.words[word]! : 0;
    const value = a.words[word]! & (fromB | fromC);
    target[word] = value;
    if (value !== 0) {
      if (first < 0) first = word;
      last = word;
    }
  }
  return finish(out, first, last);
}

/** `out = a ∖ b`; returns whether anyone is left. `out` may be `a`. */
export function differenceInto(out: PartnerBits, a: PartnerBits, b: PartnerBits): boolean {
  const target = out.words;
  let first = -1;
  let last = -1;
  for (let word = a.lo; word < a.hi; word++) {
    const value = a.words[word]! & ~(word >= b.lo && word < b.hi ? b.words[word]! : 0);
    target[word] = value;
    if (value !== 0) {
      if (first < 0) first = word;
      last = word;
    }
  }
  return finish(out, first, last);
}

/** `out = a`. */
export function copyInto(out: PartnerBits, a: PartnerBits): void {
  for (let word = a.lo; word < a.hi; word++) out.words[word] = a.words[word]!;
  out.lo = a.lo;
  out.hi = a.hi;
}

/** `out = a ∪ b`, for building masks at compile time. */
export function unionOf(wordCount: number, sets: readonly PartnerBits[]): PartnerBits {
  const out = new PartnerBits(wordCount);
  for (const set of sets) {
    for (let word = set.lo; word < set.hi; word++) out.words[word] = out.words[word]! | set.words[word]!;
  }
  out.lo = 0;
  out.hi = wordCount;
  out.trim();
  return out;
}

function finish(out: PartnerBits, first: number, last: number): boolean {
  if (first < 0) {
    out.lo = 0;
    out.hi = 0;
    return false;
  }
  out.lo = first;
  out.hi = last + 1;
  return true;
}
