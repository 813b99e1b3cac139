import fc from 'fast-check';
import type { Deal } from '../entities/deal.js';
import { sequentialIds } from '../ports/id-generator.js';
import { addDays } from '../time/calendar-date.js';
import { accrueMdfFunds, expireMdfFunds } from './use-cases/accrual-use-cases.js';
import { allocateMdfBudget, createMdfBudget } from './use-cases/budget-use-cases.js';
import { fileMdfClaim, reviewMdfClaim } from './use-cases/claim-use-cases.js';
import { retryMdfOnStaleWrite, type MdfContext, type MdfOutcome } from './use-cases/context.js';
import { payMdfClaims } from './use-cases/payment-use-cases.js';
import {
  approveMdfRequest,
  closeMdfRequest,
  lapseMdfRequest,
  submitMdfRequest,
} from './use-cases/request-use-cases.js';
import { allocationBalancesFrom, allocationFunds, budgetBalancesFrom, mdfAccountBalances } from './ledger/balances.js';
import { isBalancedPosting, postingTotal } from './ledger/posting.js';
import type { MdfStore } from './ports/mdf-store.js';
import { demoProgram, partner, testRates, usd, wonDeal } from './test-support/fixtures.js';
import { GatedStore } from './test-support/gated-store.js';
import { ManualClock } from './test-support/manual-clock.js';
import { inMemoryDeals, inMemoryPartners } from '../ports/test-support/in-memory-repository.js';
import { InMemoryMdfStore } from './test-support/in-memory-mdf-store.js';
import {
  pick,
  predict,
  TARGETS,
  type ManagerOp,
  type Model,
  type Op,
  type Prediction,
} from './test-support/mdf-model.js';

/*
 * Model-based test of the MDF engine: random sequences of allocate, accrue, submit, approve (fully or in
 * part), claim, approve claims, pay, lapse, close, expire, days passing, and two managers acting on the
 * same data from one stale snapshot, run through the real use cases over the in-memory store and checked
 * after every step against a model that keeps its own running totals.
 */

const program = demoProgram();
const vp = { userId: 'vera', roles: ['vp-partnerships'] };
const proofs = {
  event: ['invoice', 'attendee-list', 'photos'],
  webinar: ['invoice', 'attendee-list'],
  'digital-campaign': ['invoice', 'performance-report'],
  'print-advertising': ['invoice', 'tear-sheet'],
  training: ['invoice', 'attendee-list'],
} as Record<string, string[]>;

interface Real {
  store: InMemoryMdfStore;
  clock: ManualClock;
  context: MdfContext & { partners: ReturnType<typeof inMemoryPartners>; deals: ReturnType<typeof inMemoryDeals> };
  dealCount: number;
}

async function setup(): Promise<{ model: Model; real: Real }> {
  const store = new InMemoryMdfStore();
  const clock = new ManualClock('2026-11-02');
  const context = {
    store,
    program,
    clock,
    ids: sequentialIds(),
    rates: testRates,
    partners: inMemoryPartners([partner('p-1', 'gold'), partner('p-2', 'silver')]),
    deals: inMemoryDeals([]),
  };
  const budget = await createMdfBudget(context, {
    name: 'Strategic FY2027 Q4',
    fundTypeId: 'strategic-initiatives',
    period: { unit: 'quarter', start: '2026-11-01', end: '2027-02-01', label: 'FY2027 Q4' },
    scope: { kind: 'program' },
    amount: usd(2_000_000),
  });
  if (!budget.success) throw new Error('The budget must be created.');
  const model: Model = {
    today: clock.today,
    budget: { funded: 2_000_000, unallocated: 2_000_000 },
    allocations: {},
    requests: [],
    claims: [],
  };
  const real: Real = { store, clock, context, dealCount: 0 };
  const start: Exclude<Op, { kind: 'concurrent' }>[] = [
    { kind: 'allocate', target: 0, amount: 600_000 },
    { kind: 'allocate', target: 1, amount: 400_000 },
    { kind: 'accrue', amount: 20_000_000, daysAgo: 300 },
    { kind: 'accrue', amount: 10_000_000, daysAgo: 30 },
  ];
  for (const first of start) {
    const prediction = predict(first, model);
    expectOutcome(await execute(first, model, real), prediction, JSON.stringify(first));
    if (prediction.ok) prediction.apply(model);
  }
  return { model, real };
}

