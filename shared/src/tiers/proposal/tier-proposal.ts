import * as z from 'zod';
import { IdentifierSchema, RecordIdSchema } from '../../common/schemas.js';
import { IssueSchema } from '../../result/issue.js';
import { CalendarDateSchema } from '../../time/calendar-date.js';
import { DecisionTraceSchema } from '../../trace/decision-trace.js';
import { TierPlanSchema } from './tier-plan.js';

/**
 * What an evaluation proposes for a partner's tier:
 * - `upgrade`: up to the tier it qualifies for;
 * - `downgrade`: down, one rank or to the tier it qualifies for, when grace is over, on probation, or
 *   when an override expires;
 * - `hold_in_grace`: it no longer qualifies for its tier but keeps it for the grace period;
 * - `no_change`: it keeps its tier (it meets it, an override is in force, or a change is already scheduled).
 */
export const TierProposalKindSchema = z.enum(['upgrade', 'downgrade', 'hold_in_grace', 'no_change']);
export type TierProposalKind = z.infer<typeof TierProposalKindSchema>;

/**
 * What to do with a proposal:
 * - `await_approval`: a channel manager approves or rejects it (the program's approval is manual for
 *   this move, or the partner's data has issues);
 * - `apply_automatically`: the program approves it automatically;
 * - `none`: it changes nothing.
 */
export const TierProposalActionSchema = z.enum(['await_approval', 'apply_automatically', 'none']);
export type TierProposalAction = z.infer<typeof TierProposalActionSchema>;

/**
 * A tier proposal for one partner: the move, the tier it qualifies for, when the move takes effect,
 * what to do with it, the plan that applying it carries out, issues with the partner's data, and the
 * explanation (criteria met and unmet with actual and required values, the rules of movement applied,
 * the gap to the next tier) as a decision trace. `standingVersion` is the version of the standing it
 * was computed from: applying it to a standing that changed since is refused as stale.
 */
export const TierProposalSchema = z.strictObject({
  partnerId: RecordIdSchema,
  programId: IdentifierSchema,
  evaluatedOn: CalendarDateSchema,
  standingVersion: z.int().min(0),
  kind: TierProposalKindSchema,
  fromTierId: IdentifierSchema.nullable(),
  toTierId: IdentifierSchema.nullable(),
  qualifyingTierId: IdentifierSchema.nullable(),
  /** When the move takes effect; `null` when the tier does not move. */
  effectiveOn: CalendarDateSchema.nullable(),
  action: TierProposalActionSchema,
  plan: TierPlanSchema,
  issues: z.array(IssueSchema),
  trace: DecisionTraceSchema,
});
export type TierProposal = z.infer<typeof TierProposalSchema>;
