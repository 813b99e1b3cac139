import { allocationAccount, accountKey, budgetAccount, isSourceAccount } from './account.js';
import { allocationBalancesFrom, allocationFunds, mdfAccountBalances, mdfBalanceOf } from './balances.js';
import { isBalancedPosting, linesOf, MdfPostingSchema, postingTotal, type MdfPosting } from './posting.js';
import { reconcileAllocation, reconcileBudget } from './reconcile.js';

const available = allocationAccount('a-1', 'available');
const committed = allocationAccount('a-1', 'committed');
const unallocated = budgetAccount('b-1', 'unallocated');

function posting(
  id: string,
  kind: 'allocate' | 'commit',
  lines = linesOf([{ from: unallocated, to: available, amount: 500 }]),
): MdfPosting {
  return kind === 'allocate'
    ? {
        id,
        kind,
        budgetId: 'b-1',
        allocationId: 'a-1',
        postedAt: '2026-11-24T10:00:00Z',
        currency: 'USD',
        memo: 'test',
        lines,
      }
    : {
        id,
        kind,
        allocationId: 'a-1',
        requestId: 'r-1',
        postedAt: '2026-11-24T10:00:00Z',
        currency: 'USD',
        memo: 'test',
        lines,
      };
}

describe('the MDF ledger', () => {
  it('names accounts for people and maps', () => {
    expect([accountKey(available), accountKey(unallocated)]).toEqual([
      'allocation:a-1:available',
      'budget:b-1:unallocated',
    ]);
    expect([
      isSourceAccount(budgetAccount('b-1', 'funding')),
      isSourceAccount(allocationAccount('a-1', 'accrued')),
      isSourceAccount(available),
    ]).toEqual([true, true, false]);
  });

  it('writes a movement as a debit to where money goes and a credit from where it comes, leaving zero out', () => {
    expect(
      linesOf([
        { from: available, to: committed, amount: 300 },
        { from: committed, to: available, amount: 0 },
      ]),
    ).toEqual([
      { account: committed, side: 'debit', amount: 300 },
      { account: available, side: 'credit', amount: 300 },
    ]);
    expect(() => linesOf([{ from: available, to: committed, amount: 1.5 }])).toThrow('non-negative integer');
  });

  it('accepts balanced postings and refuses the others', () => {
    const balanced = posting('p-1', 'allocate');
    expect(isBalancedPosting(balanced)).toBe(true);
    expect(postingTotal(balanced)).toBe(500);
    const lopsided = posting('p-2', 'allocate', [
      { account: available, side: 'debit', amount: 500 },
      { account: unallocated, side: 'credit', amount: 499 },
    ]);
    expect(isBalancedPosting(lopsided)).toBe(false);
    const parsed = MdfPostingSchema.safeParse(lopsided);
    expect(parsed.success || parsed.error.issues.map((found) => [found.path, found.message])).toEqual([
      [['lines'], 'must debit exactly what it credits'],
    ]);
    expect(MdfPostingSchema.safeParse(balanced).success).toBe(true);
  });

  it('derives balances from entries alone', () => {
    const entries = [
      posting('p-1', 'allocate'),
      posting('p-2', 'commit', linesOf([{ from: available, to: committed, amount: 120 }])),
    ];
    const balances = mdfAccountBalances(entries);
    expect(Object.fromEntries(balances)).toEqual({
      'budget:b-1:unallocated': -500,
      'allocation:a-1:available': 380,
      'allocation:a-1:committed': 120,
    });
    expect(mdfBalanceOf(entries, committed)).toBe(120);
    const derived = allocationBalancesFrom(entries, 'a-1', 'USD');
    expect([derived.available.amount, derived.committed.amount, allocationFunds(derived).amount]).toEqual([
      380, 120, 500,
    ]);
    expect(() => allocationBalancesFrom(entries, 'a-1', 'EUR')).toThrow('A USD posting cannot touch EUR accounts.');
  });

  it('reconciles running totals with the ledger and names every difference', () => {
    const entries = [posting('p-1', 'allocate')];
    const balances = allocationBalancesFrom(entries, 'a-1', 'USD');
    const allocation = {
      id: 'a-1',
      kind: 'accrual' as const,
      partnerId: 'p',
      fundTypeId: 'co-op',
      currency: 'USD',
      balances,
      lots: [],
      createdAt: '2026-11-24T10:00:00Z',
      version: 1,
    };
    expect(reconcileAllocation(allocation, entries)).toEqual([]);
    expect(
      reconcileAllocation(
        { ...allocation, balances: { ...balances, available: { amount: 400, currency: 'USD' } } },
        entries,
      ),
    ).toMatchInlineSnapshot(`
[
  {
    "code": "ledger_mismatch",
    "message": "Allocation a-1 shows 4.00 USD available, but its postings add up to 5.00 USD.",
    "path": [
      "balances",
      "available",
    ],
  },
]
`);
    const budget = {
      id: 'b-1',
      name: 'Q4',
      fundTypeId: 'proposal-mdf',
      period: { unit: 'quarter' as const, start: '2026-11-01', end: '2027-02-01', label: 'FY2027 Q4' },
      scope: { kind: 'program' as const },
      balances: { funding: { amount: 0, currency: 'USD' }, unallocated: { amount: 0, currency: 'USD' } },
      createdAt: '2026-11-24T10:00:00Z',
      version: 1,
    };
    expect(reconcileBudget(budget, entries).map((found) => found.path)).toEqual([['balances', 'unallocated']]);
  });
});