/** Runs one operation through the real use cases; `store` lets a manager write through a gated store. */
async function execute(
  op: Exclude<Op, { kind: 'concurrent' }>,
  model: Model,
  real: Real,
  store: MdfStore = real.store,
): Promise<MdfOutcome<unknown> & { createdId?: string }> {
  const context = { ...real.context, store };
  switch (op.kind) {
    case 'allocate':
      return allocateMdfBudget(context, {
        budgetId: 'mdf-budget-1',
        order: { method: 'manual', amounts: [{ partnerId: TARGETS[op.target].partnerId, amount: usd(op.amount) }] },
      });
    case 'accrue': {
      real.dealCount += 1;
      const deal: Deal = wonDeal(`deal-${real.dealCount}`, 'p-1', usd(op.amount), addDays(model.today, -op.daysAgo));
      await real.context.deals.save(deal, { expectedVersion: null });
      return accrueMdfFunds(context, { partnerId: 'p-1', fundTypeId: 'co-op', since: '2000-01-01' });
    }
    case 'submit': {
      const startDate = addDays(model.today, op.leadDays);
      const rate = { event: 5000, webinar: 7500, 'digital-campaign': 5000, 'print-advertising': 2500, training: 10000 }[
        op.activity
      ]!;
      const contribution = op.requested - Math.floor((op.requested * rate) / 10_000) - (op.short ? 1 : 0);
      const outcome = await submitMdfRequest(context, {
        title: `Activity ${op.activity}`,
        allocationId: TARGETS[op.target].allocationId,
        activityId: op.activity,
        startDate,
        endDate: addDays(startDate, 2),
        requestedAmount: usd(op.requested),
        partnerContribution: usd(contribution),
        expected: { leads: 10, pipeline: usd(op.requested * 5) },
        links: { campaignIds: [], leadIds: [], dealIds: [] },
        submittedBy: 'partner-user',
      });
      return outcome.success ? { ...outcome, createdId: outcome.data.next.id } : outcome;
    }
    case 'approve': {
      const request = pick(model.requests, op.request)!;
      const amount = op.quarters >= 4 ? undefined : usd(Math.max(1, Math.floor((request.requested * op.quarters) / 4)));
      return approveMdfRequest(context, { requestId: request.id, approver: vp, ...(amount ? { amount } : {}) });
    }
    case 'fileClaim': {
      const request = pick(model.requests, op.request)!;
      const room = request.commitment - request.approvedClaims - request.pendingClaims;
      const amount = op.quarters >= 5 ? room + 1 : Math.max(1, Math.floor((room * op.quarters) / 4));
      const stored = await real.store.requests.get(request.id);
      const kinds = proofs[stored!.activityId]!;
      const outcome = await fileMdfClaim(context, {
        requestId: request.id,
        filedBy: 'partner-user',
        amount: usd(amount),
        proofs: kinds.map((kindId, index) => ({ kindId, documentId: `doc-${index}`, name: `${kindId}.pdf` })),
      });
      return outcome.success ? { ...outcome, createdId: outcome.data.next.id } : outcome;
    }
    case 'approveClaim':
      return reviewMdfClaim(context, {
        claimId: pick(model.claims, op.claim)!.id,
        decision: { kind: 'approve', reviewedBy: 'vera', note: null },
      });
    case 'pay': {
      const claimIds = [...new Set(op.claims.map((index) => pick(model.claims, index)!.id))];
      return payMdfClaims(context, {
        claimIds,
        reference: `RUN-${model.today}`,
        paidOn: model.today,
        createdBy: 'finance',
      });
    }
    case 'lapse':
      return lapseMdfRequest(context, { requestId: pick(model.requests, op.request)!.id });
    case 'close':
      return closeMdfRequest(context, { requestId: pick(model.requests, op.request)!.id, closedBy: 'vera' });
    case 'expire':
      return expireMdfFunds(context, { allocationId: 'co-op:p-1' });
    case 'advance':
      real.clock.today = addDays(real.clock.today, op.days);
      return {
        success: true,
        data: null,
        trace: {
          decision: 'clock',
          subject: { type: 'clock', id: 'c' },
          outcome: 'moved',
          summary: 'moved',
          steps: [],
        },
      };
  }
}

function expectOutcome(outcome: MdfOutcome<unknown>, prediction: Prediction, label: string): void {
  const codes = outcome.success ? [] : outcome.issues.map((found) => found.code);
  const expected = prediction.ok ? [] : prediction.codes;
  if (outcome.success !== prediction.ok || codes.join() !== expected.join()) {
    throw new Error(
      `${label}: expected ${prediction.ok ? 'success' : expected.join(', ')}, got ${outcome.success ? 'success' : codes.join(', ')}`,
    );
  }
}

