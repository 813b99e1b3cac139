import * as z from 'zod';
import { IdentifierSchema, RecordIdSchema } from '../../common/schemas.js';
import { CurrencyCodeSchema, MoneySchema } from '../../money/money.js';
import { CalendarDateSchema } from '../../time/calendar-date.js';
import { InstantSchema } from '../../time/instant.js';
import { PeriodSchema } from '../../time/period.js';
import { AllocationBalancesSchema } from '../ledger/balances.js';

/** How a budgeted allocation's amount was decided (the fund type's method, or a manual top-up). */
export const AllocationMethodSchema = z.enum(['tier_formula', 'prior_revenue_share', 'manual']);
export type AllocationMethod = z.infer<typeof AllocationMethodSchema>;

/** Co-op money earned that expires on one date: the allocation's expiry schedule, summed by date. */
export const AccrualLotSchema = z.strictObject({ expiresOn: CalendarDateSchema, amount: MoneySchema });
export type AccrualLot = z.infer<typeof AccrualLotSchema>;

const allocationFields = {
  id: RecordIdSchema,
  partnerId: RecordIdSchema,
  fundTypeId: IdentifierSchema,
  currency: CurrencyCodeSchema,
  /** Running totals of the allocation's ledger accounts; always equal to the balances derived from its postings. */
  balances: AllocationBalancesSchema,
  createdAt: InstantSchema,
  version: z.int().min(0),
};

/**
 * A partner's funds of one fund type (Salesforce's PartnerFundAllocation):
 * - `budgeted`: allocated from a budget for its period;
 * - `accrual`: co-op money earned on the partner's won revenue, with `lots`, the amounts earned by the
 *   date they expire (sorted by date).
 *
 * Every request draws on one allocation, and the allocation's version guards its balances: two managers
 * approving from the same stale read cannot both commit its money.
 */
export const MdfAllocationSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...allocationFields,
    kind: z.literal('budgeted'),
    budgetId: RecordIdSchema,
    period: PeriodSchema,
    method: AllocationMethodSchema,
  }),
  z.strictObject({ ...allocationFields, kind: z.literal('accrual'), lots: z.array(AccrualLotSchema) }),
]);
export type MdfAllocation = z.infer<typeof MdfAllocationSchema>;
export type BudgetedAllocation = Extract<MdfAllocation, { kind: 'budgeted' }>;
export type AccrualAllocation = Extract<MdfAllocation, { kind: 'accrual' }>;
