import {
  registrationEndedOn,
  type Account,
  type Deal,
  type Lead,
  type Partner,
  type Registration,
} from '@conduit/core';
import type { RecordKind } from './record-table.js';

/** Partners: filtered by lifecycle status (tiers are read from the document). */
export const PARTNERS: RecordKind<Partner> = {
  name: 'partner',
  columns: (partner) => ({ status: partner.status }),
};

/** Accounts: filtered by owner kind (in `status`) and the owning partner. */
export const ACCOUNTS: RecordKind<Account> = {
  name: 'account',
  columns: (account) => ({
    status: account.owner.kind,
    partnerId: account.owner.kind === 'partner' ? account.owner.partnerId : null,
  }),
};

/** Deals: filtered by stage, partner, account and closing day. */
export const DEALS: RecordKind<Deal> = {
  name: 'deal',
  columns: (deal) => ({
    status: deal.stage,
    partnerId: deal.partnerId,
    accountId: deal.accountId,
    closedOn: deal.stage === 'open' ? null : deal.closedOn,
    createdAt: deal.createdAt,
  }),
};

/** Leads: filtered by account and creation time. */
export const LEADS: RecordKind<Lead> = {
  name: 'lead',
  columns: (lead) => ({ accountId: lead.accountId ?? null, createdAt: lead.createdAt }),
};

/** Registrations: filtered by status, partner, protection end (`due_on`) and closing day. */
export const REGISTRATIONS: RecordKind<Registration> = {
  name: 'registration',
  columns: (registration) => ({
    status: registration.status,
    partnerId: registration.partnerId,
    accountId: registration.opportunityId,
    dueOn: 'protection' in registration ? registration.protection.endsOn : null,
    closedOn: registrationEndedOn(registration, 'UTC') ?? null,
    createdAt: registration.createdAt,
  }),
};
