import {
  isBalancedPosting,
  MdfAllocationSchema,
  MdfBudgetSchema,
  MdfClaimSchema,
  MdfPostingSchema,
  MdfRequestSchema,
  PaymentBatchSchema,
  type Issue,
  type MdfChangeSet,
  type MdfCommitReceipt,
  type MdfPosting,
  type MdfRecordWrite,
  type Result,
  type VersionedRecord,
} from '@conduit/core';
import { sql, type Kysely } from 'kysely';
import type * as z from 'zod';
import { RecordTable, type RecordKind } from '../records/record-table.js';
import type { Database } from '../schema.js';
import { MDF_ALLOCATIONS, MDF_BUDGETS, MDF_CLAIMS, MDF_PAYMENT_BATCHES, MDF_REQUESTS } from './kinds.js';
import { appendPostings } from './ledger.js';

/** The kinds of MDF record a commit writes, as the port names them. */
export type MdfRecordKindName = MdfCommitReceipt['versions'][number]['kind'];

interface Binding {
  name: MdfRecordKindName;
  field: Exclude<keyof MdfChangeSet, 'postings'>;
  kind: RecordKind<VersionedRecord>;
  schema: z.ZodType;
}

/**
 * The record kinds in the order a commit writes (and so locks) them: every commit takes its row locks
 * in this one order, then by id, so two commits can wait on each other but never deadlock.
 */
const BINDINGS: readonly Binding[] = [
  { name: 'budget', field: 'budgets', kind: MDF_BUDGETS, schema: MdfBudgetSchema },
  {
    name: 'allocation',
    field: 'allocations',
    kind: MDF_ALLOCATIONS,
    schema: MdfAllocationSchema,
  },
  { name: 'request', field: 'requests', kind: MDF_REQUESTS, schema: MdfRequestSchema },
  { name: 'claim', field: 'claims', kind: MDF_CLAIMS, schema: MdfClaimSchema },
  {
    name: 'payment_batch',
    field: 'paymentBatches',
    kind: MDF_PAYMENT_BATCHES,
    schema: PaymentBatchSchema,
  },
];

interface PlannedWrite extends MdfRecordWrite<VersionedRecord> {
  binding: Binding;
}

/** A change set's record writes in lock order; a record that breaks its schema is a bug upstream: it throws. */
function plannedWrites(changes: MdfChangeSet): PlannedWrite[] {
  return BINDINGS.flatMap((binding) =>
    [...((changes[binding.field] ?? []) as readonly MdfRecordWrite<VersionedRecord>[])]
      .sort((a, b) => (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0))
      .map((write) => {
        binding.schema.parse(write.record);
        return { ...write, binding };
      }),
  );
}

/** Postings that cannot be appended whatever the ledger holds: unbalanced, or listed twice in the set. */
function postingIssues(postings: readonly MdfPosting[]): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const posting of postings) {
    if (!isBalancedPosting(posting)) {
      issues.push({
        path: ['postings', posting.id],
        code: 'posting_unbalanced',
        message: `Posting ${posting.id} does not balance.`,
      });
    } else {
      MdfPostingSchema.parse(posting);
    }
    if (seen.has(posting.id)) issues.push(duplicatePosting(posting.id));
    seen.add(posting.id);
  }
  return issues;
}

/**
 * Every posting must come with the versioned write of each budget and allocation whose accounts it moves:
 * that write is what makes two commits of the same money collide. A posting without it is a bug upstream.
 */
function checkHoldersWritten(writes: readonly PlannedWrite[], postings: readonly MdfPosting[]): void {
  const written = new Set(writes.map((write) => `${write.binding.name}:${write.record.id}`));
  for (const posting of postings) {
    for (const { account } of posting.lines) {
      const holder = account.holder === 'budget' ? `budget:${account.budgetId}` : `allocation:${account.allocationId}`;
      if (!written.has(holder))
        throw new Error(
          `Posting ${posting.id} moves money of ${holder} without writing that record in the same commit.`,
        );
    }
  }
}

function duplicatePosting(id: string): Issue {
  return { path: ['postings', id], code: 'duplicate_posting', message: `The ledger already holds posting ${id}.` };
}

function staleWrite(write: PlannedWrite): Issue {
  const what = `The ${write.binding.name.replace('_', ' ')} ${write.record.id}`;
  return {
    path: [write.binding.name, write.record.id],
    code: 'stale_write',
    message:
      write.expectedVersion === null
        ? `${what} already exists: read it and decide again.`
        : `${what} changed since version ${write.expectedVersion} was read (or no longer exists): read it again and decide again.`,
  };
}

/** A refused commit, thrown to roll its transaction back. */
class CommitRefused extends Error {
  constructor(readonly issues: Issue[]) {
    super(issues[0]?.message ?? 'The commit was refused.');
  }
}

