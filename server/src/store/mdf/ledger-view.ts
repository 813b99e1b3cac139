import {
  allocationBalancesFrom,
  allocationFunds,
  budgetBalancesFrom,
  reconcileAllocation,
  reconcileBudget,
  type AllocationBalances,
  type BudgetBalances,
  type Issue,
  type MdfAllocation,
  type MdfBudget,
  type MdfLedgerReader,
  type MdfPosting,
  type Money,
} from '@conduit/core';

/**
 * An allocation as its ledger tells it: the balances derived from its postings alone, the money it holds
 * (`allocationFunds`: everything allocated or accrued, less what expired), and where the record's running
 * totals disagree with the ledger (`ledger_mismatch`; none when they agree).
 */
export interface AllocationLedgerView {
  balances: AllocationBalances;
  funds: Money;
  reconciliation: Issue[];
}

/** A budget as its ledger tells it (see `AllocationLedgerView`). */
export interface BudgetLedgerView {
  balances: BudgetBalances;
  reconciliation: Issue[];
}

async function postingsOf(ledger: MdfLedgerReader, query: Parameters<MdfLedgerReader['scan']>[0]) {
  const postings: MdfPosting[] = [];
  for await (const page of ledger.scan(query)) postings.push(...page);
  return postings;
}

/** The ledger views of allocations, by id, from one read of their postings. */
export async function allocationLedgerViews(
  ledger: MdfLedgerReader,
  allocations: readonly MdfAllocation[],
): Promise<Map<string, AllocationLedgerView>> {
  const byAllocation = new Map<string, MdfPosting[]>(allocations.map((allocation) => [allocation.id, []]));
  if (allocations.length > 0) {
    for (const posting of await postingsOf(ledger, { allocationIds: [...byAllocation.keys()] })) {
      if ('allocationId' in posting) byAllocation.get(posting.allocationId)?.push(posting);
    }
  }
  return new Map(
    allocations.map((allocation) => {
      const postings = byAllocation.get(allocation.id) ?? [];
      const balances = allocationBalancesFrom(postings, allocation.id, allocation.currency);
      return [
        allocation.id,
        { balances, funds: allocationFunds(balances), reconciliation: reconcileAllocation(allocation, postings) },
      ];
    }),
  );
}

/** A budget's ledger view. */
export async function budgetLedgerView(ledger: MdfLedgerReader, budget: MdfBudget): Promise<BudgetLedgerView> {
  const postings = await postingsOf(ledger, { budgetIds: [budget.id] });
  return {
    balances: budgetBalancesFrom(postings, budget.id, budget.balances.funding.currency),
    reconciliation: reconcileBudget(budget, postings),
  };
}
