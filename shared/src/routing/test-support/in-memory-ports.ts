import type { Lead } from '../../entities/lead.js';
import type { Partner } from '../../entities/partner.js';
import type { Program } from '../../program/schema/program.js';
import type { Clock } from '../../ports/clock.js';
import type { ProgramRepository, PublishedProgram } from '../../ports/program-repository.js';
import type { LeadQuery, LeadRepository, PartnerQuery, PartnerRepository } from '../../ports/repositories.js';
import type { WriteExpectation } from '../../ports/repository.js';
import { issue } from '../../result/issue.js';
import { fail, ok, type Result } from '../../result/result.js';
import type { DecisionTrace } from '../../trace/decision-trace.js';
import type { ConflictOfInterest } from '../session/conflicts-of-interest.js';
import { isOfferExpired } from '../offers/recycle-expired-offers.js';
import type { RoutingState } from '../state/routing-state.js';
import type {
  ConflictOfInterestSource,
  DecisionTraceLog,
  RoutingCommit,
  RoutingPorts,
  RoutingStore,
  StoredDistribution,
  StoredRoutingState,
} from '../use-cases/routing-ports.js';

const PAGE = 2;

const clone = <T>(value: T): T => structuredClone(value);

function staleWrite(what: string, expected: number | null, found: number | null) {
  return issue(
    ['expectedVersion'],
    'stale_write',
    `${what} changed since it was read (version ${found ?? 'none'}, not ${expected ?? 'none'}): read it again and retry.`,
  );
}

/** Records by id with optimistic concurrency and paged scans, for partners and leads. */
class InMemoryRecords<T extends { id: string; version: number }, Query> {
  private readonly records = new Map<string, T>();

  constructor(
    records: readonly T[],
    private readonly matches: (record: T, query: Query) => boolean,
  ) {
    for (const record of records) this.records.set(record.id, clone(record));
  }

  async get(id: string): Promise<T | undefined> {
    const found = this.records.get(id);
    return found && clone(found);
  }

  async getMany(ids: readonly string[]): Promise<T[]> {
    return ids.flatMap((id) => {
      const found = this.records.get(id);
      return found ? [clone(found)] : [];
    });
  }

  async save(record: T, expectation: WriteExpectation): Promise<Result<{ version: number }>> {
    const current = this.records.get(record.id);
    if ((current?.version ?? null) !== expectation.expectedVersion) {
      return fail([staleWrite(`Record ${record.id}`, expectation.expectedVersion, current?.version ?? null)]);
    }
    const version = (expectation.expectedVersion ?? 0) + 1;
    this.records.set(record.id, { ...clone(record), version });
    return ok({ version });
  }

  async *scan(query: Query): AsyncIterable<readonly T[]> {
    const found = [...this.records.values()].filter((record) => this.matches(record, query));
    for (let start = 0; start < found.length; start += PAGE) yield found.slice(start, start + PAGE).map(clone);
  }
}

/** Partners in memory. */
export function inMemoryPartners(partners: readonly Partner[]): PartnerRepository {
  return new InMemoryRecords<Partner, PartnerQuery>(
    partners,
    (partner, query) =>
      (query.statuses === undefined || query.statuses.includes(partner.status)) &&
      (query.tierIds === undefined || (partner.tierId !== null && query.tierIds.includes(partner.tierId))),
  );
}

/** Leads in memory. */
export function inMemoryLeads(leads: readonly Lead[]): LeadRepository {
  return new InMemoryRecords<Lead, LeadQuery>(
    leads,
    (lead, query) =>
      (query.createdSince === undefined || Date.parse(lead.createdAt) >= Date.parse(query.createdSince)) &&
      (query.ids === undefined || query.ids.includes(lead.id)),
  );
}

/** A program repository holding one published program (or none). */
export function inMemoryPrograms(program: Program | undefined): ProgramRepository {
  const published: PublishedProgram | undefined = program && {
    version: 1,
    publishedAt: '2026-11-01T00:00:00Z',
    program,
  };
  return {
    current: async () => published,
    version: async (version) => (version === 1 ? published : undefined),
    publish: async () => fail([issue([], 'not_supported', 'This test repository does not publish.')]),
  };
}

