import { LeadDistributionSchema, RoutingStateSchema, type Issue, type Result, type RoutingCommit } from '@conduit/core';
import { sql, type Kysely } from 'kysely';
import { RecordTable } from '../records/record-table.js';
import type { Database } from '../schema.js';
import { LEAD_DISTRIBUTIONS, ROUTING_STATE_ID, ROUTING_STATES } from './kinds.js';

/** What a routing commit answers: the state's version after it (`null`: no state stored yet). */
export type RoutingCommitResult = Result<{ stateVersion: number | null }>;

/** A refused commit, thrown to roll its transaction back. */
class CommitRefused extends Error {
  constructor(readonly issue: Issue) {
    super(issue.message);
  }
}

function staleState(expectedVersion: number | null): Issue {
  return {
    path: ['routingState'],
    code: 'stale_write',
    message:
      expectedVersion === null
        ? 'Leads were routed for the first time by another request at the same time: read the routing state again and retry.'
        : `The routing state changed since version ${expectedVersion} was read: read it again and retry.`,
  };
}

function staleDistribution(leadId: string, expectedVersion: number | null): Issue {
  return {
    path: ['distributions', leadId],
    code: 'stale_write',
    message:
      expectedVersion === null
        ? `Lead ${leadId} was routed by another request at the same time: read its distribution and retry.`
        : `The distribution of lead ${leadId} changed since version ${expectedVersion} was read: read it again and retry.`,
  };
}

const concurrentWrite: Issue = {
  path: ['routingState'],
  code: 'stale_write',
  message: 'Another routing change was being written at the same time: read again and retry.',
};

/** Whether PostgreSQL gave up on a statement because of a concurrent transaction (deadlock, serialization). */
function isConcurrencyFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40P01' || code === '40001';
}

/**
 * The commit's writes, checked: a state or a distribution that breaks its schema, or a lead written twice,
 * is a bug upstream, so it throws. Distributions come in lead id order: every commit locks the state first,
 * then distributions by id, so two commits may wait on each other but never deadlock.
 */
function plannedWrites(change: RoutingCommit) {
  if (change.state) RoutingStateSchema.parse(change.state.state);
  const distributions = [...change.distributions].sort((a, b) =>
    a.record.leadId < b.record.leadId ? -1 : a.record.leadId > b.record.leadId ? 1 : 0,
  );
  distributions.forEach((write, index) => {
    LeadDistributionSchema.parse(write.record);
    if (index > 0 && distributions[index - 1]!.record.leadId === write.record.leadId)
      throw new Error(`A routing commit writes lead ${write.record.leadId} twice.`);
  });
  return { state: change.state, distributions };
}

/** Writes the state, then each distribution, at their expected versions; throws `CommitRefused` on the first stale one. */
async function apply(
  db: Kysely<Database>,
  tenantId: string,
  writes: ReturnType<typeof plannedWrites>,
): Promise<number | null> {
  let stateVersion: number | null = null;
  if (writes.state) {
    const { state, expectedVersion } = writes.state;
    const saved = await new RecordTable(db, tenantId, ROUTING_STATES).save(
      { ...state, id: ROUTING_STATE_ID, version: expectedVersion ?? 0 },
      { expectedVersion },
    );
    if (!saved.success) throw new CommitRefused(staleState(expectedVersion));
    stateVersion = saved.data.version;
  } else {
    const row = await db
      .selectFrom('records')
      .select('version')
      .where('tenant_id', '=', tenantId)
      .where('kind', '=', ROUTING_STATES.name)
      .where('id', '=', ROUTING_STATE_ID)
      .executeTakeFirst();
    stateVersion = row?.version ?? null;
  }
  const table = new RecordTable(db, tenantId, LEAD_DISTRIBUTIONS);
  for (const { record, expectedVersion } of writes.distributions) {
    const saved = await table.save(
      { ...record, id: record.leadId, version: expectedVersion ?? 0 },
      { expectedVersion },
    );
    if (!saved.success) throw new CommitRefused(staleDistribution(record.leadId, expectedVersion));
  }
  return stateVersion;
}

let savepoints = 0;

/** Inside a caller's transaction: the commit's writes are undone to a savepoint when it is refused. */
async function commitInSavepoint(
  trx: Kysely<Database>,
  tenantId: string,
  writes: ReturnType<typeof plannedWrites>,
): Promise<RoutingCommitResult> {
  savepoints += 1;
  const name = sql.raw(`routing_commit_${savepoints}`);
  await sql`savepoint ${name}`.execute(trx);
  try {
    const stateVersion = await apply(trx, tenantId, writes);
    await sql`release savepoint ${name}`.execute(trx);
    return { success: true, data: { stateVersion } };
  } catch (error) {
    if (!(error instanceof CommitRefused) && !isConcurrencyFailure(error)) throw error;
    await sql`rollback to savepoint ${name}`.execute(trx);
    await sql`release savepoint ${name}`.execute(trx);
    return { success: false, issues: [error instanceof CommitRefused ? error.issue : concurrentWrite] };
  }
}

/** On its own: the commit is one transaction, rolled back when it is refused. */
async function commitInTransaction(
  db: Kysely<Database>,
  tenantId: string,
  writes: ReturnType<typeof plannedWrites>,
): Promise<RoutingCommitResult> {
  try {
    const stateVersion = await db.transaction().execute((trx) => apply(trx, tenantId, writes));
    return { success: true, data: { stateVersion } };
  } catch (error) {
    if (error instanceof CommitRefused) return { success: false, issues: [error.issue] };
    if (isConcurrencyFailure(error)) return { success: false, issues: [concurrentWrite] };
    throw error;
  }
}

/**
 * Commits what one routing decision writes, all or nothing, as the `RoutingStore` port requires: the
 * state (when given) and each distribution are written only if their stored version is the one expected
 * (`UPDATE … WHERE version = expected`, or an insert that must not find the record). A stale write is
 * refused with a `stale_write` issue (path `['routingState']` or `['distributions', leadId]`) and undoes
 * every write of the commit: to a savepoint inside a caller's transaction (which goes on), or by rolling
 * back the commit's own transaction.
 *
 * On PostgreSQL, two commits based on the same state version cannot both succeed: the second `UPDATE`
 * waits for the first's row lock and, once the first commits, finds the version changed.
 */
export async function commitRouting(
  db: Kysely<Database>,
  tenantId: string,
  change: RoutingCommit,
): Promise<RoutingCommitResult> {
  const writes = plannedWrites(change);
  return db.isTransaction ? commitInSavepoint(db, tenantId, writes) : commitInTransaction(db, tenantId, writes);
}
