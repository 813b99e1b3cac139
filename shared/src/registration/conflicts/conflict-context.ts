import type { Account } from '../../entities/account.js';
import type { Deal } from '../../entities/deal.js';
import { buildCompanyIndex, type CompanyIndex } from '../../matching/index/company-index.js';
import { matchOptionsFromProgram, type MatchOptions } from '../../matching/compare/match-options.js';
import type { CompanyDescription } from '../../matching/company.js';
import type { Program } from '../../program/schema/program.js';
import type { Registration, RegistrationCustomer } from '../registration.js';

/** An open opportunity with the account it belongs to (the company it is matched by). */
export interface OpportunityWithAccount {
  opportunity: Deal;
  account: Account;
}

/**
 * What a registration is checked against: the open registrations of every partner (and the same
 * partner's recently closed ones, for duplicates), the CRM's accounts and open opportunities, and the
 * tier rank of partners when the program's precedence rule is `highest_tier`.
 */
export interface ConflictContext {
  registrations: readonly Registration[];
  accounts: readonly Account[];
  opportunities: readonly OpportunityWithAccount[];
  partnerTierRanks?: Readonly<Record<string, number>>;
}

/** A record the matcher can find, by kind. */
export type ConflictRecord =
  | { type: 'registration'; registration: Registration }
  | { type: 'account'; account: Account }
  | { type: 'opportunity'; opportunity: Deal; account: Account };

/** The context indexed once, for checking many registrations against it. */
export interface PreparedConflictContext {
  index: CompanyIndex;
  records: ReadonlyMap<string, ConflictRecord>;
  partnerTierRanks: Readonly<Record<string, number>>;
  options: MatchOptions;
}

/** The company a registration claims: its customer, with the contact's e-mail when no domain is given. */
export function customerCompany(customer: RegistrationCustomer, contactEmail?: string): CompanyDescription {
  const domain = customer.domain ?? contactEmail;
  return {
    name: customer.name,
    ...(domain === undefined ? {} : { domain }),
    ...(customer.country === undefined ? {} : { country: customer.country }),
    ...(customer.postalCode === undefined ? {} : { postalCode: customer.postalCode }),
  };
}

function accountCompany(account: Account): CompanyDescription {
  return {
    name: account.name,
    ...(account.domain === undefined ? {} : { domain: account.domain }),
    ...(account.country === undefined ? {} : { country: account.country }),
    ...(account.postalCode === undefined ? {} : { postalCode: account.postalCode }),
  };
}

/** The key under which a record is indexed: its type and id. */
export function recordKey(type: ConflictRecord['type'], id: string): string {
  return `${type}:${id}`;
}

/**
 * Indexes a conflict context under the program's matching options, so that many registrations can be
 * checked against it (a batch of submissions, a re-check at review).
 */
export function prepareConflictContext(context: ConflictContext, program: Program): PreparedConflictContext {
  const options = matchOptionsFromProgram(program);
  const records = new Map<string, ConflictRecord>();
  const entries: (CompanyDescription & { id: string })[] = [];
  for (const registration of context.registrations) {
    const key = recordKey('registration', registration.id);
    records.set(key, { type: 'registration', registration });
    entries.push({ id: key, ...customerCompany(registration.details.customer, registration.details.contact.email) });
  }
  for (const account of context.accounts) {
    const key = recordKey('account', account.id);
    records.set(key, { type: 'account', account });
    entries.push({ id: key, ...accountCompany(account) });
  }
  for (const { opportunity, account } of context.opportunities) {
    const key = recordKey('opportunity', opportunity.id);
    records.set(key, { type: 'opportunity', opportunity, account });
    entries.push({ id: key, ...accountCompany(account) });
  }
  return {
    index: buildCompanyIndex(entries, options),
    records,
    partnerTierRanks: context.partnerTierRanks ?? {},
    options,
  };
}
