import type { Program } from '../../program/schema/program.js';
import { allocationAccount } from '../ledger/account.js';
import { applyToAllocation } from '../ledger/balances.js';
import { linesOf, type MdfPosting } from '../ledger/posting.js';
import { releaseCommitment } from '../requests/release.js';
import type { ApprovedMdfRequest } from '../requests/request.js';
import {
  at,
  demoProgram,
  eur,
  fundedAllocation,
  openDeal,
  partner,
  testRates,
  usd,
  wonDeal,
} from '../test-support/fixtures.js';
import { accrueFunds, openAccrualAllocation } from './accrue-funds.js';
import type { AccrualAllocation } from './allocation.js';
import { expireAccruals } from './expire-accruals.js';
import { overdueAccruals, spendableBalance } from './spendable.js';

const program = demoProgram();
const gold = partner('p-1', 'gold');
const now = at('2026-11-24');

function accrued(
  deals = defaultDeals(),
  allocation = openAccrualAllocation('p-1', 'co-op', 'USD', now),
  already = new Set<string>(),
) {
  const outcome = accrueFunds(program, allocation, gold, deals, already, testRates, now);
  if (!outcome.success) throw new Error(JSON.stringify(outcome.issues));
  return outcome;
}

function defaultDeals() {
  return [
    wonDeal('d1', 'p-1', usd(5_000_000), '2026-03-01'),
    wonDeal('d2', 'p-1', usd(2_000_000), '2026-03-01', 'influenced'),
    openDeal('d3', 'p-1', usd(1_000_000)),
    wonDeal('d4', 'p-1', eur(1_000_000), '2026-10-01'),
    wonDeal('d5', 'p-1', usd(12_345), '2026-03-01'),
    wonDeal('d6', 'p-1', usd(9_000_000), '2025-06-01'),
    wonDeal('d7', 'p-2', usd(9_000_000), '2026-03-01'),
    wonDeal('d8', 'p-1', { amount: 500_000, currency: 'CAD' }, '2026-03-01'),
  ];
}

/** Moves money of an allocation between two of its accounts, as a transition would. */
function move(
  allocation: AccrualAllocation,
  from: 'available' | 'committed',
  to: 'committed' | 'claimed',
  amount: number,
): AccrualAllocation {
  const posting: MdfPosting = {
    id: `${from}-${to}-${amount}`,
    kind: 'commit',
    allocationId: allocation.id,
    requestId: 'r-1',
    postedAt: now.toISOString(),
    currency: 'USD',
    memo: 'test',
    lines: linesOf([
      { from: allocationAccount(allocation.id, from), to: allocationAccount(allocation.id, to), amount },
    ]),
  };
  return { ...allocation, balances: applyToAllocation(allocation.balances, allocation.id, [posting]) };
}

