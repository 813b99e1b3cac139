import type { CalendarDate } from '../../time/calendar-date.js';
import type { TierChange } from './tier-change.js';
import type { TierStanding } from './tier-standing.js';

/** A standing as of a day, and the scheduled change that took effect to get there, if any. */
export interface SettledTierStanding {
  standing: TierStanding;
  settled: TierChange | undefined;
}

/**
 * The standing as of `on`: a scheduled change whose day has come takes effect (it becomes the partner's
 * tier and enters the history); any other standing is returned as it is. Pure: the caller saves the
 * result and performs the effects of the change.
 *
 * @example settleScheduledTierChange(standing, '2027-02-01').standing.tier?.tierId // 'gold', from that day
 */
export function settleScheduledTierChange(standing: TierStanding, on: CalendarDate): SettledTierStanding {
  const scheduled = standing.scheduled;
  if (scheduled === null || scheduled.effectiveOn > on) return { standing, settled: undefined };
  const change: TierChange = {
    direction: scheduled.direction,
    reason: scheduled.reason,
    fromTierId: standing.tier === null ? null : standing.tier.tierId,
    toTierId: scheduled.toTierId,
    effectiveOn: scheduled.effectiveOn,
    decidedOn: scheduled.decidedOn,
    appliedOn: scheduled.appliedOn,
    decidedBy: scheduled.decidedBy,
    proposalId: scheduled.proposalId,
    note: null,
  };
  const shared = {
    partnerId: standing.partnerId,
    version: standing.version,
    specializations: standing.specializations,
    history: [...standing.history, change],
    override: null,
    scheduled: null,
  };
  if (scheduled.toTierId === null)
    return { standing: { ...shared, status: 'untiered', tier: null, grace: null }, settled: change };
  const tier = {
    tierId: scheduled.toTierId,
    since: scheduled.effectiveOn,
    reachedBy: scheduled.direction,
    decidedOn: scheduled.decidedOn,
  };
  const next: TierStanding =
    scheduled.graceSinceAfter === null
      ? { ...shared, status: 'tiered', tier, grace: null }
      : { ...shared, status: 'in_grace', tier, grace: { since: scheduled.graceSinceAfter } };
  return { standing: next, settled: change };
}
