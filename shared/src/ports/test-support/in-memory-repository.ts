import type { Account } from '../../entities/account.js';
import type { Deal } from '../../entities/deal.js';
import type { Lead } from '../../entities/lead.js';
import type { Partner } from '../../entities/partner.js';
import { issue } from '../../result/issue.js';
import { fail, ok, type Result } from '../../result/result.js';
import type {
  AccountQuery,
  AccountRepository,
  DealQuery,
  DealRepository,
  LeadQuery,
  LeadRepository,
  PartnerQuery,
  PartnerRepository,
} from '../repositories.js';
import type { RecordReader, RecordScanner, RecordWriter, VersionedRecord, WriteExpectation } from '../repository.js';

/**
 * A repository held in memory, for tests and the workbench's seeds: optimistic concurrency as the ports
 * promise (a save states the version it read, `null` to create, and gets the next one or `stale_write`),
 * scans in pages filtered by a predicate, and records copied in and out so that no caller can change
 * what is stored behind its back.
 */
export class InMemoryRepository<T extends VersionedRecord, Query>
  implements RecordReader<T>, RecordWriter<T>, RecordScanner<T, Query>
{
  readonly #records = new Map<string, T>();
  /** Saves refused as stale, for tests that count them. */
  staleWrites = 0;

  constructor(
    private readonly matches: (record: T, query: Query) => boolean,
    records: readonly T[] = [],
    private readonly pageSize = 100,
  ) {
    for (const record of records) this.#records.set(record.id, structuredClone(record));
  }

  async get(id: string): Promise<T | undefined> {
    const record = this.#records.get(id);
    return record && structuredClone(record);
  }

  async getMany(ids: readonly string[]): Promise<T[]> {
    return ids.flatMap((id) => {
      const record = this.#records.get(id);
      return record ? [structuredClone(record)] : [];
    });
  }

  async save(record: T, expectation: WriteExpectation): Promise<Result<{ version: number }>> {
    const stored = this.#records.get(record.id);
    const storedVersion = stored ? stored.version : null;
    if (storedVersion !== expectation.expectedVersion) {
      this.staleWrites += 1;
      return fail([
        issue(
          ['expectedVersion'],
          'stale_write',
          stored
            ? `Record ${record.id} changed since it was read (version ${String(expectation.expectedVersion)}, now ${stored.version}).`
            : `Record ${record.id} does not exist, but version ${String(expectation.expectedVersion)} was expected.`,
        ),
      ]);
    }
    const version = (storedVersion ?? 0) + 1;
    this.#records.set(record.id, structuredClone({ ...record, version }));
    return ok({ version });
  }

  async *scan(query: Query): AsyncIterable<readonly T[]> {
    const found = [...this.#records.values()].filter((record) => this.matches(record, query));
    for (let start = 0; start < found.length; start += this.pageSize) {
      yield found.slice(start, start + this.pageSize).map((record) => structuredClone(record));
    }
  }

  /** Every stored record, for assertions. */
  all(): T[] {
    return [...this.#records.values()].map((record) => structuredClone(record));
  }
}

const within = <V>(values: readonly V[] | undefined, value: V) => values === undefined || values.includes(value);

/** Partners in memory, filtered by status and tier. */
export function inMemoryPartners(
  partners: readonly Partner[] = [],
): PartnerRepository & InMemoryRepository<Partner, PartnerQuery> {
  return new InMemoryRepository<Partner, PartnerQuery>(
    (partner, query) =>
      within(query.statuses, partner.status) &&
      (query.tierIds === undefined || (partner.tierId !== null && query.tierIds.includes(partner.tierId))),
    partners,
  );
}

/** Accounts in memory, filtered by owner kind and domain. */
export function inMemoryAccounts(
  accounts: readonly Account[] = [],
): AccountRepository & InMemoryRepository<Account, AccountQuery> {
  return new InMemoryRepository<Account, AccountQuery>(
    (account, query) =>
      within(query.ownerKind === undefined ? undefined : [query.ownerKind], account.owner.kind) &&
      (query.domains === undefined || (account.domain !== undefined && query.domains.includes(account.domain))),
    accounts,
  );
}

/** Deals in memory, filtered by partner, account, stage and closing day. */
export function inMemoryDeals(deals: readonly Deal[] = []): DealRepository & InMemoryRepository<Deal, DealQuery> {
  return new InMemoryRepository<Deal, DealQuery>(
    (deal, query) =>
      (query.partnerIds === undefined || (deal.partnerId !== null && query.partnerIds.includes(deal.partnerId))) &&
      within(query.accountIds, deal.accountId) &&
      within(query.stages, deal.stage) &&
      (query.closedBetween === undefined ||
        (deal.stage !== 'open' && deal.closedOn >= query.closedBetween.from && deal.closedOn < query.closedBetween.to)),
    deals,
  );
}

/** Leads in memory, filtered by id and creation time. */
export function inMemoryLeads(leads: readonly Lead[] = []): LeadRepository & InMemoryRepository<Lead, LeadQuery> {
  return new InMemoryRepository<Lead, LeadQuery>(
    (lead, query) =>
      within(query.ids, lead.id) && (query.createdSince === undefined || lead.createdAt >= query.createdSince),
    leads,
  );
}
