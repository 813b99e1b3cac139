import type { Account } from '../../entities/account.js';
import type { Program } from '../../program/schema/program.js';
import { addDays } from '../../time/calendar-date.js';
import { calendarDateIn } from '../../time/time-zone.js';
import type { Clock } from '../../ports/clock.js';
import type { OpportunityWithAccount } from '../conflicts/conflict-context.js';
import type { RegistrationRepository } from '../ports.js';
import { OPEN_STATUSES, type Registration } from '../registration.js';
import type { ConflictCandidates, CrmReaders } from './dependencies.js';

async function collect<T>(pages: AsyncIterable<readonly T[]>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...page);
  return all;
}

/**
 * Conflict candidates read from repositories: every open registration, the partner's registrations closed
 * within the look-back, every account, every open opportunity with its account, and partner tier ranks.
 * Correct for any store; stores that can search should narrow by customer instead.
 */
export function conflictContextFromRepositories(
  registrations: RegistrationRepository,
  crm: CrmReaders,
  clock: Clock,
): ConflictCandidates {
  return {
    async forCustomer(_customer, partnerId, program: Program) {
      const today = calendarDateIn(clock.now(), program.fiscalCalendar.timeZone);
      const open = await collect(registrations.scan({ statuses: OPEN_STATUSES }));
      const closed = await collect(
        registrations.scan({
          partnerIds: [partnerId],
          statuses: ['won', 'lost', 'expired', 'rejected', 'withdrawn'],
          closedSince: addDays(today, -program.registration.conflicts.duplicateLookbackDays),
        }),
      );
      const accounts = await collect(crm.accounts.scan({}));
      const accountsById = new Map<string, Account>(accounts.map((account) => [account.id, account]));
      const opportunities: OpportunityWithAccount[] = [];
      for (const opportunity of await collect(crm.deals.scan({ stages: ['open'] }))) {
        const account = accountsById.get(opportunity.accountId);
        if (account) opportunities.push({ opportunity, account });
      }
      const ranks = new Map(program.tiers.map((tier) => [tier.id, tier.rank]));
      const partnerTierRanks: Record<string, number> = {};
      for (const partner of await collect(crm.partners.scan({}))) {
        if (partner.tierId !== null) partnerTierRanks[partner.id] = ranks.get(partner.tierId) ?? 0;
      }
      const registrationsInScope: Registration[] = [...open, ...closed];
      return { registrations: registrationsInScope, accounts, opportunities, partnerTierRanks };
    },
  };
}
