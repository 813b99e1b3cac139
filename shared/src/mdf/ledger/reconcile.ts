import { formatMoney } from '../../money/money.js';
import { issue, type Issue } from '../../result/issue.js';
import type { MdfAllocation } from '../funds/allocation.js';
import type { MdfBudget } from '../funds/budget.js';
import { allocationBalancesFrom, allocationBuckets, budgetBalancesFrom, budgetBuckets } from './balances.js';
import { isBalancedPosting, type MdfPosting } from './posting.js';

/**
 * Checks an allocation's running totals against the balances derived from its postings, and that every
 * posting balances: the audit an adapter runs after a migration or a manual fix. Each difference is an
 * issue `ledger_mismatch` (or `posting_unbalanced`); none means the record and the ledger agree.
 */
export function reconcileAllocation(allocation: MdfAllocation, postings: readonly MdfPosting[]): Issue[] {
  const derived = allocationBalancesFrom(postings, allocation.id, allocation.currency);
  return [
    ...postings
      .filter((posting) => !isBalancedPosting(posting))
      .map((posting) =>
        issue(['postings', posting.id], 'posting_unbalanced', `Posting ${posting.id} does not balance.`),
      ),
    ...allocationBuckets.flatMap((bucket) =>
      derived[bucket].amount === allocation.balances[bucket].amount
        ? []
        : [
            issue(
              ['balances', bucket],
              'ledger_mismatch',
              `Allocation ${allocation.id} shows ${formatMoney(allocation.balances[bucket])} ${bucket}, but its postings add up to ${formatMoney(derived[bucket])}.`,
            ),
          ],
    ),
  ];
}

/** Checks a budget's running totals against the balances derived from its postings (see `reconcileAllocation`). */
export function reconcileBudget(budget: MdfBudget, postings: readonly MdfPosting[]): Issue[] {
  const derived = budgetBalancesFrom(postings, budget.id, budget.balances.funding.currency);
  return budgetBuckets.flatMap((bucket) =>
    derived[bucket].amount === budget.balances[bucket].amount
      ? []
      : [
          issue(
            ['balances', bucket],
            'ledger_mismatch',
            `Budget ${budget.id} shows ${formatMoney(budget.balances[bucket])} ${bucket}, but its postings add up to ${formatMoney(derived[bucket])}.`,
          ),
        ],
  );
}
