import * as z from 'zod';
import { RecordIdSchema } from '../../common/schemas.js';
import { formatMoney } from '../../money/money.js';
import { issue } from '../../result/issue.js';
import { CalendarDateSchema } from '../../time/calendar-date.js';
import { failed, passed, verdictOf, type MdfCheck } from '../checks/check.js';
import { notify, type MdfEffect } from '../effects.js';
import type { MdfClaimIn, MdfClaim } from '../claims/claim.js';
import { mdfClaimBase } from '../claims/claim.js';
import type { MdfAllocation } from '../funds/allocation.js';
import { allocationAccount } from '../ledger/account.js';
import { applyToAllocation } from '../ledger/balances.js';
import { linesOf, type MdfPosting } from '../ledger/posting.js';
import { decided, refused, type MdfDecided, type MdfTransition } from '../outcome.js';
import type { PaymentBatch, PaymentLine, Remittance } from './payment-batch.js';

/** A payment run: the approved claims to pay, the batch's reference and the day it pays. */
export const PaymentRunSchema = z.strictObject({
  claimIds: z.array(RecordIdSchema).min(1),
  reference: z.string().max(80),
  paidOn: CalendarDateSchema,
});
export type PaymentRun = z.infer<typeof PaymentRunSchema>;

/** Paying a batch: the batch, the claims now paid and their allocations after the payments. */
export interface ClaimPaymentsOutcome extends MdfTransition<PaymentBatch> {
  claims: MdfClaimIn<'paid'>[];
  allocations: MdfAllocation[];
}

function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Pays approved claims in one batch: each claim's amount moves from claimed to paid on its allocation;
 * claims are grouped into one remittance per partner and currency, referenced `<reference>-<n>` in partner
 * order, each an effect for the finance system to perform; the partners are told. Checks: a reference;
 * at least one claim, every claim approved and listed once. Issues `reference_required`, `nothing_to_pay`,
 * `invalid_status`, `duplicate_claim`.
 *
 * @param allocations the claims' allocations, by id (read together with the claims)
 */
