import {
  isBalancedPosting,
  type Issue,
  type MdfAllocation,
  type MdfAllocationQuery,
  type MdfBudget,
  type MdfBudgetQuery,
  type MdfChangeSet,
  type MdfClaim,
  type MdfClaimQuery,
  type MdfCommitReceipt,
  type MdfLedgerQuery,
  type MdfPosting,
  type MdfRecordWrite,
  type MdfRequest,
  type MdfRequestQuery,
  type MdfStore,
  type PaymentBatch,
  type Result,
  type VersionedRecord,
} from '@conduit/core';

type Kind = MdfCommitReceipt['versions'][number]['kind'];

const PAGE = 500;

const within = <T>(list: readonly T[] | undefined, value: T): boolean => list === undefined || list.includes(value);

async function* pages<T>(items: readonly T[]): AsyncIterable<readonly T[]> {
  for (let start = 0; start < items.length; start += PAGE) yield items.slice(start, start + PAGE);
}

function records<T extends VersionedRecord, Q>(rows: Map<string, T>, matches: (record: T, query: Q) => boolean) {
  return {
    async get(id: string) {
      return rows.get(id);
    },
    async getMany(ids: readonly string[]) {
      return ids.flatMap((id) => (rows.has(id) ? [rows.get(id)!] : []));
    },
    scan(query: Q) {
      return pages([...rows.values()].filter((record) => matches(record, query)));
    },
  };
}

/**
 * The demo's MDF store while the demo history is made: an in-memory `MdfStore` with the port's semantics
 * (atomic commits, each record written only at the version it was read, posting ids never reused, only
 * balanced postings) that keeps every accepted change set in order. Those change sets are the history the
 * seeding replays through the tenant's own MDF store. Records are not copied in and out: the core's
 * transitions never change what they are given, and the demo changes nothing it reads.
 */
export class RecordingMdfStore implements MdfStore {
  /** Every commit accepted, in order, as the use cases made it. */
  readonly commits: MdfChangeSet[] = [];
  readonly rows = {
    budget: new Map<string, MdfBudget>(),
    allocation: new Map<string, MdfAllocation>(),
    request: new Map<string, MdfRequest>(),
    claim: new Map<string, MdfClaim>(),
    payment_batch: new Map<string, PaymentBatch>(),
  };
  /** The ledger, in append order. */
  readonly postings: MdfPosting[] = [];
  private readonly postingIds = new Set<string>();
  private readonly postingsByAllocation = new Map<string, MdfPosting[]>();

  budgets = records<MdfBudget, MdfBudgetQuery>(this.rows.budget, (budget, query) =>
    within(query.fundTypeIds, budget.fundTypeId),
  );
  allocations = records<MdfAllocation, MdfAllocationQuery>(
    this.rows.allocation,
    (allocation, query) =>
      within(query.partnerIds, allocation.partnerId) &&
      within(query.fundTypeIds, allocation.fundTypeId) &&
      within(query.kinds, allocation.kind) &&
      (query.budgetIds === undefined ||
        (allocation.kind === 'budgeted' && query.budgetIds.includes(allocation.budgetId))),
  );
  requests = records<MdfRequest, MdfRequestQuery>(
    this.rows.request,
    (request, query) =>
      within(query.partnerIds, request.partnerId) &&
      within(query.allocationIds, request.allocationId) &&
      within(query.statuses, request.status),
  );
  claims = records<MdfClaim, MdfClaimQuery>(
    this.rows.claim,
    (claim, query) =>
      within(query.requestIds, claim.requestId) &&
      within(query.partnerIds, claim.partnerId) &&
      within(query.statuses, claim.status),
  );
  paymentBatches = records<PaymentBatch, Record<string, never>>(this.rows.payment_batch, () => true);

  ledger = {
    scan: (query: MdfLedgerQuery): AsyncIterable<readonly MdfPosting[]> => {
      const source =
        query.allocationIds === undefined
          ? this.postings
          : query.allocationIds.flatMap((id) => this.postingsByAllocation.get(id) ?? []);
      return pages(
        source.filter(
          (posting) =>
            within(query.kinds, posting.kind) &&
            (query.budgetIds === undefined || ('budgetId' in posting && query.budgetIds.includes(posting.budgetId))) &&
            (query.requestIds === undefined ||
              ('requestId' in posting && query.requestIds.includes(posting.requestId))),
        ),
      );
    },
  };

  async commit(changes: MdfChangeSet): Promise<Result<MdfCommitReceipt>> {
    const writes: [Kind, readonly MdfRecordWrite<VersionedRecord>[] | undefined][] = [
      ['budget', changes.budgets],
      ['allocation', changes.allocations],
      ['request', changes.requests],
      ['claim', changes.claims],
      ['payment_batch', changes.paymentBatches],
    ];
    const issues: Issue[] = [];
    for (const [kind, list] of writes) {
      for (const { record, expectedVersion } of list ?? []) {
        const stored = (this.rows[kind] as Map<string, VersionedRecord>).get(record.id);
        if (expectedVersion === null ? stored !== undefined : stored?.version !== expectedVersion) {
          issues.push({ path: [kind, record.id], code: 'stale_write', message: `The ${kind} ${record.id} changed.` });
        }
      }
    }
    const batch = new Set<string>();
    for (const posting of changes.postings ?? []) {
      if (this.postingIds.has(posting.id) || batch.has(posting.id))
        issues.push({
          path: ['postings', posting.id],
          code: 'duplicate_posting',
          message: `Posting ${posting.id} exists.`,
        });
      if (!isBalancedPosting(posting))
        issues.push({
          path: ['postings', posting.id],
          code: 'posting_unbalanced',
          message: `Posting ${posting.id} does not balance.`,
        });
      batch.add(posting.id);
    }
    if (issues.length > 0) return { success: false, issues };
    const versions: MdfCommitReceipt['versions'] = [];
    let written = 0;
    for (const [kind, list] of writes) {
      for (const { record, expectedVersion } of list ?? []) {
        const version = (expectedVersion ?? 0) + 1;
        (this.rows[kind] as Map<string, VersionedRecord>).set(record.id, { ...record, version });
        versions.push({ kind, id: record.id, version });
        written += 1;
      }
    }
    for (const posting of changes.postings ?? []) {
      this.postings.push(posting);
      this.postingIds.add(posting.id);
      if ('allocationId' in posting) {
        const list = this.postingsByAllocation.get(posting.allocationId) ?? [];
        list.push(posting);
        this.postingsByAllocation.set(posting.allocationId, list);
      }
    }
    if (written > 0 || (changes.postings ?? []).length > 0) this.commits.push(changes);
    return { success: true, data: { versions } };
  }
}