describe('accruing co-op funds', () => {
  it('earns the tier rate on sourced won deals, rounded down, as lots by expiry date, and says why others earn nothing', () => {
    const outcome = accrued();
    // d1: 50,000.00 × 2 % = 1,000.00; d5: 123.45 × 2 % = 2.469 → 2.46; d4: €10,000.00 = $10,845.00 × 2 % = 216.90.
    expect(outcome.data.next.balances.available).toEqual(usd(100_000 + 246 + 21_690));
    expect(outcome.data.next.balances.accrued).toEqual(usd(-(100_000 + 246 + 21_690)));
    expect(outcome.data.next.lots).toEqual([
      { expiresOn: '2027-03-01', amount: usd(100_246) },
      { expiresOn: '2027-10-01', amount: usd(21_690) },
    ]);
    expect(outcome.data.postings.map((posting) => posting.id)).toEqual([
      'co-op:p-1:accrue:d1',
      'co-op:p-1:accrue:d4',
      'co-op:p-1:accrue:d5',
    ]);
    expect(outcome.trace.steps.map((step) => `${step.result}: ${step.message}`)).toMatchInlineSnapshot(`
[
  "info: Co-op accrual accrues at the Gold tier's MDF rate, 2 %.",
  "pass: Deal d1 (50,000.00 USD) earns 1,000.00 USD, expiring on 2027-03-01.",
  "skip: Deal d2 was influenced, not sourced, and Co-op accrual accrues on sourced revenue.",
  "skip: Deal d3 is open, not won.",
  "pass: Deal d4 (10,000.00 EUR) earns 216.90 USD, expiring on 2027-10-01.",
  "pass: Deal d5 (123.45 USD) earns 2.46 USD, expiring on 2027-03-01.",
  "skip: Deal d6 closed on 2025-06-01; what it would earn expired on 2026-06-01.",
  "skip: Deal d7 is not a deal of partner p-1.",
  "skip: Deal d8 is in CAD and no rate to USD is listed for 2026-11-24.",
]
`);
    expect(outcome.trace.summary).toMatchInlineSnapshot(`"1,219.36 USD of co-op funds accrued on 3 of 8 deals."`);
  });

  it('never accrues a deal twice', () => {
    const first = accrued();
    const again = accrued(defaultDeals(), { ...first.data.next, version: 1 }, new Set(['d1', 'd4', 'd5']));
    expect(again.data.postings).toEqual([]);
    expect(again.trace.outcome).toBe('nothing_accrued');
    expect(again.data.next.balances).toEqual(first.data.next.balances);
  });

  it('accrues a fixed rate on all won revenue when the fund says so', () => {
    const fixed: Program = {
      ...program,
      mdf: {
        ...program.mdf,
        fundTypes: program.mdf.fundTypes.map((type) =>
          type.kind === 'accrual'
            ? {
                ...type,
                accrual: { ...type.accrual, rate: { from: 'fixed', percent: 1.25 }, basis: 'all_won_revenue' },
              }
            : type,
        ),
      },
    };
    const outcome = accrueFunds(
      fixed,
      openAccrualAllocation('p-1', 'co-op', 'USD', now),
      partner('p-1', null),
      defaultDeals(),
      new Set(),
      testRates,
      now,
    );
    // d1 62,500; d2 (influenced) 25,000; d4 13,556.25 → 13,556; d5 154.3125 → 154.
    expect(outcome.success && outcome.data.next.balances.available).toEqual(usd(62_500 + 25_000 + 13_556 + 154));
  });

  it('refuses a tier rate for a partner without a tier, and a budgeted fund type', () => {
    const untiered = accrueFunds(
      program,
      openAccrualAllocation('p-1', 'co-op', 'USD', now),
      partner('p-1', null),
      [],
      new Set(),
      testRates,
      now,
    );
    expect(!untiered.success && untiered.issues).toMatchInlineSnapshot(`
[
  {
    "code": "partner_without_tier",
    "message": "Co-op accrual accrues at the partner's tier MDF rate, and partner p-1 has no tier of the program.",
    "path": [
      "partner",
      "tierId",
    ],
  },
]
`);
    const budgeted = accrueFunds(
      program,
      openAccrualAllocation('p-1', 'proposal-mdf', 'USD', now),
      gold,
      [],
      new Set(),
      testRates,
      now,
    );
    expect(!budgeted.success && budgeted.issues.map((found) => found.code)).toEqual(['fund_type_not_accrual']);
  });
});

