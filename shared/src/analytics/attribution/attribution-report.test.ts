import { demoProgram } from '../test-support/program.js';
import { AttributionReportSchema, compareAttribution } from './attribution-report.js';
import type { AttributionDeal, PartnerTouch } from './touch.js';

/*
 * Three deals in USD on the demo program's rule, in the window 2026-02-01 to 2026-08-01:
 * - d-1, 100,000.00 won on 2026-06-30: p-1 registers it on 03-02 (its source), p-2 influences it on 06-30;
 * - d-2, 40,000.00 open since 2026-05-01: p-2 influences it on 05-10;
 * - d-3, 10,000.00 won on 2026-04-01 without a partner touch: direct.
 * And one deal in EUR, left out, with a touch of a deal not in the report.
 */
const policy = demoProgram().analytics.attribution;
const deal = (id: string, amount: number, stage: AttributionDeal['stage'], created: string, closed: string | null) => ({
  id,
  amount: { amount, currency: 'USD' },
  stage,
  createdOn: created,
  closedOn: closed,
});
const deals: AttributionDeal[] = [
  deal('d-1', 10_000_000, 'won', '2026-03-01', '2026-06-30'),
  deal('d-2', 4_000_000, 'open', '2026-05-01', null),
  deal('d-3', 1_000_000, 'won', '2026-03-15', '2026-04-01'),
  { ...deal('d-4', 5_000_000, 'won', '2026-03-01', '2026-04-01'), amount: { amount: 5_000_000, currency: 'EUR' } },
];
const touch = (
  id: string,
  dealId: string,
  partnerId: string,
  kind: PartnerTouch['kind'],
  on: string,
): PartnerTouch => ({
  id,
  dealId,
  partnerId,
  kind,
  on,
});
const touches = [
  touch('t-1', 'd-1', 'p-1', 'registered', '2026-03-02'),
  touch('t-2', 'd-1', 'p-2', 'influence_activity', '2026-06-30'),
  touch('t-3', 'd-2', 'p-2', 'influence_activity', '2026-05-10'),
  touch('t-4', 'd-9', 'p-3', 'co_sell', '2026-05-10'),
];

describe('attribution over many deals', () => {
  const report = compareAttribution({
    deals,
    touches,
    policy,
    models: [{ kind: 'first_touch' }, { kind: 'linear' }],
    currency: 'USD',
    asOf: '2026-11-24',
    window: { from: '2026-02-01', to: '2026-08-01' },
    partnerNames: new Map([['p-1', 'Northwind']]),
  });

  it('credits each partner under each model, by role, for pipeline and won revenue', () => {
    const figures = (partnerId: string) =>
      report.byPartner
        .find((row) => row.partnerId === partnerId)!
        .byModel.map((model) => [
          model.sourcedPipeline.amount,
          model.influencedPipeline.amount,
          model.sourcedWon.amount,
          model.influencedWon.amount,
        ]);

    // First touch: d-1 all to p-1; linear: d-1 half each. d-2 is p-2's alone under both.
    expect(figures('p-1')).toEqual([
      [10_000_000, 0, 10_000_000, 0],
      [5_000_000, 0, 5_000_000, 0],
    ]);
    expect(figures('p-2')).toEqual([
      [0, 4_000_000, 0, 0],
      [0, 9_000_000, 0, 5_000_000],
    ]);
    expect(report.byPartner.map((row) => [row.partnerId, row.label, row.deals, row.sourcedDeals])).toEqual([
      ['p-1', 'Northwind', 1, 1],
      ['p-2', 'p-2', 2, 0],
    ]);
  });

  it('counts the deals by classification, whatever the model', () => {
    expect(report.classification).toEqual({
      sourced: {
        pipelineDeals: 1,
        pipeline: { amount: 10_000_000, currency: 'USD' },
        wonDeals: 1,
        won: { amount: 10_000_000, currency: 'USD' },
      },
      influenced: {
        pipelineDeals: 1,
        pipeline: { amount: 4_000_000, currency: 'USD' },
        wonDeals: 0,
        won: { amount: 0, currency: 'USD' },
      },
      direct: {
        pipelineDeals: 1,
        pipeline: { amount: 1_000_000, currency: 'USD' },
        wonDeals: 1,
        won: { amount: 1_000_000, currency: 'USD' },
      },
    });
  });

  it('draws won revenue by partner per model, and reports what it left out', () => {
    expect(report.charts[0]!.series.map((series) => [series.label, series.values])).toEqual([
      ['first touch', [10_000_000, 0]],
      ['linear', [5_000_000, 5_000_000]],
    ]);
    expect(report.dataIssues).toMatchInlineSnapshot(`
[
  {
    "code": "currency_mismatch",
    "count": 1,
    "message": "1 deal is not in USD and was left out: convert it first.",
  },
  {
    "code": "touch_of_unknown_deal",
    "count": 1,
    "message": "1 touch names a deal that is not in the report.",
  },
]
`);
    expect(AttributionReportSchema.parse(report)).toEqual(report);
  });

  it("uses the program's model when none is asked for", () => {
    const own = compareAttribution({ deals, touches, policy, currency: 'USD', asOf: '2026-11-24' });

    expect(own.models.map((model) => model.label)).toEqual(['position based (40/20/40)']);
    expect(own.window).toBeNull();
  });
});
