import type { VersionedRecord } from '../../ports/repository.js';
import { issue, type Issue } from '../../result/issue.js';
import { fail, ok } from '../../result/result.js';
import type * as z from 'zod';
import { MdfClaimSchema, type MdfClaim } from '../claims/claim.js';
import { MdfAllocationSchema, type MdfAllocation } from '../funds/allocation.js';
import { MdfBudgetSchema, type MdfBudget } from '../funds/budget.js';
import { isBalancedPosting, MdfPostingSchema, type MdfPosting } from '../ledger/posting.js';
import { PaymentBatchSchema, type PaymentBatch } from '../payments/payment-batch.js';
import type {
  MdfLedgerQuery,
  MdfAllocationQuery,
  MdfBudgetQuery,
  MdfChangeSet,
  MdfClaimQuery,
  MdfCommitReceipt,
  MdfRecordWrite,
  MdfRequestQuery,
  MdfStore,
} from '../ports/mdf-store.js';
import { MdfRequestSchema, type MdfRequest } from '../requests/request.js';

type Kind = MdfCommitReceipt['versions'][number]['kind'];

const SCHEMAS: Readonly<Record<Kind, z.ZodType>> = {
  budget: MdfBudgetSchema,
  allocation: MdfAllocationSchema,
  request: MdfRequestSchema,
  claim: MdfClaimSchema,
  payment_batch: PaymentBatchSchema,
};

const PAGE = 50;

function clone<T>(value: T): T {
  return structuredClone(value);
}

async function* pages<T>(items: readonly T[]): AsyncIterable<readonly T[]> {
  for (let start = 0; start < items.length; start += PAGE) yield items.slice(start, start + PAGE).map(clone);
}

function table<T extends VersionedRecord, Q>(rows: Map<string, T>, matches: (record: T, query: Q) => boolean) {
  return {
    async get(id: string) {
      const found = rows.get(id);
      return found ? clone(found) : undefined;
    },
    async getMany(ids: readonly string[]) {
      return ids.flatMap((id) => (rows.has(id) ? [clone(rows.get(id)!)] : []));
    },
    scan(query: Q) {
      return pages([...rows.values()].filter((record) => matches(record, query)));
    },
  };
}

const within = <T>(list: readonly T[] | undefined, value: T): boolean => list === undefined || list.includes(value);

/**
 * An in-memory `MdfStore` for tests and the workbench: atomic commits with optimistic concurrency, an
 * append-only ledger that refuses duplicate and unbalanced postings, records copied in and out so that a
 * caller can never change stored state by mutating what it read.
 */
export class InMemoryMdfStore implements MdfStore {
  readonly rows = {
    budget: new Map<string, MdfBudget>(),
    allocation: new Map<string, MdfAllocation>(),
    request: new Map<string, MdfRequest>(),
    claim: new Map<string, MdfClaim>(),
    payment_batch: new Map<string, PaymentBatch>(),
  };
  readonly postings: MdfPosting[] = [];
  private readonly postingIds = new Set<string>();
  /** How many commits were refused as stale, for tests. */
  staleWrites = 0;

  budgets = table<MdfBudget, MdfBudgetQuery>(this.rows.budget, (b, q) => within(q.fundTypeIds, b.fundTypeId));
  allocations = table<MdfAllocation, MdfAllocationQuery>(
    this.rows.allocation,
    (a, q) =>
      within(q.partnerIds, a.partnerId) &&
      within(q.fundTypeIds, a.fundTypeId) &&
      within(q.kinds, a.kind) &&
      (q.budgetIds === undefined || (a.kind === 'budgeted' && q.budgetIds.includes(a.budgetId))),
  );
  requests = table<MdfRequest, MdfRequestQuery>(
    this.rows.request,
    (r, q) =>
      within(q.partnerIds, r.partnerId) && within(q.allocationIds, r.allocationId) && within(q.statuses, r.status),
  );
  claims = table<MdfClaim, MdfClaimQuery>(
    this.rows.claim,
    (c, q) => within(q.requestIds, c.requestId) && within(q.partnerIds, c.partnerId) && within(q.statuses, c.status),
  );
  paymentBatches = table<PaymentBatch, Record<string, never>>(this.rows.payment_batch, () => true);

  ledger = {
    scan: (query: MdfLedgerQuery) =>
      pages(
        this.postings.filter(
          (posting) =>
            within(query.kinds, posting.kind) &&
            (query.allocationIds === undefined ||
              ('allocationId' in posting && query.allocationIds.includes(posting.allocationId))) &&
            (query.budgetIds === undefined || ('budgetId' in posting && query.budgetIds.includes(posting.budgetId))) &&
            (query.requestIds === undefined ||
              ('requestId' in posting && query.requestIds.includes(posting.requestId))),
        ),
      ),
  };

  async commit(changes: MdfChangeSet) {
    const writes: [Kind, readonly MdfRecordWrite<VersionedRecord>[] | undefined][] = [
      ['budget', changes.budgets],
      ['allocation', changes.allocations],
      ['request', changes.requests],
      ['claim', changes.claims],
      ['payment_batch', changes.paymentBatches],
    ];
    const issues: Issue[] = [];
    // Like a real adapter, the store only takes records and postings that satisfy their schemas; a
    // transition producing anything else is a bug, so this throws.
    for (const [kind, list] of writes) for (const { record } of list ?? []) SCHEMAS[kind].parse(record);
    for (const posting of changes.postings ?? []) if (isBalancedPosting(posting)) MdfPostingSchema.parse(posting);
    for (const [kind, list] of writes) {
      for (const { record, expectedVersion } of list ?? []) {
        const stored = (this.rows[kind] as Map<string, VersionedRecord>).get(record.id);
        if (expectedVersion === null && stored) {
          issues.push(
            issue(
              [kind, record.id],
              'stale_write',
              `The ${kind.replace('_', ' ')} ${record.id} already exists: read it and decide again.`,
            ),
          );
        } else if (expectedVersion !== null && stored?.version !== expectedVersion) {
          issues.push(
            issue(
              [kind, record.id],
              'stale_write',
              stored
                ? `The ${kind.replace('_', ' ')} ${record.id} changed since it was read (version ${expectedVersion} read, ${stored.version} stored): read it again and decide again.`
                : `The ${kind.replace('_', ' ')} ${record.id} does not exist any more.`,
            ),
          );
        }
      }
    }
    const batchIds = new Set<string>();
    for (const posting of changes.postings ?? []) {
      if (this.postingIds.has(posting.id) || batchIds.has(posting.id)) {
        issues.push(
          issue(['postings', posting.id], 'duplicate_posting', `The ledger already holds posting ${posting.id}.`),
        );
      }
      if (!isBalancedPosting(posting)) {
        issues.push(issue(['postings', posting.id], 'posting_unbalanced', `Posting ${posting.id} does not balance.`));
      }
      batchIds.add(posting.id);
    }
    if (issues.length > 0) {
      if (issues.some((found) => found.code === 'stale_write')) this.staleWrites += 1;
      return fail<MdfCommitReceipt>(issues);
    }
    const versions: MdfCommitReceipt['versions'] = [];
    for (const [kind, list] of writes) {
      for (const { record, expectedVersion } of list ?? []) {
        const version = (expectedVersion ?? 0) + 1;
        (this.rows[kind] as Map<string, VersionedRecord>).set(record.id, { ...clone(record), version });
        versions.push({ kind, id: record.id, version });
      }
    }
    for (const posting of changes.postings ?? []) {
      this.postings.push(clone(posting));
      this.postingIds.add(posting.id);
    }
    return ok({ versions });
  }
}
