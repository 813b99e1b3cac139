import fc from 'fast-check';
import { routeLeads } from '../route-leads.js';
import type { LeadDistribution } from '../state/lead-distribution.js';
import { emptyRoutingState } from '../state/routing-state.js';
import { NOW, partnersArbitrary } from '../test-support/arbitraries.js';
import { lead, PLAIN_ROUTING, programWith, step } from '../test-support/fixtures.js';
import { recycleExpiredOffers } from './recycle-expired-offers.js';

describe('recycling expired offers', () => {
  it('recycling terminates in the queue after the maximum attempts, never offering a lead twice to one partner', () => {
    const scenario = fc.record({
      maxAttempts: fc.integer({ min: 1, max: 5 }),
      partners: partnersArbitrary({ minLength: 1, maxLength: 7 }),
      leadCount: fc.integer({ min: 1, max: 5 }),
      fallbackToPartner: fc.boolean(),
    });
    fc.assert(
      fc.property(scenario, ({ maxAttempts, partners, leadCount, fallbackToPartner }) => {
        const program = programWith({
          ...PLAIN_ROUTING,
          steps: [step('partner_status', false, { allow: ['active', 'onboarding'] })],
          offers: { slaHours: 4, slaClock: 'calendar_hours', maxAttempts },
          fallback: fallbackToPartner
            ? { kind: 'partner', partnerId: 'p0' }
            : { kind: 'queue', queueId: 'channel-desk', name: 'Channel desk' },
        });
        const leads = Array.from({ length: leadCount }, (_, index) => lead(`l${index}`, { country: undefined }));
        const first = routeLeads({ program, partners, leads, state: emptyRoutingState(), now: NOW });
        let records = new Map(first.assignments.map((record) => [record.leadId, record]));
        let state = first.state;
        let now = NOW;

        for (let round = 0; round < maxAttempts; round++) {
          now = new Date(now.getTime() + 5 * 3_600_000);
          const recycled = recycleExpiredOffers({
            program,
            partners,
            leads,
            distributions: [...records.values()],
            state,
            now,
          });
          state = recycled.state;
          records = new Map([
            ...records,
            ...[...recycled.expired, ...recycled.assignments].map((r) => [r.leadId, r] as const),
          ]);
        }

        for (const record of records.values()) {
          expect(record.status).toBe('queued');
          expect(record.attempts).toBeLessThanOrEqual(maxAttempts);
          const offeredTo = offeredPartners(record);
          expect(new Set(offeredTo).size).toBe(offeredTo.length);
          if (record.status === 'queued' && record.attempts === maxAttempts) expect(record.reason).toBe('max_attempts');
        }
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});

function offeredPartners(record: LeadDistribution): string[] {
  return record.history.flatMap((event) =>
    event.kind === 'expired' || event.kind === 'declined' ? [event.partnerId] : [],
  );
}
