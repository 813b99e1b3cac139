import type { Program } from '../../program/schema/program.js';
import type { DayNumber } from '../../time/day-number.js';
import { toDayNumber } from '../../time/day-number.js';
import type { BucketIndex, KpiBucket } from './kpi-window.js';
import type { TierKpis } from './kpi-report.js';

const NO_TIER = 'none';

/**
 * Tier changes as they stream in, then the tier distribution at the end of every bucket, reconstructed from
 * each partner's current tier and its changes (the tier at a day is the one the last change before it moved
 * to, or, before its first change, the one that change moved from), the upgrades and downgrades per bucket
 * (by rank; no tier ranks lowest) and the moves of the window.
 */
export class TierTracker {
  readonly #changes = new Map<number, { from: string; to: string; on: DayNumber }[]>();
  readonly #rank = new Map<string, number>([[NO_TIER, 0]]);
  readonly #labels = new Map<string, string>([[NO_TIER, 'No tier']]);

  constructor(program: Program) {
    for (const tier of program.tiers) {
      this.#rank.set(tier.id, tier.rank);
      this.#labels.set(tier.id, tier.name);
    }
  }

  /** The key of a tier id (`none` for no tier); an id the program no longer defines keeps its id as label. */
  keyOf(tierId: string | null): string {
    if (tierId === null) return NO_TIER;
    if (!this.#labels.has(tierId)) this.#labels.set(tierId, tierId);
    return tierId;
  }

  add(partner: number, fromTierId: string | null, toTierId: string | null, on: DayNumber): void {
    const list = this.#changes.get(partner) ?? [];
    list.push({ from: this.keyOf(fromTierId), to: this.keyOf(toTierId), on });
    this.#changes.set(partner, list);
  }

  /**
   * The tier KPIs over `buckets`: `currentTier[p]` is partner p's tier key today and `member[p]` is 1 when it
   * counts in the distribution (a channel member).
   */
  report(
    buckets: readonly KpiBucket[],
    index: BucketIndex,
    currentTier: readonly string[],
    member: Uint8Array,
  ): TierKpis {
    const keys = [...this.#labels.keys()].sort(
      (a, b) => (this.#rank.get(a) ?? 0.5) - (this.#rank.get(b) ?? 0.5) || (a < b ? -1 : a > b ? 1 : 0),
    );
    const column = new Map(keys.map((key, position) => [key, position]));
    const ends = buckets.map((bucket) => toDayNumber(bucket.end));
    // Every member at its current tier in every bucket, then corrected for the partners whose tier changed.
    const current = new Int32Array(keys.length);
    currentTier.forEach((tier, partner) => {
      if (member[partner] === 1) current[column.get(tier)!]! += 1;
    });
    const distribution = buckets.map(() => Array.from(current));
    for (const [partner, changes] of this.#changes) {
      if (member[partner] !== 1) continue;
      changes.sort((a, b) => a.on - b.on);
      const now = column.get(currentTier[partner]!)!;
      const before = column.get(changes[0]!.from)!;
      const after = changes.map((change) => column.get(change.to)!);
      let next = 0;
      for (let bucket = 0; bucket < ends.length; bucket++) {
        while (next < changes.length && changes[next]!.on < ends[bucket]!) next++;
        const held = next === 0 ? before : after[next - 1]!;
        if (held === now) continue;
        const counts = distribution[bucket]!;
        counts[now]! -= 1;
        counts[held]! += 1;
      }
    }
    const upgrades = new Array<number>(buckets.length).fill(0);
    const downgrades = new Array<number>(buckets.length).fill(0);
    const moves = new Map<string, { from: string; to: string; count: number }>();
    for (const changes of this.#changes.values()) {
      for (const change of changes) {
        const bucket = index.of(change.on);
        if (bucket < 0) continue;
        const step = (this.#rank.get(change.to) ?? 0) - (this.#rank.get(change.from) ?? 0);
        if (step > 0) upgrades[bucket]! += 1;
        if (step < 0) downgrades[bucket]! += 1;
        const key = `${change.from}>${change.to}`;
        const move = moves.get(key) ?? { from: change.from, to: change.to, count: 0 };
        move.count += 1;
        moves.set(key, move);
      }
    }
    return {
      tiers: keys.map((key) => ({ key, label: this.#labels.get(key)! })),
      distribution,
      upgrades,
      downgrades,
      moves: [...moves.values()].sort(
        (a, b) => column.get(a.from)! - column.get(b.from)! || column.get(a.to)! - column.get(b.to)!,
      ),
    };
  }
}
