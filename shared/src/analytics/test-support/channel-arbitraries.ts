import fc from 'fast-check';
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

/* Random small channels for the KPI laws: a few partners and rows around a window of 2026. */

const FIRST = toDayNumber('2025-11-01');
const SPAN = 500;
const HOUR = 3_600_000;
const partnerIds = ['p-1', 'p-2', 'p-3', 'p-4'];
const day = fc.integer({ min: FIRST, max: FIRST + SPAN });

export const PARTNERS: KpiPartner[] = [
  { id: 'p-1', name: 'Northwind', status: 'active', tierId: 'gold', programId: 'conduit-partner-network' },
  { id: 'p-2', name: 'Contoso', status: 'active', tierId: 'silver', programId: 'conduit-partner-network' },
  { id: 'p-3', name: 'Fabrikam', status: 'onboarding', tierId: null, programId: 'referral' },
  { id: 'p-4', name: 'Tailspin', status: 'offboarded', tierId: 'registered', programId: 'referral' },
];

const dealArbitrary: fc.Arbitrary<KpiDeal> = fc
  .record({
    partner: fc.option(fc.constantFrom(...partnerIds), { nil: null }),
    role: fc.constantFrom('sourced' as const, 'influenced' as const),
    stage: fc.constantFrom('open' as const, 'won' as const, 'lost' as const),
    amount: fc.integer({ min: 0, max: 100_000_000 }),
    created: day,
    length: fc.integer({ min: 0, max: 200 }),
    country: fc.constantFrom(null, 'US', 'DE'),
  })
  .map(({ partner, role, stage, amount, created, length, country }) => ({
    partnerId: partner,
    role: partner === null ? null : role,
    stage,
    amount,
    createdOn: created,
    closedOn: stage === 'open' ? null : created + length,
    country,
    subdivision: null,
  }));

const registrationArbitrary: fc.Arbitrary<KpiRegistration> = fc
  .record({
    partner: fc.constantFrom(...partnerIds),
    submitted: day,
    hours: fc.integer({ min: 0, max: 200 }),
    decision: fc.constantFrom(null, 'approved' as const, 'rejected' as const),
  })
  .map(({ partner, submitted, hours, decision }) => {
    const submittedAt = submitted * 86_400_000;
    const decidedAt = submittedAt + hours * HOUR;
    return {
      partnerId: partner,
      submittedAt,
      decision,
      decidedAt: decision === null ? null : decidedAt,
      decidedOn: decision === null ? null : Math.floor(decidedAt / 86_400_000),
    };
  });

const offerArbitrary: fc.Arbitrary<KpiOffer> = fc
  .record({
    partner: fc.constantFrom(...partnerIds),
    offered: day,
    hours: fc.integer({ min: 0, max: 72 }),
    outcome: fc.constantFrom('open' as const, 'accepted' as const, 'declined' as const, 'expired' as const),
  })
  .map(({ partner, offered, hours, outcome }) => {
    const offeredAt = offered * 86_400_000;
    const answeredAt = offeredAt + hours * HOUR;
    const dueAt = offeredAt + 24 * HOUR;
    return {
      partnerId: partner,
      offeredAt,
      dueAt,
      outcome,
      answeredAt: outcome === 'accepted' || outcome === 'declined' ? answeredAt : null,
      resolvedOn: outcome === 'open' ? null : Math.floor((outcome === 'expired' ? dueAt : answeredAt) / 86_400_000),
    };
  });

const activityArbitrary: fc.Arbitrary<KpiActivity> = fc.record({
  partnerId: fc.constantFrom(...partnerIds),
  kind: fc.constantFrom('training', 'webinar'),
  on: day,
  count: fc.integer({ min: 1, max: 5 }),
});

const investmentArbitrary: fc.Arbitrary<KpiInvestment> = fc.record({
  partnerId: fc.constantFrom(...partnerIds),
  kind: fc.constant('mdf'),
  amount: fc.integer({ min: 0, max: 5_000_000 }),
  on: day,
});

const tierChangeArbitrary: fc.Arbitrary<KpiTierChange> = fc.record({
  partnerId: fc.constantFrom(...partnerIds),
  fromTierId: fc.constantFrom(null, 'registered', 'silver', 'gold'),
  toTierId: fc.constantFrom(null, 'registered', 'silver', 'gold', 'platinum'),
  effectiveOn: day,
});

/** A random channel's rows. */
export const channelArbitrary = fc.record({
  deals: fc.array(dealArbitrary, { maxLength: 40 }),
  registrations: fc.array(registrationArbitrary, { maxLength: 15 }),
  offers: fc.array(offerArbitrary, { maxLength: 15 }),
  activities: fc.array(activityArbitrary, { maxLength: 10 }),
  investments: fc.array(investmentArbitrary, { maxLength: 5 }),
  tierChanges: fc.array(tierChangeArbitrary, { maxLength: 6 }),
});
