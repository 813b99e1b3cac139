import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

/**
 * Takes the tenant's tier lock for the rest of the current transaction (a PostgreSQL advisory lock,
 * released at commit or rollback). Every tier mutation takes it first, so that two of them never
 * interleave for one tenant: two evaluations running at once would otherwise both find a partner
 * without a pending proposal and both queue one. Other tenants are not held up (the lock is keyed by
 * the tenant), and reads (previews, what-if, lists) never wait for it. Call it inside a transaction.
 */
export async function lockTenantTiers(db: Kysely<Database>, tenantId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`conduit.tiers:${tenantId}`}, 0))`.execute(db);
}
