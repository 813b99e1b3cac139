import { sequentialIds } from '../../ports/id-generator.js';
import type { MdfAllocation } from '../funds/allocation.js';
import { mdfAccountBalances } from '../ledger/balances.js';
import { isBalancedPosting } from '../ledger/posting.js';
import { reconcileAllocation, reconcileBudget } from '../ledger/reconcile.js';
import { demoProgram, partner, testRates, usd, wonDeal } from '../test-support/fixtures.js';
import { GatedStore } from '../test-support/gated-store.js';
import { ManualClock } from '../test-support/manual-clock.js';
import { inMemoryDeals, inMemoryPartners } from '../../ports/test-support/in-memory-repository.js';
import { InMemoryMdfStore } from '../test-support/in-memory-mdf-store.js';
import { webinarProofs } from '../test-support/request-fixtures.js';
import { accrueMdfFunds, expireMdfFunds } from './accrual-use-cases.js';
import { allocateMdfBudget, createMdfBudget } from './budget-use-cases.js';
import { fileMdfClaim, reviewMdfClaim } from './claim-use-cases.js';
import { retryMdfOnStaleWrite, type MdfContext } from './context.js';
import { payMdfClaims } from './payment-use-cases.js';
import { approveMdfRequest, closeMdfRequest, submitMdfRequest } from './request-use-cases.js';
import { mdfReturnOnInvestment } from './roi-use-cases.js';

const program = demoProgram();
const quarter = { unit: 'quarter' as const, start: '2026-11-01', end: '2027-02-01', label: 'FY2027 Q4' };
const vp = { userId: 'vera', roles: ['vp-partnerships'] };

function setup(
  deals = [wonDeal('d-1', 'p-1', usd(20_000_000), '2026-09-10'), wonDeal('d-2', 'p-2', usd(5_000_000), '2026-10-02')],
) {
  const store = new InMemoryMdfStore();
  const clock = new ManualClock('2026-11-02');
  const context: MdfContext & {
    partners: ReturnType<typeof inMemoryPartners>;
    deals: ReturnType<typeof inMemoryDeals>;
  } = {
    store,
    program,
    clock,
    ids: sequentialIds(),
    rates: testRates,
    partners: inMemoryPartners([
      partner('p-1', 'gold'),
      partner('p-2', 'silver'),
      partner('p-3', 'platinum', { status: 'offboarded' }),
    ]),
    deals: inMemoryDeals(deals),
  };
  return { store, clock, context };
}

async function budgetWithAllocations(context: ReturnType<typeof setup>['context'], amount = 1_000_000) {
  const budget = await createMdfBudget(context, {
    name: 'Q4 proposals',
    fundTypeId: 'proposal-mdf',
    period: quarter,
    scope: { kind: 'program' },
    amount: usd(amount),
  });
  if (!budget.success) throw new Error(JSON.stringify(budget.issues));
  const allocated = await allocateMdfBudget(context, {
    budgetId: budget.data.next.id,
    order: { method: 'tier_formula', amount: usd(amount) },
  });
  if (!allocated.success) throw new Error(JSON.stringify(allocated.issues));
  return allocated.data.allocations;
}

function draft(allocationId: string, requested: number) {
  return {
    title: 'Winter webinar',
    allocationId,
    activityId: 'webinar',
    startDate: '2026-12-15',
    endDate: '2026-12-15',
    requestedAmount: usd(requested),
    partnerContribution: usd(requested - Math.floor((requested * 3) / 4)),
    expected: { leads: 30, pipeline: usd(10_000_000) },
    links: { campaignIds: [], leadIds: [], dealIds: ['d-1'] },
    submittedBy: 'partner-user',
  };
}

async function everyPosting(store: InMemoryMdfStore) {
  return [...store.postings];
}

