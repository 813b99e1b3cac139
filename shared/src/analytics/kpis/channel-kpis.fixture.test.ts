import { demoProgram } from '../test-support/program.js';
import {
  ACTIVITIES,
  DEALS,
  INVESTMENTS,
  OFFERS,
  PARTNERS,
  REGISTRATIONS,
  TIER_CHANGES,
  WINDOW,
} from '../test-support/small-channel.js';
import { computeChannelKpis } from './compute-channel-kpis.js';
import { ChannelKpiReportSchema, type ChannelKpiReport } from './kpi-report.js';

/*
 * The small channel of `test-support/small-channel.ts`, with every figure worked out by hand (amounts in
 * cents). Buckets: FY2027 Q1 (Feb–Apr 2026), Q2 (May–Jul), Q3 (Aug–Oct, empty).
 */

const program = demoProgram();
const usd = (amount: number) => ({ amount, currency: 'USD' });

function report(): ChannelKpiReport {
  const result = computeChannelKpis({
    program,
    window: WINDOW,
    partners: PARTNERS,
    deals: DEALS,
    registrations: REGISTRATIONS,
    offers: OFFERS,
    activities: ACTIVITIES,
    investments: INVESTMENTS,
    tierChanges: TIER_CHANGES,
  });
  if (!result.success) throw new Error(JSON.stringify(result.issues));
  return result.data;
}

const kpis = report();
const [q1, q2, q3] = kpis.byBucket;
const partner = (id: string) => kpis.byPartner.find((row) => row.partnerId === id)!.kpis;

