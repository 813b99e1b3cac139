import type { CalendarDate } from '../../time/calendar-date.js';
import type { TierStanding } from './tier-standing.js';

/**
 * The standing of a partner that has none yet, from its record's tier and specializations as of `on`:
 * `tiered` (reached `initial`ly, so without probation) or `untiered`, never saved (version 0).
 *
 * @example initialTierStanding('p-1', 'silver', [], '2026-11-24').status // 'tiered'
 */
export function initialTierStanding(
  partnerId: string,
  tierId: string | null,
  specializationIds: readonly string[],
  on: CalendarDate,
): TierStanding {
  const specializations = specializationIds.map((specializationId) => ({
    specializationId,
    since: on,
    graceSince: null,
  }));
  const shared = { partnerId, version: 0, specializations, history: [], grace: null, override: null, scheduled: null };
  if (tierId === null) return { ...shared, status: 'untiered', tier: null };
  return { ...shared, status: 'tiered', tier: { tierId, since: on, reachedBy: 'initial', decidedOn: on } };
}
