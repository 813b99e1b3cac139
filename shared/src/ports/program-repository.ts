import type { Program } from '../program/schema/program.js';
import type { Result } from '../result/result.js';

/** A program as published: the validated document, its version and when it was published. */
export interface PublishedProgram {
  version: number;
  publishedAt: string;
  program: Program;
}

/**
 * Where the tenant's program lives: a record in Salesforce, the server's store for HubSpot.
 * Only validated programs are published; each publication gets the next version.
 */
export interface ProgramRepository {
  /** The program in force, or `undefined` before the first publication. */
  current(): Promise<PublishedProgram | undefined>;
  /** A past version, for audit and what-if comparisons. */
  version(version: number): Promise<PublishedProgram | undefined>;
  /**
   * Publishes a validated program as the next version. `expectedVersion` is the version the admin
   * edited (`null` for the first): a publication based on an older one is refused as `stale_write`.
   */
  publish(program: Program, expectation: { expectedVersion: number | null }): Promise<Result<PublishedProgram>>;
}
