import { toDayNumber } from '../../time/day-number.js';
import type {
  KpiActivity,
  KpiDeal,
  KpiInvestment,
  KpiOffer,
  KpiPartner,
  KpiRegistration,
  KpiTierChange,
} from '../kpis/kpi-rows.js';
import type { KpiWindow } from '../kpis/kpi-window.js';

/*
 * A small channel whose KPIs are computed by hand in `channel-kpis.fixture.test.ts`, on the demo program
 * (USD; fiscal years from February; 48 hours to approve a registration). The window runs from 2026-02-01 to
 * 2026-11-01 in fiscal quarters: FY2027 Q1 (February–April), Q2 (May–July) and Q3 (August–October), which
 * has no deal, registration, offer or activity, only one tier change.
 *
 * Partners: Northwind p-1 (active, Gold), Contoso p-2 (active, Silver), Fabrikam p-3 (onboarding, no tier,
 * no data at all) and Tailspin p-4 (suspended, Silver, in the `referral` program).
 */

const day = (date: string) => toDayNumber(date);
const ms = (instant: string) => Date.parse(instant);

export const WINDOW: KpiWindow = { from: '2026-02-01', to: '2026-11-01', unit: 'quarter', calendar: 'fiscal' };

export const PARTNERS: KpiPartner[] = [
  { id: 'p-1', name: 'Northwind', status: 'active', tierId: 'gold', programId: 'conduit-partner-network' },
  { id: 'p-2', name: 'Contoso', status: 'active', tierId: 'silver', programId: 'conduit-partner-network' },
  { id: 'p-3', name: 'Fabrikam', status: 'onboarding', tierId: null, programId: 'conduit-partner-network' },
  { id: 'p-4', name: 'Tailspin', status: 'suspended', tierId: 'silver', programId: 'referral' },
];

function deal(
  partnerId: string | null,
  role: 'sourced' | 'influenced' | null,
  stage: KpiDeal['stage'],
  dollars: number,
  created: string,
  closed: string | null,
  country: string | null,
): KpiDeal {
  return {
    partnerId,
    role,
    stage,
    amount: dollars * 100,
    createdOn: day(created),
    closedOn: closed === null ? null : day(closed),
    country,
    subdivision: country === null ? null : `${country}-XX`,
  };
}

export const DEALS: KpiDeal[] = [
  deal('p-1', 'sourced', 'won', 100_000, '2026-02-10', '2026-03-12', 'US'), // Q1 pipeline, Q1 win after 30 days
  deal('p-1', 'sourced', 'lost', 50_000, '2026-02-15', '2026-05-20', 'US'), // Q1 pipeline, Q2 loss
  deal('p-2', 'influenced', 'won', 40_000, '2026-03-01', '2026-05-10', 'DE'), // Q1 pipeline, Q2 win after 70 days
  deal(null, null, 'won', 60_000, '2026-02-20', '2026-04-01', 'US'), // direct: Q1 pipeline, Q1 win after 40 days
  deal(null, null, 'lost', 20_000, '2026-05-05', '2026-06-15', null), // direct: Q2 pipeline, Q2 loss
  deal('p-2', 'sourced', 'open', 30_000, '2026-06-01', null, 'DE'), // Q2 pipeline
  deal('p-1', 'influenced', 'won', 80_000, '2025-12-01', '2026-06-30', 'US'), // Q2 win after 211 days
  deal(null, null, 'won', 70_000, '2026-01-10', '2026-01-30', 'US'), // before the window: not counted
  deal('p-9', 'sourced', 'won', 90_000, '2026-03-01', '2026-04-01', 'US'), // an unknown partner
  deal('p-4', 'sourced', 'won', 10_000, '2026-04-10', '2026-04-20', 'GB'), // Q1 pipeline, Q1 win after 10 days
];

function registration(
  partnerId: string,
  submitted: string,
  decision: 'approved' | 'rejected' | null,
  decided: string | null,
): KpiRegistration {
  return {
    partnerId,
    submittedAt: ms(submitted),
    decision,
    decidedAt: decided === null ? null : ms(decided),
    decidedOn: decided === null ? null : day(decided.slice(0, 10)),
  };
}

export const REGISTRATIONS: KpiRegistration[] = [
  registration('p-1', '2026-02-02T10:00:00Z', 'approved', '2026-02-03T10:00:00Z'), // Q1, 24 h: within the SLA
  registration('p-1', '2026-03-01T00:00:00Z', 'approved', '2026-03-04T00:00:00Z'), // Q1, 72 h: late
  registration('p-2', '2026-05-01T12:00:00Z', 'rejected', '2026-05-02T12:00:00Z'), // Q2, rejected
  registration('p-2', '2026-06-01T00:00:00Z', 'approved', '2026-06-01T12:00:00Z'), // Q2, 12 h: within
  registration('p-4', '2026-06-20T00:00:00Z', null, null), // still waiting
];

function offer(
  partnerId: string,
  offered: string,
  outcome: KpiOffer['outcome'],
  answered: string | null,
  resolvedOn: string | null,
): KpiOffer {
  const offeredAt = ms(offered);
  return {
    partnerId,
    offeredAt,
    dueAt: offeredAt + 24 * 3_600_000,
    outcome,
    answeredAt: answered === null ? null : ms(answered),
    resolvedOn: resolvedOn === null ? null : day(resolvedOn),
  };
}

export const OFFERS: KpiOffer[] = [
  offer('p-1', '2026-02-05T09:00:00Z', 'accepted', '2026-02-05T15:00:00Z', '2026-02-05'), // Q1, 6 h: within
  offer('p-2', '2026-02-10T09:00:00Z', 'accepted', '2026-02-12T09:00:00Z', '2026-02-12'), // Q1, 48 h: late
  offer('p-2', '2026-05-02T09:00:00Z', 'declined', '2026-05-03T09:00:00Z', '2026-05-03'), // Q2
  offer('p-4', '2026-06-09T09:00:00Z', 'expired', null, '2026-06-10'), // Q2
  offer('p-1', '2026-07-30T09:00:00Z', 'open', null, null), // still open
];

export const ACTIVITIES: KpiActivity[] = [
  { partnerId: 'p-1', kind: 'training', on: day('2026-02-10'), count: 2 },
  { partnerId: 'p-1', kind: 'webinar', on: day('2026-05-10'), count: 1 },
  { partnerId: 'p-2', kind: 'training', on: day('2026-03-03'), count: 1 },
  { partnerId: 'p-4', kind: 'portal-login', on: day('2026-07-15'), count: 5 },
];

export const INVESTMENTS: KpiInvestment[] = [
  { partnerId: 'p-1', kind: 'mdf', amount: 2_000_000, on: day('2026-03-15') },
  { partnerId: 'p-2', kind: 'incentive', amount: 1_000_000, on: day('2026-06-01') },
];

export const TIER_CHANGES: KpiTierChange[] = [
  { partnerId: 'p-1', fromTierId: 'silver', toTierId: 'gold', effectiveOn: day('2026-04-15') },
  { partnerId: 'p-2', fromTierId: 'gold', toTierId: 'silver', effectiveOn: day('2026-06-01') },
  { partnerId: 'p-4', fromTierId: 'registered', toTierId: 'silver', effectiveOn: day('2026-10-01') },
];
