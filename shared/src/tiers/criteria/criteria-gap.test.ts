import type { Criteria } from '../../program/schema/criteria.js';
import type { FiscalCalendar } from '../../time/fiscal-calendar.js';
import { MeasureCatalog } from '../metrics/measure.js';
import { MeasureTally } from '../metrics/metric-tally.js';
import { toDayNumber } from '../../time/day-number.js';
import { criteriaGap } from './criteria-gap.js';
import { compileCriteria } from './criteria-node.js';
import { explainCriteria } from './criteria-steps.js';
import { describeVerdict } from './criteria-verdict.js';

const calendar: FiscalCalendar = { firstMonth: 2, yearNamedBy: 'end', timeZone: 'UTC' };
const window = { kind: 'trailing_months', months: 12 } as const;
const revenue = (dollars: number) =>
  ({
    kind: 'won_revenue',
    attribution: 'sourced',
    atLeast: { amount: dollars * 100, currency: 'USD' },
    window,
  }) as const;
const certs = (count: number, type: string) =>
  ({ kind: 'certifications', atLeast: count, certificationType: type }) as const;
const registrations = (count: number) => ({ kind: 'approved_registrations', atLeast: count, window }) as const;

const gold: Criteria = {
  kind: 'all',
  conditions: [
    revenue(500_000),
    certs(3, 'sales'),
    { kind: 'any', conditions: [certs(1, 'technical'), registrations(12)] },
  ],
};

function setUp(criteria: Criteria) {
  const catalog = new MeasureCatalog('2026-11-24', calendar);
  const root = compileCriteria(criteria, catalog);
  const tally = new MeasureTally(catalog.measures, 'USD', toDayNumber('2026-11-24'));
  return { root, tally };
}

describe('the gap to a set of criteria', () => {
  it('lists every unmet condition of an all group, and the alternatives of an unmet any group', () => {
    const { root, tally } = setUp(gold);
    tally.addWonDeal('sourced', toDayNumber('2026-06-01'), 458_000_00, 'USD');
    tally.addCertification('sales', undefined, toDayNumber('2025-01-01'), null);
    for (let count = 0; count < 10; count++) tally.addApprovedRegistration(toDayNumber('2026-05-01'));
    expect(criteriaGap(root, tally)?.words).toMatchInlineSnapshot(
      `"42,000.00 USD more partner-sourced won revenue over the last 12 months, 2 more unexpired certifications of type "sales" and either 1 more unexpired certification of type "technical" or 2 more approved deal registrations over the last 12 months"`,
    );
    expect(criteriaGap(root, tally)?.unmet.map((facts) => facts.requirement)).toMatchInlineSnapshot(`
[
  "at least 500,000.00 USD of partner-sourced won revenue over the last 12 months",
  "at least 3 unexpired certifications of type "sales"",
  "at least 1 unexpired certification of type "technical"",
  "at least 12 approved deal registrations over the last 12 months",
]
`);
  });

  it('leaves out the alternatives of an any group that holds, and is nothing when all hold', () => {
    const { root, tally } = setUp(gold);
    tally.addCertification('technical', undefined, toDayNumber('2025-01-01'), null);
    for (let count = 0; count < 3; count++) tally.addCertification('sales', undefined, toDayNumber('2025-01-01'), null);
    expect(criteriaGap(root, tally)?.words).toBe(
      '500,000.00 USD more partner-sourced won revenue over the last 12 months',
    );
    tally.addWonDeal('sourced', toDayNumber('2026-06-01'), 500_000_00, 'USD');
    expect(criteriaGap(root, tally)).toBeUndefined();
  });

  it('words an any group of all groups, and an empty all group holds', () => {
    const { root, tally } = setUp({
      kind: 'any',
      conditions: [
        { kind: 'all', conditions: [revenue(100_000), certs(1, 'sales')] },
        { kind: 'all', conditions: [registrations(5)] },
        certs(2, 'technical'),
      ],
    });
    expect(criteriaGap(root, tally)?.words).toMatchInlineSnapshot(
      `"either 100,000.00 USD more partner-sourced won revenue over the last 12 months and 1 more unexpired certification of type "sales", or 5 more approved deal registrations over the last 12 months, or 2 more unexpired certifications of type "technical""`,
    );
    expect(criteriaGap(setUp({ kind: 'all', conditions: [] }).root, tally)).toBeUndefined();
  });
});

describe('explained criteria', () => {
  it('give a step per criterion and per nested group, in order, and a verdict', () => {
    const { root, tally } = setUp(gold);
    tally.addCertification('technical', undefined, toDayNumber('2025-01-01'), null);
    const explained = explainCriteria({ kind: 'tier', id: 'gold', name: 'Gold' }, root, tally);
    expect(explained.steps.map((step) => `${step.result}: ${step.message}`)).toMatchInlineSnapshot(`
[
  "fail: Gold requires at least 500,000.00 USD of partner-sourced won revenue over the last 12 months: has 0.00 USD, 500,000.00 USD short.",
  "fail: Gold requires at least 3 unexpired certifications of type "sales": has 0, 3 short.",
  "pass: Gold asks for any one of 2 conditions: 1 is met.",
  "pass: Gold requires at least 1 unexpired certification of type "technical": has 1, which meets it.",
  "fail: Gold requires at least 12 approved deal registrations over the last 12 months: has 0, 12 short.",
]
`);
    expect(describeVerdict(explained, 'all')).toBe('2 of its 3 conditions are unmet');
  });

  it('word every verdict', () => {
    const verdict = (conditions: number, metConditions: number, group: 'all' | 'any') =>
      describeVerdict(
        {
          conditions,
          metConditions,
          met: group === 'all' ? metConditions === conditions : metConditions > 0,
          steps: [],
        },
        group,
      );
    expect([
      verdict(0, 0, 'all'),
      verdict(1, 1, 'all'),
      verdict(1, 0, 'any'),
      verdict(3, 3, 'all'),
      verdict(3, 0, 'all'),
      verdict(3, 1, 'all'),
      verdict(3, 1, 'any'),
      verdict(3, 0, 'any'),
    ]).toMatchInlineSnapshot(`
[
  "it has no criteria, so every partner qualifies",
  "meets its only condition",
  "its only condition is unmet",
  "meets all 3 of its conditions",
  "meets none of its 3 conditions",
  "2 of its 3 conditions are unmet",
  "meets 1 of its 3 alternative conditions",
  "meets none of its 3 alternative conditions",
]
`);
  });
});