export function payClaims(
  batchId: string,
  run: PaymentRun,
  claims: readonly MdfClaim[],
  allocations: ReadonlyMap<string, MdfAllocation>,
  createdBy: string,
  now: Date,
): MdfDecided<ClaimPaymentsOutcome> {
  const reference = run.reference.trim();
  const checks: MdfCheck[] = [
    reference === ''
      ? failed(
          'reference',
          'A payment batch needs a reference that finance can trace.',
          {},
          issue(['reference'], 'reference_required', 'A payment batch needs a reference that finance can trace.'),
        )
      : passed('reference', `Batch reference ${reference}.`, { reference }),
  ];
  if (claims.length === 0) {
    const message = 'A payment batch pays at least one approved claim.';
    checks.push(failed('claims', message, {}, issue(['claimIds'], 'nothing_to_pay', message)));
  }
  const seen = new Set<string>();
  claims.forEach((claim, index) => {
    if (seen.has(claim.id)) {
      const message = `Claim ${claim.id} is listed twice in the batch.`;
      checks.push(
        failed('claim', message, { claimId: claim.id }, issue(['claimIds', index], 'duplicate_claim', message)),
      );
    } else if (claim.status !== 'approved') {
      const message = `Claim ${claim.id} is ${claim.status}; only approved claims are paid.`;
      checks.push(
        failed(
          'claim',
          message,
          { claimId: claim.id, status: claim.status },
          issue(['claimIds', index], 'invalid_status', message),
        ),
      );
    } else {
      checks.push(
        passed('claim', `Claim ${claim.id} pays ${formatMoney(claim.ledgerAmount)} to partner ${claim.partnerId}.`, {
          claimId: claim.id,
          amount: claim.ledgerAmount,
        }),
      );
    }
    seen.add(claim.id);
  });
  const approved = claims.filter((claim): claim is MdfClaimIn<'approved'> => claim.status === 'approved');
  const subject = { type: 'mdf_payment_batch', id: batchId };
  const verdict = verdictOf('mdf.payment', subject, checks, {
    outcome: 'paid',
    summary: `Batch ${reference} pays ${approved.length} claims on ${run.paidOn}.`,
  });
  if (verdict.issues.length > 0) return refused(verdict.issues, verdict.trace);

  const groups = new Map<string, MdfClaimIn<'approved'>[]>();
  for (const claim of [...approved].sort((a, b) => byText(a.partnerId, b.partnerId) || byText(a.id, b.id))) {
    const key = `${claim.partnerId}|${claim.ledgerAmount.currency}`;
    groups.set(key, [...(groups.get(key) ?? []), claim]);
  }
  const remittances: Remittance[] = [...groups.values()].map((group, index) => ({
    partnerId: group[0]!.partnerId,
    reference: `${reference}-${index + 1}`,
    amount: {
      amount: group.reduce((sum, claim) => sum + claim.ledgerAmount.amount, 0),
      currency: group[0]!.ledgerAmount.currency,
    },
    claimIds: group.map((claim) => claim.id),
  }));
  const referenceOf = new Map(
    remittances.flatMap((remittance) => remittance.claimIds.map((id) => [id, remittance.reference] as const)),
  );

  const postings: MdfPosting[] = [];
  const lines: PaymentLine[] = [];
  const paid: MdfClaimIn<'paid'>[] = [];
  const touched = new Map<string, MdfAllocation>();
  for (const claim of approved) {
    const allocation = touched.get(claim.allocationId) ?? allocations.get(claim.allocationId);
    if (!allocation) throw new Error(`The allocation ${claim.allocationId} of claim ${claim.id} must be supplied.`);
    const remittanceReference = referenceOf.get(claim.id)!;
    const posting: MdfPosting = {
      id: `${claim.id}:pay`,
      kind: 'pay',
      allocationId: allocation.id,
      requestId: claim.requestId,
      claimId: claim.id,
      paymentBatchId: batchId,
      postedAt: now.toISOString(),
      currency: allocation.currency,
      memo: `Claim ${claim.id} paid ${formatMoney(claim.ledgerAmount)} in batch ${reference} (${remittanceReference}).`,
      lines: linesOf([
        {
          from: allocationAccount(allocation.id, 'claimed'),
          to: allocationAccount(allocation.id, 'paid'),
          amount: claim.ledgerAmount.amount,
        },
      ]),
    };
    const claimPostings = claim.ledgerAmount.amount > 0 ? [posting] : [];
    postings.push(...claimPostings);
    touched.set(allocation.id, {
      ...allocation,
      balances: applyToAllocation(allocation.balances, allocation.id, claimPostings),
    });
    lines.push({
      claimId: claim.id,
      requestId: claim.requestId,
      allocationId: claim.allocationId,
      partnerId: claim.partnerId,
      amount: claim.ledgerAmount,
      remittanceReference,
    });
    paid.push({
      ...mdfClaimBase(claim),
      status: 'paid',
      review: claim.review,
      ledgerAmount: claim.ledgerAmount,
      payment: { paymentBatchId: batchId, reference: remittanceReference, paidOn: run.paidOn },
    });
  }
  const batch: PaymentBatch = {
    id: batchId,
    status: 'paid',
    reference,
    paidOn: run.paidOn,
    createdBy,
    createdAt: now.toISOString(),
    remittances,
    lines,
    version: 0,
  };
  const effects: MdfEffect[] = remittances.flatMap((remittance): MdfEffect[] => [
    {
      kind: 'remit_payment',
      paymentBatchId: batchId,
      partnerId: remittance.partnerId,
      amount: remittance.amount,
      reference: remittance.reference,
      claimIds: remittance.claimIds,
    },
    notify(
      { kind: 'partner', partnerId: remittance.partnerId },
      'claim_paid',
      subject,
      `${formatMoney(remittance.amount)} is paid to you on ${run.paidOn}, reference ${remittance.reference}.`,
    ),
  ]);
  return decided({ next: batch, claims: paid, allocations: [...touched.values()], postings, effects }, verdict.trace);
}
