import fc from 'fast-check';
import { demoProgram, at, partner, usd, eur } from '../test-support/fixtures.js';
import { allocateBudget } from './allocate-budget.js';
import type { MdfBudget } from './budget.js';
import { addBudgetFunds, createBudget } from './create-budget.js';
import { planAllocation } from './plan-allocation.js';

const program = demoProgram();
const now = at('2026-11-02');
const period = { unit: 'quarter' as const, start: '2026-11-01', end: '2027-02-01', label: 'FY2027 Q4' };

function budget(
  fundTypeId = 'proposal-mdf',
  amount = 1_000_000,
  scope: MdfBudget['scope'] = { kind: 'program' },
): MdfBudget {
  const created = createBudget(
    program,
    { id: 'b-1', name: 'Q4 proposals', fundTypeId, period, scope, amount: usd(amount) },
    now,
  );
  if (!created.success) throw new Error(JSON.stringify(created.issues));
  return { ...created.data.next, version: 1 };
}

const partners = [
  partner('p-a', 'gold'),
  partner('p-b', 'silver'),
  partner('p-c', 'platinum'),
  partner('p-d', 'registered'),
  partner('p-e', 'gold', { status: 'suspended' }),
  partner('p-f', 'gold', { country: 'DE' }),
];

describe('budgets', () => {
  it('creates a budget funded by a balanced posting from its funding account', () => {
    const created = createBudget(
      program,
      {
        id: 'b-1',
        name: 'Q4 proposals',
        fundTypeId: 'proposal-mdf',
        period,
        scope: { kind: 'program' },
        amount: usd(1_000_000),
      },
      now,
    );
    expect(created.success && created.data.next.balances).toEqual({
      funding: usd(-1_000_000),
      unallocated: usd(1_000_000),
    });
    expect(created.success && created.data.postings).toMatchInlineSnapshot(`
[
  {
    "budgetId": "b-1",
    "currency": "USD",
    "id": "b-1:fund:v0",
    "kind": "fund_budget",
    "lines": [
      {
        "account": {
          "bucket": "unallocated",
          "budgetId": "b-1",
          "holder": "budget",
        },
        "amount": 1000000,
        "side": "debit",
      },
      {
        "account": {
          "bucket": "funding",
          "budgetId": "b-1",
          "holder": "budget",
        },
        "amount": 1000000,
        "side": "credit",
      },
    ],
    "memo": "Budget "Q4 proposals" (FY2027 Q4) funded with 10,000.00 USD.",
    "postedAt": "2026-11-02T15:00:00.000Z",
  },
]
`);
    expect(created.trace.summary).toMatchInlineSnapshot(
      `"Budget "Q4 proposals" for FY2027 Q4 is funded with 10,000.00 USD."`,
    );
  });

  it('refuses a budget for an accrual fund type, of nothing, or in a currency the program does not allow', () => {
    const refused = createBudget(
      program,
      {
        id: 'b-2',
        name: 'Co-op',
        fundTypeId: 'co-op',
        period,
        scope: { kind: 'program' },
        amount: { amount: 0, currency: 'JPY' },
      },
      now,
    );
    expect(!refused.success && refused.issues).toMatchInlineSnapshot(`
[
  {
    "code": "fund_type_not_budgeted",
    "message": "Co-op accrual is an accrual fund: partners earn it on revenue, it has no budget.",
    "path": [
      "fundTypeId",
    ],
  },
  {
    "code": "currency_not_allowed",
    "message": "Budgets may be in USD, EUR, GBP, CAD, AUD, not JPY.",
    "path": [
      "amount",
      "currency",
    ],
  },
]
`);
    expect(refused.trace.summary).toMatchInlineSnapshot(`"Refused: 2 of 2 checks failed (fund type, funding amount)."`);
  });

  it('adds funds in the budget currency only', () => {
    const topped = addBudgetFunds(program, budget(), usd(250_000), now);
    expect(topped.success && topped.data.next.balances.unallocated).toEqual(usd(1_250_000));
    expect(topped.success && topped.data.postings[0]!.id).toBe('b-1:fund:v1');
    const wrong = addBudgetFunds(program, budget(), eur(250_000), now);
    expect(!wrong.success && wrong.issues.map((found) => found.code)).toEqual(['currency_mismatch']);
  });
});

