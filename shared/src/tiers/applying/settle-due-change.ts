import type { Program } from '../../program/schema/program.js';
import type { CalendarDate } from '../../time/calendar-date.js';
import { settleScheduledTierChange } from '../standing/settle-scheduled-change.js';
import type { TierStanding } from '../standing/tier-standing.js';
import type { TierTransition } from './apply-proposal.js';
import { tierChangeEffects } from './tier-change-effects.js';

/**
 * Puts a scheduled tier change into effect once its day has come: the standing to save and the
 * effects (tier field, benefits, notification); `undefined` when nothing is due on `on`.
 *
 * @example settleDueTierChange(standing, '2027-02-01', program)?.effects[0] // { kind: 'update_partner_tier', … }
 */
export function settleDueTierChange(
  standing: TierStanding,
  on: CalendarDate,
  program: Program,
): TierTransition | undefined {
  const { standing: next, settled } = settleScheduledTierChange(standing, on);
  if (!settled) return undefined;
  return {
    next,
    effects: tierChangeEffects(program, standing.partnerId, settled.fromTierId, settled.toTierId, settled.effectiveOn),
  };
}
