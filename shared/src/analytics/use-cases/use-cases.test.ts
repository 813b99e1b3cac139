import { fixedClock } from '../../ports/clock.js';
import type { AttributionDeal, PartnerTouch } from '../attribution/touch.js';
import { computeChannelKpis } from '../kpis/compute-channel-kpis.js';
import type { AnalyticsDependencies } from '../ports.js';
import { inMemoryAttributionSource, inMemoryChannelSource } from '../test-support/in-memory-sources.js';
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
import { reportAttribution } from './report-attribution.js';
import { reportChannelKpis } from './report-channel-kpis.js';

const program = demoProgram();
const rows = {
  partners: PARTNERS,
  deals: DEALS,
  registrations: REGISTRATIONS,
  offers: OFFERS,
  activities: ACTIVITIES,
  investments: INVESTMENTS,
  tierChanges: TIER_CHANGES,
};

function dependencies(overrides: Partial<AnalyticsDependencies> = {}): AnalyticsDependencies {
  return {
    channel: inMemoryChannelSource(rows),
    attribution: inMemoryAttributionSource([], []),
    program: async () => program,
    clock: fixedClock(new Date('2026-11-24T15:00:00Z')),
    ...overrides,
  };
}

describe('the analytics use cases against the ports', () => {
  it('streams the source page by page into the same report as the rows given at once', async () => {
    const channel = inMemoryChannelSource(rows);
    const streamed = await reportChannelKpis(dependencies({ channel }), { window: WINDOW });
    const direct = computeChannelKpis({ program, window: WINDOW, ...rows });

    expect(streamed).toEqual(direct);
    expect(channel.asked).toEqual([
      'deals 2026-02-01..2026-11-01',
      'registrations 2026-02-01..2026-11-01',
      'offers 2026-02-01..2026-11-01',
      'tier changes since 2026-02-01',
    ]);
  });

  it('refuses a malformed request with the issue at its field', async () => {
    const result = await reportChannelKpis(dependencies(), {
      window: { ...WINDOW, unit: 'week' as 'month' },
    });

    expect(!result.success && result.issues.map((found) => [found.path, found.code])).toEqual([
      [['window', 'unit'], 'invalid_value'],
    ]);
  });

  it('attributes the deals of a window under the models asked for, open deals against the program today', async () => {
    const deals: AttributionDeal[] = [
      { id: 'd-1', amount: { amount: 900, currency: 'USD' }, stage: 'open', createdOn: '2026-10-01', closedOn: null },
      {
        id: 'd-2',
        amount: { amount: 500, currency: 'USD' },
        stage: 'won',
        createdOn: '2025-01-01',
        closedOn: '2025-02-01',
      },
    ];
    const touches: PartnerTouch[] = [
      { id: 't-1', dealId: 'd-1', partnerId: 'p-1', kind: 'registered', on: '2026-10-02' },
      { id: 't-2', dealId: 'd-1', partnerId: 'p-2', kind: 'co_sell', on: '2026-11-20' },
      { id: 't-3', dealId: 'd-1', partnerId: 'p-2', kind: 'co_sell', on: '2026-11-30' }, // after today: does not count
    ];
    const deps = dependencies({ attribution: inMemoryAttributionSource(deals, touches, { 'p-1': 'Northwind' }) });

    const result = await reportAttribution(deps, {
      from: '2026-02-01',
      to: '2027-02-01',
      models: [{ kind: 'linear' }, { kind: 'last_touch' }],
    });

    if (!result.success) throw new Error(JSON.stringify(result.issues));
    expect(
      result.data.byPartner.map((row) => [
        row.label,
        row.byModel.map((model) => model.sourcedPipeline.amount + model.influencedPipeline.amount),
      ]),
    ).toEqual([
      ['Northwind', [450, 0]],
      ['p-2', [450, 900]],
    ]);
    expect(result.data.asOf).toBe('2026-11-24');
  });

  it('refuses an attribution window that ends before it starts', async () => {
    const result = await reportAttribution(dependencies(), { from: '2026-02-01', to: '2026-01-01' });

    expect(!result.success && result.issues.map((found) => [found.path, found.code])).toEqual([
      [['to'], 'window_empty'],
    ]);
  });
});
