import { sql, type Kysely } from 'kysely';

/** The first schema: tenants and tokens, records, the MDF ledger, the audit log, idempotency keys, programs, job runs. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('tenants')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('name', 'text', (column) => column.notNull())
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('token_hash', 'text', (column) => column.primaryKey())
    .addColumn('tenant_id', 'text', (column) => column.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('label', 'text', (column) => column.notNull())
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('records')
    .addColumn('tenant_id', 'text', (column) => column.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('id', 'text', (column) => column.notNull())
    .addColumn('version', 'integer', (column) => column.notNull().check(sql`version > 0`))
    .addColumn('data', 'jsonb', (column) => column.notNull())
    .addColumn('status', 'text')
    .addColumn('partner_id', 'text')
    .addColumn('account_id', 'text')
    .addColumn('due_on', 'date')
    .addColumn('due_at', 'timestamptz')
    .addColumn('closed_on', 'date')
    .addColumn('created_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('records_pkey', ['tenant_id', 'kind', 'id'])
    .execute();
  await db.schema.createIndex('records_by_status').on('records').columns(['tenant_id', 'kind', 'status']).execute();
  await db.schema
    .createIndex('records_by_partner')
    .on('records')
    .columns(['tenant_id', 'kind', 'partner_id'])
    .execute();
  await db.schema
    .createIndex('records_by_account')
    .on('records')
    .columns(['tenant_id', 'kind', 'account_id'])
    .execute();
  await db.schema.createIndex('records_by_due_on').on('records').columns(['tenant_id', 'kind', 'due_on']).execute();
  await db.schema.createIndex('records_by_due_at').on('records').columns(['tenant_id', 'kind', 'due_at']).execute();
  await db.schema
    .createIndex('records_by_closed_on')
    .on('records')
    .columns(['tenant_id', 'kind', 'closed_on'])
    .execute();

  await db.schema
    .createTable('ledger_postings')
    .addColumn('tenant_id', 'text', (column) => column.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('id', 'text', (column) => column.notNull())
    .addColumn('kind', 'text', (column) => column.notNull())
    .addColumn('allocation_id', 'text')
    .addColumn('budget_id', 'text')
    .addColumn('posted_at', 'timestamptz', (column) => column.notNull())
    .addColumn('data', 'jsonb', (column) => column.notNull())
    .addColumn('seq', 'bigserial', (column) => column.notNull())
    .addPrimaryKeyConstraint('ledger_postings_pkey', ['tenant_id', 'id'])
    .execute();
  await db.schema
    .createIndex('ledger_by_allocation')
    .on('ledger_postings')
    .columns(['tenant_id', 'allocation_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('ledger_by_budget')
    .on('ledger_postings')
    .columns(['tenant_id', 'budget_id', 'seq'])
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('seq', 'bigserial', (column) => column.primaryKey())
    .addColumn('tenant_id', 'text', (column) => column.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('recorded_at', 'timestamptz', (column) => column.notNull())
    .addColumn('decision', 'text', (column) => column.notNull())
    .addColumn('subject_type', 'text', (column) => column.notNull())
    .addColumn('subject_id', 'text', (column) => column.notNull())
    .addColumn('outcome', 'text', (column) => column.notNull())
    .addColumn('actor', 'text')
    .addColumn('trace', 'jsonb', (column) => column.notNull())
    .execute();
  await db.schema
    .createIndex('audit_by_subject')
    .on('audit_log')
    .columns(['tenant_id', 'subject_type', 'subject_id', 'seq'])
    .execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('tenant_id', 'text', (column) => column.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('key', 'text', (column) => column.notNull())
    .addColumn('method', 'text', (column) => column.notNull())
    .addColumn('path', 'text', (column) => column.notNull())
    .addColumn('request_hash', 'text', (column) => column.notNull())
    .addColumn('status_code', 'integer')
    .addColumn('response', 'jsonb')
    .addColumn('created_at', 'timestamptz', (column) => column.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('idempotency_keys_pkey', ['tenant_id', 'key'])
    .execute();

  await db.schema
    .createTable('program_versions')
    .addColumn('tenant_id', 'text', (column) => column.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('version', 'integer', (column) => column.notNull())
    .addColumn('published_at', 'timestamptz', (column) => column.notNull())
    .addColumn('published_by', 'text')
    .addColumn('program', 'jsonb', (column) => column.notNull())
    .addPrimaryKeyConstraint('program_versions_pkey', ['tenant_id', 'version'])
    .execute();

  await db.schema
    .createTable('job_runs')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('tenant_id', 'text', (column) => column.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('job', 'text', (column) => column.notNull())
    .addColumn('scheduled_for', 'timestamptz', (column) => column.notNull())
    .addColumn('started_at', 'timestamptz', (column) => column.notNull())
    .addColumn('finished_at', 'timestamptz')
    .addColumn('outcome', 'text', (column) => column.notNull())
    .addColumn('counts', 'jsonb', (column) => column.notNull())
    .addColumn('error', 'text')
    .execute();
  await db.schema.createIndex('job_runs_by_job').on('job_runs').columns(['tenant_id', 'job', 'started_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'job_runs',
    'program_versions',
    'idempotency_keys',
    'audit_log',
    'ledger_postings',
    'records',
    'api_tokens',
    'tenants',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
