import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/schema.js';

/** One table's rows, summed up: how many, and an md5 of all of them in a stable order. */
export interface TableFingerprint {
  rows: number;
  md5: string | null;
}

/** The base tables of the database (every schema but the system ones), with whether they have a `tenant_id`. */
async function baseTables(db: Kysely<Database>): Promise<{ schema: string; table: string; tenantColumn: boolean }[]> {
  const { rows } = await sql<{ schema: string; table: string; tenant_column: boolean }>`
    select t.table_schema as schema, t.table_name as table,
      exists (
        select 1 from information_schema.columns c
        where c.table_schema = t.table_schema and c.table_name = t.table_name and c.column_name = 'tenant_id'
      ) as tenant_column
    from information_schema.tables t
    where t.table_type = 'BASE TABLE' and t.table_schema not in ('pg_catalog', 'information_schema')
    order by t.table_schema, t.table_name`.execute(db);
  return rows.map((row) => ({ schema: row.schema, table: row.table, tenantColumn: row.tenant_column }));
}

/**
 * A fingerprint of every table of the database, by `schema.table`: its row count and an md5 of its rows,
 * each row as PostgreSQL's text of the whole row (every column, sequence numbers and timestamps included),
 * in text order. Two equal fingerprints mean no row was added, removed or changed anywhere.
 */
export async function databaseFingerprint(db: Kysely<Database>): Promise<Record<string, TableFingerprint>> {
  const fingerprint: Record<string, TableFingerprint> = {};
  for (const { schema, table } of await baseTables(db)) {
    const { rows } = await sql<{ rows: string; md5: string | null }>`
      select count(*)::text as rows, md5(string_agg(t::text, '|' order by t::text)) as md5
      from ${sql.table(`${schema}.${table}`)} t`.execute(db);
    fingerprint[`${schema}.${table}`] = { rows: Number(rows[0]!.rows), md5: rows[0]!.md5 };
  }
  return fingerprint;
}

/**
 * A fingerprint of one tenant's rows: every table with a `tenant_id` column, restricted to the tenant, and
 * its row of `tenants`. Tables without a tenant column (the migrations' bookkeeping) hold no tenant's data
 * and are left out.
 */
export async function tenantFingerprint(
  db: Kysely<Database>,
  tenantId: string,
): Promise<Record<string, TableFingerprint>> {
  const fingerprint: Record<string, TableFingerprint> = {};
  for (const { schema, table, tenantColumn } of await baseTables(db)) {
    const column = tenantColumn ? 'tenant_id' : schema === 'public' && table === 'tenants' ? 'id' : null;
    if (column === null) continue;
    const { rows } = await sql<{ rows: string; md5: string | null }>`
      select count(*)::text as rows, md5(string_agg(t::text, '|' order by t::text)) as md5
      from ${sql.table(`${schema}.${table}`)} t where ${sql.ref(`t.${column}`)} = ${tenantId}`.execute(db);
    fingerprint[`${schema}.${table}`] = { rows: Number(rows[0]!.rows), md5: rows[0]!.md5 };
  }
  return fingerprint;
}
