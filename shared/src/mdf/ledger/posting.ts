import * as z from 'zod';
import { RecordIdSchema } from '../../common/schemas.js';
import { CurrencyCodeSchema, type CurrencyCode } from '../../money/money.js';
import { CalendarDateSchema } from '../../time/calendar-date.js';
import { InstantSchema } from '../../time/instant.js';
import type { MdfAccount } from './account.js';
import { MdfAccountSchema } from './account.js';

/**
 * One line of a posting: an amount (positive minor units) debited to or credited from an account.
 * Money moves from the credited account to the debited one; an account's balance is its debits minus
 * its credits.
 */
export const MdfLedgerLineSchema = z.strictObject({
  account: MdfAccountSchema,
  side: z.enum(['debit', 'credit']),
  amount: z.int().min(1),
});
export type MdfLedgerLine = z.infer<typeof MdfLedgerLineSchema>;

const postingFields = {
  id: RecordIdSchema,
  postedAt: InstantSchema,
  currency: CurrencyCodeSchema,
  /** A sentence saying what happened, for people reading the ledger. */
  memo: z.string().min(1),
  lines: z.array(MdfLedgerLineSchema).min(2),
};

/**
 * One balanced posting of the MDF ledger, tagged by what caused it, with the records it belongs to:
 * - `fund_budget`: a budget is funded (budget funding → unallocated);
 * - `allocate`: budget money is allocated to a partner (budget unallocated → allocation available);
 * - `accrue`: co-op money is earned on a won deal (allocation accrued → available), expiring on `expiresOn`;
 * - `commit`: a request is approved (available → committed);
 * - `claim`: a claim is approved (committed → claimed);
 * - `pay`: an approved claim is paid in a batch (claimed → paid);
 * - `release`: what a lapsed, closed or withdrawn request left unclaimed (committed → released → available,
 *   or → expired for co-op money already past its expiry);
 * - `expire`: co-op money reaches its expiry date unused (available → expired).
 */
export const MdfPostingSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ ...postingFields, kind: z.literal('fund_budget'), budgetId: RecordIdSchema }),
    z.strictObject({
      ...postingFields,
      kind: z.literal('allocate'),
      budgetId: RecordIdSchema,
      allocationId: RecordIdSchema,
    }),
    z.strictObject({
      ...postingFields,
      kind: z.literal('accrue'),
      allocationId: RecordIdSchema,
      dealId: RecordIdSchema,
      earnedOn: CalendarDateSchema,
      expiresOn: CalendarDateSchema,
    }),
    z.strictObject({
      ...postingFields,
      kind: z.literal('commit'),
      allocationId: RecordIdSchema,
      requestId: RecordIdSchema,
    }),
    z.strictObject({
      ...postingFields,
      kind: z.literal('claim'),
      allocationId: RecordIdSchema,
      requestId: RecordIdSchema,
      claimId: RecordIdSchema,
    }),
    z.strictObject({
      ...postingFields,
      kind: z.literal('pay'),
      allocationId: RecordIdSchema,
      requestId: RecordIdSchema,
      claimId: RecordIdSchema,
      paymentBatchId: RecordIdSchema,
    }),
    z.strictObject({
      ...postingFields,
      kind: z.literal('release'),
      allocationId: RecordIdSchema,
      requestId: RecordIdSchema,
    }),
    z.strictObject({
      ...postingFields,
      kind: z.literal('expire'),
      allocationId: RecordIdSchema,
      asOf: CalendarDateSchema,
    }),
  ])
  .refine(isBalancedPosting, {
    error: 'must debit exactly what it credits',
    params: { code: 'posting_unbalanced' },
    path: ['lines'],
  });
export type MdfPosting = z.infer<typeof MdfPostingSchema>;
export type MdfPostingKind = MdfPosting['kind'];

/** The postings of one kind, with that kind's fields. */
export type MdfPostingOf<K extends MdfPostingKind> = Extract<MdfPosting, { kind: K }>;

/** Whether a posting debits exactly what it credits. Amounts are integers, so the comparison is exact. */
export function isBalancedPosting(posting: { lines: readonly MdfLedgerLine[] }): boolean {
  let debits = 0;
  let credits = 0;
  for (const line of posting.lines) {
    if (line.side === 'debit') debits += line.amount;
    else credits += line.amount;
  }
  return debits === credits && posting.lines.length >= 2;
}

/** One leg of a movement: `amount` moves from `from` into `to`. */
export interface Movement {
  from: MdfAccount;
  to: MdfAccount;
  amount: number;
}

/**
 * The lines of money moving between accounts: each movement credits `from` and debits `to`. Movements
 * of zero are left out, so a posting never carries empty lines.
 *
 * @example linesOf([{ from: available, to: committed, amount: 500_00 }])
 */
export function linesOf(movements: readonly Movement[]): MdfLedgerLine[] {
  return movements.flatMap(({ from, to, amount }) => {
    if (!Number.isSafeInteger(amount) || amount < 0) throw new Error('A movement is a non-negative integer amount.');
    if (amount === 0) return [];
    return [
      { account: to, side: 'debit' as const, amount },
      { account: from, side: 'credit' as const, amount },
    ];
  });
}

/** The total a posting moves: what it debits (which is what it credits). */
export function postingTotal(posting: { lines: readonly MdfLedgerLine[]; currency: CurrencyCode }): number {
  return posting.lines.reduce((sum, line) => (line.side === 'debit' ? sum + line.amount : sum), 0);
}
