import { formatMoney } from '../../money/money.js';
import type { Criterion, MetricWindow } from '../schema/criteria.js';

const UNIT_NAMES = { month: 'month', quarter: 'quarter', half_year: 'half-year', year: 'year' } as const;

/**
 * A window in words.
 *
 * @example describeWindow({ kind: 'trailing_months', months: 12 }) // 'over the last 12 months'
 */
export function describeWindow(window: MetricWindow): string {
  if (window.kind === 'trailing_months') {
    return window.months === 1 ? 'over the last month' : `over the last ${window.months} months`;
  }
  const unit = UNIT_NAMES[window.unit];
  return window.which === 'current_to_date'
    ? `in the current fiscal ${unit} to date`
    : `in the last completed fiscal ${unit}`;
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/**
 * What a criterion asks for, in words an admin or a partner reads.
 *
 * @example
 * describeCriterion({ kind: 'certifications', atLeast: 2, certificationType: 'sales' })
 * // 'at least 2 unexpired certifications of type "sales"'
 */
export function describeCriterion(criterion: Criterion): string {
  switch (criterion.kind) {
    case 'won_revenue': {
      const what = criterion.attribution === 'sourced' ? 'partner-sourced' : 'partner-sourced or influenced';
      return `at least ${formatMoney(criterion.atLeast)} of ${what} won revenue ${describeWindow(criterion.window)}`;
    }
    case 'approved_registrations':
      return `at least ${plural(criterion.atLeast, 'approved deal registration')} ${describeWindow(criterion.window)}`;
    case 'closed_won_deals':
      return `at least ${plural(criterion.atLeast, 'closed won deal')} ${describeWindow(criterion.window)}`;
    case 'certifications': {
      const type = criterion.certificationType ? ` of type "${criterion.certificationType}"` : '';
      const product = criterion.product ? ` for product "${criterion.product}"` : '';
      return `at least ${plural(criterion.atLeast, 'unexpired certification')}${type}${product}`;
    }
    case 'customer_satisfaction':
      return `an average customer satisfaction of at least ${criterion.atLeast} ${describeWindow(criterion.window)}`;
    case 'custom_metric': {
      const window = criterion.window ? ` ${describeWindow(criterion.window)}` : '';
      return `${criterion.label} of at least ${criterion.atLeast}${window}`;
    }
  }
}
