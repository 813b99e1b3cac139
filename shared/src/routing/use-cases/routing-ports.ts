import type { Clock } from '../../ports/clock.js';
import type { ProgramRepository } from '../../ports/program-repository.js';
import type { LeadRepository, PartnerRepository } from '../../ports/repositories.js';
import type { Result } from '../../result/result.js';
import type { DecisionTrace } from '../../trace/decision-trace.js';
import type { ConflictOfInterest } from '../session/conflicts-of-interest.js';
import type { LeadDistribution } from '../state/lead-distribution.js';
import type { RoutingState } from '../state/routing-state.js';

/** Routing state as stored, with the version a write must state. */
export interface StoredRoutingState {
  state: RoutingState;
  version: number;
}

/** A lead's distribution as stored, with the version a write must state. */
export interface StoredDistribution {
  record: LeadDistribution;
  version: number;
}

/**
 * What one routing decision writes, all or nothing: the routing state (when it changed) and lead
 * distributions. Each write states the version it read (`null` for a record that must not exist yet).
 */
export interface RoutingCommit {
  state?: { state: RoutingState; expectedVersion: number | null };
  distributions: readonly { record: LeadDistribution; expectedVersion: number | null }[];
}

/**
 * Where routing keeps its data: the tenant's routing state (one small document: round-robin weights, loads,
 * sticky entries) and each lead's distribution (its offers, like the CRM's offer records). `commit` writes
 * them together in one transaction; when any version is stale, nothing is written and the result is a
 * `stale_write` issue, so two routing runs never overwrite each other's loads or offer the same lead twice.
 */
export interface RoutingStore {
  /** The stored state, or `undefined` before the first commit. */
  loadState(): Promise<StoredRoutingState | undefined>;
  /** The stored distributions of these leads; leads never routed are left out. */
  distributions(leadIds: readonly string[]): Promise<StoredDistribution[]>;
  /** The distributions with an offer due at or before `now`, in pages. */
  dueOffers(now: Date): AsyncIterable<readonly StoredDistribution[]>;
  commit(change: RoutingCommit): Promise<Result<{ stateVersion: number | null }>>;
}

/** Where decision traces are kept for audit (the routing choice of every lead, every manual reassignment). */
export interface DecisionTraceLog {
  append(traces: readonly DecisionTrace[]): Promise<void>;
}

/** Which conflicts of interest concern these leads or accounts. */
export interface ConflictOfInterestSource {
  find(query: { leadIds: readonly string[]; accountIds: readonly string[] }): Promise<ConflictOfInterest[]>;
}

/** What the routing use cases need from the outside world. */
export interface RoutingPorts {
  programs: ProgramRepository;
  partners: PartnerRepository;
  leads: LeadRepository;
  routing: RoutingStore;
  traceLog: DecisionTraceLog;
  clock: Clock;
  /** Optional: without it, no partner is excluded for a conflict of interest. */
  conflicts?: ConflictOfInterestSource;
}
