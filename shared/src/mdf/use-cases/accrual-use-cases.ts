import type { DealRepository, PartnerRepository } from '../../ports/repositories.js';
import type { CalendarDate } from '../../time/calendar-date.js';
import { accrueFunds, openAccrualAllocation } from '../funds/accrue-funds.js';
import type { AccrualAllocation, MdfAllocation } from '../funds/allocation.js';
import { accrualAllocationId } from '../funds/allocation-ids.js';
import { expireAccruals } from '../funds/expire-accruals.js';
import type { MdfTransition } from '../outcome.js';
import { commitDecision, notFound, scanAll, writeOf, type MdfContext, type MdfOutcome } from './context.js';

/** The repositories accruing needs beyond the MDF store. */
export interface MdfAccrualSources {
  partners: PartnerRepository;
  deals: DealRepository;
}

/**
 * Accrues a partner's co-op funds of an accrual fund type on its won deals closed on or after `since`
 * (`accrueFunds`): opens the partner's co-op allocation at its first accrual, skips the deals the ledger
 * shows as accrued already, and writes the allocation with the version read. Running it again accrues
 * nothing twice.
 */
export async function accrueMdfFunds(
  context: MdfContext & MdfAccrualSources,
  input: { partnerId: string; fundTypeId: string; since: CalendarDate },
): Promise<MdfOutcome<MdfTransition<AccrualAllocation>>> {
  const partner = await context.partners.get(input.partnerId);
  if (!partner) return notFound('partner', input.partnerId);
  const now = context.clock.now();
  const id = accrualAllocationId(input.fundTypeId, partner.id);
  const stored = await context.store.allocations.get(id);
  if (stored && stored.kind !== 'accrual') throw new Error(`Allocation ${id} must be a co-op allocation.`);
  const allocation = stored ?? openAccrualAllocation(partner.id, input.fundTypeId, context.program.currency, now);
  const accrued = await scanAll(context.store.ledger, { allocationIds: [id], kinds: ['accrue'] });
  const accruedDealIds = new Set(accrued.flatMap((posting) => (posting.kind === 'accrue' ? [posting.dealId] : [])));
  const deals = await scanAll(context.deals, {
    partnerIds: [partner.id],
    stages: ['won'],
    closedBetween: { from: input.since, to: '9999-12-31' },
  });
  const decision = accrueFunds(context.program, allocation, partner, deals, accruedDealIds, context.rates, now);
  return commitDecision(context.store, decision, (data) => ({
    allocations: data.postings.length > 0 ? [writeOf<MdfAllocation>(data.next, stored)] : [],
    postings: data.postings,
  }));
}

/** Expires an allocation's co-op money past its expiry (`expireAccruals`), run daily by a job. */
export async function expireMdfFunds(
  context: MdfContext,
  input: { allocationId: string },
): Promise<MdfOutcome<MdfTransition<MdfAllocation>>> {
  const allocation = await context.store.allocations.get(input.allocationId);
  if (!allocation) return notFound('allocation', input.allocationId);
  const decision = expireAccruals(context.program, allocation, context.clock.now());
  return commitDecision(context.store, decision, (data) => ({
    allocations: data.postings.length > 0 ? [writeOf(data.next, allocation)] : [],
    postings: data.postings,
  }));
}
