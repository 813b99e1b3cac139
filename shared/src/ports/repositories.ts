import type { Account } from '../entities/account.js';
import type { Deal } from '../entities/deal.js';
import type { Lead } from '../entities/lead.js';
import type { Partner, PartnerStatus } from '../entities/partner.js';
import type { CalendarDate } from '../time/calendar-date.js';
import type { RecordReader, RecordScanner, RecordWriter } from './repository.js';

/** Which partners a scan returns; every field narrows, an empty query returns all. */
export interface PartnerQuery {
  statuses?: readonly PartnerStatus[];
  tierIds?: readonly string[];
}

/** Partners of the tenant. */
export interface PartnerRepository
  extends RecordReader<Partner>, RecordWriter<Partner>, RecordScanner<Partner, PartnerQuery> {}

/** Which accounts a scan returns. */
export interface AccountQuery {
  ownerKind?: 'direct' | 'partner';
  /** Registrable domains, e.g. `acme.com`: accounts whose domain has one of these. */
  domains?: readonly string[];
}

/** End-customer accounts of the tenant. */
export interface AccountRepository
  extends RecordReader<Account>, RecordWriter<Account>, RecordScanner<Account, AccountQuery> {}

/** Which deals a scan returns. */
export interface DealQuery {
  partnerIds?: readonly string[];
  accountIds?: readonly string[];
  stages?: readonly Deal['stage'][];
  /** Deals closed on or after `from` and before `to`. */
  closedBetween?: { from: CalendarDate; to: CalendarDate };
}

/** Opportunities or deals of the tenant. */
export interface DealRepository extends RecordReader<Deal>, RecordWriter<Deal>, RecordScanner<Deal, DealQuery> {}

/** Which leads a scan returns. */
export interface LeadQuery {
  /** Leads created at or after this instant (ISO 8601). */
  createdSince?: string;
  ids?: readonly string[];
}

/** Leads (Salesforce) or contacts and leads (HubSpot) of the tenant. */
export interface LeadRepository extends RecordReader<Lead>, RecordWriter<Lead>, RecordScanner<Lead, LeadQuery> {}
