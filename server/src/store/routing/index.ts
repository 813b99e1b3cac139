import type { Clock, DecisionTraceLog, Result } from '@conduit/core';
import type { Kysely } from 'kysely';
import { auditLog } from '../audit-log.js';
import type { Database } from '../schema.js';
import { conflictStore, type ConflictStore } from './conflicts.js';
import { importLeads, type ImportedLead, type LeadImport } from './lead-import.js';
import { sqlRoutingStore, type SqlRoutingStore } from './routing-store.js';
import { auditTraceLog } from './trace-log.js';

export { conflictIdOf, LEAD_DISTRIBUTIONS, ROUTING_STATES, CONFLICTS_OF_INTEREST } from './kinds.js';
export type { ConflictStatus, StoredConflictRecord } from './kinds.js';
export type { ConflictListQuery, ConflictStore, ImportedConflict } from './conflicts.js';
export type { ImportedLead, LeadImport } from './lead-import.js';
export type { OfferCursor, OpenOfferQuery, SqlRoutingStore, StoredOffer } from './routing-store.js';
export { OFFER_ACCEPTED, OFFER_DECLINED, OFFER_EXPIRED, offerEventTraces } from './offer-events.js';

/**
 * Lead distribution's data for one tenant: the routing engine's `RoutingStore` (state, distributions,
 * due offers, atomic commit) with the open offers and the routing lock, its `ConflictOfInterestSource`
 * (with import and withdrawal), its `DecisionTraceLog` over the audit log, and the lead import.
 */
export interface ServerRoutingStore extends SqlRoutingStore {
  conflicts: ConflictStore;
  /** The engine's trace log: appends to the tenant's audit log at the clock's time, on behalf of `actor`. */
  traceLog(clock: Clock, actor: string | null): DecisionTraceLog;
  /** Creates or updates leads (see `importLeads`). */
  importLeads(leads: readonly LeadImport[]): Promise<Result<ImportedLead[]>>;
}

/** The routing store of a tenant over a database (or a transaction). */
export function routingStore(db: Kysely<Database>, tenantId: string): ServerRoutingStore {
  const audit = auditLog(db, tenantId);
  return {
    ...sqlRoutingStore(db, tenantId),
    conflicts: conflictStore(db, tenantId),
    traceLog: (clock, actor) => auditTraceLog(audit, clock, actor),
    importLeads: (leads) => importLeads(db, tenantId, leads),
  };
}