/** The laws, each checked after every step of the runs named after it. */
const LAWS = {
  'every posting balances': async (_model: Model, real: Real) => {
    const postings = real.store.postings;
    expect(postings.filter((posting) => !isBalancedPosting(posting))).toEqual([]);
    expect([...mdfAccountBalances(postings).values()].reduce((sum, balance) => sum + balance, 0)).toBe(0);
  },
  'no allocation’s committed + claimed + paid ever exceeds its funds': async (model: Model, real: Real) => {
    for (const [id, expected] of Object.entries(model.allocations)) {
      const derived = allocationBalancesFrom(real.store.postings, id, 'USD');
      // Its funds: what the model saw allocated or accrued to it, less what expired.
      expect(derived.committed.amount + derived.claimed.amount + derived.paid.amount).toBeLessThanOrEqual(
        expected.funds,
      );
      expect(derived.available.amount).toBeGreaterThanOrEqual(0);
    }
  },
  'balances derived from entries always equal the running totals': async (model: Model, real: Real) => {
    for (const [id, expected] of Object.entries(model.allocations)) {
      const stored = (await real.store.allocations.get(id))!;
      const derived = allocationBalancesFrom(real.store.postings, id, 'USD');
      expect(stored.balances).toEqual(derived);
      const buckets = [
        derived.available,
        derived.committed,
        derived.claimed,
        derived.paid,
        derived.expired,
        derived.accrued,
        derived.released,
      ];
      expect(buckets.map((money) => money.amount)).toEqual([
        expected.available,
        expected.committed,
        expected.claimed,
        expected.paid,
        expected.expired,
        expected.accrued,
        0,
      ]);
    }
    const budget = (await real.store.budgets.get('mdf-budget-1'))!;
    expect(budget.balances).toEqual(budgetBalancesFrom(real.store.postings, 'mdf-budget-1', 'USD'));
    for (const request of model.requests)
      expect([request.id, (await real.store.requests.get(request.id))!.status]).toEqual([request.id, request.status]);
    for (const claim of model.claims)
      expect([claim.id, (await real.store.claims.get(claim.id))!.status]).toEqual([claim.id, claim.status]);
  },
  'allocation of totals preserves the total': async (model: Model, real: Real) => {
    // What the budget was funded with is exactly what is left to allocate plus what went to partners.
    const postings = real.store.postings;
    const budget = budgetBalancesFrom(postings, 'mdf-budget-1', 'USD');
    const allocated = postings
      .filter((posting) => posting.kind === 'allocate')
      .reduce((sum, posting) => sum + postingTotal(posting), 0);
    expect([-budget.funding.amount, budget.unallocated.amount + allocated]).toEqual([
      model.budget.funded,
      model.budget.funded,
    ]);
    expect(budget.unallocated.amount).toBe(model.budget.unallocated);
    // And every allocation's money is where the model says, counting what it ever received.
    for (const [id, expected] of Object.entries(model.allocations)) {
      const derived = allocationBalancesFrom(postings, id, 'USD');
      expect(allocationFunds(derived).amount).toBe(expected.funds);
    }
  },
} as const;
type Law = keyof typeof LAWS;

function touches(op: ManagerOp): boolean {
  return op.kind !== 'approveClaim';
}

class MdfCommand implements fc.AsyncCommand<Model, Real> {
  constructor(
    readonly op: Op,
    private readonly law: Law,
  ) {}

  check(model: Readonly<Model>): boolean {
    const needs = (op: Op): boolean => {
      switch (op.kind) {
        case 'approve':
        case 'fileClaim':
        case 'lapse':
        case 'close':
          return model.requests.length > 0;
        case 'approveClaim':
        case 'pay':
          return model.claims.length > 0;
        case 'submit':
          return model.allocations[TARGETS[op.target].allocationId] !== undefined;
        case 'expire':
          return model.allocations['co-op:p-1'] !== undefined;
        case 'concurrent':
          return needs(op.a) && needs(op.b) && (touches(op.a) || touches(op.b) || model.claims.length > 0);
        default:
          return true;
      }
    };
    return needs(this.op);
  }

  async run(model: Model, real: Real): Promise<void> {
    if (this.op.kind !== 'concurrent') {
      const prediction = predict(this.op, model);
      const outcome = await execute(this.op, model, real);
      expectOutcome(outcome, prediction, this.toString());
      if (prediction.ok) prediction.apply(model, outcome.createdId);
    } else {
      await this.runConcurrently(this.op.a, this.op.b, model, real);
    }
    await LAWS[this.law](model, real);
  }

