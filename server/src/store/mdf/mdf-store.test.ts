import {
  approveMdfRequest,
  allocateMdfBudget,
  createMdfBudget,
  isBalancedPosting,
  submitMdfRequest,
  type MdfAllocation,
  type MdfPosting,
  type MdfStore,
} from '@conduit/core';
import { sql } from 'kysely';
import { BACKENDS, freshDatabase, type TestDatabase } from '../../test-support/databases.js';
import { demoProgram, testClock } from '../../test-support/test-server.js';
import { mdfContext, type MdfUseCaseContext } from '../../workflows/mdf-context.js';
import { tenantStore, type TenantStore } from '../tenant-store.js';
import { ensureTenant } from '../tenants.js';
import { budgetDraft, DIRECTOR, savePartners, webinarDraft } from './test-support/mdf-fixtures.js';

jest.setTimeout(120_000);

async function tenant(database: TestDatabase, id: string): Promise<TenantStore> {
  await ensureTenant(database.db, { id, name: `Tenant ${id}` });
  const store = tenantStore(database.db, id);
  const published = await store.programs.publish(demoProgram(), { expectedVersion: null });
  if (!published.success) throw new Error(published.issues[0]!.message);
  await savePartners(store);
  return store;
}

const noLinks = { links: { campaignIds: [], leadIds: [], dealIds: [] } };

function succeeded<T>(outcome: { success: boolean; issues?: unknown; data?: T }): T {
  if (!outcome.success) throw new Error(JSON.stringify(outcome.issues));
  return outcome.data!;
}

async function everything<T>(pages: AsyncIterable<readonly T[]>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...page);
  return all;
}

async function counts(database: TestDatabase) {
  const records = await database.db
    .selectFrom('records')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const postings = await database.db
    .selectFrom('ledger_postings')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return { records: Number(records.n), postings: Number(postings.n) };
}

/** A store whose commits wait until `writers` of them have arrived: all decide on one snapshot, then race. */
function commitTogether(inner: MdfStore, writers: number): () => MdfStore {
  let arrived = 0;
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  return () => ({
    ...inner,
    commit: async (changes) => {
      arrived += 1;
      if (arrived === writers) open();
      await gate;
      return inner.commit(changes);
    },
  });
}

