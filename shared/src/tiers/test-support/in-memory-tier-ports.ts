import type { Clock } from '../../ports/clock.js';
import { sequentialIds, type IdGenerator } from '../../ports/id-generator.js';
import type { ProgramRepository, PublishedProgram } from '../../ports/program-repository.js';
import type { Program } from '../../program/schema/program.js';
import { issue } from '../../result/issue.js';
import { fail, ok } from '../../result/result.js';
import type { PendingTierProposal, TierProposalRecord } from '../applying/tier-proposal-record.js';
import type { PartnerTierInputs } from '../inputs/partner-tier-inputs.js';
import type { TierInputsQuery, TierInputsSource } from '../ports/tier-inputs-source.js';
import type { TierProposalQuery, TierProposalRepository } from '../ports/tier-proposal-repository.js';
import type { TierStandingQuery, TierStandingRepository } from '../ports/tier-standing-repository.js';
import type { TierStanding } from '../standing/tier-standing.js';
import type { TierDependencies } from '../use-cases/tier-dependencies.js';
import { InMemoryVersionedStore, inPages } from './in-memory-versioned-store.js';

/** Tier standings in memory, keyed by partner. */
export class InMemoryTierStandings implements TierStandingRepository {
  readonly store = new InMemoryVersionedStore<TierStanding>((standing) => standing.partnerId);
  constructor(private readonly pageSize = 50) {}
  async get(partnerId: string) {
    return this.store.get(partnerId);
  }
  async getMany(partnerIds: readonly string[]) {
    return partnerIds.flatMap((id) => this.store.get(id) ?? []);
  }
  async save(standing: TierStanding, expectation: { expectedVersion: number | null }) {
    return this.store.save(standing, expectation);
  }
  scan(query: TierStandingQuery) {
    const matching = this.store
      .all()
      .filter(
        (standing) =>
          (!query.partnerIds || query.partnerIds.includes(standing.partnerId)) &&
          (!query.statuses || query.statuses.includes(standing.status)) &&
          (!query.scheduledDueBy ||
            (standing.scheduled !== null && standing.scheduled.effectiveOn <= query.scheduledDueBy)),
      );
    return inPages(matching, this.pageSize);
  }
}

/** Tier proposals in memory. */
export class InMemoryTierProposals implements TierProposalRepository {
  readonly store = new InMemoryVersionedStore<TierProposalRecord>((record) => record.id);
  async get(id: string) {
    return this.store.get(id);
  }
  async pendingFor(partnerIds: readonly string[]) {
    return this.store
      .all()
      .filter(
        (record): record is PendingTierProposal =>
          record.status === 'pending' && partnerIds.includes(record.proposal.partnerId),
      );
  }
  async save(record: TierProposalRecord, expectation: { expectedVersion: number | null }) {
    return this.store.save(record, expectation);
  }
  scan(query: TierProposalQuery) {
    const matching = this.store
      .all()
      .filter(
        (record) =>
          (!query.statuses || query.statuses.includes(record.status)) &&
          (!query.partnerIds || query.partnerIds.includes(record.proposal.partnerId)),
      );
    return inPages(matching, 50);
  }
}

/**
 * Partners' data in memory, served as an adapter would: windowed items dated from `from` through
 * `through`, every certification, custom metric values up to `through`. `partners` may be changed
 * between runs to add data.
 */
export class InMemoryTierInputs implements TierInputsSource {
  constructor(
    public partners: PartnerTierInputs[],
    private readonly pageSize = 50,
  ) {}
  scan(query: TierInputsQuery) {
    const inRange = (date: string) => query.from <= date && date <= query.through;
    const pages = this.partners
      .filter((partner) => !query.partnerIds || query.partnerIds.includes(partner.partnerId))
      .map((partner) => ({
        ...structuredClone(partner),
        wonDeals: partner.wonDeals.filter((deal) => inRange(deal.closedOn)),
        approvedRegistrations: partner.approvedRegistrations.filter((registration) => inRange(registration.approvedOn)),
        satisfactionScores: partner.satisfactionScores.filter((score) => inRange(score.date)),
        customMetrics: partner.customMetrics.filter((value) => value.date <= query.through),
      }));
    return inPages(pages, this.pageSize);
  }
}

/** The program repository in memory: publish validated programs, read the current one. */
export class InMemoryPrograms implements ProgramRepository {
  readonly #versions: PublishedProgram[] = [];
  constructor(program?: Program) {
    if (program) this.#versions.push({ version: 1, publishedAt: '2026-01-01T00:00:00Z', program });
  }
  async current() {
    return this.#versions[this.#versions.length - 1];
  }
  async version(version: number) {
    return this.#versions.find((published) => published.version === version);
  }
  async publish(program: Program, expectation: { expectedVersion: number | null }) {
    const current = this.#versions[this.#versions.length - 1]?.version ?? null;
    if (current !== expectation.expectedVersion)
      return fail<PublishedProgram>([issue([], 'stale_write', 'The program changed since it was read.')]);
    const published = { version: (current ?? 0) + 1, publishedAt: '2026-01-01T00:00:00Z', program };
    this.#versions.push(published);
    return ok(published);
  }
}

/** A clock the test moves by hand. */
export class ManualClock implements Clock {
  constructor(public instant: Date) {}
  now() {
    return new Date(this.instant.getTime());
  }
  /** Sets the clock to noon UTC of a day. */
  setDay(day: string) {
    this.instant = new Date(`${day}T12:00:00Z`);
  }
}

/** Every tier port in memory, wired for the use cases. */
export interface InMemoryTierWorld extends TierDependencies {
  programs: InMemoryPrograms;
  standings: InMemoryTierStandings;
  proposals: InMemoryTierProposals;
  inputs: InMemoryTierInputs;
  clock: ManualClock;
  ids: IdGenerator;
}

/** A fresh in-memory world for a program, partners' data and a day. */
export function inMemoryTierWorld(program: Program, partners: PartnerTierInputs[], day: string): InMemoryTierWorld {
  const clock = new ManualClock(new Date(`${day}T12:00:00Z`));
  return {
    programs: new InMemoryPrograms(program),
    standings: new InMemoryTierStandings(),
    proposals: new InMemoryTierProposals(),
    inputs: new InMemoryTierInputs(partners),
    clock,
    ids: sequentialIds(),
  };
}
