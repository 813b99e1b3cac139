import {
  pruneRoutingState,
  type Clock,
  type Issue,
  type LeadDistribution,
  type Program,
  type ProgramRepository,
  type Result,
  type RoutingPorts,
  type RoutingStore,
  type StoredDistribution,
} from '@conduit/core';
import { offerEventTraces } from '../store/routing/index.js';
import type { TenantStore } from '../store/tenant-store.js';

/** The version of a lead's distribution a client read (`null`: the lead was never routed). */
export interface ExpectedDistribution {
  leadId: string;
  version: number | null;
}

/** What a routing mutation runs with: the tenant's store (or transaction), the time and who asks. */
export interface RoutingScope {
  store: TenantStore;
  clock: Clock;
  actor: string | null;
}

function staleForClient(expected: ExpectedDistribution, found: number | null): Issue {
  const read = expected.version === null ? 'not routed yet' : `at version ${expected.version}`;
  const now = found === null ? 'has not been routed' : `is at version ${found}`;
  return {
    path: ['expectedVersion'],
    code: 'stale_write',
    message: `The distribution of lead ${expected.leadId} ${now}, but it was ${read} when you read it: reload it and decide again.`,
  };
}

/**
 * The routing use cases' ports over a tenant's store (or a transaction's). Around the store's routing
 * port it adds what the server wants of every commit:
 * - the state is pruned (`pruneRoutingState`: old sticky entries, past loads, zero weights) before it is
 *   written, so that it stays as small as routing needs;
 * - each committed distribution's offer events (accepted, declined, expired) go to the audit log, next to
 *   the engine's own traces, which the trace log port appends;
 * - with `expected`, a commit that writes that lead's distribution at another version than the client
 *   read is refused with `stale_write`.
 */
export function routingPorts(scope: RoutingScope, options: { expected?: ExpectedDistribution } = {}): RoutingPorts {
  const { store, clock, actor } = scope;
  let program: Program | undefined;
  const programs: ProgramRepository = {
    ...store.programs,
    async current() {
      const published = await store.programs.current();
      program = published?.program;
      return published;
    },
  };
  const read = new Map<string, LeadDistribution>();
  const remember = <T extends readonly StoredDistribution[]>(stored: T): T => {
    for (const { record } of stored) read.set(record.leadId, record);
    return stored;
  };
  const routing: RoutingStore = {
    loadState: () => store.routing.loadState(),
    distributions: async (leadIds) => remember(await store.routing.distributions(leadIds)),
    async *dueOffers(now) {
      for await (const page of store.routing.dueOffers(now)) yield remember(page);
    },
    async commit(change) {
      const { expected } = options;
      const write = expected && change.distributions.find(({ record }) => record.leadId === expected.leadId);
      if (expected && write && write.expectedVersion !== expected.version)
        return { success: false, issues: [staleForClient(expected, write.expectedVersion)] };
      const state =
        change.state && program
          ? { ...change.state, state: pruneRoutingState(change.state.state, program, clock.now()) }
          : change.state;
      const committed = await store.routing.commit({ ...change, ...(state ? { state } : {}) });
      if (committed.success) {
        const events = change.distributions.flatMap(({ record }) => offerEventTraces(read.get(record.leadId), record));
        await store.audit.record(events, clock.now(), actor);
      }
      return committed;
    },
  };
  return {
    programs,
    partners: store.partners,
    leads: store.leads,
    routing,
    traceLog: store.routing.traceLog(clock, actor),
    clock,
    conflicts: store.routing.conflicts,
  };
}

class RolledBack extends Error {
  constructor(readonly result: Result<never>) {
    super('The routing mutation was refused and rolled back.');
  }
}

/**
 * Runs a routing mutation in one transaction holding the tenant's routing lock (see `SqlRoutingStore.lock`),
 * with ports bound to that transaction: the routing writes, the audit entries of its decisions and any
 * other write of `work` land together, or, when the result is a refusal, none of them does.
 *
 * Why a lock: every routing decision reads and rewrites the tenant's one routing state (loads, weights,
 * sticky entries), so two routing mutations of a tenant always conflict. Without the lock, the loser of a
 * race would get `stale_write` for a state its client never read and could only resend the same request;
 * with it, the second waits for the first to commit and then decides on what the first did (leads already
 * routed are left alone). The version checks of `commit` stay as the guard against any writer that does
 * not take the lock; the client's own `expected` version is checked before and at the commit.
 */
export async function inRoutingTransaction<T>(
  scope: RoutingScope,
  work: (ports: RoutingPorts, store: TenantStore) => Promise<Result<T>>,
  options: { expected?: ExpectedDistribution } = {},
): Promise<Result<T>> {
  try {
    return await scope.store.transaction(async (store) => {
      await store.routing.lock();
      const { expected } = options;
      if (expected) {
        // A lead never routed is left to the use case (404 for an answer; the commit check for a reassignment).
        const [stored] = await store.routing.distributions([expected.leadId]);
        if (stored && stored.version !== expected.version)
          throw new RolledBack({ success: false, issues: [staleForClient(expected, stored.version)] });
      }
      const result = await work(routingPorts({ ...scope, store }, options), store);
      if (!result.success) throw new RolledBack(result);
      return result;
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.result;
    throw error;
  }
}
