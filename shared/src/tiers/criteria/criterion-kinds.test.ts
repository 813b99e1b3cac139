import type { Criterion } from '../../program/schema/criteria.js';
import type { FiscalCalendar } from '../../time/fiscal-calendar.js';
import { MeasureCatalog } from '../metrics/measure.js';
import { MeasureTally } from '../metrics/metric-tally.js';
import { toDayNumber } from '../../time/day-number.js';
import { compileCriteria, type CriterionNode } from './criteria-node.js';
import { readCriterion } from './criterion-reading.js';
import { describeGap, describeReading } from './criterion-words.js';

const calendar: FiscalCalendar = { firstMonth: 2, yearNamedBy: 'end', timeZone: 'UTC' };
const ASOF = '2026-11-24';
const day = toDayNumber;
const twelveMonths = { kind: 'trailing_months', months: 12 } as const;
const lastQuarter = { kind: 'fiscal_period', unit: 'quarter', which: 'last_completed' } as const;

/** Reads one criterion after feeding a tally, as an evaluation on 2026-11-24 would. */
function read(criterion: Criterion, feed: (tally: MeasureTally) => void) {
  const catalog = new MeasureCatalog(ASOF, calendar);
  const node = compileCriteria({ kind: 'all', conditions: [criterion] }, catalog).children[0] as CriterionNode;
  const tally = new MeasureTally(catalog.measures, 'USD', day(ASOF));
  feed(tally);
  const reading = readCriterion(node, tally);
  return {
    ...reading,
    words: describeReading('Gold', node, reading),
    gap: reading.met ? null : describeGap(node, reading),
  };
}

const usd = (dollars: number) => ({ amount: dollars * 100, currency: 'USD' });

describe('won revenue', () => {
  const sourced: Criterion = {
    kind: 'won_revenue',
    attribution: 'sourced',
    atLeast: usd(500_000),
    window: twelveMonths,
  };
  const both: Criterion = {
    kind: 'won_revenue',
    attribution: 'sourced_and_influenced',
    atLeast: usd(500_000),
    window: twelveMonths,
  };

  it('adds the partner-sourced deals closed in the window, in minor units', () => {
    const reading = read(sourced, (tally) => {
      tally.addWonDeal('sourced', day('2026-06-01'), 400_000_00, 'USD');
      tally.addWonDeal('sourced', day('2025-11-25'), 58_000_00, 'USD'); // first day of the window
      tally.addWonDeal('sourced', day('2025-11-24'), 90_000_00, 'USD'); // the day before: out
      tally.addWonDeal('influenced', day('2026-06-01'), 90_000_00, 'USD'); // influenced: not sourced
      tally.addWonDeal('sourced', day('2026-11-25'), 90_000_00, 'USD'); // after the evaluation date
    });
    expect(reading).toMatchInlineSnapshot(`
{
  "actual": 45800000,
  "gap": "42,000.00 USD more partner-sourced won revenue over the last 12 months",
  "met": false,
  "required": 50000000,
  "words": "Gold requires at least 500,000.00 USD of partner-sourced won revenue over the last 12 months: has 458,000.00 USD, 42,000.00 USD short.",
}
`);
  });

  it('counts influenced deals too when the criterion says sourced and influenced', () => {
    const reading = read(both, (tally) => {
      tally.addWonDeal('sourced', day('2026-06-01'), 400_000_00, 'USD');
      tally.addWonDeal('influenced', day('2026-06-02'), 100_000_00, 'USD');
    });
    expect([reading.actual, reading.met, reading.words]).toMatchInlineSnapshot(`
[
  50000000,
  true,
  "Gold requires at least 500,000.00 USD of partner-sourced or influenced won revenue over the last 12 months: has 500,000.00 USD, which meets it.",
]
`);
  });

  it('leaves out revenue in another currency, never converting it, and reports it', () => {
    const catalog = new MeasureCatalog(ASOF, calendar);
    const node = compileCriteria({ kind: 'all', conditions: [sourced] }, catalog).children[0] as CriterionNode;
    const tally = new MeasureTally(catalog.measures, 'USD', day(ASOF));
    tally.addWonDeal('sourced', day('2026-06-01'), 600_000_00, 'EUR');
    tally.addWonDeal('sourced', day('2026-06-02'), 1_00, 'EUR');
    expect(readCriterion(node, tally).actual).toBe(0);
    expect([...tally.foreignCurrencyDeals]).toEqual([['EUR', 2]]);
  });
});

describe('counts over a window', () => {
  it('counts approved registrations by approval day', () => {
    const criterion: Criterion = { kind: 'approved_registrations', atLeast: 3, window: lastQuarter };
    const reading = read(criterion, (tally) => {
      tally.addApprovedRegistration(day('2026-08-01')); // the last completed quarter is 2026-08-01 to 2026-10-31
      tally.addApprovedRegistration(day('2026-10-31'));
      tally.addApprovedRegistration(day('2026-11-01')); // the current quarter
      tally.addApprovedRegistration(day('2026-07-31')); // the quarter before
    });
    expect([reading.actual, reading.words, reading.gap]).toMatchInlineSnapshot(`
[
  2,
  "Gold requires at least 3 approved deal registrations in the last completed fiscal quarter: has 2, 1 short.",
  "1 more approved deal registration in the last completed fiscal quarter",
]
`);
  });

  it('counts closed won deals whatever the partner role and the currency', () => {
    const criterion: Criterion = { kind: 'closed_won_deals', atLeast: 3, window: twelveMonths };
    const reading = read(criterion, (tally) => {
      tally.addWonDeal('sourced', day('2026-06-01'), 1_00, 'USD');
      tally.addWonDeal('influenced', day('2026-06-01'), 1_00, 'USD');
      tally.addWonDeal('sourced', day('2026-06-01'), 1_00, 'JPY');
      tally.addWonDeal('sourced', day('2024-06-01'), 1_00, 'USD');
    });
    expect([reading.actual, reading.met, reading.words]).toMatchInlineSnapshot(`
[
  3,
  true,
  "Gold requires at least 3 closed won deals over the last 12 months: has 3, which meets it.",
]
`);
  });
});

