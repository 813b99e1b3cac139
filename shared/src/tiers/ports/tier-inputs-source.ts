import type { CalendarDate } from '../../time/calendar-date.js';
import type { PartnerTierInputs } from '../inputs/partner-tier-inputs.js';

/** Which partners' data to read, and over which days. */
export interface TierInputsQuery {
  /** The earliest day a window reads (`TierEvaluator.dataFrom`). */
  from: CalendarDate;
  /** The evaluation date. */
  through: CalendarDate;
  /** Only these partners; all of the program's partners when left out. */
  partnerIds?: readonly string[];
}

/**
 * Where tier evaluation reads partners' data: pages of partners, each partner once and whole (its won
 * deals, approved registrations, satisfaction scores and windowed custom metric values dated from
 * `from` through `through`; all its certifications; for each custom metric key, at least its latest
 * value on or before `through`). Adapters assemble the pages from the CRM (deals, partner records),
 * the registration engine and survey tools, so that a batch streams a page at a time.
 */
export interface TierInputsSource {
  scan(query: TierInputsQuery): AsyncIterable<readonly PartnerTierInputs[]>;
}
