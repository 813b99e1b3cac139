import * as z from 'zod';
import { DisplayNameSchema, IdentifierSchema, RecordIdSchema } from '../../common/schemas.js';
import { TerritoryCodeSchema } from '../../geo/schemas.js';
import { InstantSchema } from '../../time/instant.js';
import { PeriodSchema } from '../../time/period.js';
import { BudgetBalancesSchema } from '../ledger/balances.js';

/**
 * Whom a budget is for: the whole program, or a region (partners located in one of its territories,
 * ISO 3166 countries or subdivisions).
 */
export const BudgetScopeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('program') }),
  z.strictObject({
    kind: z.literal('region'),
    name: DisplayNameSchema,
    territories: z.array(TerritoryCodeSchema).min(1),
  }),
]);
export type BudgetScope = z.infer<typeof BudgetScopeSchema>;

/**
 * A budget of a budgeted fund type for one fiscal period and one scope (Salesforce's
 * PartnerMarketingBudget). Its money is funded into it and allocated to partners from it; `balances` are
 * the running totals of its ledger accounts (minus what was funded; what is left to allocate).
 */
export const MdfBudgetSchema = z.strictObject({
  id: RecordIdSchema,
  name: DisplayNameSchema,
  fundTypeId: IdentifierSchema,
  period: PeriodSchema,
  scope: BudgetScopeSchema,
  balances: BudgetBalancesSchema,
  createdAt: InstantSchema,
  version: z.int().min(0),
});
export type MdfBudget = z.infer<typeof MdfBudgetSchema>;
