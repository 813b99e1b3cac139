import type { PartnerStatus } from '../entities/partner.js';
import type { Clock } from '../ports/clock.js';
import type { WriteExpectation } from '../ports/repository.js';
import type { Program } from '../program/schema/program.js';
import type { Result } from '../result/result.js';
import type { PartnerLifecycle } from './record/partner-lifecycle.js';

/** Which lifecycles a scan returns; every field narrows, an empty query returns all. */
export interface PartnerLifecycleQuery {
  statuses?: readonly PartnerStatus[];
  partnerIds?: readonly string[];
}

/**
 * Where partners' lifecycles live (a custom object in Salesforce, the server's store for HubSpot), keyed
 * by partner id, with optimistic concurrency: a save states the version it read (`null` to create) and a
 * stale one is refused with the issue code `stale_write`. On success the lifecycle is stored with the
 * next version.
 */
export interface PartnerLifecycleRepository {
  get(partnerId: string): Promise<PartnerLifecycle | undefined>;
  /** The lifecycles found among `partnerIds`, in no particular order; partners without one are left out. */
  getMany(partnerIds: readonly string[]): Promise<PartnerLifecycle[]>;
  save(lifecycle: PartnerLifecycle, expectation: WriteExpectation): Promise<Result<{ version: number }>>;
  /** Lifecycles in pages, for batch work (the overdue-milestone job). */
  scan(query: PartnerLifecycleQuery): AsyncIterable<readonly PartnerLifecycle[]>;
}

/** The ports the lifecycle use cases run against. */
export interface PartnerLifecycleDependencies {
  lifecycles: PartnerLifecycleRepository;
  /** The program in force. */
  program: () => Promise<Program>;
  clock: Clock;
}
