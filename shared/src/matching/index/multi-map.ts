const NONE: readonly number[] = Object.freeze([]);

/**
 * Lists of slots by key, stored compactly: most keys of an index hold one slot, kept as a bare number
 * until a second one arrives (a million single-element arrays would cost hundreds of megabytes).
 */
export class SlotLists {
  private readonly lists = new Map<string, number | number[]>();

  /** Appends `slot` to the list of `key`. */
  add(key: string, slot: number): void {
    const existing = this.lists.get(key);
    if (existing === undefined) this.lists.set(key, slot);
    else if (typeof existing === 'number') this.lists.set(key, [existing, slot]);
    else existing.push(slot);
  }

  /** The slots of `key` (empty when none). */
  get(key: string): readonly number[] {
    const existing = this.lists.get(key);
    if (existing === undefined) return NONE;
    return typeof existing === 'number' ? [existing] : existing;
  }

  /** How many slots `key` holds. */
  count(key: string): number {
    const existing = this.lists.get(key);
    return existing === undefined ? 0 : typeof existing === 'number' ? 1 : existing.length;
  }
}
