import type { CalendarDate } from '../../time/calendar-date.js';
import type { TraceStep } from '../../trace/decision-trace.js';
import type { TierMovePlan } from '../proposal/tier-plan.js';
import type { TierProposalKind } from '../proposal/tier-proposal.js';

/** The movement rules' verdict for one partner: the move, its plan, and the steps and sentence that explain it. */
export interface TierMovement {
  kind: TierProposalKind;
  /** The level the partner holds (0: no tier, or a tier the program does not have). */
  fromLevel: number;
  toLevel: number;
  plan: TierMovePlan;
  effectiveOn: CalendarDate | null;
  steps: TraceStep[];
  /** One sentence, without its full stop. */
  summary: string;
}

/** A verdict that moves nothing. */
export function staying(
  kind: TierProposalKind,
  level: number,
  plan: TierMovePlan,
  steps: TraceStep[],
  summary: string,
): TierMovement {
  return { kind, fromLevel: level, toLevel: level, plan, effectiveOn: null, steps, summary };
}

/** "1 evaluation period", "3 evaluation periods". */
export function periodsWord(count: number): string {
  return count === 1 ? '1 evaluation period' : `${count} evaluation periods`;
}
