import * as z from 'zod';
import { RecordIdSchema } from '../../common/schemas.js';
import { MoneySchema } from '../../money/money.js';
import { CalendarDateSchema } from '../../time/calendar-date.js';
import { InstantSchema } from '../../time/instant.js';

/** One claim paid in a batch, in the allocation's currency, and the remittance that carried it. */
export const PaymentLineSchema = z.strictObject({
  claimId: RecordIdSchema,
  requestId: RecordIdSchema,
  allocationId: RecordIdSchema,
  partnerId: RecordIdSchema,
  amount: MoneySchema,
  remittanceReference: z.string().min(1),
});
export type PaymentLine = z.infer<typeof PaymentLineSchema>;

/** One payment to one partner in one currency: the sum of its claims in the batch, with its own reference. */
export const RemittanceSchema = z.strictObject({
  partnerId: RecordIdSchema,
  reference: z.string().min(1),
  amount: MoneySchema,
  claimIds: z.array(RecordIdSchema).min(1),
});
export type Remittance = z.infer<typeof RemittanceSchema>;

/**
 * A batch of claim payments released together (a payment run): the batch's reference (the finance
 * system's run or file id), the day it pays, one remittance per partner and currency with its reference
 * `<batch reference>-<n>`, and the lines, one per claim.
 */
export const PaymentBatchSchema = z.strictObject({
  id: RecordIdSchema,
  status: z.literal('paid'),
  reference: z.string().trim().min(1).max(80),
  paidOn: CalendarDateSchema,
  createdBy: RecordIdSchema,
  createdAt: InstantSchema,
  remittances: z.array(RemittanceSchema).min(1),
  lines: z.array(PaymentLineSchema).min(1),
  version: z.int().min(0),
});
export type PaymentBatch = z.infer<typeof PaymentBatchSchema>;
