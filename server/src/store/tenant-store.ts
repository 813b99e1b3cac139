import type { ProgramRepository } from '@conduit/core';
import type { Kysely } from 'kysely';
import { auditLog, type AuditLog } from './audit-log.js';
import { idempotencyKeys, type IdempotencyKeys } from './idempotency.js';
import { lifecycleStore, type ServerLifecycleStore } from './lifecycles/index.js';
import {
  accountRepository,
  dealRepository,
  leadRepository,
  partnerRepository,
  type AccountRecords,
  type DealRecords,
  type LeadRecords,
  type PartnerRecords,
} from './repositories/crm-repositories.js';
import { ProgramCache, programRepository } from './repositories/program-repository.js';
import { registrationRepository, type RegistrationRecords } from './repositories/registration-repository.js';
import { mdfStore, type ServerMdfStore } from './mdf/mdf-store.js';
import type { Database } from './schema.js';
import { tierStore, type TierStore } from './tiers/index.js';
import { routingStore, type ServerRoutingStore } from './routing/index.js';
import { analyticsStore, type AnalyticsStore } from './analytics/index.js';

/**
 * Everything the server keeps for one tenant, as the core's ports. Every repository is scoped by the
 * tenant, so code holding a tenant store cannot reach another tenant's data.
 */
export interface TenantStore {
  tenantId: string;
  db: Kysely<Database>;
  partners: PartnerRecords;
  accounts: AccountRecords;
  deals: DealRecords;
  leads: LeadRecords;
  registrations: RegistrationRecords;
  programs: ProgramRepository;
  audit: AuditLog;
  idempotency: IdempotencyKeys;
  /** Market development funds: budgets, allocations, requests, claims, payment batches and the ledger. */
  mdf: ServerMdfStore;
  /** Partner tiers: standings, proposals, the inputs source, imported scores and metric values. */
  tiers: TierStore;
  /** Lead distribution: routing state, offers, conflicts of interest, the trace log and the lead import. */
  routing: ServerRoutingStore;
  /** Channel analytics: partner touches and partner activities recorded through the API. */
  analytics: AnalyticsStore;
  /** Partner lifecycles: applications, onboarding milestones, activation, suspension, offboarding. */
  lifecycles: ServerLifecycleStore;
  /** Runs `work` in one transaction with a store bound to it: all its writes land, or none. */
  transaction<T>(work: (store: TenantStore) => Promise<T>): Promise<T>;
}

/** The store of one tenant over a database (or a transaction). */
export function tenantStore(
  db: Kysely<Database>,
  tenantId: string,
  programCache: ProgramCache = ProgramCache.of(db),
): TenantStore {
  return {
    tenantId,
    db,
    partners: partnerRepository(db, tenantId),
    accounts: accountRepository(db, tenantId),
    deals: dealRepository(db, tenantId),
    leads: leadRepository(db, tenantId),
    registrations: registrationRepository(db, tenantId),
    programs: programRepository(db, tenantId, programCache),
    audit: auditLog(db, tenantId),
    idempotency: idempotencyKeys(db, tenantId),
    mdf: mdfStore(db, tenantId),
    tiers: tierStore(db, tenantId),
    routing: routingStore(db, tenantId),
    lifecycles: lifecycleStore(db, tenantId),
    analytics: analyticsStore(db, tenantId),
    transaction: (work) => db.transaction().execute((trx) => work(tenantStore(trx, tenantId, programCache))),
  };
}
