import type { Registration } from '../registration.js';
import { accepted, at, outline, refused, registrationIn } from './test-support/fixtures.js';

describe('withdrawing a registration', () => {
  it('drops a draft quietly', () => {
    const { next, effects } = accepted(registrationIn('draft'), { type: 'withdraw' }, at('2026-11-02'));
    expect(next).toEqual({
      id: 'reg-1',
      partnerId: 'p-1',
      details: registrationIn('draft').details,
      opportunityId: null,
      createdAt: '2026-11-01T14:00:00.000Z',
      version: 3,
      status: 'withdrawn',
      withdrawnAt: '2026-11-02T15:00:00.000Z',
      withdrawnFrom: 'draft',
    });
    expect(effects).toEqual([]);
  });

  it('withdraws a registration waiting for a decision, with its reason, and tells the channel manager', () => {
    for (const status of ['submitted', 'under_review', 'info_requested'] as const) {
      const { next, effects } = accepted(
        registrationIn(status),
        { type: 'withdraw', reason: 'Customer paused the project.' },
        at('2026-11-05'),
      );
      expect(next).toMatchObject({
        status: 'withdrawn',
        withdrawnFrom: status,
        reason: 'Customer paused the project.',
      });
      expect(effects.map((effect) => effect.type === 'notify' && effect.recipient)).toEqual(['channel_manager']);
    }
  });

  it('releases the protection of an approved registration and tells the channel manager and sales', () => {
    expect(outline(accepted(registrationIn('approved'), { type: 'withdraw' }, at('2027-01-05'))))
      .toMatchInlineSnapshot(`
{
  "effects": [
    {
      "opportunityId": null,
      "partnerId": "p-1",
      "reason": "withdrawn",
      "registrationId": "reg-1",
      "type": "release_protection",
    },
    {
      "message": "The registration of Acme Corp (reg-1) was withdrawn by the partner.",
      "notice": "withdrawn",
      "partnerId": "p-1",
      "recipient": "channel_manager",
      "registrationId": "reg-1",
      "type": "notify",
    },
    {
      "message": "The registration of Acme Corp (reg-1) was withdrawn by the partner.",
      "notice": "withdrawn",
      "partnerId": "p-1",
      "recipient": "sales_owner",
      "registrationId": "reg-1",
      "type": "notify",
    },
  ],
  "next": {
    "createdAt": "2026-11-01T14:00:00.000Z",
    "id": "reg-1",
    "opportunityId": null,
    "partnerId": "p-1",
    "status": "withdrawn",
    "version": 3,
    "withdrawnAt": "2027-01-05T15:00:00.000Z",
    "withdrawnFrom": "approved",
  },
}
`);
  });

  it('releases the protection of a registration waiting for an extension decision', () => {
    const { effects } = accepted(registrationIn('extension_requested'), { type: 'withdraw' }, at('2027-02-12'));
    expect(effects[0]).toEqual({
      type: 'release_protection',
      registrationId: 'reg-1',
      partnerId: 'p-1',
      opportunityId: null,
      reason: 'withdrawn',
    });
  });

  it('keeps only the fields every state has, so the record parses as withdrawn', () => {
    const { next } = accepted(
      registrationIn('extension_requested'),
      { type: 'withdraw', reason: '' },
      at('2027-02-12'),
    );
    expect(Object.keys(next).sort()).toEqual(
      [
        'createdAt',
        'details',
        'id',
        'opportunityId',
        'partnerId',
        'status',
        'version',
        'withdrawnAt',
        'withdrawnFrom',
      ].sort(),
    );
  });

  it.each(['rejected', 'won', 'lost', 'expired', 'withdrawn'] as const)(
    'refuses to withdraw a %s registration',
    (status) => {
      const registration: Registration = registrationIn(status);
      expect(refused(registration, { type: 'withdraw' }, at('2027-03-01')).map((found) => found.code)).toEqual([
        'transition_not_allowed',
      ]);
    },
  );
});
