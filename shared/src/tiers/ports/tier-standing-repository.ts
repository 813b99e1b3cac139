import type { Result } from '../../result/result.js';
import type { CalendarDate } from '../../time/calendar-date.js';
import type { WriteExpectation } from '../../ports/repository.js';
import type { TierStanding } from '../standing/tier-standing.js';

/** Which standings a scan returns; every field narrows, an empty query returns all. */
export interface TierStandingQuery {
  partnerIds?: readonly string[];
  statuses?: readonly TierStanding['status'][];
  /** Standings with a scheduled change taking effect on or before this day. */
  scheduledDueBy?: CalendarDate;
}

/**
 * Where partners' tier standings live (a custom object in Salesforce, the server's store for HubSpot),
 * with optimistic concurrency: a save states the version it read (`null` to create) and a stale one is
 * refused with the issue code `stale_write`. On success the standing is stored with the next version.
 */
export interface TierStandingRepository {
  get(partnerId: string): Promise<TierStanding | undefined>;
  /** The standings found among `partnerIds`, in no particular order; partners without one are left out. */
  getMany(partnerIds: readonly string[]): Promise<TierStanding[]>;
  save(standing: TierStanding, expectation: WriteExpectation): Promise<Result<{ version: number }>>;
  /** Standings in pages, for batch work. */
  scan(query: TierStandingQuery): AsyncIterable<readonly TierStanding[]>;
}
