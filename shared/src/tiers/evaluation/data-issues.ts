import { issue, type Issue } from '../../result/issue.js';
import { traceStep, type TraceStep } from '../../trace/decision-trace.js';
import type { TierMetricTally } from '../metrics/metric-tally.js';

/** Issues with a partner's data, and the `data_issue` steps that show them in its explanation. */
export interface DataIssues {
  issues: Issue[];
  steps: TraceStep[];
}

/**
 * The issues with a partner's data that an evaluation reports instead of guessing: won deals in a
 * currency other than the program's are left out of won revenue (never converted), one issue per currency.
 *
 * @example foreignCurrencyIssues(tally, 'USD').issues[0].message
 * // '2 won deals in EUR were left out of won revenue: the program counts revenue in USD and does not convert currencies.'
 */
export function foreignCurrencyIssues(tally: TierMetricTally, programCurrency: string): DataIssues {
  const found: DataIssues = { issues: [], steps: [] };
  for (const [currency, count] of tally.foreignCurrencyDeals) {
    const message = `${count === 1 ? '1 won deal' : `${count} won deals`} in ${currency} ${count === 1 ? 'was' : 'were'} left out of won revenue: the program counts revenue in ${programCurrency} and does not convert currencies.`;
    found.issues.push(issue(['wonDeals'], 'currency_mismatch', message));
    found.steps.push(
      traceStep('data_issue', 'fail', message, { code: 'currency_mismatch', currency, deals: count, programCurrency }),
    );
  }
  return found;
}
