import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** A JSON document column: objects in, objects out. */
type Json<T extends object | null = Record<string, unknown>> = JSONColumnType<T, T, T>;
/** A timestamp: written as ISO text or Date, read as Date. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp the database fills in when it is not given. */
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A calendar date (YYYY-MM-DD), read as text. */
type DateText = ColumnType<string, string, string>;

/** A tenant: a HubSpot portal or a Salesforce org (or the local demo). */
export interface TenantsTable {
  id: string;
  name: string;
  created_at: DefaultedTimestamp;
}

/** Bearer tokens of API clients, stored as SHA-256 hashes, each belonging to one tenant. */
export interface ApiTokensTable {
  token_hash: string;
  tenant_id: string;
  label: string;
  created_at: DefaultedTimestamp;
}

/**
 * Every domain record (partners, accounts, deals, leads, registrations, offers, tier standings, MDF
 * budgets, allocations, requests, claims…) as a versioned JSON document, with the few columns queries
 * filter on lifted out and indexed. The meaning of the lifted columns depends on the kind (see the
 * record kinds in store/records).
 */
export interface RecordsTable {
  tenant_id: string;
  kind: string;
  id: string;
  version: number;
  data: Json<Record<string, unknown>>;
  status: string | null;
  partner_id: string | null;
  account_id: string | null;
  due_on: DateText | null;
  due_at: Timestamp | null;
  closed_on: DateText | null;
  created_at: Timestamp | null;
  updated_at: DefaultedTimestamp;
}

/** The MDF ledger: append-only balanced postings; a posting id is also its idempotency key. */
export interface LedgerPostingsTable {
  tenant_id: string;
  id: string;
  kind: string;
  allocation_id: string | null;
  budget_id: string | null;
  posted_at: Timestamp;
  data: Json<Record<string, unknown>>;
  seq: Generated<string>;
}

/** Every automated decision with its trace, queryable by the record it was about. */
export interface AuditLogTable {
  seq: Generated<string>;
  tenant_id: string;
  recorded_at: Timestamp;
  decision: string;
  subject_type: string;
  subject_id: string;
  outcome: string;
  actor: string | null;
  trace: Json<Record<string, unknown>>;
}

/** Responses to mutations by idempotency key, so that a retried request is answered, not repeated. */
export interface IdempotencyKeysTable {
  tenant_id: string;
  key: string;
  method: string;
  path: string;
  request_hash: string;
  status_code: number | null;
  response: Json<object> | null;
  created_at: DefaultedTimestamp;
}

/** Published versions of each tenant's program. */
export interface ProgramVersionsTable {
  tenant_id: string;
  version: number;
  published_at: Timestamp;
  published_by: string | null;
  program: Json<Record<string, unknown>>;
}

/** Runs of scheduled jobs, with their outcome and counts, visible through the API. */
export interface JobRunsTable {
  id: string;
  tenant_id: string;
  job: string;
  scheduled_for: Timestamp;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  outcome: string;
  counts: Json<Record<string, number>>;
  error: string | null;
}

/** The database as Kysely sees it. */
export interface Database {
  tenants: TenantsTable;
  api_tokens: ApiTokensTable;
  records: RecordsTable;
  ledger_postings: LedgerPostingsTable;
  audit_log: AuditLogTable;
  idempotency_keys: IdempotencyKeysTable;
  program_versions: ProgramVersionsTable;
  job_runs: JobRunsTable;
}
