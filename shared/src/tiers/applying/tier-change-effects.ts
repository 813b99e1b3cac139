import type { Program } from '../../program/schema/program.js';
import type { CalendarDate } from '../../time/calendar-date.js';
import type { TierEffect } from './tier-effect.js';

/** The display name of a tier id in a program ("no tier" for `null`, the id itself when unknown). */
export function tierName(program: Program, tierId: string | null): string {
  if (tierId === null) return 'no tier';
  return program.tiers.find((tier) => tier.id === tierId)?.name ?? `"${tierId}"`;
}

/**
 * The effects of a partner's tier changing on a day: update its tier field, adjust its benefits and
 * tell people.
 *
 * @example tierChangeEffects(program, 'p-1', 'silver', 'gold', '2026-11-24')
 * // [{ kind: 'update_partner_tier', … }, { kind: 'adjust_benefits', … }, { kind: 'notify', event: 'tier_upgraded', … }]
 */
export function tierChangeEffects(
  program: Program,
  partnerId: string,
  fromTierId: string | null,
  toTierId: string | null,
  effectiveOn: CalendarDate,
): TierEffect[] {
  const rank = (id: string | null) => (id === null ? 0 : (program.tiers.find((tier) => tier.id === id)?.rank ?? 0));
  const up = rank(toTierId) >= rank(fromTierId);
  const benefits = toTierId === null ? null : (program.tiers.find((tier) => tier.id === toTierId)?.benefits ?? null);
  return [
    { kind: 'update_partner_tier', partnerId, tierId: toTierId, effectiveOn },
    { kind: 'adjust_benefits', partnerId, tierId: toTierId, benefits: benefits && { ...benefits }, effectiveOn },
    {
      kind: 'notify',
      partnerId,
      event: up ? 'tier_upgraded' : 'tier_downgraded',
      message: `Tier ${up ? 'raised' : 'lowered'} from ${tierName(program, fromTierId)} to ${tierName(program, toTierId)}, effective ${effectiveOn}.`,
    },
  ];
}
