import type { MdfAllocation } from '../funds/allocation.js';
import type { MdfClaim } from '../claims/claim.js';
import { payClaims, type ClaimPaymentsOutcome, type PaymentRun } from '../payments/pay-claims.js';
import { commitDecision, notFound, writeOf, type MdfContext, type MdfOutcome } from './context.js';

/**
 * Pays approved claims in a batch (`payClaims`) with a new batch id: reads the claims and their
 * allocations, writes them all with the versions read and appends the payment postings, atomically.
 */
export async function payMdfClaims(
  context: MdfContext,
  input: PaymentRun & { createdBy: string },
): Promise<MdfOutcome<ClaimPaymentsOutcome>> {
  const claims: MdfClaim[] = [];
  for (const id of input.claimIds) {
    const claim = await context.store.claims.get(id);
    if (!claim) return notFound('claim', id);
    claims.push(claim);
  }
  const allocationIds = [...new Set(claims.map((claim) => claim.allocationId))];
  const allocations = new Map<string, MdfAllocation>(
    (await context.store.allocations.getMany(allocationIds)).map((allocation) => [allocation.id, allocation]),
  );
  const missing = allocationIds.find((id) => !allocations.has(id));
  if (missing) return notFound('allocation', missing);
  const claimRead = new Map(claims.map((claim) => [claim.id, claim]));
  const run = { claimIds: input.claimIds, reference: input.reference, paidOn: input.paidOn };
  const decision = payClaims(
    context.ids.next('mdf-payment-batch'),
    run,
    claims,
    allocations,
    input.createdBy,
    context.clock.now(),
  );
  return commitDecision(context.store, decision, (data) => ({
    paymentBatches: [writeOf(data.next, null)],
    claims: data.claims.map((claim) => writeOf<MdfClaim>(claim, claimRead.get(claim.id))),
    allocations: data.allocations.map((allocation) => writeOf(allocation, allocations.get(allocation.id))),
    postings: data.postings,
  }));
}
