import { hashText } from '../selection/seeded-draw.js';

/** The hash `StringNumbers` files a string under (FNV-1a over its UTF-16 code units, as a signed integer). */
export function stringHash(text: string): number {
  return hashText(text) | 0;
}

/** Spreads a hash over the high bits, which pick the slot (Fibonacci hashing). */
const GOLDEN = 0x9e3779b9;

/**
 * Distinct strings numbered 0, 1, 2… in the order they are added, and found again by their characters. A
 * `Map` keyed by the strings would compare a looked-up string with the key string it holds, an object
 * anywhere on the heap (for an account id, the string of whichever lead brought the account first), so that
 * a lookup waits for memory twice; here every key's characters lie side by side in one array and are
 * compared only when the hashes agree, so that a lookup mostly reads the looked-up string and little else.
 * Callers pass each string's `stringHash` along with it.
 */
export class StringNumbers {
  /** The strings, by number. */
  private readonly texts: string[] = [];
  /** Open addressing with linear probing: per slot, a hash and the number + 1 of its string (0: empty). */
  private slots = new Int32Array(2 * 256);
  private slotBits = 8;
  /** The strings' code units one after the other: string `n` spans `[starts[n], starts[n + 1])`. */
  private units = new Uint16Array(1024);
  private starts = new Int32Array(257);

  /** How many strings are numbered. */
  get size(): number {
    return this.texts.length;
  }

  /** The string numbered `number`. */
  textOf(number: number): string {
    return this.texts[number]!;
  }

  /** The number of `text` (whose `stringHash` is `hash`), or -1 when it was never added. */
  numberOf(text: string, hash: number): number {
    const { slots } = this;
    const mask = (1 << this.slotBits) - 1;
    for (let slot = this.firstSlot(hash); ; slot = (slot + 1) & mask) {
      const number = slots[2 * slot + 1]! - 1;
      if (number < 0) return -1;
      if (slots[2 * slot] === hash && this.spells(number, text)) return number;
    }
  }

  /** Numbers `text` (whose `stringHash` is `hash`), which must not have been added yet; returns its number. */
  add(text: string, hash: number): number {
    const number = this.texts.length;
    this.texts.push(text);
    this.storeUnits(number, text);
    // At most three slots in four are taken: probes stay short, and neighbouring slots share a cache line.
    if (4 * (number + 1) > 3 << this.slotBits) this.growSlots();
    this.place(number, hash);
    return number;
  }

  private firstSlot(hash: number): number {
    return Math.imul(hash, GOLDEN) >>> (32 - this.slotBits);
  }

  /** Whether string `number` has the code units of `text`. */
  private spells(number: number, text: string): boolean {
    const start = this.starts[number]!;
    if (this.starts[number + 1]! - start !== text.length) return false;
    const { units } = this;
    for (let index = 0; index < text.length; index++) {
      if (units[start + index] !== text.charCodeAt(index)) return false;
    }
    return true;
  }

  private storeUnits(number: number, text: string): void {
    const start = this.starts[number]!;
    const end = start + text.length;
    if (end > this.units.length) {
      const units = new Uint16Array(Math.max(end, 2 * this.units.length));
      units.set(this.units);
      this.units = units;
    }
    if (number + 2 > this.starts.length) {
      const starts = new Int32Array(2 * this.starts.length);
      starts.set(this.starts);
      this.starts = starts;
    }
    for (let index = 0; index < text.length; index++) this.units[start + index] = text.charCodeAt(index);
    this.starts[number + 1] = end;
  }

  private place(number: number, hash: number): void {
    const { slots } = this;
    const mask = (1 << this.slotBits) - 1;
    let slot = this.firstSlot(hash);
    while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
    slots[2 * slot] = hash;
    slots[2 * slot + 1] = number + 1;
  }

  /** Doubles the slots and places every string again. */
  private growSlots(): void {
    const old = this.slots;
    this.slotBits++;
    this.slots = new Int32Array(2 << this.slotBits);
    for (let slot = 0; slot < old.length; slot += 2) {
      if (old[slot + 1] !== 0) this.place(old[slot + 1]! - 1, old[slot]!);
    }
  }
}
