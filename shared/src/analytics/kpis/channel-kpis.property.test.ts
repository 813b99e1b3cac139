import fc from 'fast-check';
import { channelArbitrary, PARTNERS } from '../test-support/channel-arbitraries.js';
import { demoProgram } from '../test-support/program.js';
import { computeChannelKpis, type ChannelKpiInputs } from './compute-channel-kpis.js';
import { ChannelKpiReportSchema, type ChannelKpiReport, type ChannelKpis, type PartnerKpis } from './kpi-report.js';
import type { KpiWindow } from './kpi-window.js';

const program = demoProgram();
const window = fc.constantFrom<KpiWindow>(
  { from: '2026-02-01', to: '2027-02-01', unit: 'quarter', calendar: 'fiscal' },
  { from: '2026-01-15', to: '2026-07-01', unit: 'month', calendar: 'calendar' },
);

function report(inputs: Omit<ChannelKpiInputs, 'program' | 'partners'>): ChannelKpiReport {
  const result = computeChannelKpis({ program, partners: PARTNERS, ...inputs });
  if (!result.success) throw new Error(JSON.stringify(result.issues));
  return result.data;
}

/** The additive figures of a set of KPIs: amounts and counts that must add up across buckets and partners. */
function additive(kpis: PartnerKpis | ChannelKpis): number[] {
  const { deals, registrations, leadOffers, engagement, investment } = kpis;
  return [
    deals.sourcedPipeline.amount.amount,
    deals.sourcedPipeline.deals,
    deals.influencedPipeline.amount.amount,
    deals.sourcedWon.amount.amount,
    deals.influencedWon.deals,
    deals.outcomes.won,
    deals.outcomes.lost,
    deals.outcomes.daysToClose.count,
    registrations.approved,
    registrations.rejected,
    registrations.approvalHours.count,
    leadOffers.accepted,
    leadOffers.declined,
    leadOffers.expired,
    engagement.activities,
    investment.invested.amount,
  ];
}

const sum = (rows: number[][], width = 16) =>
  rows.reduce((total, row) => total.map((value, index) => value + row[index]!), new Array<number>(width).fill(0));

describe('channel KPI laws over random channels', () => {
  it('the window adds up its buckets, and the partner part of it adds up the partners, tiers and programs', () => {
    fc.assert(
      fc.property(channelArbitrary, window, (rows, kpiWindow) => {
        const kpis = report({ ...rows, window: kpiWindow });

        expect(sum(kpis.byBucket.map(additive))).toEqual(additive(kpis.total));
        expect(sum(kpis.byPartner.map((row) => additive(row.kpis)))).toEqual(additive(kpis.total));
        expect(sum(kpis.byTier.map((row) => additive(row.kpis)))).toEqual(additive(kpis.total));
        expect(sum(kpis.byProgram.map((row) => additive(row.kpis)))).toEqual(additive(kpis.total));
        const direct = (deals: ChannelKpis['deals']) => [deals.directWon.amount.amount, deals.withoutPartner.lost];
        expect(
          sum(
            kpis.byRegion.map((row) => direct(row.deals)),
            2,
          ),
        ).toEqual(direct(kpis.total.deals));
      }),
      { numRuns: 150 },
    );
  });

  it('does not depend on the order rows come in', () => {
    fc.assert(
      fc.property(channelArbitrary, window, fc.func(fc.integer()), (rows, kpiWindow, key) => {
        const shuffle = <T>(items: T[]) =>
          items
            .map((item, index) => ({ item, rank: key(index) }))
            .sort((a, b) => a.rank - b.rank)
            .map(({ item }) => item);
        const shuffled = {
          deals: shuffle(rows.deals),
          registrations: shuffle(rows.registrations),
          offers: shuffle(rows.offers),
          activities: shuffle(rows.activities),
          investments: shuffle(rows.investments),
          tierChanges: shuffle(rows.tierChanges),
        };

        expect(report({ ...shuffled, window: kpiWindow })).toEqual(report({ ...rows, window: kpiWindow }));
      }),
      { numRuns: 100 },
    );
  });

  it('writes a report in its schema, without NaN, with one chart value per category', () => {
    fc.assert(
      fc.property(channelArbitrary, window, (rows, kpiWindow) => {
        const kpis = report({ ...rows, window: kpiWindow });

        expect(ChannelKpiReportSchema.parse(kpis)).toEqual(kpis);
        expect(JSON.stringify(kpis)).not.toMatch(/NaN|Infinity/);
        for (const counts of kpis.tiers.distribution) {
          expect(counts.reduce((total, count) => total + count, 0)).toBe(3); // p-4 is offboarded
        }
      }),
      { numRuns: 100 },
    );
  });

  it("keeps each duration's median at or below its 90th percentile, and nulls where nothing was measured", () => {
    fc.assert(
      fc.property(channelArbitrary, window, (rows, kpiWindow) => {
        const kpis = report({ ...rows, window: kpiWindow });
        const durations = [kpis.total, ...kpis.byBucket].flatMap((figures) => [
          figures.deals.outcomes.daysToClose,
          figures.deals.withoutPartner.daysToClose,
          figures.registrations.approvalHours,
          figures.leadOffers.acceptanceHours,
        ]);
        for (const duration of durations) {
          if (duration.count === 0) {
            expect([duration.average, duration.median, duration.p90]).toEqual([null, null, null]);
            continue;
          }
          expect(duration.median! <= duration.p90!).toBe(true);
          expect(duration.median! >= 0 && duration.average! >= 0).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});
