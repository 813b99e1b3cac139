import type { ExchangeRateTable } from '../../money/exchange.js';
import type { Clock } from '../../ports/clock.js';
import type { IdGenerator } from '../../ports/id-generator.js';
import type { RecordScanner } from '../../ports/repository.js';
import type { Program } from '../../program/schema/program.js';
import { issue, type Issue } from '../../result/issue.js';
import type { DecisionTrace } from '../../trace/decision-trace.js';
import type { MdfDecided } from '../outcome.js';
import type { MdfChangeSet, MdfStore } from '../ports/mdf-store.js';

/** What every MDF use case works with: the store, the program in force, the clock, ids and exchange rates. */
export interface MdfContext {
  store: MdfStore;
  program: Program;
  clock: Clock;
  ids: IdGenerator;
  /** The exchange rates in force, for requests, deals and budgets in other currencies than their allocation's. */
  rates: ExchangeRateTable;
}

/**
 * What a use case returns: on success the transition's data and the decision's trace; on failure the
 * issues, with the trace of the decision when one was made (`null` when a record was missing or a write
 * was refused as stale: nothing was decided that holds).
 */
export type MdfOutcome<T> =
  { success: true; data: T; trace: DecisionTrace } | { success: false; issues: Issue[]; trace: DecisionTrace | null };

/** A missing record: issue `not_found`. */
export function notFound<T>(kind: string, id: string): MdfOutcome<T> {
  return {
    success: false,
    issues: [issue([kind, id], 'not_found', `No ${kind.replace('_', ' ')} ${id} exists.`)],
    trace: null,
  };
}

/** Every record a scan returns, across its pages. */
export async function scanAll<T, Q>(scanner: RecordScanner<T, Q>, query: Q): Promise<T[]> {
  const all: T[] = [];
  for await (const page of scanner.scan(query)) all.push(...page);
  return all;
}

/**
 * Commits what a decision decided, writing each record with the version it was read at; a refused
 * decision or a refused commit (`stale_write`, …) comes back as a failure.
 */
export async function commitDecision<T>(
  store: MdfStore,
  decision: MdfDecided<T>,
  changes: (data: T) => MdfChangeSet,
): Promise<MdfOutcome<T>> {
  if (!decision.success) return { success: false, issues: decision.issues, trace: decision.trace };
  const committed = await store.commit(changes(decision.data));
  if (!committed.success) return { success: false, issues: committed.issues, trace: null };
  return { success: true, data: decision.data, trace: decision.trace };
}

/** The write of a record read at `version`, or created when it was not read. */
export function writeOf<T extends { version: number }>(record: T, read: { version: number } | undefined | null) {
  return { record, expectedVersion: read ? read.version : null };
}

/**
 * Runs an operation again, on fresh data, while its commit is refused as `stale_write` (another writer
 * got there first), at most `attempts` times in all; each attempt reads and decides again, so a retry may
 * well be refused for a business reason (the money is gone) rather than written.
 *
 * @example await retryMdfOnStaleWrite(() => approveMdfRequest(context, input))
 */
export async function retryMdfOnStaleWrite<T>(
  operation: () => Promise<MdfOutcome<T>>,
  attempts = 3,
): Promise<MdfOutcome<T>> {
  if (!Number.isInteger(attempts) || attempts < 1) throw new Error('At least one attempt.');
  let outcome = await operation();
  for (let attempt = 1; attempt < attempts; attempt += 1) {
    if (outcome.success || !outcome.issues.some((found) => found.code === 'stale_write')) return outcome;
    outcome = await operation();
  }
  return outcome;
}
