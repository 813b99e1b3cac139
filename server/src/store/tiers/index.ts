import type { TierCustomMetricValue, TierInputsSource } from '@conduit/core';
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { tierInputsSource } from './inputs-source.js';
import {
  customMetricValues,
  satisfactionScores,
  type ImportedSatisfactionScore,
  type ImportedValues,
} from './metric-imports.js';
import { tierProposalRepository, type TierProposalStore } from './proposal-repository.js';
import { tierStandingRepository, type TierStandingStore } from './standing-repository.js';
import { lockTenantTiers } from './tier-lock.js';

export { applyPartnerTierEffects } from './partner-tier-effects.js';
export { TIER_PARTNER_STATUSES } from './inputs-source.js';
export type { ImportCounts, ImportedSatisfactionScore, PartnerValuesQuery } from './metric-imports.js';
export type { TierProposalPageQuery, TierProposalStore } from './proposal-repository.js';
export type { TierStandingPageQuery, TierStandingStore } from './standing-repository.js';

/**
 * The tier engine's ports over one tenant's store (standings, proposals, the inputs source), the
 * imported satisfaction scores and custom metric values the inputs source reads, and the tenant's tier
 * lock. Every statement is scoped by the tenant.
 */
export interface TierStore {
  standings: TierStandingStore;
  proposals: TierProposalStore;
  inputs: TierInputsSource;
  satisfactionScores: ImportedValues<ImportedSatisfactionScore>;
  customMetrics: ImportedValues<TierCustomMetricValue>;
  /** Serializes tier mutations of the tenant until the current transaction ends (see `lockTenantTiers`). */
  lock(): Promise<void>;
}

/** The tier store of a tenant over a database (or a transaction). */
export function tierStore(db: Kysely<Database>, tenantId: string): TierStore {
  return {
    standings: tierStandingRepository(db, tenantId),
    proposals: tierProposalRepository(db, tenantId),
    inputs: tierInputsSource(db, tenantId),
    satisfactionScores: satisfactionScores(db, tenantId),
    customMetrics: customMetricValues(db, tenantId),
    lock: () => lockTenantTiers(db, tenantId),
  };
}
