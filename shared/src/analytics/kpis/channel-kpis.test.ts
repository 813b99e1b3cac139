import type { MdfRequest } from '../../mdf/requests/request.js';
import { toDayNumber } from '../../time/day-number.js';
import { demoProgram } from '../test-support/program.js';
import { PARTNERS, WINDOW } from '../test-support/small-channel.js';
import { createChannelKpis } from './channel-kpis.js';
import { computeChannelKpis } from './compute-channel-kpis.js';
import type { KpiDeal } from './kpi-rows.js';

const program = demoProgram();
const day = (date: string) => toDayNumber(date);
const usd = (amount: number) => ({ amount, currency: 'USD' });

const good: KpiDeal = {
  partnerId: 'p-1',
  role: 'sourced',
  stage: 'won',
  amount: 1_000,
  createdOn: day('2026-03-01'),
  closedOn: day('2026-03-11'),
  country: 'US',
  subdivision: 'US-CA',
};

describe('starting a KPI calculation', () => {
  it('refuses a partner listed twice and a window that ends before it starts, all at once', () => {
    const result = createChannelKpis({
      program,
      window: { ...WINDOW, to: WINDOW.from },
      partners: [...PARTNERS, PARTNERS[0]!],
    });

    expect(!result.success && result.issues).toMatchInlineSnapshot(`
[
  {
    "code": "window_empty",
    "message": "The window must end after it starts, but it runs from 2026-02-01 to 2026-02-01.",
    "path": [
      "window",
      "to",
    ],
  },
  {
    "code": "duplicate_partner",
    "message": "Partner p-1 is listed twice (at positions 0 and 4): list each partner once.",
    "path": [
      "partners",
      4,
      "id",
    ],
  },
]
`);
  });

  it('refuses a window of too many buckets, at the window', () => {
    const result = createChannelKpis({
      program,
      window: { from: '2000-01-01', to: '2030-01-01', unit: 'month', calendar: 'fiscal' },
      partners: PARTNERS,
    });

    expect(!result.success && result.issues.map((found) => [found.path, found.code])).toEqual([
      [['window', 'to'], 'too_many_buckets'],
    ]);
  });
});

describe('rows the calculator cannot use', () => {
  it('leaves them out and counts them by kind, keeping the rest', () => {
    const result = computeChannelKpis({
      program,
      window: WINDOW,
      partners: PARTNERS,
      deals: [
        good,
        { ...good, partnerId: 'p-9' },
        { ...good, role: null },
        { ...good, partnerId: null },
        { ...good, closedOn: null },
        { ...good, stage: 'open' },
        { ...good, closedOn: day('2026-02-20') },
      ],
      registrations: [
        { partnerId: 'p-1', submittedAt: 10, decision: 'approved', decidedAt: null, decidedOn: day('2026-03-01') },
        { partnerId: 'p-1', submittedAt: 10, decision: 'approved', decidedAt: 5, decidedOn: day('2026-03-01') },
      ],
      offers: [
        {
          partnerId: 'p-2',
          offeredAt: 10,
          dueAt: 20,
          outcome: 'accepted',
          answeredAt: null,
          resolvedOn: day('2026-03-01'),
        },
        {
          partnerId: 'p-2',
          offeredAt: 10,
          dueAt: 20,
          outcome: 'accepted',
          answeredAt: 5,
          resolvedOn: day('2026-03-01'),
        },
        {
          partnerId: 'p-8',
          offeredAt: 10,
          dueAt: 20,
          outcome: 'declined',
          answeredAt: 15,
          resolvedOn: day('2026-03-01'),
        },
      ],
      activities: [{ partnerId: 'p-7', kind: 'training', on: day('2026-03-01'), count: 1 }],
      tierChanges: [{ partnerId: 'p-7', fromTierId: null, toTierId: 'gold', effectiveOn: day('2026-03-01') }],
    });
    if (!result.success) throw new Error('The report must be written.');

    expect(result.data.dataIssues).toMatchInlineSnapshot(`
[
  {
    "code": "answered_before_offered",
    "count": 1,
    "message": "1 lead offer was accepted before it was made and was left out of the acceptance hours.",
  },
  {
    "code": "closed_before_created",
    "count": 1,
    "message": "1 won deal closed before it was created and was left out of the days to close.",
  },
  {
    "code": "closing_day_mismatch",
    "count": 2,
    "message": "2 deals are closed without a closing day, or open with one, and were left out.",
  },
  {
    "code": "decided_before_submitted",
    "count": 1,
    "message": "1 registration was approved before it was submitted and was left out of the approval hours.",
  },
  {
    "code": "decision_without_time",
    "count": 1,
    "message": "1 decided registration has no decision time and was left out.",
  },
  {
    "code": "outcome_without_time",
    "count": 1,
    "message": "1 ended lead offer has no end time and was left out.",
  },
  {
    "code": "partner_role_mismatch",
    "count": 2,
    "message": "2 deals name a partner without its role, or a role without a partner, and were left out.",
  },
  {
    "code": "unknown_partner_activity",
    "count": 1,
    "message": "1 activity names a partner that is not in the report and was left out.",
  },
  {
    "code": "unknown_partner_deal",
    "count": 1,
    "message": "1 deal names a partner that is not in the report and was left out.",
  },
  {
    "code": "unknown_partner_lead_offer",
    "count": 1,
    "message": "1 lead offer names a partner that is not in the report and was left out.",
  },
  {
    "code": "unknown_partner_tier_change",
    "count": 1,
    "message": "1 tier change names a partner that is not in the report and was left out.",
  },
]
`);
    // The good deal and the one closed before it was created count; the latter not in the days to close.
    expect(result.data.total.deals.sourcedWon).toEqual({ amount: usd(2_000), deals: 2 });
    expect(result.data.total.deals.outcomes.daysToClose.count).toBe(1);
    expect([result.data.total.registrations.approved, result.data.total.leadOffers.accepted]).toEqual([1, 1]);
  });
});

