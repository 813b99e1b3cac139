import type { Deal } from '../../entities/deal.js';
import type { Registration } from '../../registration/registration.js';
import type { TierStanding } from '../../tiers/standing/tier-standing.js';
import { toDayNumber } from '../../time/day-number.js';
import { attributionDealOf, touchOfDeal } from './attribution-records.js';
import { kpiDealOf, kpiRegistrationOf, kpiTierChangesOf } from './kpi-rows-of.js';

const context = {
  timeZone: 'America/New_York',
  currency: 'USD',
  rates: { asOf: '2026-11-24', rates: [{ from: 'EUR', to: 'USD', rate: '1.1' }] },
};
const deal: Deal = {
  id: 'd-1',
  name: 'Acme platform',
  accountId: 'a-1',
  amount: { amount: 1_000_000, currency: 'EUR' },
  products: ['platform'],
  createdAt: '2026-03-02T03:00:00Z', // still March 1st in New York
  partnerId: 'p-1',
  partnerRole: 'sourced',
  registrationId: null,
  version: 1,
  stage: 'won',
  closedOn: '2026-04-20',
};

describe('turning the core records into analytics rows', () => {
  it('makes a deal a KPI row: program day, amount in the program currency, region of its account', () => {
    const account = {
      id: 'a-1',
      name: 'Acme',
      country: 'US',
      subdivision: 'US-CA',
      owner: { kind: 'direct' as const },
      version: 1,
    };

    expect(kpiDealOf(deal, account, context)).toEqual({
      success: true,
      data: {
        partnerId: 'p-1',
        role: 'sourced',
        stage: 'won',
        amount: 1_100_000,
        createdOn: toDayNumber('2026-03-01'),
        closedOn: toDayNumber('2026-04-20'),
        country: 'US',
        subdivision: 'US-CA',
      },
    });
    expect(kpiDealOf({ ...deal, amount: { amount: 5, currency: 'GBP' } }, undefined, context)).toMatchInlineSnapshot(`
{
  "issues": [
    {
      "code": "exchange_rate_missing",
      "message": "No exchange rate from GBP to USD is listed for 2026-11-24: add that pair to the rates table.",
      "path": [
        "amount",
        "currency",
      ],
    },
  ],
  "success": false,
}
`);
  });

  it('makes registrations KPI rows by their decision', () => {
    const base = {
      id: 'reg-1',
      partnerId: 'p-1',
      details: { customer: { name: 'Acme' }, contact: {}, products: [] },
      opportunityId: null,
      createdAt: '2026-03-01T10:00:00Z',
      version: 1,
      submittedAt: '2026-03-01T12:00:00Z',
      conflict: { verdict: 'clear' as const, checkedAt: '2026-03-01T12:00:00Z', matches: 0 },
    };
    const decided = { decidedBy: 'u-1', decidedAt: '2026-03-03T02:00:00Z' };
    const approved: Registration = {
      ...base,
      ...decided,
      status: 'won',
      protection: { startsOn: '2026-03-02', endsOn: '2026-05-30', extensions: 0 },
      closedOn: '2026-04-01',
    };

    expect(kpiRegistrationOf(approved, 'America/New_York')).toEqual({
      partnerId: 'p-1',
      submittedAt: Date.parse('2026-03-01T12:00:00Z'),
      decision: 'approved',
      decidedAt: Date.parse('2026-03-03T02:00:00Z'),
      decidedOn: toDayNumber('2026-03-02'),
    });
    expect(kpiRegistrationOf({ ...base, ...decided, status: 'rejected', reason: 'Duplicate.' }, 'UTC')?.decision).toBe(
      'rejected',
    );
    expect(kpiRegistrationOf({ ...base, status: 'submitted' }, 'UTC')?.decision).toBeNull();
    expect(kpiRegistrationOf({ ...base, status: 'draft' } as unknown as Registration, 'UTC')).toBeNull();
  });

  it('reads the moves of a tier history, not the re-confirmations', () => {
    const change = {
      reason: 'qualification' as const,
      decidedOn: '2026-03-31',
      appliedOn: '2026-03-31',
      decidedBy: { kind: 'automatic' as const },
      proposalId: null,
      note: null,
    };
    const standing = {
      partnerId: 'p-1',
      version: 3,
      specializations: [],
      history: [
        { ...change, direction: 'upgrade' as const, fromTierId: 'silver', toTierId: 'gold', effectiveOn: '2026-04-01' },
        { ...change, direction: 'same' as const, fromTierId: 'gold', toTierId: 'gold', effectiveOn: '2026-07-01' },
      ],
      status: 'tiered',
      tier: { tierId: 'gold', since: '2026-04-01', reachedBy: 'upgrade', decidedOn: '2026-03-31' },
      grace: null,
      override: null,
      scheduled: null,
    } as TierStanding;

    expect(kpiTierChangesOf(standing)).toEqual([
      { partnerId: 'p-1', fromTierId: 'silver', toTierId: 'gold', effectiveOn: toDayNumber('2026-04-01') },
    ]);
  });

  it('makes a deal an attribution deal, and its own partner fields a touch', () => {
    expect(attributionDealOf(deal, 'America/New_York')).toEqual({
      id: 'd-1',
      amount: { amount: 1_000_000, currency: 'EUR' },
      stage: 'won',
      createdOn: '2026-03-01',
      closedOn: '2026-04-20',
    });
    expect(touchOfDeal(deal, 'America/New_York')).toEqual([
      { id: 'd-1#partner', dealId: 'd-1', partnerId: 'p-1', kind: 'sourced', on: '2026-03-01' },
    ]);
    expect(touchOfDeal({ ...deal, partnerId: null, partnerRole: null }, 'UTC')).toEqual([]);
  });
});
