import { toDayNumber, type LeadDistribution } from '@conduit/core';
import { DISTRIBUTIONS } from './test-support/analytics-channel.js';
import { ProgramDays } from './day-range.js';
import { distributionOutcomes } from './offer-rows.js';

const days = ProgramDays.in('America/New_York');
const dayOf = (ms: number) => days.ofTime(ms);
const at = (instant: string) => Date.parse(instant);

describe('distributionOutcomes', () => {
  it('ends an accepted offer when the partner accepted it', () => {
    expect(distributionOutcomes(DISTRIBUTIONS[0]!, dayOf)).toEqual({
      offers: [
        {
          partnerId: 'p-alpha',
          offeredAt: at('2026-03-05T10:00:00Z'),
          dueAt: at('2026-03-06T10:00:00Z'),
          outcome: 'accepted',
          answeredAt: at('2026-03-05T16:00:00Z'),
          resolvedOn: toDayNumber('2026-03-05'),
        },
      ],
      acceptances: [{ partnerId: 'p-alpha', acceptedAt: at('2026-03-05T16:00:00Z') }],
    });
  });

  it('ends a declined offer when declined, and leaves the open one out', () => {
    const { offers, acceptances } = distributionOutcomes(DISTRIBUTIONS[1]!, dayOf);
    expect(offers).toEqual([
      expect.objectContaining({ partnerId: 'p-beta', outcome: 'declined', answeredAt: at('2026-05-10T12:00:00Z') }),
    ]);
    expect(acceptances).toEqual([]);
  });

  it('ends an expired offer when its SLA passed, unanswered', () => {
    const { offers } = distributionOutcomes(DISTRIBUTIONS[2]!, dayOf);
    expect(offers.map((offer) => [offer.partnerId, offer.outcome, offer.answeredAt, offer.resolvedOn])).toEqual([
      ['p-gamma', 'expired', null, toDayNumber('2026-08-02')],
      ['p-beta', 'accepted', at('2026-08-04T12:00:00Z'), toDayNumber('2026-08-04')],
    ]);
  });

  it('counts an offer withdrawn after acceptance as accepted, and one withdrawn unanswered not at all', () => {
    const offer = { attempt: 1, via: 'strategy' as const, manual: { by: 'dana', reason: 'Reassigned' } };
    const distribution: LeadDistribution = {
      leadId: 'lead-9',
      accountId: null,
      attempts: 2,
      history: [
        {
          kind: 'withdrawn',
          ...offer,
          partnerId: 'p-alpha',
          offeredAt: '2026-04-01T10:00:00.000Z',
          dueAt: '2026-04-02T10:00:00.000Z',
          acceptedAt: '2026-04-01T11:00:00.000Z',
          at: '2026-04-10T09:00:00.000Z',
        },
        {
          kind: 'withdrawn',
          ...offer,
          partnerId: 'p-beta',
          offeredAt: '2026-04-10T10:00:00.000Z',
          dueAt: '2026-04-11T10:00:00.000Z',
          acceptedAt: null,
          at: '2026-04-10T12:00:00.000Z',
        },
      ],
      status: 'rerouting',
      since: '2026-04-10T12:00:00.000Z',
    };
    const { offers, acceptances } = distributionOutcomes(distribution, dayOf);
    expect(offers.map((found) => [found.partnerId, found.outcome])).toEqual([['p-alpha', 'accepted']]);
    expect(acceptances).toEqual([{ partnerId: 'p-alpha', acceptedAt: at('2026-04-01T11:00:00Z') }]);
  });
});