describe('expiry of co-op funds', () => {
  // Two lots: 1,000.00 expiring 2027-01-10 and 1,000.00 expiring 2027-06-10.
  const lots = () => {
    const allocation = openAccrualAllocation('p-1', 'co-op', 'USD', now);
    return accrued(
      [wonDeal('a', 'p-1', usd(5_000_000), '2026-01-10'), wonDeal('b', 'p-1', usd(5_000_000), '2026-06-10')],
      allocation,
    ).data.next;
  };

  it('is nothing before the first lot’s date, then what that lot holds unused', () => {
    const allocation = lots();
    expect(allocation.lots.map((lot) => lot.expiresOn)).toEqual(['2027-01-10', '2027-06-10']);
    expect(overdueAccruals(allocation, '2027-01-09')).toEqual(usd(0));
    expect(overdueAccruals(allocation, '2027-01-10')).toEqual(usd(100_000));
    expect(spendableBalance(allocation, '2027-01-10')).toEqual(usd(100_000));
    expect(overdueAccruals(allocation, '2027-06-10')).toEqual(usd(200_000));
  });

  it('counts money in use against the lots that expire first', () => {
    const allocation = move(lots(), 'available', 'committed', 150_000);
    expect(overdueAccruals(allocation, '2027-01-10')).toEqual(usd(0));
    expect(overdueAccruals(allocation, '2027-06-10')).toEqual(usd(50_000));
  });

  it('moves overdue money to expired once, and tells the partner', () => {
    const allocation = { ...move(lots(), 'available', 'committed', 30_000), version: 3 };
    const first = expireAccruals(program, allocation, at('2027-01-10'));
    expect(first.success && first.data.postings).toMatchInlineSnapshot(`
[
  {
    "allocationId": "co-op:p-1",
    "asOf": "2027-01-10",
    "currency": "USD",
    "id": "co-op:p-1:expire:v3",
    "kind": "expire",
    "lines": [
      {
        "account": {
          "allocationId": "co-op:p-1",
          "bucket": "expired",
          "holder": "allocation",
        },
        "amount": 70000,
        "side": "debit",
      },
      {
        "account": {
          "allocationId": "co-op:p-1",
          "bucket": "available",
          "holder": "allocation",
        },
        "amount": 70000,
        "side": "credit",
      },
    ],
    "memo": "700.00 USD of co-op funds expired unused on 2027-01-10.",
    "postedAt": "2027-01-10T15:00:00.000Z",
  },
]
`);
    expect(first.success && first.data.next.balances.expired).toEqual(usd(70_000));
    expect(first.success && first.data.effects[0]).toMatchInlineSnapshot(`
{
  "audience": {
    "kind": "partner",
    "partnerId": "p-1",
  },
  "event": "funds_expired",
  "kind": "notify",
  "message": "700.00 USD of co-op funds reached its expiry unused by 2027-01-10.",
  "subject": {
    "id": "co-op:p-1",
    "type": "mdf_allocation",
  },
}
`);
    const again = first.success ? expireAccruals(program, { ...first.data.next, version: 4 }, at('2027-01-10')) : first;
    expect(again.success && [again.data.postings, again.trace.outcome]).toEqual([[], 'nothing_due']);
  });

  it('never expires budgeted money', () => {
    const { allocation } = fundedAllocation(1_000_000);
    expect(expireAccruals(program, allocation, at('2030-01-01')).trace.summary).toBe(
      'Budgeted allocations do not expire.',
    );
  });

  it('sends money released after its lot expired to expired, and the rest back to available', () => {
    // 1,500.00 committed on 2027-01-05 (all of lot a, half of lot b); lot a's date passes; on 2027-03-01 the
    // request lapses: lot a's 1,000.00 can no longer be spent, lot b's 500.00 can.
    const allocation = move(lots(), 'available', 'committed', 150_000);
    expect(expireAccruals(program, allocation, at('2027-01-10')).trace.outcome).toBe('nothing_due');
    const request = {
      id: 'r-1',
      title: 'Spring roadshow',
      allocationId: allocation.id,
      commitment: { funds: usd(150_000), ledgerAmount: usd(150_000), exchangeRate: null },
      claims: { pending: usd(0), approved: usd(0), approvedLedger: usd(0) },
    } as unknown as ApprovedMdfRequest;
    const release = releaseCommitment(request, allocation, '2027-03-01', at('2027-03-01'), 'the request lapsed');
    expect([release.released, release.expired]).toEqual([usd(150_000), usd(100_000)]);
    expect(release.allocation.balances.available).toEqual(usd(100_000));
    expect(release.allocation.balances.released).toEqual(usd(0));
    expect(release.postings[0]!.lines.map((line) => `${line.side} ${line.account.bucket} ${line.amount}`)).toEqual([
      'debit released 150000',
      'credit committed 150000',
      'debit available 50000',
      'credit released 50000',
      'debit expired 100000',
      'credit released 100000',
    ]);
    expect(release.postings[0]!.memo).toMatchInlineSnapshot(
      `"1,500.00 USD committed to request "Spring roadshow" released (the request lapsed); 1,000.00 USD of it had expired."`,
    );
  });
});
