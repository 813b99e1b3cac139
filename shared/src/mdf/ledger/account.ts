import * as z from 'zod';
import { RecordIdSchema } from '../../common/schemas.js';

/**
 * The accounts of a budget:
 * - `funding`: the source money enters the budget from (its balance is minus everything funded);
 * - `unallocated`: funded money not yet allocated to a partner.
 */
export const BudgetBucketSchema = z.enum(['funding', 'unallocated']);
export type BudgetBucket = z.infer<typeof BudgetBucketSchema>;

/**
 * The accounts of a partner's allocation, where its money is at any time:
 * - `accrued`: the source co-op money is earned from (minus everything accrued; accrual funds only);
 * - `available`: money the partner may still request;
 * - `committed`: approved by a request, not yet claimed;
 * - `claimed`: claimed with proof and approved, awaiting payment;
 * - `paid`: paid to the partner;
 * - `released`: a clearing account: money released from a request passes through it on its way back to
 *   `available` (or to `expired` when the co-op money it came from has expired meanwhile), so its balance
 *   is always zero and its turnover is what requests have released;
 * - `expired`: co-op money that expired unused.
 */
export const AllocationBucketSchema = z.enum([
  'accrued',
  'available',
  'committed',
  'claimed',
  'paid',
  'released',
  'expired',
]);
export type AllocationBucket = z.infer<typeof AllocationBucketSchema>;

/** One account of the MDF ledger: a bucket of a budget or of an allocation. */
export const MdfAccountSchema = z.discriminatedUnion('holder', [
  z.strictObject({ holder: z.literal('budget'), budgetId: RecordIdSchema, bucket: BudgetBucketSchema }),
  z.strictObject({ holder: z.literal('allocation'), allocationId: RecordIdSchema, bucket: AllocationBucketSchema }),
]);
export type MdfAccount = z.infer<typeof MdfAccountSchema>;

/** The account `bucket` of a budget. */
export function budgetAccount(budgetId: string, bucket: BudgetBucket): MdfAccount {
  return { holder: 'budget', budgetId, bucket };
}

/** The account `bucket` of an allocation. */
export function allocationAccount(allocationId: string, bucket: AllocationBucket): MdfAccount {
  return { holder: 'allocation', allocationId, bucket };
}

/**
 * A key that names an account uniquely, for maps and for people reading a ledger.
 *
 * @example accountKey(allocationAccount('alloc-1', 'available')) // 'allocation:alloc-1:available'
 */
export function accountKey(account: MdfAccount): string {
  return account.holder === 'budget'
    ? `budget:${account.budgetId}:${account.bucket}`
    : `allocation:${account.allocationId}:${account.bucket}`;
}

/** Source accounts are where money enters the ledger from; their balance is never positive. */
export function isSourceAccount(account: MdfAccount): boolean {
  return account.bucket === 'funding' || account.bucket === 'accrued';
}
