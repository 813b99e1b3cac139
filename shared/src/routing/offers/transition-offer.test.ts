import type { OfferedLead } from '../state/lead-distribution.js';
import { PLAIN_ROUTING } from '../test-support/fixtures.js';
import { transitionOffer } from './transition-offer.js';

const routing = { ...PLAIN_ROUTING, steps: [], offers: { ...PLAIN_ROUTING.offers, maxAttempts: 2 } };

const offered: OfferedLead = {
  status: 'offered',
  leadId: 'l1',
  accountId: 'acc-1',
  attempts: 1,
  partnerId: 'p1',
  via: 'strategy',
  manual: null,
  offeredAt: '2026-11-24T09:00:00.000Z',
  dueAt: '2026-11-25T09:00:00.000Z',
  history: [],
};
const before = new Date('2026-11-24T15:00:00Z');
const after = new Date('2026-11-25T09:00:00Z');

describe('the offer transition', () => {
  it('accepts before the deadline and asks the caller to confirm the assignment', () => {
    const result = transitionOffer(offered, { type: 'accept', partnerId: 'p1', at: before }, routing);

    expect(result).toMatchInlineSnapshot(`
{
  "data": {
    "effects": [
      {
        "kind": "confirm_assignment",
        "leadId": "l1",
        "offerId": "l1#1",
        "partnerId": "p1",
      },
    ],
    "next": {
      "acceptedAt": "2026-11-24T15:00:00.000Z",
      "accountId": "acc-1",
      "attempts": 1,
      "dueAt": "2026-11-25T09:00:00.000Z",
      "history": [],
      "leadId": "l1",
      "manual": null,
      "offeredAt": "2026-11-24T09:00:00.000Z",
      "partnerId": "p1",
      "status": "accepted",
      "via": "strategy",
    },
  },
  "success": true,
}
`);
  });

  it('sends a declined lead to be routed again, with the partner on record as excluded', () => {
    const result = transitionOffer(
      offered,
      { type: 'decline', partnerId: 'p1', at: before, reason: 'Outside our region' },
      routing,
    );

    expect(result.success && result.data.next).toMatchInlineSnapshot(`
{
  "accountId": "acc-1",
  "attempts": 1,
  "history": [
    {
      "at": "2026-11-24T15:00:00.000Z",
      "attempt": 1,
      "dueAt": "2026-11-25T09:00:00.000Z",
      "kind": "declined",
      "offeredAt": "2026-11-24T09:00:00.000Z",
      "partnerId": "p1",
      "reason": "Outside our region",
      "via": "strategy",
    },
  ],
  "leadId": "l1",
  "since": "2026-11-24T15:00:00.000Z",
  "status": "rerouting",
}
`);
    expect(result.success && result.data.effects).toEqual([]);
  });

  it('expires an offer at its deadline, withdrawing it and sending the lead to be routed again', () => {
    const result = transitionOffer(offered, { type: 'expire', at: after }, routing);

    expect(result.success && result.data.next.status).toBe('rerouting');
    expect(result.success && result.data.effects).toMatchInlineSnapshot(`
[
  {
    "kind": "withdraw_offer",
    "leadId": "l1",
    "offerId": "l1#1",
    "partnerId": "p1",
    "reason": "expired",
  },
]
`);
  });

  it('queues the lead for a person when the last allowed offer is declined or expires', () => {
    const last: OfferedLead = { ...offered, attempts: 2 };

    const declined = transitionOffer(last, { type: 'decline', partnerId: 'p1', at: before, reason: '' }, routing);
    const expired = transitionOffer(last, { type: 'expire', at: after }, routing);

    expect(declined.success && declined.data.next).toMatchObject({
      status: 'queued',
      reason: 'max_attempts',
      queueId: 'channel-desk',
    });
    expect(expired.success && expired.data.effects.map((effect) => effect.kind)).toEqual([
      'withdraw_offer',
      'notify_queue',
    ]);
  });

  it('refuses events that do not fit, each with its own code and sentence', () => {
    const accepted = transitionOffer(offered, { type: 'accept', partnerId: 'p1', at: before }, routing);
    if (!accepted.success) throw new Error('accepting must succeed');

    const refusals = [
      transitionOffer(offered, { type: 'accept', partnerId: 'p2', at: before }, routing),
      transitionOffer(offered, { type: 'accept', partnerId: 'p1', at: after }, routing),
      transitionOffer(offered, { type: 'expire', at: before }, routing),
      transitionOffer(
        accepted.data.next,
        { type: 'decline', partnerId: 'p1', at: before, reason: 'Changed our mind' },
        routing,
      ),
      transitionOffer(offered, { type: 'decline', partnerId: 'p1', at: before, reason: 'x'.repeat(501) }, routing),
    ];

    expect(refusals.map((result) => !result.success && result.issues)).toMatchInlineSnapshot(`
[
  [
    {
      "code": "not_offered_to_partner",
      "message": "Lead l1 is offered to p1, not to p2.",
      "path": [
        "partnerId",
      ],
    },
  ],
  [
    {
      "code": "offer_expired",
      "message": "The offer of lead l1 to p1 expired at 2026-11-25T09:00:00.000Z; it can no longer be accepted.",
      "path": [
        "at",
      ],
    },
  ],
  [
    {
      "code": "offer_not_due",
      "message": "The offer of lead l1 to p1 is due at 2026-11-25T09:00:00.000Z; it has not expired yet.",
      "path": [
        "at",
      ],
    },
  ],
  [
    {
      "code": "offer_not_open",
      "message": "Lead l1 has no open offer: it is already accepted by p1.",
      "path": [
        "leadId",
      ],
    },
  ],
  [
    {
      "code": "too_big",
      "message": "The reason for declining must have at most 500 characters.",
      "path": [
        "reason",
      ],
    },
  ],
]
`);
  });
});
