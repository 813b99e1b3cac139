import type { Program } from '../../program/schema/program.js';
import { issue, type Issue } from '../../result/issue.js';
import { fail, ok, type Result } from '../../result/result.js';
import { addDays, type CalendarDate } from '../../time/calendar-date.js';
import type { TierChange } from '../standing/tier-change.js';
import type { TierStanding } from '../standing/tier-standing.js';
import type { TierTransition } from './apply-proposal.js';
import { tierChangeEffects, tierName } from './tier-change-effects.js';

/** A channel manager's request to set a partner's tier by hand until a day. */
export interface TierOverrideRequest {
  tierId: string;
  /** The first day the override no longer applies; at most `tierPolicy.overrides.maxDays` after `on`. */
  expiresOn: CalendarDate;
  reason: string;
  /** The user setting it. */
  by: string;
  /** The day it is set, a day of the program's calendar. */
  on: CalendarDate;
}

/**
 * Sets a manual tier override: the partner holds `tierId` at once, no grace period or scheduled change
 * survives, and evaluations propose no move until the override expires (then the partner returns to
 * the tier it qualifies for). Replaces an override already in force.
 *
 * Fails with `unknown_tier`, `override_expiry_past` (it must expire after today), `override_too_long`
 * (beyond the program's `overrides.maxDays`) or `blank` (no reason).
 */
export function overrideTier(
  standing: TierStanding,
  request: TierOverrideRequest,
  program: Program,
): Result<TierTransition> {
  const issues: Issue[] = [];
  const tier = program.tiers.find((candidate) => candidate.id === request.tierId);
  if (!tier) {
    issues.push(
      issue(
        ['tierId'],
        'unknown_tier',
        `The program has no tier "${request.tierId}": choose one of ${program.tiers.map((t) => `"${t.id}"`).join(', ')}.`,
      ),
    );
  }
  const maxDays = program.tierPolicy.overrides.maxDays;
  if (request.expiresOn <= request.on) {
    issues.push(
      issue(
        ['expiresOn'],
        'override_expiry_past',
        `An override must expire after the day it is set (${request.on}), but it expires on ${request.expiresOn}.`,
      ),
    );
  } else if (request.expiresOn > addDays(request.on, maxDays)) {
    issues.push(
      issue(
        ['expiresOn'],
        'override_too_long',
        `An override may last at most ${maxDays} days (until ${addDays(request.on, maxDays)}), but this one lasts until ${request.expiresOn}.`,
      ),
    );
  }
  if (request.reason.trim() === '')
    issues.push(issue(['reason'], 'blank', 'Say why the tier is overridden: the reason must not be blank.'));
  if (issues.length > 0 || !tier) return fail(issues);

  const fromTierId = standing.tier === null ? null : standing.tier.tierId;
  const rank = (id: string | null) =>
    id === null ? 0 : (program.tiers.find((candidate) => candidate.id === id)?.rank ?? 0);
  const change: TierChange = {
    direction: tier.rank > rank(fromTierId) ? 'upgrade' : tier.rank < rank(fromTierId) ? 'downgrade' : 'same',
    reason: 'override',
    fromTierId,
    toTierId: tier.id,
    effectiveOn: request.on,
    decidedOn: request.on,
    appliedOn: request.on,
    decidedBy: { kind: 'user', userId: request.by },
    proposalId: null,
    note: request.reason,
  };
  const next: TierStanding = {
    partnerId: standing.partnerId,
    version: standing.version,
    specializations: standing.specializations,
    history: [...standing.history, change],
    status: 'overridden',
    tier: { tierId: tier.id, since: request.on, reachedBy: 'override', decidedOn: request.on },
    grace: null,
    override: {
      tierId: tier.id,
      setOn: request.on,
      expiresOn: request.expiresOn,
      reason: request.reason,
      by: request.by,
    },
    scheduled: null,
  };
  const effects = [
    ...(fromTierId === tier.id ? [] : tierChangeEffects(program, standing.partnerId, fromTierId, tier.id, request.on)),
    {
      kind: 'notify' as const,
      partnerId: standing.partnerId,
      event: 'override_set' as const,
      message: `${tierName(program, tier.id)} set by ${request.by} until ${request.expiresOn}: ${request.reason}`,
    },
  ];
  return ok({ next, effects });
}

/**
 * Ends an override early, on `on`: it counts as expired from that day, so the next evaluation returns
 * the partner to the tier it qualifies for. Fails with `not_overridden` when no override is in force.
 */
export function endTierOverride(
  standing: TierStanding,
  end: { on: CalendarDate; by: string },
  program: Program,
): Result<TierTransition> {
  if (standing.status !== 'overridden' || standing.override.expiresOn <= end.on) {
    return fail([issue(['override'], 'not_overridden', 'No tier override is in force for this partner.')]);
  }
  return ok({
    next: { ...standing, override: { ...standing.override, expiresOn: end.on } },
    effects: [
      {
        kind: 'notify',
        partnerId: standing.partnerId,
        event: 'override_ended',
        message: `The override to ${tierName(program, standing.tier.tierId)} was ended by ${end.by} on ${end.on}; the next evaluation returns the partner to the tier it qualifies for.`,
      },
    ],
  });
}