describe.each(BACKENDS)('the MDF store on %s', (backend) => {
  let database: TestDatabase;
  let store: TenantStore;
  const clock = testClock();
  let context: MdfUseCaseContext;
  let gold: MdfAllocation;

  beforeAll(async () => {
    database = await freshDatabase(backend);
    store = await tenant(database, 't-mdf-store');
    context = await mdfContext(store, clock);
    const budget = succeeded(await createMdfBudget(context, budgetDraft(3_000_000)));
    const allocated = succeeded(
      await allocateMdfBudget(context, {
        budgetId: budget.next.id,
        order: { method: 'tier_formula', amount: budget.next.balances.unallocated },
      }),
    );
    gold = allocated.allocations.find((allocation) => allocation.partnerId === 'p-gold')!;
  });
  afterAll(() => database?.dispose());

  it('commits records with their versions and postings in order, and reads them back by every query', async () => {
    const budgets = await everything(store.mdf.budgets.scan({ fundTypeIds: ['proposal-mdf'] }));
    expect(budgets.map((budget) => [budget.version, budget.balances.unallocated.amount])).toEqual([[2, 0]]);
    const stored = await store.mdf.allocations.get(gold.id);
    expect(stored).toMatchObject({ version: 1, balances: { available: { amount: 2_000_000 } } });
    expect((await everything(store.mdf.allocations.scan({ partnerIds: ['p-silver'] }))).map((a) => a.id)).toEqual([
      `${budgets[0]!.id}:p-silver`,
    ]);
    expect(await everything(store.mdf.allocations.scan({ kinds: ['accrual'] }))).toEqual([]);
    expect(await everything(store.mdf.allocations.scan({ fundTypeIds: ['co-op'] }))).toEqual([]);
    expect(await everything(store.mdf.allocations.scan({ budgetIds: [budgets[0]!.id] }))).toHaveLength(2);
    expect(await everything(store.mdf.allocations.scan({ partnerIds: [] }))).toEqual([]);

    const postings = await everything(store.mdf.ledger.scan({ budgetIds: [budgets[0]!.id] }));
    expect(postings.map((posting) => posting.kind)).toEqual(['fund_budget', 'allocate', 'allocate']);
    expect(postings.every(isBalancedPosting)).toBe(true);
    expect((await everything(store.mdf.ledger.scan({ allocationIds: [gold.id] }))).map((p) => p.kind)).toEqual([
      'allocate',
    ]);
    const first = await store.mdf.ledger.page({ budgetIds: [budgets[0]!.id] }, { limit: 2 });
    const rest = await store.mdf.ledger.page({ budgetIds: [budgets[0]!.id] }, { after: first[1]!.seq, limit: 2 });
    expect([...first, ...rest].map((entry) => entry.posting.id)).toEqual(postings.map((posting) => posting.id));
    expect(BigInt(first[0]!.seq) < BigInt(first[1]!.seq)).toBe(true);

    const submitted = succeeded(await submitMdfRequest(context, { ...webinarDraft(gold.id, 800_000), ...noLinks }));
    const request = await store.mdf.requests.get(submitted.next.id);
    expect(request).toMatchObject({ status: 'submitted', version: 1 });
    expect(await everything(store.mdf.requests.scan({ allocationIds: [gold.id], statuses: ['submitted'] }))).toEqual([
      request,
    ]);
    expect(await everything(store.mdf.requests.scan({ statuses: ['approved'] }))).toEqual([]);
    const row = await database.db
      .selectFrom('records')
      .select(['status', 'partner_id', 'account_id', sql<string>`due_on::text`.as('due_on')])
      .where('kind', '=', 'mdf_request')
      .where('id', '=', submitted.next.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'submitted', partner_id: 'p-gold', account_id: gold.id, due_on: '2026-12-20' });
    expect(await store.mdf.requests.page({}, { after: submitted.next.id, limit: 10 })).toEqual([]);
  });

  it('refuses a stale write, a record that exists, a duplicate and an unbalanced posting, writing nothing', async () => {
    const allocation = (await store.mdf.allocations.get(gold.id))!;
    const [allocated] = await everything(store.mdf.ledger.scan({ allocationIds: [gold.id] }));
    const before = await counts(database);
    const posting: MdfPosting = {
      id: 'manual-adjustment',
      kind: 'expire',
      asOf: '2026-11-24',
      allocationId: gold.id,
      postedAt: '2026-11-24T15:00:00Z',
      currency: 'USD',
      memo: 'A test adjustment.',
      lines: [
        { account: { holder: 'allocation', allocationId: gold.id, bucket: 'expired' }, side: 'debit', amount: 100 },
        { account: { holder: 'allocation', allocationId: gold.id, bucket: 'available' }, side: 'credit', amount: 100 },
      ],
    };
    const moved = { ...allocation, balances: { ...allocation.balances, available: { amount: 1, currency: 'USD' } } };

    const stale = await store.mdf.commit({
      allocations: [{ record: moved, expectedVersion: allocation.version - 1 }],
      postings: [posting],
    });
    expect(!stale.success && stale.issues).toEqual([
      expect.objectContaining({ code: 'stale_write', path: ['allocation', gold.id] }),
    ]);
    const exists = await store.mdf.commit({ allocations: [{ record: moved, expectedVersion: null }] });
    expect(!exists.success && exists.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['stale_write', ['allocation', gold.id]],
    ]);
    const budget = (await store.mdf.budgets.get(allocated!.kind === 'allocate' ? allocated!.budgetId : ''))!;
    const duplicate = await store.mdf.commit({
      budgets: [{ record: budget, expectedVersion: budget.version }],
      allocations: [{ record: moved, expectedVersion: allocation.version }],
      postings: [posting, allocated!],
    });
    expect(!duplicate.success && duplicate.issues).toEqual([
      { path: ['postings', allocated!.id], code: 'duplicate_posting', message: expect.any(String) },
    ]);
    const lopsided = { ...posting, lines: [posting.lines[0]!, { ...posting.lines[1]!, amount: 99 }] };
    const unbalanced = await store.mdf.commit({
      allocations: [{ record: moved, expectedVersion: allocation.version }],
      postings: [lopsided],
    });
    expect(!unbalanced.success && unbalanced.issues.map((issue) => issue.code)).toEqual(['posting_unbalanced']);

    expect(await counts(database)).toEqual(before);
    expect(await store.mdf.allocations.get(gold.id)).toEqual(allocation);
  });

  it('throws on a posting that moves the money of a record the commit does not write', async () => {
    const [allocated] = await everything(store.mdf.ledger.scan({ allocationIds: [gold.id] }));
    const before = await counts(database);
    await expect(store.mdf.commit({ postings: [{ ...allocated!, id: 'unguarded' }] })).rejects.toThrow(
      /without writing that record/,
    );
    expect(await counts(database)).toEqual(before);
  });

  it('inside a transaction, undoes a refused commit to its savepoint and goes on; a rollback undoes the rest', async () => {
    const before = await counts(database);
    const allocation = (await store.mdf.allocations.get(gold.id))!;
    await expect(
      store.transaction(async (inner) => {
        const refused = await inner.mdf.commit({ allocations: [{ record: allocation, expectedVersion: 99 }] });
        expect(refused.success).toBe(false);
        const written = await inner.mdf.commit({
          allocations: [{ record: allocation, expectedVersion: allocation.version }],
        });
        expect(written.success && written.data.versions).toEqual([
          { kind: 'allocation', id: gold.id, version: allocation.version + 1 },
        ]);
        expect((await inner.mdf.allocations.get(gold.id))!.version).toBe(allocation.version + 1);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect((await store.mdf.allocations.get(gold.id))!.version).toBe(allocation.version);
    expect(await counts(database)).toEqual(before);
  });

  it("keeps tenants apart: another tenant's store neither sees nor changes these records", async () => {
    const other = await tenant(database, 't-mdf-other');
    expect(await other.mdf.allocations.get(gold.id)).toBeUndefined();
    expect(await everything(other.mdf.budgets.scan({}))).toEqual([]);
    expect(await everything(other.mdf.ledger.scan({ allocationIds: [gold.id] }))).toEqual([]);
    const allocation = (await store.mdf.allocations.get(gold.id))!;
    const refused = await other.mdf.commit({
      allocations: [{ record: allocation, expectedVersion: allocation.version }],
    });
    expect(!refused.success && refused.issues[0]!.code).toBe('stale_write');
    const [allocated] = await everything(store.mdf.ledger.scan({ allocationIds: [gold.id] }));
    const budget = (await store.mdf.budgets.get(allocation.kind === 'budgeted' ? allocation.budgetId : ''))!;
    // The same record ids and posting ids are another tenant's own keys.
    const ownCopy = await other.mdf.commit({
      budgets: [{ record: budget, expectedVersion: null }],
      allocations: [{ record: allocation, expectedVersion: null }],
      postings: [allocated!],
    });
    expect(ownCopy.success && ownCopy.data.versions.map((entry) => entry.version)).toEqual([1, 1]);
    expect(await everything(other.mdf.ledger.scan({}))).toEqual([allocated]);
    expect((await store.mdf.budgets.get(budget.id))!.version).toBe(budget.version);
    expect((await store.mdf.allocations.get(gold.id))!.version).toBe(allocation.version);
  });

  it('of 50 approvals decided on the same snapshot of one allocation, exactly one commits', async () => {
    const requests = [];
    for (let index = 0; index < 50; index += 1) {
      requests.push(
        succeeded(await submitMdfRequest(context, { ...webinarDraft(gold.id, 400_000), ...noLinks })).next.id,
      );
    }
    const before = (await store.mdf.allocations.get(gold.id))!;
    const gated = commitTogether(store.mdf, requests.length);
    const outcomes = await Promise.all(
      requests.map((requestId) => approveMdfRequest({ ...context, store: gated() }, { requestId, approver: DIRECTOR })),
    );
    const winners = outcomes.filter((outcome) => outcome.success);
    expect(winners).toHaveLength(1);
    for (const outcome of outcomes.filter((found) => !found.success))
      expect(!outcome.success && outcome.issues.map((issue) => [issue.code, issue.path])).toEqual([
        ['stale_write', ['allocation', gold.id]],
      ]);
    const after = (await store.mdf.allocations.get(gold.id))!;
    expect(after.version).toBe(before.version + 1);
    expect(after.balances.committed.amount - before.balances.committed.amount).toBe(300_000);
    const commits = await everything(store.mdf.ledger.scan({ allocationIds: [gold.id], kinds: ['commit'] }));
    expect(commits.map((posting) => posting.kind === 'commit' && posting.requestId)).toEqual([
      winners[0]!.success && winners[0]!.data.next.id,
    ]);
    expect(await everything(store.mdf.requests.scan({ statuses: ['approved'] }))).toHaveLength(1);
  });
});