describe('planning allocations', () => {
  it('splits by tier MDF rate among active partners of the scope, preserving the total', () => {
    const plan = planAllocation(program, budget(), partners, { method: 'tier_formula', amount: usd(1_000_000) });
    expect(plan.success && plan.data.shares).toEqual([
      { partnerId: 'p-a', amount: usd(250_000), weight: 200 },
      { partnerId: 'p-b', amount: usd(125_000), weight: 100 },
      { partnerId: 'p-c', amount: usd(375_000), weight: 300 },
      { partnerId: 'p-f', amount: usd(250_000), weight: 200 },
    ]);
    const uneven = planAllocation(program, budget(), partners.slice(0, 3), {
      method: 'tier_formula',
      amount: usd(1_000_000),
    });
    // 1,000,000 × 200/600 = 333,333.33…, × 100/600 = 166,666.66…, × 300/600 = 500,000: the left-over cent goes
    // to the largest remainder (p-b's .66…).
    expect(uneven.success && uneven.data.shares.map((share) => share.amount.amount)).toEqual([
      333_333, 166_667, 500_000,
    ]);
    expect(plan.trace).toMatchInlineSnapshot(`
{
  "decision": "mdf.allocation.plan",
  "outcome": "planned",
  "steps": [
    {
      "facts": {
        "method": "tier_formula",
      },
      "message": "Proposal-based MDF is allocated by tier formula.",
      "result": "pass",
      "rule": "allocation_method",
    },
    {
      "facts": {
        "candidates": 6,
        "eligible": 5,
        "scope": "the program",
      },
      "message": "5 of 6 partners are active and located in the program.",
      "result": "info",
      "rule": "eligible_partners",
    },
    {
      "facts": {
        "amount": {
          "amount": 1000000,
          "currency": "USD",
        },
        "unallocated": {
          "amount": 1000000,
          "currency": "USD",
        },
      },
      "message": "10,000.00 USD of the 10,000.00 USD left is allocated.",
      "result": "pass",
      "rule": "allocation_amount",
    },
    {
      "facts": {
        "amount": {
          "amount": 250000,
          "currency": "USD",
        },
        "partnerId": "p-a",
        "weight": 200,
      },
      "message": "Partner p-a receives 2,500.00 USD (tier MDF rate 2 %).",
      "result": "info",
      "rule": "share",
    },
    {
      "facts": {
        "amount": {
          "amount": 125000,
          "currency": "USD",
        },
        "partnerId": "p-b",
        "weight": 100,
      },
      "message": "Partner p-b receives 1,250.00 USD (tier MDF rate 1 %).",
      "result": "info",
      "rule": "share",
    },
    {
      "facts": {
        "amount": {
          "amount": 375000,
          "currency": "USD",
        },
        "partnerId": "p-c",
        "weight": 300,
      },
      "message": "Partner p-c receives 3,750.00 USD (tier MDF rate 3 %).",
      "result": "info",
      "rule": "share",
    },
    {
      "facts": {
        "amount": {
          "amount": 0,
          "currency": "USD",
        },
        "partnerId": "p-d",
        "weight": 0,
      },
      "message": "Partner p-d receives nothing (tier MDF rate 0 %).",
      "result": "info",
      "rule": "share",
    },
    {
      "facts": {
        "amount": {
          "amount": 250000,
          "currency": "USD",
        },
        "partnerId": "p-f",
        "weight": 200,
      },
      "message": "Partner p-f receives 2,500.00 USD (tier MDF rate 2 %).",
      "result": "info",
      "rule": "share",
    },
  ],
  "subject": {
    "id": "b-1",
    "type": "mdf_budget",
  },
  "summary": "10,000.00 USD of budget "Q4 proposals" goes to 4 partners by tier formula.",
}
`);
  });

  it('keeps a region budget to the partners located in its territories', () => {
    const regional = budget('proposal-mdf', 1_000_000, {
      kind: 'region',
      name: 'DACH',
      territories: ['DE', 'AT', 'CH'],
    });
    const plan = planAllocation(program, regional, partners, { method: 'tier_formula', amount: usd(500_000) });
    expect(plan.success && plan.data.shares).toEqual([{ partnerId: 'p-f', amount: usd(500_000), weight: 200 }]);
  });

  it('splits by prior revenue', () => {
    const fund = {
      ...program,
      mdf: {
        ...program.mdf,
        fundTypes: program.mdf.fundTypes.map((type) =>
          type.id === 'proposal-mdf' ? { ...type, allocation: 'prior_revenue_share' as const } : type,
        ),
      },
    };
    const plan = planAllocation(fund, budget(), partners, {
      method: 'prior_revenue_share',
      amount: usd(100_000),
      priorRevenue: [
        { partnerId: 'p-a', revenue: usd(30_000_00) },
        { partnerId: 'p-b', revenue: usd(10_000_00) },
        { partnerId: 'p-e', revenue: usd(90_000_00) },
      ],
    });
    expect(plan.success && plan.data.shares).toEqual([
      { partnerId: 'p-a', amount: usd(75_000), weight: 3_000_000 },
      { partnerId: 'p-b', amount: usd(25_000), weight: 1_000_000 },
    ]);
    expect(plan.trace.steps.filter((step) => step.rule === 'share').map((step) => step.message)).toMatchInlineSnapshot(`
[
  "Partner p-a receives 750.00 USD (prior revenue 30,000.00 USD).",
  "Partner p-b receives 250.00 USD (prior revenue 10,000.00 USD).",
  "Partner p-c receives nothing (prior revenue 0.00 USD).",
  "Partner p-d receives nothing (prior revenue 0.00 USD).",
  "Partner p-f receives nothing (prior revenue 0.00 USD).",
]
`);
  });

  it('takes manual amounts as given, partner by partner, and refuses what does not fit', () => {
    const manual = budget('strategic-initiatives');
    const plan = planAllocation(program, manual, partners, {
      method: 'manual',
      amounts: [
        { partnerId: 'p-c', amount: usd(600_000) },
        { partnerId: 'p-a', amount: usd(400_000) },
      ],
    });
    expect(plan.success && plan.data.shares.map((share) => [share.partnerId, share.amount.amount])).toEqual([
      ['p-a', 400_000],
      ['p-c', 600_000],
    ]);
    const refused = planAllocation(program, manual, partners, {
      method: 'manual',
      amounts: [
        { partnerId: 'p-a', amount: usd(600_000) },
        { partnerId: 'p-a', amount: usd(1) },
        { partnerId: 'p-e', amount: usd(1) },
        { partnerId: 'p-b', amount: usd(400_000) },
      ],
    });
    expect(!refused.success && refused.issues).toMatchInlineSnapshot(`
[
  {
    "code": "duplicate_partner",
    "message": "Partner p-a is listed twice; give each partner one amount.",
    "path": [
      "amounts",
      1,
      "partnerId",
    ],
  },
  {
    "code": "partner_not_eligible",
    "message": "Partner p-e is not an active partner located in the program.",
    "path": [
      "amounts",
      2,
      "partnerId",
    ],
  },
  {
    "code": "insufficient_budget",
    "message": "The budget has 10,000.00 USD left to allocate, less than 10,000.02 USD.",
    "path": [
      "amounts",
    ],
  },
]
`);
  });

  it('refuses a method other than the fund type’s, more than is left, and a split with no weight', () => {
    expect(
      planAllocation(program, budget(), partners, { method: 'manual', amounts: [] }).trace.steps[0]!.message,
    ).toMatchInlineSnapshot(`"Proposal-based MDF is allocated by tier formula, not by hand."`);
    const tooMuch = planAllocation(program, budget(), partners, { method: 'tier_formula', amount: usd(1_000_001) });
    expect(!tooMuch.success && tooMuch.issues.map((found) => found.code)).toEqual(['insufficient_budget']);
    const registeredOnly = planAllocation(program, budget(), [partner('p-d', 'registered')], {
      method: 'tier_formula',
      amount: usd(1_000),
    });
    expect(!registeredOnly.success && registeredOnly.issues).toMatchInlineSnapshot(`
[
  {
    "code": "no_allocation_weight",
    "message": "No eligible partner (of 1) has an MDF rate above 0 %, so there is nothing to split by.",
    "path": [
      "partners",
    ],
  },
]
`);
    const nobody = planAllocation(program, budget(), [], { method: 'tier_formula', amount: usd(1_000) });
    expect(!nobody.success && nobody.issues.map((found) => found.code)).toEqual(['no_eligible_partner']);
  });

  it('preserves the total: the shares of a formula plan always sum to the amount allocated', () => {
    const tiers = ['registered', 'silver', 'gold', 'platinum', null];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...tiers), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (tierIds, amount) => {
          const candidates = tierIds.map((tierId, index) => partner(`p-${index}`, tierId));
          const plan = planAllocation(program, budget(), candidates, { method: 'tier_formula', amount: usd(amount) });
          const weighted = tierIds.some((tierId) => tierId !== null && tierId !== 'registered');
          expect(plan.success).toBe(weighted);
          if (plan.success) expect(plan.data.shares.reduce((sum, share) => sum + share.amount.amount, 0)).toBe(amount);
        },
      ),
    );
  });
});