describe('certifications held and unexpired on the evaluation date', () => {
  it('count by type and by product', () => {
    const criterion: Criterion = {
      kind: 'certifications',
      atLeast: 2,
      certificationType: 'sales',
      product: 'insights',
    };
    const reading = read(criterion, (tally) => {
      tally.addCertification('sales', 'insights', day('2025-01-01'), null);
      tally.addCertification('sales', 'other', day('2025-01-01'), null); // another product
      tally.addCertification('technical', 'insights', day('2025-01-01'), null); // another type
      tally.addCertification('sales', undefined, day('2025-01-01'), null); // no product
    });
    expect([reading.actual, reading.words, reading.gap]).toMatchInlineSnapshot(`
[
  1,
  "Gold requires at least 2 unexpired certifications of type "sales" for product "insights": has 1, 1 short.",
  "1 more unexpired certification of type "sales" for product "insights"",
]
`);
  });

  it('hold from the day they are earned until the day before they expire', () => {
    const criterion: Criterion = { kind: 'certifications', atLeast: 1 };
    const held = (earnedOn: string, expiresOn: string | null) =>
      read(criterion, (tally) =>
        tally.addCertification('any', undefined, day(earnedOn), expiresOn === null ? null : day(expiresOn)),
      ).actual;
    expect(held(ASOF, null)).toBe(1); // earned today
    expect(held('2026-11-25', null)).toBe(0); // earned tomorrow
    expect(held('2025-01-01', '2026-11-25')).toBe(1); // expires tomorrow
    expect(held('2025-01-01', ASOF)).toBe(0); // expires today
  });
});

describe('customer satisfaction', () => {
  const criterion: Criterion = { kind: 'customer_satisfaction', atLeast: 85, window: lastQuarter };

  it('averages the scores in the window, to two decimals', () => {
    const reading = read(criterion, (tally) => {
      tally.addSatisfactionScore(day('2026-09-01'), 90);
      tally.addSatisfactionScore(day('2026-09-02'), 80);
      tally.addSatisfactionScore(day('2026-09-03'), 84);
      tally.addSatisfactionScore(day('2026-11-02'), 10); // the current quarter: out
    });
    expect([reading.actual, reading.words, reading.gap]).toMatchInlineSnapshot(`
[
  84.67,
  "Gold requires an average customer satisfaction of at least 85 in the last completed fiscal quarter: has an average of 84.67, 0.33 points short.",
  "an average customer satisfaction 0.33 points higher in the last completed fiscal quarter",
]
`);
  });

  it('compares the rounded average, so 84.995 meets 85', () => {
    const reading = read(criterion, (tally) => {
      tally.addSatisfactionScore(day('2026-09-01'), 84.99);
      tally.addSatisfactionScore(day('2026-09-02'), 85);
    });
    expect([reading.actual, reading.met]).toEqual([85, true]);
  });

  it('is unmet without a score, and says so', () => {
    const reading = read(criterion, () => undefined);
    expect([reading.actual, reading.met, reading.words, reading.gap]).toMatchInlineSnapshot(`
[
  null,
  false,
  "Gold requires an average customer satisfaction of at least 85 in the last completed fiscal quarter: has no scores yet.",
  "customer satisfaction scores averaging at least 85 in the last completed fiscal quarter (none yet)",
]
`);
  });
});

describe('custom metrics', () => {
  it('add up the values dated in the window when the criterion has one', () => {
    const criterion: Criterion = {
      kind: 'custom_metric',
      key: 'webinars',
      label: 'Webinars held',
      atLeast: 4,
      window: twelveMonths,
    };
    const reading = read(criterion, (tally) => {
      tally.addCustomMetric('webinars', day('2026-01-10'), 1);
      tally.addCustomMetric('webinars', day('2026-03-10'), 2);
      tally.addCustomMetric('webinars', day('2024-03-10'), 5); // out of the window
      tally.addCustomMetric('nps', day('2026-03-10'), 50); // another key
    });
    expect([reading.actual, reading.words, reading.gap]).toMatchInlineSnapshot(`
[
  3,
  "Gold requires Webinars held of at least 4 over the last 12 months: has 3, 1 short.",
  "Webinars held 1 higher over the last 12 months",
]
`);
  });

  it('read the latest value on or before the evaluation date when it has none', () => {
    const criterion: Criterion = { kind: 'custom_metric', key: 'nps', label: 'Net promoter score', atLeast: 40 };
    const reading = read(criterion, (tally) => {
      tally.addCustomMetric('nps', day('2026-10-31'), 31);
      tally.addCustomMetric('nps', day('2025-10-31'), 60); // older
      tally.addCustomMetric('nps', day('2026-12-31'), 70); // after the evaluation date
    });
    expect([reading.actual, reading.words, reading.gap]).toMatchInlineSnapshot(`
[
  31,
  "Gold requires Net promoter score of at least 40: has 31, 9 short.",
  "Net promoter score 9 higher",
]
`);
    const none = read(criterion, () => undefined);
    expect([none.actual, none.met, none.words, none.gap]).toMatchInlineSnapshot(`
[
  null,
  false,
  "Gold requires Net promoter score of at least 40: has no value yet.",
  "Net promoter score of at least 40 (no value yet)",
]
`);
  });
});
