import type { Account } from '../../entities/account.js';
import type { Deal } from '../../entities/deal.js';
import type { Registration, RegistrationCustomer } from '../registration.js';

/** A registration of a customer in a given state, with realistic defaults, for tests. */
export function registrationFixture(
  overrides: { id: string; partnerId: string; customer: RegistrationCustomer; submittedAt?: string } & (
    | { status: 'draft' }
    | { status: 'submitted' | 'under_review' | 'approved' }
    | { status: 'won' | 'lost'; closedOn: string }
    | { status: 'rejected'; decidedAt: string }
  ),
): Registration {
  const base = {
    id: overrides.id,
    partnerId: overrides.partnerId,
    details: {
      customer: overrides.customer,
      contact: { name: 'Jane Doe' },
      products: ['platform'],
      amount: { amount: 5_000_000, currency: 'USD' },
    },
    opportunityId: null,
    createdAt: '2026-10-01T09:00:00.000Z',
    version: 1,
  };
  const submitted = {
    ...base,
    submittedAt: overrides.submittedAt ?? '2026-10-01T10:00:00.000Z',
    conflict: { verdict: 'clear' as const, checkedAt: '2026-10-01T10:00:00.000Z', matches: 0 },
  };
  const decided = { ...submitted, decidedBy: 'manager-1', decidedAt: '2026-10-02T10:00:00.000Z' };
  const protection = { startsOn: '2026-10-02', endsOn: '2026-12-30', extensions: 0 };
  switch (overrides.status) {
    case 'draft':
      return { ...base, status: 'draft' };
    case 'submitted':
      return { ...submitted, status: 'submitted' };
    case 'under_review':
      return {
        ...submitted,
        status: 'under_review',
        reviewerId: 'manager-1',
        reviewStartedAt: '2026-10-01T11:00:00.000Z',
      };
    case 'approved':
      return { ...decided, status: 'approved', protection };
    case 'won':
    case 'lost':
      return { ...decided, protection, status: overrides.status, closedOn: overrides.closedOn };
    case 'rejected':
      return { ...decided, decidedAt: overrides.decidedAt, status: 'rejected', reason: 'Not eligible.' };
  }
}

/** An account owned by direct sales, for tests. */
export function directAccount(id: string, name: string, extra: Partial<Account> = {}): Account {
  return { id, name, owner: { kind: 'direct', userId: 'rep-1' }, version: 1, ...extra };
}

/** An open opportunity on an account, for tests. */
export function openOpportunity(id: string, accountId: string, partnerId: string | null): Deal {
  return {
    id,
    name: `Opportunity ${id}`,
    accountId,
    amount: { amount: 2_000_000, currency: 'USD' },
    products: ['platform'],
    createdAt: '2026-09-01T09:00:00.000Z',
    partnerId,
    partnerRole: partnerId === null ? null : 'sourced',
    registrationId: null,
    version: 1,
    stage: 'open',
  };
}
