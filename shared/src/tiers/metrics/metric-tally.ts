import type { PartnerRole } from '../../entities/deal.js';
import type { DayNumber } from '../../time/day-number.js';
import type { Measure } from './measure.js';

/**
 * Accumulates one partner's data into the measures of a program, one item at a time, without keeping
 * the items: the batch path streams millions of deals through it as plain numbers and strings, and a
 * tally is reset and reused from one partner to the next.
 *
 * Dates are day numbers (`toDayNumber`), amounts integer minor units.
 *
 * @example
 * const tally = evaluator.newTally();
 * tally.addWonDeal('sourced', toDayNumber('2026-03-02'), 4_200_000, 'USD');
 * tally.addCertification('sales-professional', undefined, toDayNumber('2025-01-10'), null);
 */
export interface TierMetricTally {
  /** Forgets everything added, to tally the next partner. */
  reset(): void;
  /** A won partner deal: counts as a closed won deal, and as won revenue in the program's currency. */
  addWonDeal(role: PartnerRole, closedOn: DayNumber, amountMinor: number, currency: string): void;
  /** A deal registration approved on a day. */
  addApprovedRegistration(approvedOn: DayNumber): void;
  /** A certification, held from `earnedOn` until the day before `expiresOn` (`null`: it does not expire). */
  addCertification(type: string, product: string | undefined, earnedOn: DayNumber, expiresOn: DayNumber | null): void;
  /** A customer-satisfaction score (0 to 100) on a day. */
  addSatisfactionScore(on: DayNumber, value: number): void;
  /** A value of the custom metric `key` on a day. */
  addCustomMetric(key: string, on: DayNumber, value: number): void;
  /** What a measure came to: a sum, a count or the latest value. */
  value(slot: number): number;
  /** How many data points a measure saw (satisfaction scores, custom metric values). */
  points(slot: number): number;
  /** Won deals left out of revenue because their currency is not the program's, by currency. */
  readonly foreignCurrencyDeals: ReadonlyMap<string, number>;
}

/** The tally of a program's measures on one evaluation date. */
export class MeasureTally implements TierMetricTally {
  readonly #values: Float64Array;
  readonly #points: Float64Array;
  readonly #latest: Float64Array;
  readonly #foreign = new Map<string, number>();
  readonly #currency: string;
  readonly #asOf: DayNumber;
  // Won-deal measures as parallel columns: the inner loop of the 5-million-deal benchmark.
  readonly #revenueSlot: Int32Array;
  readonly #revenueFrom: Float64Array;
  readonly #revenueUntil: Float64Array;
  readonly #revenueSourcedOnly: Uint8Array;
  readonly #dealSlot: Int32Array;
  readonly #dealFrom: Float64Array;
  readonly #dealUntil: Float64Array;
  readonly #registrations: readonly Extract<Measure, { kind: 'approved_registrations' }>[];
  readonly #certifications: readonly Extract<Measure, { kind: 'certifications' }>[];
  readonly #satisfaction: readonly Extract<Measure, { kind: 'customer_satisfaction' }>[];
  readonly #custom: readonly Extract<Measure, { kind: 'custom_metric' }>[];