describe('channel KPIs of a small channel, checked by hand', () => {
  it('cuts the window into the fiscal quarters it spans', () => {
    expect(kpis.buckets).toEqual([
      { key: '2026-02-01', label: 'FY2027 Q1', start: '2026-02-01', end: '2026-05-01' },
      { key: '2026-05-01', label: 'FY2027 Q2', start: '2026-05-01', end: '2026-08-01' },
      { key: '2026-08-01', label: 'FY2027 Q3', start: '2026-08-01', end: '2026-11-01' },
    ]);
    expect(ChannelKpiReportSchema.parse(kpis)).toEqual(kpis);
  });

  it('adds up pipeline by the bucket deals were created in, and won revenue by the bucket they were won in', () => {
    expect([q1!.deals.sourcedPipeline, q1!.deals.influencedPipeline, q1!.deals.directPipeline]).toEqual([
      { amount: usd(16_000_000), deals: 3 },
      { amount: usd(4_000_000), deals: 1 },
      { amount: usd(6_000_000), deals: 1 },
    ]);
    expect([q2!.deals.sourcedPipeline, q2!.deals.directPipeline]).toEqual([
      { amount: usd(3_000_000), deals: 1 },
      { amount: usd(2_000_000), deals: 1 },
    ]);
    expect([q1!.deals.sourcedWon, q1!.deals.influencedWon, q1!.deals.directWon]).toEqual([
      { amount: usd(11_000_000), deals: 2 },
      { amount: usd(0), deals: 0 },
      { amount: usd(6_000_000), deals: 1 },
    ]);
    expect(q2!.deals.influencedWon).toEqual({ amount: usd(12_000_000), deals: 2 });
    expect([kpis.total.deals.sourcedPipeline, kpis.total.deals.sourcedWon, kpis.total.deals.influencedWon]).toEqual([
      { amount: usd(19_000_000), deals: 4 },
      { amount: usd(11_000_000), deals: 2 },
      { amount: usd(12_000_000), deals: 2 },
    ]);
  });

  it('compares win rate, deal size and days to close with and without partners', () => {
    expect(q1!.deals.outcomes).toEqual({
      won: 2,
      lost: 0,
      winRate: 1,
      wonRevenue: usd(11_000_000),
      averageDealSize: usd(5_500_000),
      daysToClose: { count: 2, average: 20, median: 10, p90: 30, withinSla: null, shareWithinSla: null },
    });
    expect(q2!.deals.outcomes).toEqual({
      won: 2,
      lost: 1,
      winRate: 2 / 3,
      wonRevenue: usd(12_000_000),
      averageDealSize: usd(6_000_000),
      daysToClose: { count: 2, average: 140.5, median: 70, p90: 211, withinSla: null, shareWithinSla: null },
    });
    expect(q2!.deals.withoutPartner).toEqual({
      won: 0,
      lost: 1,
      winRate: 0,
      wonRevenue: usd(0),
      averageDealSize: null,
      daysToClose: { count: 0, average: null, median: null, p90: null, withinSla: null, shareWithinSla: null },
    });
    // With partners over the window: 10, 30, 70 and 211 days; the median is the 2nd value, the 90th percentile the 4th.
    expect(kpis.total.deals.outcomes.daysToClose).toEqual({
      count: 4,
      average: 80.25,
      median: 30,
      p90: 211,
      withinSla: null,
      shareWithinSla: null,
    });
    expect([kpis.total.deals.outcomes.winRate, kpis.total.deals.withoutPartner.winRate]).toEqual([0.8, 0.5]);
    expect(kpis.total.deals.outcomes.averageDealSize).toEqual(usd(5_750_000));
  });

  it('measures registration approval against the 48-hour SLA', () => {
    expect(q1!.registrations).toEqual({
      approved: 2,
      rejected: 0,
      approvalHours: { count: 2, average: 48, median: 24, p90: 72, withinSla: 1, shareWithinSla: 0.5 },
    });
    expect(q2!.registrations).toEqual({
      approved: 1,
      rejected: 1,
      approvalHours: { count: 1, average: 12, median: 12, p90: 12, withinSla: 1, shareWithinSla: 1 },
    });
    expect(kpis.total.registrations.approvalHours).toEqual({
      count: 3,
      average: 36,
      median: 24,
      p90: 72,
      withinSla: 2,
      shareWithinSla: 2 / 3,
    });
  });

  it("measures lead acceptance against each offer's due time", () => {
    expect(q1!.leadOffers).toEqual({
      accepted: 2,
      declined: 0,
      expired: 0,
      acceptanceRate: 1,
      acceptanceHours: { count: 2, average: 27, median: 6, p90: 48, withinSla: 1, shareWithinSla: 0.5 },
    });
    expect(q2!.leadOffers).toEqual({
      accepted: 0,
      declined: 1,
      expired: 1,
      acceptanceRate: 0,
      acceptanceHours: { count: 0, average: null, median: null, p90: null, withinSla: 0, shareWithinSla: null },
    });
    expect(kpis.total.leadOffers.acceptanceRate).toBe(0.5);
  });

  it('counts engagement by kind and the partners engaged', () => {
    expect(q1!.engagement).toEqual({ activities: 3, byKind: [{ kind: 'training', count: 3 }], engagedPartners: 2 });
    expect(q2!.engagement).toEqual({
      activities: 6,
      byKind: [
        { kind: 'portal-login', count: 5 },
        { kind: 'webinar', count: 1 },
      ],
      engagedPartners: 2,
    });
    expect(kpis.total.engagement).toEqual({
      activities: 9,
      byKind: [
        { kind: 'portal-login', count: 5 },
        { kind: 'training', count: 3 },
        { kind: 'webinar', count: 1 },
      ],
      engagedPartners: 3,
    });
  });

  it('returns partner revenue on partner investment as exact ratios', () => {
    expect(q1!.investment).toEqual({
      invested: usd(2_000_000),
      partnerRevenue: usd(11_000_000),
      returnOnInvestment: { numerator: 9, denominator: 2 },
    });
    expect(kpis.total.investment.returnOnInvestment).toEqual({ numerator: 20, denominator: 3 });
    expect(q3!.investment.returnOnInvestment).toBeNull();
  });

  it('gives an empty period zeros and nulls, never NaN', () => {
    expect(q3!.deals.sourcedPipeline).toEqual({ amount: usd(0), deals: 0 });
    expect(q3!.deals.outcomes.winRate).toBeNull();
    expect(q3!.deals.outcomes.averageDealSize).toBeNull();
    expect(q3!.registrations.approvalHours.median).toBeNull();
    expect(q3!.leadOffers.acceptanceRate).toBeNull();
    expect(q3!.engagement).toEqual({ activities: 0, byKind: [], engagedPartners: 0 });
    expect(JSON.stringify(kpis)).not.toMatch(/NaN|Infinity/);
    for (const chart of kpis.charts) {
      for (const series of chart.series)
        for (const value of series.values) expect(value === null || Number.isFinite(value)).toBe(true);
    }
  });

  it('reports every partner, one without data with zeros and nulls', () => {
    expect(kpis.byPartner.map((row) => row.partnerId)).toEqual(['p-1', 'p-2', 'p-3', 'p-4']);
    expect(partner('p-3')).toMatchInlineSnapshot(`
{
  "deals": {
    "influencedPipeline": {
      "amount": {
        "amount": 0,
        "currency": "USD",
      },
      "deals": 0,
    },
    "influencedWon": {
      "amount": {
        "amount": 0,
        "currency": "USD",
      },
      "deals": 0,
    },
    "outcomes": {
      "averageDealSize": null,
      "daysToClose": {
        "average": null,
        "count": 0,
        "median": null,
        "p90": null,
        "shareWithinSla": null,
        "withinSla": null,
      },
      "lost": 0,
      "winRate": null,
      "won": 0,
      "wonRevenue": {
        "amount": 0,
        "currency": "USD",
      },
    },
    "sourcedPipeline": {
      "amount": {
        "amount": 0,
        "currency": "USD",
      },
      "deals": 0,
    },
    "sourcedWon": {
      "amount": {
        "amount": 0,
        "currency": "USD",
      },
      "deals": 0,
    },
  },
  "engagement": {
    "activities": 0,
    "byKind": [],
    "engagedPartners": 0,
  },
  "investment": {
    "invested": {
      "amount": 0,
      "currency": "USD",
    },
    "partnerRevenue": {
      "amount": 0,
      "currency": "USD",
    },
    "returnOnInvestment": null,
  },
  "leadOffers": {
    "acceptanceHours": {
      "average": null,
      "count": 0,
      "median": null,
      "p90": null,
      "shareWithinSla": null,
      "withinSla": 0,
    },
    "acceptanceRate": null,
    "accepted": 0,
    "declined": 0,
    "expired": 0,
  },
  "registrations": {
    "approvalHours": {
      "average": null,
      "count": 0,
      "median": null,
      "p90": null,
      "shareWithinSla": null,
      "withinSla": 0,
    },
    "approved": 0,
    "rejected": 0,
  },
}
`);
    expect(partner('p-1').deals).toEqual({
      sourcedPipeline: { amount: usd(15_000_000), deals: 2 },
      influencedPipeline: { amount: usd(0), deals: 0 },
      sourcedWon: { amount: usd(10_000_000), deals: 1 },
      influencedWon: { amount: usd(8_000_000), deals: 1 },
      outcomes: {
        won: 2,
        lost: 1,
        winRate: 2 / 3,
        wonRevenue: usd(18_000_000),
        averageDealSize: usd(9_000_000),
        daysToClose: { count: 2, average: 120.5, median: 30, p90: 211, withinSla: null, shareWithinSla: null },
      },
    });
    expect(partner('p-1').investment.returnOnInvestment).toEqual({ numerator: 8, denominator: 1 });
  });

  it('groups partners by current tier (every tier of the program listed) and by program', () => {
    expect(kpis.byTier.map((row) => [row.key, row.label, row.partners])).toEqual([
      ['none', 'No tier', 1],
      ['registered', 'Registered', 0],
      ['silver', 'Silver', 2],
      ['gold', 'Gold', 1],
      ['platinum', 'Platinum', 0],
    ]);
    const silver = kpis.byTier[2]!.kpis.deals;
    expect([silver.sourcedPipeline, silver.influencedWon, silver.outcomes.daysToClose]).toEqual([
      { amount: usd(4_000_000), deals: 2 },
      { amount: usd(4_000_000), deals: 1 },
      { count: 2, average: 40, median: 10, p90: 70, withinSla: null, shareWithinSla: null },
    ]);
    expect(
      kpis.byProgram.map((row) => [row.key, row.label, row.partners, row.kpis.deals.sourcedWon.amount.amount]),
    ).toEqual([
      ['conduit-partner-network', 'Conduit Partner Network', 3, 10_000_000],
      ['referral', 'referral', 1, 1_000_000],
    ]);
  });

  it("groups deals by their account's country, unknown last", () => {
    expect(
      kpis.byRegion.map((row) => [
        row.key,
        row.deals.sourcedWon.amount.amount,
        row.deals.influencedWon.amount.amount,
        row.deals.directWon.amount.amount,
      ]),
    ).toEqual([
      ['DE', 0, 4_000_000, 0],
      ['GB', 1_000_000, 0, 0],
      ['US', 10_000_000, 8_000_000, 6_000_000],
      ['unknown', 0, 0, 0],
    ]);
    const us = kpis.byRegion[2]!.deals;
    expect([us.outcomes.won, us.outcomes.lost, us.withoutPartner.won, us.withoutPartner.lost]).toEqual([2, 1, 1, 0]);
  });

  it('reconstructs the tier distribution at the end of each bucket, and the moves', () => {
    expect(kpis.tiers).toEqual({
      tiers: [
        { key: 'none', label: 'No tier' },
        { key: 'registered', label: 'Registered' },
        { key: 'silver', label: 'Silver' },
        { key: 'gold', label: 'Gold' },
        { key: 'platinum', label: 'Platinum' },
      ],
      distribution: [
        [1, 1, 0, 2, 0],
        [1, 1, 1, 1, 0],
        [1, 0, 2, 1, 0],
      ],
      upgrades: [1, 0, 1],
      downgrades: [0, 1, 0],
      moves: [
        { from: 'registered', to: 'silver', count: 1 },
        { from: 'silver', to: 'gold', count: 1 },
        { from: 'gold', to: 'silver', count: 1 },
      ],
    });
  });

  it('leaves out, and counts, the rows it cannot use', () => {
    expect(kpis.dataIssues).toMatchInlineSnapshot(`
[
  {
    "code": "unknown_partner_deal",
    "count": 1,
    "message": "1 deal names a partner that is not in the report and was left out.",
  },
]
`);
  });

  it('draws the numbers as charts', () => {
    const wonRevenue = kpis.charts.find((chart) => chart.key === 'won_revenue')!;
    expect(wonRevenue.categories.map((category) => category.label)).toEqual(['FY2027 Q1', 'FY2027 Q2', 'FY2027 Q3']);
    expect(wonRevenue.series.map((series) => [series.key, series.values])).toEqual([
      ['sourced', [11_000_000, 0, 0]],
      ['influenced', [0, 12_000_000, 0]],
      ['direct', [6_000_000, 0, 0]],
    ]);
    const winRate = kpis.charts.find((chart) => chart.key === 'win_rate')!;
    expect(winRate.series.map((series) => series.values)).toEqual([
      [1, 2 / 3, null],
      [1, 0, null],
    ]);
    expect(kpis.charts.map((chart) => chart.key)).toMatchInlineSnapshot(`
[
  "pipeline",
  "won_revenue",
  "win_rate",
  "average_deal_size",
  "days_to_close",
  "registration_approval",
  "lead_acceptance",
  "within_sla",
  "return_on_partner_investment",
  "tier_distribution",
  "tier_movements",
  "engagement",
  "won_revenue_by_tier",
  "won_revenue_by_program",
  "won_revenue_by_region",
  "top_partners",
]
`);
  });
});