describe('MDF return on investment in the KPI report', () => {
  function approvedRequest(amountPaid: number): {
    request: MdfRequest;
    payment: { requestId: string; amount: { amount: number; currency: string } };
  } {
    const request: MdfRequest = {
      id: 'mdf-1',
      title: 'Spring roadshow',
      partnerId: 'p-1',
      allocationId: 'budget-1:p-1',
      fundTypeId: 'proposal-mdf',
      activityId: 'event',
      startDate: '2026-03-10',
      endDate: '2026-03-12',
      requestedAmount: usd(1_000_000),
      partnerContribution: usd(500_000),
      expected: { leads: 40, pipeline: usd(20_000_000) },
      links: { campaignIds: [], leadIds: [], dealIds: ['d-1'] },
      terms: { reimbursementBasisPoints: 5000, proofKindIds: ['invoice'], claimDeadline: '2026-05-11' },
      submittedBy: 'contact-9',
      submittedAt: '2026-02-01T10:00:00Z',
      version: 3,
      status: 'approved',
      amount: usd(1_000_000),
      approval: { approvedBy: 'u-1', approvedAt: '2026-02-02T10:00:00Z', levelName: 'Channel manager', kind: 'full' },
      commitment: { funds: usd(500_000), ledgerAmount: usd(500_000), exchangeRate: null },
      claims: { pending: usd(0), approved: usd(0), approvedLedger: usd(0) },
    };
    return { request, payment: { requestId: 'mdf-1', amount: { amount: amountPaid, currency: 'USD' } } };
  }

  const wonDeal = {
    id: 'd-1',
    name: 'Acme roadshow deal',
    accountId: 'a-1',
    amount: usd(6_000_000),
    products: ['platform'],
    createdAt: '2026-03-15T10:00:00Z',
    partnerId: 'p-1',
    partnerRole: 'sourced' as const,
    registrationId: null,
    version: 1,
    stage: 'won' as const,
    closedOn: '2026-04-20',
  };

  it('computes it with the MDF engine, by the window unit', () => {
    const { request, payment } = approvedRequest(500_000);
    const result = computeChannelKpis({
      program,
      window: WINDOW,
      partners: PARTNERS,
      mdf: {
        requests: [request],
        payments: [payment],
        deals: [wonDeal],
        partners: [],
        rates: { asOf: '2026-11-24', rates: [] },
      },
    });

    expect(result.success && result.data.mdfRoi?.periodUnit).toBe('quarter');
    expect(result.success && result.data.mdfRoi?.total.revenuePerMdf).toEqual({ numerator: 12, denominator: 1 });
  });

  it('refuses MDF amounts it cannot convert, at the MDF input', () => {
    const { request, payment } = approvedRequest(500_000);
    const result = computeChannelKpis({
      program,
      window: WINDOW,
      partners: PARTNERS,
      mdf: {
        requests: [request],
        payments: [{ ...payment, amount: { amount: 500_000, currency: 'EUR' } }],
        deals: [wonDeal],
        partners: [],
        rates: { asOf: '2026-11-24', rates: [] },
      },
    });

    expect(!result.success && result.issues.map((found) => [found.path[0], found.code])).toEqual([
      ['mdf', 'exchange_rate_missing'],
    ]);
  });
});