describe('MDF use cases against the store', () => {
  it('runs a request from budget to payment, every write balanced and every total reconciled', async () => {
    const { store, clock, context } = setup();
    const [gold] = await budgetWithAllocations(context);
    expect(gold!.balances.available).toEqual(usd(666_667)); // gold 2 % vs silver 1 %: 2/3 of $10,000.00, odd cent to the larger remainder
    const submitted = await submitMdfRequest(context, draft(gold!.id, 800_000));
    if (!submitted.success) throw new Error(JSON.stringify(submitted.issues));
    clock.today = '2026-11-05';
    const approvedOutcome = await approveMdfRequest(context, { requestId: submitted.data.next.id, approver: vp });
    expect(approvedOutcome.success && approvedOutcome.data.allocation.balances.committed).toEqual(usd(600_000));
    clock.today = '2026-12-20';
    const claim = await fileMdfClaim(context, {
      requestId: submitted.data.next.id,
      filedBy: 'partner-user',
      amount: usd(450_000),
      proofs: webinarProofs,
    });
    if (!claim.success) throw new Error(JSON.stringify(claim.issues));
    const reviewed = await reviewMdfClaim(context, {
      claimId: claim.data.next.id,
      decision: { kind: 'approve', reviewedBy: 'vera', note: null },
    });
    expect(reviewed.success).toBe(true);
    const paid = await payMdfClaims(context, {
      claimIds: [claim.data.next.id],
      reference: 'ACH-0001',
      paidOn: '2026-12-31',
      createdBy: 'finance',
    });
    expect(paid.success && paid.data.effects[0]).toMatchObject({
      kind: 'remit_payment',
      amount: usd(450_000),
      reference: 'ACH-0001-1',
    });
    const closed = await closeMdfRequest(context, { requestId: submitted.data.next.id, closedBy: 'vera' });
    expect(closed.success && closed.data.next.released).toEqual(usd(150_000));

    const postings = await everyPosting(store);
    expect(postings.every(isBalancedPosting)).toBe(true);
    expect([...mdfAccountBalances(postings).values()].reduce((sum, balance) => sum + balance, 0)).toBe(0);
    const stored = (await store.allocations.get(gold!.id))!;
    expect(reconcileAllocation(stored, postings)).toEqual([]);
    expect(stored.balances).toMatchObject({
      available: usd(216_667),
      committed: usd(0),
      claimed: usd(0),
      paid: usd(450_000),
    });
    expect(reconcileBudget((await store.budgets.get('mdf-budget-1'))!, postings)).toEqual([]);
    expect(postings.map((posting) => posting.kind)).toEqual([
      'fund_budget',
      'allocate',
      'allocate',
      'commit',
      'claim',
      'pay',
      'release',
    ]);

    const roi = await mdfReturnOnInvestment(context, { periodUnit: 'quarter' });
    expect(roi.success && [roi.data.total.mdfPaid, roi.data.total.wonRevenue, roi.data.total.revenuePerMdf]).toEqual([
      usd(450_000),
      usd(20_000_000),
      { numerator: 400, denominator: 9 },
    ]);
  });

  it('refuses the second of two managers approving from the same snapshot, and decides again when retried', async () => {
    const { store, context } = setup();
    const [gold] = await budgetWithAllocations(context);
    // $6,666.67 available; two requests of $6,000.00 each commit $4,500.00: only one fits.
    const first = await submitMdfRequest(context, draft(gold!.id, 600_000));
    const second = await submitMdfRequest(context, draft(gold!.id, 600_000));
    if (!first.success || !second.success) throw new Error('submits');
    const gated = new GatedStore(store);
    const alice = approveMdfRequest(
      { ...context, store: gated.forWriter('alice') },
      { requestId: first.data.next.id, approver: vp },
    );
    const bob = approveMdfRequest(
      { ...context, store: gated.forWriter('bob') },
      { requestId: second.data.next.id, approver: vp },
    );
    expect(await Promise.all([gated.readyOrDone('alice', alice), gated.readyOrDone('bob', bob)])).toEqual([
      'waiting',
      'waiting',
    ]);
    gated.release('alice');
    expect((await alice).success).toBe(true);
    gated.release('bob');
    const refused = await bob;
    expect(!refused.success && refused.issues).toMatchInlineSnapshot(`
[
  {
    "code": "stale_write",
    "message": "The allocation mdf-budget-1:p-1 changed since it was read (version 1 read, 2 stored): read it again and decide again.",
    "path": [
      "allocation",
      "mdf-budget-1:p-1",
    ],
  },
]
`);
    expect(store.staleWrites).toBe(1);

    const retried = await retryMdfOnStaleWrite(() =>
      approveMdfRequest(context, { requestId: second.data.next.id, approver: vp }),
    );
    expect(!retried.success && retried.issues.map((found) => found.code)).toEqual(['insufficient_funds']);
    expect((await store.allocations.get(gold!.id))!.balances).toMatchObject({
      available: usd(216_667),
      committed: usd(450_000),
    });
  });

  it('retries a stale write until the fresh decision commits, when the money is there', async () => {
    const { store, context } = setup();
    const [gold] = await budgetWithAllocations(context);
    const first = await submitMdfRequest(context, draft(gold!.id, 400_000));
    const second = await submitMdfRequest(context, draft(gold!.id, 400_000));
    if (!first.success || !second.success) throw new Error('submits');
    const gated = new GatedStore(store);
    const alice = approveMdfRequest(
      { ...context, store: gated.forWriter('alice') },
      { requestId: first.data.next.id, approver: vp },
    );
    let attempts = 0;
    const bob = retryMdfOnStaleWrite(() => {
      attempts += 1;
      const writer = attempts === 1 ? gated.forWriter('bob') : store;
      return approveMdfRequest({ ...context, store: writer }, { requestId: second.data.next.id, approver: vp });
    });
    await Promise.all([gated.readyOrDone('alice', alice), gated.readyOrDone('bob', bob)]);
    gated.release('alice');
    await alice;
    gated.release('bob');
    const outcome = await bob;
    expect([outcome.success, attempts]).toEqual([true, 2]);
    expect((await store.allocations.get(gold!.id))!.balances.committed).toEqual(usd(600_000));
  });

  it('allocates by prior revenue from the deals of the period before the budget’s', async () => {
    const prior = [
      wonDeal('d-1', 'p-1', usd(3_000_000), '2026-09-10'),
      wonDeal('d-2', 'p-2', usd(1_000_000), '2026-10-31'),
      wonDeal('d-3', 'p-2', usd(9_000_000), '2026-11-01'), // in the budget's own quarter: not prior
    ];
    const { context } = setup(prior);
    const shared = {
      ...program,
      mdf: {
        ...program.mdf,
        fundTypes: program.mdf.fundTypes.map((type) =>
          type.id === 'proposal-mdf' ? { ...type, allocation: 'prior_revenue_share' as const } : type,
        ),
      },
    };
    const withShare = { ...context, program: shared };
    const budget = await createMdfBudget(withShare, {
      name: 'Q4',
      fundTypeId: 'proposal-mdf',
      period: quarter,
      scope: { kind: 'program' },
      amount: usd(100_000),
    });
    if (!budget.success) throw new Error('creates');
    const allocated = await allocateMdfBudget(withShare, {
      budgetId: budget.data.next.id,
      order: { method: 'prior_revenue_share', amount: usd(100_000) },
    });
    expect(
      allocated.success &&
        allocated.data.allocations.map((allocation) => [allocation.partnerId, allocation.balances.available.amount]),
    ).toEqual([
      ['p-1', 75_000],
      ['p-2', 25_000],
    ]);
  });

  it('accrues co-op funds once per deal, then expires what is left unused', async () => {
    const { store, clock, context } = setup();
    const first = await accrueMdfFunds(context, { partnerId: 'p-1', fundTypeId: 'co-op', since: '2026-01-01' });
    expect(first.success && first.data.next.balances.available).toEqual(usd(400_000)); // 2 % of $200,000.00
    const again = await accrueMdfFunds(context, { partnerId: 'p-1', fundTypeId: 'co-op', since: '2026-01-01' });
    expect(again.success && [again.trace.outcome, again.data.postings.length]).toEqual(['nothing_accrued', 0]);
    clock.today = '2027-09-10';
    const expired = await expireMdfFunds(context, { allocationId: 'co-op:p-1' });
    expect(expired.success && expired.data.next.balances).toMatchObject({ available: usd(0), expired: usd(400_000) });
    const allocation = (await store.allocations.get('co-op:p-1')) as MdfAllocation;
    expect(reconcileAllocation(allocation, store.postings)).toEqual([]);
  });

  it('says what is missing', async () => {
    const { context } = setup();
    expect(await approveMdfRequest(context, { requestId: 'nope', approver: vp })).toMatchInlineSnapshot(`
{
  "issues": [
    {
      "code": "not_found",
      "message": "No request nope exists.",
      "path": [
        "request",
        "nope",
      ],
    },
  ],
  "success": false,
  "trace": null,
}
`);
    expect(
      (await accrueMdfFunds(context, { partnerId: 'nobody', fundTypeId: 'co-op', since: '2026-01-01' })).success,
    ).toBe(false);
  });
});

describe('the in-memory store', () => {
  it('refuses duplicate and unbalanced postings and the creation of a record that exists, all or nothing', async () => {
    const { store, context } = setup();
    const [gold] = await budgetWithAllocations(context);
    const before = store.postings.length;
    const posting = store.postings[0]!;
    const outcome = await store.commit({
      allocations: [{ record: gold!, expectedVersion: null }],
      postings: [
        posting,
        { ...posting, id: 'lopsided', lines: [{ ...posting.lines[0]!, amount: 1 }, posting.lines[1]!] },
      ],
    });
    expect(!outcome.success && outcome.issues.map((found) => found.code)).toEqual([
      'stale_write',
      'duplicate_posting',
      'posting_unbalanced',
    ]);
    expect(store.postings.length).toBe(before);
  });

  it('hands out copies, so that changing what was read changes nothing stored', async () => {
    const { store, context } = setup();
    const [gold] = await budgetWithAllocations(context);
    const read = (await store.allocations.get(gold!.id))!;
    read.balances.available.amount = 1;
    expect((await store.allocations.get(gold!.id))!.balances.available).toEqual(usd(666_667));
  });
});
