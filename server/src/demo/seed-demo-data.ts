import type { VersionedRecord } from '@conduit/core';
import { sql, type Insertable, type Kysely } from 'kysely';
import { ACCOUNTS, DEALS, LEADS, PARTNERS, REGISTRATIONS } from '../store/records/kinds.js';
import type { RecordKind } from '../store/records/record-table.js';
import type { Database, RecordsTable } from '../store/schema.js';
import { tenantStore } from '../store/tenant-store.js';
import type { DemoData } from './generate-demo-data.js';
import { replayMdfHistory } from './mdf/replay-mdf-history.js';
import type { DemoAuditEntry } from './audit-entry.js';

/** Rows per multi-row insert: a dozen parameters a row keeps a statement well under PostgreSQL's 65,535. */
const BATCH = 1_000;
/** Audit entries carry whole decision traces: fewer per statement. */
const AUDIT_BATCH = 250;

/** What seeding did: nothing when the tenant had data already, otherwise how much it wrote. */
export type SeedOutcome =
  | { seeded: false }
  | {
      seeded: true;
      records: Record<string, number>;
      mdfCommits: number;
      postings: number;
      auditEntries: number;
    };

/** Whether the tenant holds any record or ledger posting. */
async function hasData(db: Kysely<Database>, tenantId: string): Promise<boolean> {
  const record = await db
    .selectFrom('records')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .limit(1)
    .executeTakeFirst();
  if (record) return true;
  const posting = await db
    .selectFrom('ledger_postings')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .limit(1)
    .executeTakeFirst();
  return posting !== undefined;
}

/** The `records` rows of one kind's records: version 1, lifted columns as the kind defines them. */
function rowsOf<T extends VersionedRecord>(
  tenantId: string,
  kind: RecordKind<T>,
  records: readonly T[],
): Insertable<RecordsTable>[] {
  return records.map((record) => {
    const columns = kind.columns(record);
    const { version: _version, ...document } = record;
    return {
      tenant_id: tenantId,
      kind: kind.name,
      id: record.id,
      version: 1,
      data: document,
      status: columns.status ?? null,
      partner_id: columns.partnerId ?? null,
      account_id: columns.accountId ?? null,
      due_on: columns.dueOn ?? null,
      due_at: columns.dueAt ?? null,
      closed_on: columns.closedOn ?? null,
      created_at: columns.createdAt ?? null,
    };
  });
}

async function insertRecords<T extends VersionedRecord>(
  db: Kysely<Database>,
  tenantId: string,
  kind: RecordKind<T>,
  records: readonly T[],
): Promise<number> {
  const rows = rowsOf(tenantId, kind, records);
  for (let start = 0; start < rows.length; start += BATCH) {
    await db
      .insertInto('records')
      .values(rows.slice(start, start + BATCH))
      .execute();
  }
  return rows.length;
}

async function insertAudit(db: Kysely<Database>, tenantId: string, entries: readonly DemoAuditEntry[]): Promise<void> {
  for (let start = 0; start < entries.length; start += AUDIT_BATCH) {
    await db
      .insertInto('audit_log')
      .values(
        entries.slice(start, start + AUDIT_BATCH).map((entry) => ({
          tenant_id: tenantId,
          recorded_at: entry.at,
          decision: entry.trace.decision,
          subject_type: entry.trace.subject.type,
          subject_id: entry.trace.subject.id,
          outcome: entry.trace.outcome,
          actor: entry.actor,
          trace: entry.trace,
        })),
      )
      .execute();
  }
}

/**
 * Seeds a tenant with demo data, once: when the tenant holds no record and no ledger posting yet, the
 * data is generated (`generate` is called only then) and written in one transaction: the CRM records
 * and registrations as batched multi-row inserts into `records`, the MDF history replayed through the
 * tenant's MDF store (the core's `MdfStore` port, so the ledger is written exactly as the API would write
 * it), and the decisions' traces into the audit log. A tenant that has data is left alone. The check is
 * made again under a transaction-scoped advisory lock on the tenant, so two servers starting together
 * on one database seed it once.
 */
export async function seedDemoTenant(
  db: Kysely<Database>,
  tenantId: string,
  generate: () => Promise<DemoData>,
): Promise<SeedOutcome> {
  if (await hasData(db, tenantId)) return { seeded: false };
  const data = await generate();
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`conduit-demo-seed:${tenantId}`}))`.execute(trx);
    if (await hasData(trx, tenantId)) return { seeded: false } as const;
    const records = {
      partner: await insertRecords(trx, tenantId, PARTNERS, data.partners),
      account: await insertRecords(trx, tenantId, ACCOUNTS, data.accounts),
      deal: await insertRecords(trx, tenantId, DEALS, data.deals),
      lead: await insertRecords(trx, tenantId, LEADS, data.leads),
      registration: await insertRecords(trx, tenantId, REGISTRATIONS, data.registrations),
    };
    const mdfCommits = await replayMdfHistory(tenantStore(trx, tenantId).mdf, data.mdf.commits);
    await insertAudit(trx, tenantId, data.audit);
    return {
      seeded: true,
      records,
      mdfCommits,
      postings: data.mdf.records.postings.length,
      auditEntries: data.audit.length,
    } as const;
  });
}

/** Seeds a tenant with data generated already (see `seedDemoTenant`). */
export function seedDemoData(db: Kysely<Database>, tenantId: string, data: DemoData): Promise<SeedOutcome> {
  return seedDemoTenant(db, tenantId, async () => data);
}