/** Whether PostgreSQL gave up on a statement because of a concurrent transaction (deadlock, serialization). */
function isConcurrencyFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001';
}

function concurrentWrite(writes: readonly PlannedWrite[]): Issue {
  const first = writes[0];
  return {
    path: first ? [first.binding.name, first.record.id] : ['postings'],
    code: 'stale_write',
    message: 'Another change to the same records was being written at the same time: read them again and decide again.',
  };
}

/** Writes every record (versioned) and appends every posting; returns the refusals instead of throwing. */
async function apply(
  db: Kysely<Database>,
  tenantId: string,
  writes: readonly PlannedWrite[],
  postings: readonly MdfPosting[],
): Promise<{ issues: Issue[]; receipt: MdfCommitReceipt }> {
  const issues: Issue[] = [];
  const versions: MdfCommitReceipt['versions'] = [];
  for (const write of writes) {
    const saved = await new RecordTable(db, tenantId, write.binding.kind).save(write.record, {
      expectedVersion: write.expectedVersion,
    });
    if (saved.success) versions.push({ kind: write.binding.name, id: write.record.id, version: saved.data.version });
    else issues.push(staleWrite(write));
  }
  const appended = await appendPostings(db, tenantId, postings);
  for (const posting of postings) if (!appended.has(posting.id)) issues.push(duplicatePosting(posting.id));
  return { issues, receipt: { versions } };
}

let savepoints = 0;

/** Inside a caller's transaction: the commit's writes are undone to a savepoint when it is refused. */
async function commitInSavepoint(
  trx: Kysely<Database>,
  tenantId: string,
  writes: readonly PlannedWrite[],
  postings: readonly MdfPosting[],
): Promise<Result<MdfCommitReceipt>> {
  savepoints += 1;
  const name = sql.raw(`mdf_commit_${savepoints}`);
  await sql`savepoint ${name}`.execute(trx);
  const undo = async () => {
    await sql`rollback to savepoint ${name}`.execute(trx);
    await sql`release savepoint ${name}`.execute(trx);
  };
  try {
    const { issues, receipt } = await apply(trx, tenantId, writes, postings);
    if (issues.length > 0) {
      await undo();
      return { success: false, issues };
    }
    await sql`release savepoint ${name}`.execute(trx);
    return { success: true, data: receipt };
  } catch (error) {
    if (!isConcurrencyFailure(error)) throw error;
    await undo();
    return { success: false, issues: [concurrentWrite(writes)] };
  }
}

/** On its own: the commit is one transaction, rolled back when it is refused. */
async function commitInTransaction(
  db: Kysely<Database>,
  tenantId: string,
  writes: readonly PlannedWrite[],
  postings: readonly MdfPosting[],
): Promise<Result<MdfCommitReceipt>> {
  try {
    const receipt = await db.transaction().execute(async (trx) => {
      const applied = await apply(trx, tenantId, writes, postings);
      if (applied.issues.length > 0) throw new CommitRefused(applied.issues);
      return applied.receipt;
    });
    return { success: true, data: receipt };
  } catch (error) {
    if (error instanceof CommitRefused) return { success: false, issues: error.issues };
    if (isConcurrencyFailure(error)) return { success: false, issues: [concurrentWrite(writes)] };
    throw error;
  }
}

/**
 * Commits an MDF change set atomically, as the `MdfStore` port requires: each record is written only if
 * its stored version is the one expected (`UPDATE … WHERE version = expected`, or an insert that must not
 * find the record), each posting is appended only if its id is new (the primary key (tenant, id) makes
 * posting ids idempotency keys) and it balances. Any refusal (`stale_write` with path `[kind, id]`,
 * `duplicate_posting`, `posting_unbalanced`) undoes every write of the set. Run inside a transaction, the
 * set is undone to a savepoint and the caller's transaction goes on; otherwise the set is its own
 * transaction. A posting must come with the write of every budget and allocation whose accounts it
 * moves, so that its money is guarded by their versions; a record breaking its schema, or a posting
 * without those writes, is a bug upstream and throws.
 *
 * Two commits based on the same version of a record cannot both succeed on PostgreSQL: the second
 * `UPDATE` waits for the first's row lock and, once the first commits, finds the version changed.
 */
export async function commitMdfChanges(
  db: Kysely<Database>,
  tenantId: string,
  changes: MdfChangeSet,
): Promise<Result<MdfCommitReceipt>> {
  const writes = plannedWrites(changes);
  const postings = changes.postings ?? [];
  const refused = postingIssues(postings);
  if (refused.length > 0) return { success: false, issues: refused };
  checkHoldersWritten(writes, postings);
  if (writes.length === 0 && postings.length === 0) return { success: true, data: { versions: [] } };
  return db.isTransaction
    ? commitInSavepoint(db, tenantId, writes, postings)
    : commitInTransaction(db, tenantId, writes, postings);
}
