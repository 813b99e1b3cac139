import { fail, ok, type Result } from '../../result/result.js';
import type { CalendarDate } from '../../time/calendar-date.js';
import { supersedeTierProposal } from '../applying/decide-proposal.js';
import { endTierOverride, overrideTier } from '../applying/override-tier.js';
import type { TierEffect } from '../applying/tier-effect.js';
import type { TierStanding } from '../standing/tier-standing.js';
import {
  expectationFor,
  storedOrInitialStanding,
  tierProgramToday,
  unknownPartner,
  type TierDependencies,
} from './tier-dependencies.js';

type Deps = Pick<TierDependencies, 'programs' | 'clock' | 'standings' | 'proposals' | 'inputs'>;

async function saveWithPendingSuperseded(
  deps: Deps,
  read: TierStanding,
  next: TierStanding,
  today: CalendarDate,
  effects: TierEffect[],
): Promise<Result<{ standing: TierStanding; effects: TierEffect[] }>> {
  const saved = await deps.standings.save(next, expectationFor(read.version));
  if (!saved.success) return saved;
  for (const pending of await deps.proposals.pendingFor([read.partnerId])) {
    const superseded = await deps.proposals.save(supersedeTierProposal(pending, today, null), {
      expectedVersion: pending.version,
    });
    if (!superseded.success) return superseded;
  }
  return ok({ standing: { ...next, version: saved.data.version }, effects });
}

/**
 * Sets a partner's tier by hand until `expiresOn` (see `overrideTier`), today, and supersedes its
 * pending proposal. A partner without a standing yet starts from its record's tier. Fails with the
 * override's issues, `unknown_partner` or `stale_write`.
 *
 * @example await overridePartnerTier(deps, { partnerId: 'p-1', tierId: 'gold', expiresOn: '2027-03-31', reason: 'Launch partner', by: 'u-7' })
 */
export async function overridePartnerTier(
  deps: Deps,
  request: { partnerId: string; tierId: string; expiresOn: CalendarDate; reason: string; by: string },
): Promise<Result<{ standing: TierStanding; effects: TierEffect[] }>> {
  const loaded = await tierProgramToday(deps);
  if (!loaded.success) return loaded;
  const { program, today } = loaded.data;
  const read = await storedOrInitialStanding(deps, request.partnerId, today);
  if (!read) return fail([unknownPartner(request.partnerId)]);
  const overridden = overrideTier(read, { ...request, on: today }, program);
  if (!overridden.success) return overridden;
  return saveWithPendingSuperseded(deps, read, overridden.data.next, today, overridden.data.effects);
}

/** Ends a partner's tier override today (see `endTierOverride`); the next evaluation returns it to its qualifying tier. */
export async function endPartnerTierOverride(
  deps: Deps,
  request: { partnerId: string; by: string },
): Promise<Result<{ standing: TierStanding; effects: TierEffect[] }>> {
  const loaded = await tierProgramToday(deps);
  if (!loaded.success) return loaded;
  const { program, today } = loaded.data;
  const read = await storedOrInitialStanding(deps, request.partnerId, today);
  if (!read) return fail([unknownPartner(request.partnerId)]);
  const ended = endTierOverride(read, { on: today, by: request.by }, program);
  if (!ended.success) return ended;
  return saveWithPendingSuperseded(deps, read, ended.data.next, today, ended.data.effects);
}