  /**
   * Two managers read the same snapshot and decide; A commits first. B's decision on the stale snapshot is
   * refused for a business reason, or commits when it writes nothing A wrote, or is refused as a stale
   * write and, retried on fresh data, decides again.
   */
  private async runConcurrently(a: ManagerOp, b: ManagerOp, model: Model, real: Real): Promise<void> {
    const predictedA = predict(a, model);
    const predictedBOnSnapshot = predict(b, structuredClone(model));
    const gated = new GatedStore(real.store);
    const runA = execute(a, model, real, gated.forWriter('a'));
    const runB = execute(b, model, real, gated.forWriter('b'));
    await Promise.all([gated.readyOrDone('a', runA), gated.readyOrDone('b', runB)]);
    gated.release('a');
    const outcomeA = await runA;
    expectOutcome(outcomeA, predictedA, `A ${JSON.stringify(a)}`);
    if (predictedA.ok) predictedA.apply(model);
    gated.release('b');
    const outcomeB = await runB;
    if (!predictedBOnSnapshot.ok) {
      expectOutcome(outcomeB, predictedBOnSnapshot, `B on the stale snapshot ${JSON.stringify(b)}`);
      return;
    }
    const overlap = predictedA.ok && predictedA.writes.some((key) => predictedBOnSnapshot.writes.includes(key));
    if (!overlap) {
      expectOutcome(outcomeB, predictedBOnSnapshot, `B ${JSON.stringify(b)}`);
      predictedBOnSnapshot.apply(model);
      return;
    }
    // Refused as stale; when B would have posted what A just posted (the same request approved twice), the
    // ledger's idempotency keys refuse the duplicate too.
    const codes = outcomeB.success ? [] : [...new Set(outcomeB.issues.map((found) => found.code))];
    expect(
      codes.includes('stale_write') && codes.every((code) => code === 'stale_write' || code === 'duplicate_posting'),
    ).toBe(true);
    const predictedB = predict(b, model);
    const retried = await retryMdfOnStaleWrite(() => execute(b, model, real));
    expectOutcome(retried, predictedB, `B retried ${JSON.stringify(b)}`);
    if (predictedB.ok) predictedB.apply(model);
  }

  toString(): string {
    return JSON.stringify(this.op);
  }
}

const index = fc.nat(20);
const managerOp: fc.Arbitrary<ManagerOp> = fc.oneof(
  fc.record({ kind: fc.constant('approve' as const), request: index, quarters: fc.integer({ min: 1, max: 4 }) }),
  fc.record({ kind: fc.constant('approveClaim' as const), claim: index }),
  fc.record({ kind: fc.constant('close' as const), request: index }),
  fc.record({ kind: fc.constant('lapse' as const), request: index }),
);
const weighted = <T>(weight: number, arbitrary: fc.Arbitrary<T>) => ({ weight, arbitrary });
const op: fc.Arbitrary<Op> = fc.oneof(
  weighted(
    1,
    fc.record({
      kind: fc.constant('allocate' as const),
      target: fc.constantFrom(0 as const, 1 as const),
      amount: fc.integer({ min: 1, max: 600_000 }),
    }),
  ),
  weighted(
    1,
    fc.record({
      kind: fc.constant('accrue' as const),
      amount: fc.integer({ min: 0, max: 30_000_000 }),
      daysAgo: fc.integer({ min: 0, max: 400 }),
    }),
  ),
  weighted(
    5,
    fc.record({
      kind: fc.constant('submit' as const),
      target: fc.constantFrom(0 as const, 1 as const, 2 as const),
      activity: fc.constantFrom('event', 'webinar', 'digital-campaign', 'print-advertising', 'training'),
      requested: fc.oneof(fc.integer({ min: 1, max: 400_000 }), fc.integer({ min: 1, max: 1_200_000 })),
      leadDays: fc.integer({ min: 18, max: 60 }),
      short: fc.oneof({ weight: 6, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
    }),
  ),
  weighted(5, managerOp),
  weighted(
    4,
    fc.record({ kind: fc.constant('fileClaim' as const), request: index, quarters: fc.integer({ min: 1, max: 5 }) }),
  ),
  weighted(
    2,
    fc.record({ kind: fc.constant('pay' as const), claims: fc.array(index, { minLength: 1, maxLength: 4 }) }),
  ),
  weighted(1, fc.constant({ kind: 'expire' as const })),
  weighted(2, fc.record({ kind: fc.constant('advance' as const), days: fc.integer({ min: 1, max: 90 }) })),
  weighted(4, fc.record({ kind: fc.constant('concurrent' as const), a: managerOp, b: managerOp })),
);

describe('the MDF engine over random sequences of operations (model-based, two managers on stale snapshots included)', () => {
  it.each(Object.keys(LAWS) as Law[])('%s', async (law) => {
    await fc.assert(
      fc.asyncProperty(
        fc.commands([op.map((drawn) => new MdfCommand(drawn, law))], { maxCommands: 80, size: 'max' }),
        async (commands) => {
          const { model, real } = await setup();
          await fc.asyncModelRun(() => ({ model, real }), commands);
        },
      ),
      { numRuns: 60 },
    );
  });
});