/**
 * The routing store in memory: the state and each lead's distribution, written together or not at all,
 * with versions checked as a database transaction would.
 */
export class InMemoryRoutingStore implements RoutingStore {
  private state: StoredRoutingState | undefined;
  private readonly records = new Map<string, StoredDistribution>();
  /** How many commits succeeded: tests read it to see that a refused commit wrote nothing. */
  commits = 0;

  async loadState(): Promise<StoredRoutingState | undefined> {
    return this.state && clone(this.state);
  }

  async distributions(leadIds: readonly string[]): Promise<StoredDistribution[]> {
    return leadIds.flatMap((id) => {
      const found = this.records.get(id);
      return found ? [clone(found)] : [];
    });
  }

  async *dueOffers(now: Date): AsyncIterable<readonly StoredDistribution[]> {
    const due = [...this.records.values()].filter((stored) => isOfferExpired(stored.record, now));
    for (let start = 0; start < due.length; start += PAGE) yield due.slice(start, start + PAGE).map(clone);
  }

  async commit(change: RoutingCommit): Promise<Result<{ stateVersion: number | null }>> {
    if (change.state && (this.state?.version ?? null) !== change.state.expectedVersion) {
      return fail([staleWrite('The routing state', change.state.expectedVersion, this.state?.version ?? null)]);
    }
    for (const { record, expectedVersion } of change.distributions) {
      const found = this.records.get(record.leadId)?.version ?? null;
      if (found !== expectedVersion)
        return fail([staleWrite(`The distribution of lead ${record.leadId}`, expectedVersion, found)]);
    }
    if (change.state)
      this.state = { state: clone(change.state.state), version: (change.state.expectedVersion ?? 0) + 1 };
    for (const { record, expectedVersion } of change.distributions) {
      this.records.set(record.leadId, { record: clone(record), version: (expectedVersion ?? 0) + 1 });
    }
    this.commits++;
    return ok({ stateVersion: this.state?.version ?? null });
  }

  /** The stored state, for assertions. */
  peekState(): RoutingState | undefined {
    return this.state && clone(this.state.state);
  }

  /** A stored distribution, for assertions. */
  peek(leadId: string): StoredDistribution | undefined {
    const found = this.records.get(leadId);
    return found && clone(found);
  }
}

/** A trace log that keeps what it is given. */
export class InMemoryTraceLog implements DecisionTraceLog {
  readonly traces: DecisionTrace[] = [];

  async append(traces: readonly DecisionTrace[]): Promise<void> {
    this.traces.push(...clone([...traces]));
  }
}

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  constructor(private instant: Date) {}

  now(): Date {
    return new Date(this.instant.getTime());
  }

  advanceHours(hours: number): void {
    this.instant = new Date(this.instant.getTime() + hours * 3_600_000);
  }
}

/** Conflicts of interest from a fixed list. */
export function inMemoryConflicts(conflicts: readonly ConflictOfInterest[]): ConflictOfInterestSource {
  return {
    find: async ({ leadIds, accountIds }) =>
      conflicts.filter(
        (conflict) =>
          (conflict.leadId !== undefined && leadIds.includes(conflict.leadId)) ||
          (conflict.accountId !== undefined && accountIds.includes(conflict.accountId)),
      ),
  };
}

/** Every routing port in memory, for one program, partners and leads. */
export function inMemoryRoutingPorts(options: {
  program: Program | undefined;
  partners: readonly Partner[];
  leads: readonly Lead[];
  now: Date;
  conflicts?: readonly ConflictOfInterest[];
}): RoutingPorts & { routing: InMemoryRoutingStore; traceLog: InMemoryTraceLog; clock: ManualClock } {
  return {
    programs: inMemoryPrograms(options.program),
    partners: inMemoryPartners(options.partners),
    leads: inMemoryLeads(options.leads),
    routing: new InMemoryRoutingStore(),
    traceLog: new InMemoryTraceLog(),
    clock: new ManualClock(options.now),
    ...(options.conflicts ? { conflicts: inMemoryConflicts(options.conflicts) } : {}),
  };
}
