/**
 * The counters a KPI report adds up, per group (a bucket, a partner, a region): amounts in minor units and
 * counts, as one `Float64Array` of `groups × SLOT_COUNT` (integers stay exact up to 2^53). A deal's
 * counters sit together by role (sourced, influenced, direct: `ROLE_STRIDE` slots each), so that counting a
 * deal touches one short stretch of its partner's row.
 */
export const Slot = {
  sourcedPipelineAmount: 0,
  sourcedPipelineDeals: 1,
  sourcedWonAmount: 2,
  sourcedWonDeals: 3,
  sourcedLostDeals: 4,
  influencedPipelineAmount: 5,
  influencedPipelineDeals: 6,
  influencedWonAmount: 7,
  influencedWonDeals: 8,
  influencedLostDeals: 9,
  directPipelineAmount: 10,
  directPipelineDeals: 11,
  directWonAmount: 12,
  directWonDeals: 13,
  directLostDeals: 14,
  approved: 15,
  rejected: 16,
  accepted: 17,
  declined: 18,
  expired: 19,
  activities: 20,
  invested: 21,
} as const;
export const SLOT_COUNT = 22;

/** The distance between the sourced, influenced and direct counters of a kind. */
export const ROLE_STRIDE = 5;

/** Which role's counters a deal goes to: 0 sourced, 1 influenced, 2 direct (times `ROLE_STRIDE` from the sourced slot). */
export type RoleOffset = 0 | 1 | 2;

/** Counters for `groups` groups. */
export class Tally {
  readonly values: Float64Array;

  constructor(readonly groups: number) {
    this.values = new Float64Array(groups * SLOT_COUNT);
  }

  add(group: number, slot: number, amount: number): void {
    this.values[group * SLOT_COUNT + slot]! += amount;
  }

  get(group: number, slot: number): number {
    return this.values[group * SLOT_COUNT + slot]!;
  }

  /** Adds every counter of `group` into `into`'s group `target`. */
  addGroupInto(group: number, into: Tally, target: number): void {
    const from = group * SLOT_COUNT;
    const to = target * SLOT_COUNT;
    for (let slot = 0; slot < SLOT_COUNT; slot++) into.values[to + slot]! += this.values[from + slot]!;
  }
}

/** A single group's counters, for a region discovered while rows stream in. */
export function groupCounters(): Float64Array {
  return new Float64Array(SLOT_COUNT);
}
