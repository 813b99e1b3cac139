import * as z from 'zod';
import { DisplayNameSchema, IdentifierSchema, PercentSchema, uniqueList } from '../../common/schemas.js';
import { CurrencyCodeSchema, NonNegativeMoneySchema } from '../../money/money.js';

/** A kind of proof of performance a claim can carry (invoice, attendee list, screenshots…). */
export const ProofKindSchema = z.strictObject({ id: IdentifierSchema, name: DisplayNameSchema });

/** An activity MDF may pay for, the share of its cost reimbursed and the proofs a claim needs. */
export const MdfActivitySchema = z.strictObject({
  id: IdentifierSchema,
  name: DisplayNameSchema,
  reimbursementPercent: PercentSchema.refine((percent) => percent > 0, {
    error: 'must be more than 0',
    params: { code: 'too_small' },
  }),
  proofKindIds: uniqueList(IdentifierSchema).min(1),
});
export type MdfActivity = z.infer<typeof MdfActivitySchema>;

const fundFields = {
  id: IdentifierSchema,
  name: DisplayNameSchema,
  eligibleActivityIds: uniqueList(IdentifierSchema).min(1),
};

/**
 * A fund type:
 * - `budgeted`: a budget per period allocated to partners by tier formula, share of prior revenue, or by hand;
 * - `accrual` (co-op): earned as a percentage of the partner's won revenue (the tier's MDF rate, or a
 *   fixed one), expiring some days after it is earned.
 */
export const FundTypeSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...fundFields,
    kind: z.literal('budgeted'),
    allocation: z.enum(['tier_formula', 'prior_revenue_share', 'manual']),
  }),
  z.strictObject({
    ...fundFields,
    kind: z.literal('accrual'),
    accrual: z.strictObject({
      rate: z.discriminatedUnion('from', [
        z.strictObject({ from: z.literal('tier') }),
        z.strictObject({ from: z.literal('fixed'), percent: PercentSchema }),
      ]),
      basis: z.enum(['sourced_won_revenue', 'all_won_revenue']),
      expiresAfterDays: z.int().min(1).max(1095),
    }),
  }),
]);
export type FundType = z.infer<typeof FundTypeSchema>;

/** Who approves a request up to an amount; the last level has no upper bound (`upTo: null`). */
export const ApprovalLevelSchema = z.strictObject({
  name: DisplayNameSchema,
  upTo: NonNegativeMoneySchema.nullable(),
  approverRole: IdentifierSchema,
});
export type ApprovalLevel = z.infer<typeof ApprovalLevelSchema>;

/**
 * The MDF policy: fund types, eligible activities with their reimbursement, proof kinds, approval
 * levels by amount, how long before an activity a request must come in, how long after it a claim
 * may be filed, and the currencies besides the program's that requests may use.
 */
export const MdfPolicySchema = z.strictObject({
  fundTypes: z.array(FundTypeSchema).min(1),
  activities: z.array(MdfActivitySchema).min(1),
  proofKinds: z.array(ProofKindSchema).min(1),
  approvalLevels: z.array(ApprovalLevelSchema).min(1),
  leadTimeDays: z.int().min(0).max(365),
  claimDeadlineDays: z.int().min(1).max(365),
  additionalCurrencies: uniqueList(CurrencyCodeSchema).default([]),
});
export type MdfPolicy = z.infer<typeof MdfPolicySchema>;