  constructor(measures: readonly Measure[], programCurrency: string, asOf: DayNumber) {
    this.#values = new Float64Array(measures.length);
    this.#points = new Float64Array(measures.length);
    this.#latest = new Float64Array(measures.length).fill(Number.NEGATIVE_INFINITY);
    this.#currency = programCurrency;
    this.#asOf = asOf;
    const revenue = measures.filter((m): m is Extract<Measure, { kind: 'won_revenue' }> => m.kind === 'won_revenue');
    this.#revenueSlot = Int32Array.from(revenue, (m) => m.slot);
    this.#revenueFrom = Float64Array.from(revenue, (m) => m.range.fromDay);
    this.#revenueUntil = Float64Array.from(revenue, (m) => m.range.untilDay);
    this.#revenueSourcedOnly = Uint8Array.from(revenue, (m) => (m.sourcedOnly ? 1 : 0));
    const deals = measures.filter(
      (m): m is Extract<Measure, { kind: 'closed_won_deals' }> => m.kind === 'closed_won_deals',
    );
    this.#dealSlot = Int32Array.from(deals, (m) => m.slot);
    this.#dealFrom = Float64Array.from(deals, (m) => m.range.fromDay);
    this.#dealUntil = Float64Array.from(deals, (m) => m.range.untilDay);
    this.#registrations = measures.filter(
      (m): m is Extract<Measure, { kind: 'approved_registrations' }> => m.kind === 'approved_registrations',
    );
    this.#certifications = measures.filter(
      (m): m is Extract<Measure, { kind: 'certifications' }> => m.kind === 'certifications',
    );
    this.#satisfaction = measures.filter(
      (m): m is Extract<Measure, { kind: 'customer_satisfaction' }> => m.kind === 'customer_satisfaction',
    );
    this.#custom = measures.filter((m): m is Extract<Measure, { kind: 'custom_metric' }> => m.kind === 'custom_metric');
  }

  get foreignCurrencyDeals(): ReadonlyMap<string, number> {
    return this.#foreign;
  }

  reset(): void {
    this.#values.fill(0);
    this.#points.fill(0);
    this.#latest.fill(Number.NEGATIVE_INFINITY);
    if (this.#foreign.size > 0) this.#foreign.clear();
  }

  addWonDeal(role: PartnerRole, closedOn: DayNumber, amountMinor: number, currency: string): void {
    const values = this.#values;
    for (let index = 0; index < this.#dealSlot.length; index++) {
      if (closedOn >= this.#dealFrom[index]! && closedOn < this.#dealUntil[index]!)
        values[this.#dealSlot[index]!]! += 1;
    }
    if (currency !== this.#currency) {
      this.#foreign.set(currency, (this.#foreign.get(currency) ?? 0) + 1);
      return;
    }
    const sourced = role === 'sourced';
    for (let index = 0; index < this.#revenueSlot.length; index++) {
      if (!sourced && this.#revenueSourcedOnly[index] === 1) continue;
      if (closedOn >= this.#revenueFrom[index]! && closedOn < this.#revenueUntil[index]!) {
        values[this.#revenueSlot[index]!]! += amountMinor;
      }
    }
  }

  addApprovedRegistration(approvedOn: DayNumber): void {
    for (const measure of this.#registrations) {
      if (approvedOn >= measure.range.fromDay && approvedOn < measure.range.untilDay) this.#values[measure.slot]! += 1;
    }
  }

  addCertification(type: string, product: string | undefined, earnedOn: DayNumber, expiresOn: DayNumber | null): void {
    if (earnedOn > this.#asOf || (expiresOn !== null && expiresOn <= this.#asOf)) return;
    for (const measure of this.#certifications) {
      if (measure.certificationType !== undefined && measure.certificationType !== type) continue;
      if (measure.product !== undefined && measure.product !== product) continue;
      this.#values[measure.slot]! += 1;
    }
  }

  addSatisfactionScore(on: DayNumber, value: number): void {
    for (const measure of this.#satisfaction) {
      if (on >= measure.range.fromDay && on < measure.range.untilDay) {
        this.#values[measure.slot]! += value;
        this.#points[measure.slot]! += 1;
      }
    }
  }

  addCustomMetric(key: string, on: DayNumber, value: number): void {
    for (const measure of this.#custom) {
      if (measure.key !== key) continue;
      const slot = measure.slot;
      if (measure.range) {
        if (on >= measure.range.fromDay && on < measure.range.untilDay) {
          this.#values[slot]! += value;
          this.#points[slot]! += 1;
        }
      } else if (on <= this.#asOf && on >= this.#latest[slot]!) {
        // The latest value on or before the evaluation date; of two on one day, the one supplied last.
        this.#latest[slot] = on;
        this.#values[slot] = value;
        this.#points[slot]! += 1;
      }
    }
  }

  value(slot: number): number {
    return this.#values[slot]!;
  }

  points(slot: number): number {
    return this.#points[slot]!;
  }
}
