import type { Criterion } from '../../program/schema/criteria.js';
import type { CalendarDate } from '../../time/calendar-date.js';
import type { FiscalCalendar } from '../../time/fiscal-calendar.js';
import { metricWindowRange, type MetricWindowRange } from '../time/metric-window.js';

/**
 * One quantity a program's criteria read, resolved for an evaluation date: criteria that measure the
 * same thing (same kind, window, attribution, certification type and product, or custom key) share a
 * measure, so each is tallied once per partner whatever the number of tiers asking for it.
 */
export type Measure =
  | { kind: 'won_revenue'; slot: number; sourcedOnly: boolean; range: MetricWindowRange }
  | { kind: 'closed_won_deals'; slot: number; range: MetricWindowRange }
  | { kind: 'approved_registrations'; slot: number; range: MetricWindowRange }
  | { kind: 'certifications'; slot: number; certificationType: string | undefined; product: string | undefined }
  | { kind: 'customer_satisfaction'; slot: number; range: MetricWindowRange }
  | { kind: 'custom_metric'; slot: number; key: string; range: MetricWindowRange | undefined };

function windowKey(range: MetricWindowRange | undefined): string {
  return range ? `${range.from}..${range.through}` : 'latest';
}

/** The measures of a program on an evaluation date, each with its slot in a tally. */
export class MeasureCatalog {
  readonly measures: Measure[] = [];
  readonly #bySignature = new Map<string, Measure>();

  constructor(
    readonly asOf: CalendarDate,
    readonly calendar: FiscalCalendar,
  ) {}

  /** The measure a criterion reads, added on first use. */
  measureOf(criterion: Criterion): Measure {
    const range =
      'window' in criterion && criterion.window
        ? metricWindowRange(criterion.window, this.asOf, this.calendar)
        : undefined;
    const signature = signatureOf(criterion, windowKey(range));
    const known = this.#bySignature.get(signature);
    if (known) return known;
    const measure = newMeasure(criterion, this.measures.length, range);
    this.measures.push(measure);
    this.#bySignature.set(signature, measure);
    return measure;
  }
}

function signatureOf(criterion: Criterion, window: string): string {
  switch (criterion.kind) {
    case 'won_revenue':
      return `won_revenue|${criterion.attribution}|${window}`;
    case 'closed_won_deals':
    case 'approved_registrations':
    case 'customer_satisfaction':
      return `${criterion.kind}|${window}`;
    case 'certifications':
      return `certifications|${JSON.stringify([criterion.certificationType ?? null, criterion.product ?? null])}`;
    case 'custom_metric':
      return `custom_metric|${criterion.key}|${window}`;
  }
}

function newMeasure(criterion: Criterion, slot: number, range: MetricWindowRange | undefined): Measure {
  const ranged = (): MetricWindowRange => {
    if (!range) throw new Error(`A ${criterion.kind} criterion always has a window.`);
    return range;
  };
  switch (criterion.kind) {
    case 'won_revenue':
      return { kind: 'won_revenue', slot, sourcedOnly: criterion.attribution === 'sourced', range: ranged() };
    case 'closed_won_deals':
    case 'approved_registrations':
    case 'customer_satisfaction':
      return { kind: criterion.kind, slot, range: ranged() };
    case 'certifications':
      return {
        kind: 'certifications',
        slot,
        certificationType: criterion.certificationType,
        product: criterion.product,
      };
    case 'custom_metric':
      return { kind: 'custom_metric', slot, key: criterion.key, range };
  }
}
