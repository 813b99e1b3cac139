import { describeCriterion, describeWindow } from './describe-criterion.js';

describe('criteria in words', () => {
  it('describes windows', () => {
    expect(describeWindow({ kind: 'trailing_months', months: 1 })).toBe('over the last month');
    expect(describeWindow({ kind: 'fiscal_period', unit: 'half_year', which: 'current_to_date' })).toBe(
      'in the current fiscal half-year to date',
    );
  });

  it('describes every criterion kind', () => {
    const window = { kind: 'fiscal_period', unit: 'quarter', which: 'last_completed' } as const;
    expect([
      describeCriterion({
        kind: 'won_revenue',
        attribution: 'sourced_and_influenced',
        atLeast: { amount: 4_200_000, currency: 'USD' },
        window,
      }),
      describeCriterion({ kind: 'approved_registrations', atLeast: 1, window }),
      describeCriterion({ kind: 'closed_won_deals', atLeast: 5, window }),
      describeCriterion({ kind: 'certifications', atLeast: 2, certificationType: 'sales', product: 'insights' }),
      describeCriterion({ kind: 'customer_satisfaction', atLeast: 85.5, window }),
      describeCriterion({ kind: 'custom_metric', key: 'nps', label: 'Net promoter score', atLeast: 40 }),
    ]).toMatchInlineSnapshot(`
[
  "at least 42,000.00 USD of partner-sourced or influenced won revenue in the last completed fiscal quarter",
  "at least 1 approved deal registration in the last completed fiscal quarter",
  "at least 5 closed won deals in the last completed fiscal quarter",
  "at least 2 unexpired certifications of type "sales" for product "insights"",
  "an average customer satisfaction of at least 85.5 in the last completed fiscal quarter",
  "Net promoter score of at least 40",
]
`);
  });
});