describe('allocating a budget', () => {
  it('moves each share from the budget to the partner’s allocation, and tops an allocation up the second time', () => {
    const first = allocateBudget(
      program,
      budget(),
      partners,
      { method: 'tier_formula', amount: usd(600_000) },
      new Map(),
      now,
    );
    if (!first.success) throw new Error('allocates');
    expect(first.data.next.balances.unallocated).toEqual(usd(400_000));
    expect(first.data.allocations.map((allocation) => [allocation.id, allocation.balances.available.amount])).toEqual([
      ['b-1:p-a', 150_000],
      ['b-1:p-b', 75_000],
      ['b-1:p-c', 225_000],
      ['b-1:p-f', 150_000],
    ]);
    expect(first.data.effects[0]).toMatchInlineSnapshot(`
{
  "audience": {
    "kind": "partner",
    "partnerId": "p-a",
  },
  "event": "funds_allocated",
  "kind": "notify",
  "message": "1,500.00 USD of FY2027 Q4 MDF is allocated to you.",
  "subject": {
    "id": "b-1:p-a",
    "type": "mdf_allocation",
  },
}
`);
    const stored = new Map(
      first.data.allocations.map((allocation) => [allocation.partnerId, { ...allocation, version: 1 }]),
    );
    const again = allocateBudget(
      program,
      { ...first.data.next, version: 2 },
      partners,
      { method: 'tier_formula', amount: usd(60_000) },
      stored,
      now,
    );
    if (!again.success) throw new Error('allocates again');
    expect(again.data.allocations.map((allocation) => [allocation.id, allocation.balances.available.amount])).toEqual([
      ['b-1:p-a', 165_000],
      ['b-1:p-b', 82_500],
      ['b-1:p-c', 247_500],
      ['b-1:p-f', 165_000],
    ]);
    expect(again.data.next.balances.unallocated).toEqual(usd(340_000));
    expect(again.data.postings.map((posting) => posting.id)).toEqual([
      'b-1:p-a:allocate:v1',
      'b-1:p-b:allocate:v1',
      'b-1:p-c:allocate:v1',
      'b-1:p-f:allocate:v1',
    ]);
  });
});
