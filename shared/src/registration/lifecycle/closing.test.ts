import { accepted, at, outline, protection, refused, registrationIn } from './test-support/fixtures.js';

// The sample protection runs from 2026-11-24 to 2027-02-21.
describe('closing a protected registration', () => {
  describe('won', () => {
    it('records the closing day, releases protection and tells the partner and the channel manager', () => {
      expect(
        outline(accepted(registrationIn('approved'), { type: 'mark_won', closedOn: '2027-01-15' }, at('2027-01-16'))),
      ).toMatchInlineSnapshot(`
{
  "effects": [
    {
      "opportunityId": null,
      "partnerId": "p-1",
      "reason": "won",
      "registrationId": "reg-1",
      "type": "release_protection",
    },
    {
      "message": "The deal with Acme Corp (reg-1) was won on 2027-01-15.",
      "notice": "won",
      "partnerId": "p-1",
      "recipient": "partner",
      "registrationId": "reg-1",
      "type": "notify",
    },
    {
      "message": "The deal with Acme Corp (reg-1) was won on 2027-01-15.",
      "notice": "won",
      "partnerId": "p-1",
      "recipient": "channel_manager",
      "registrationId": "reg-1",
      "type": "notify",
    },
  ],
  "next": {
    "closedOn": "2027-01-15",
    "conflict": {
      "checkedAt": "2026-11-02T14:00:00.000Z",
      "matches": 0,
      "verdict": "clear",
    },
    "createdAt": "2026-11-01T14:00:00.000Z",
    "decidedAt": "2026-11-24T15:00:00.000Z",
    "decidedBy": "cm-1",
    "id": "reg-1",
    "opportunityId": null,
    "partnerId": "p-1",
    "protection": {
      "endsOn": "2027-02-21",
      "extensions": 0,
      "startsOn": "2026-11-24",
    },
    "status": "won",
    "submittedAt": "2026-11-02T14:00:00.000Z",
    "version": 3,
  },
}
`);
    });

    it('accepts a deal closed on the first and on the last protected day', () => {
      for (const closedOn of ['2026-11-24', '2027-02-21']) {
        expect(
          accepted(registrationIn('approved'), { type: 'mark_won', closedOn }, at('2027-02-22')).next,
        ).toMatchObject({
          status: 'won',
          closedOn,
        });
      }
    });

    it('closes a registration waiting for an extension decision', () => {
      const { next } = accepted(
        registrationIn('extension_requested'),
        { type: 'mark_won', closedOn: '2027-02-12' },
        at('2027-02-12'),
      );
      expect(next).toEqual({ ...registrationIn('approved'), status: 'won', closedOn: '2027-02-12' });
    });

    it('refuses a closing day after today, before protection or after it', () => {
      const approved = registrationIn('approved');
      expect(refused(approved, { type: 'mark_won', closedOn: '2027-01-17' }, at('2027-01-16'))).toMatchInlineSnapshot(`
[
  {
    "code": "closed_in_future",
    "message": "The deal of Acme Corp (reg-1) cannot have closed on 2027-01-17: that is after today, 2027-01-16.",
    "path": [
      "closedOn",
    ],
  },
]
`);
      expect(
        refused(approved, { type: 'mark_won', closedOn: '2026-11-23' }, at('2027-01-16'))[0]?.message,
      ).toMatchInlineSnapshot(
        `"The deal of Acme Corp (reg-1) closed on 2026-11-23, before its protection started on 2026-11-24; a registration is won or lost only with a deal closed while it is protected."`,
      );
      expect(
        refused(approved, { type: 'mark_won', closedOn: '2027-02-22' }, at('2027-02-23'))[0]?.message,
      ).toMatchInlineSnapshot(
        `"The deal of Acme Corp (reg-1) closed on 2027-02-22, after its protection ended on 2027-02-21; let the registration expire instead."`,
      );
    });
  });

  describe('lost', () => {
    it('records the closing day and the reason, releases protection and tells partner and channel manager', () => {
      const { next, effects } = accepted(
        registrationIn('approved'),
        { type: 'mark_lost', closedOn: '2027-01-15', reason: ' Went with a competitor. ' },
        at('2027-01-16'),
      );
      expect(next).toEqual({
        ...registrationIn('approved'),
        status: 'lost',
        closedOn: '2027-01-15',
        reason: 'Went with a competitor.',
      });
      expect(effects).toMatchInlineSnapshot(`
[
  {
    "opportunityId": null,
    "partnerId": "p-1",
    "reason": "lost",
    "registrationId": "reg-1",
    "type": "release_protection",
  },
  {
    "message": "The deal with Acme Corp (reg-1) was lost on 2027-01-15. Reason: Went with a competitor.",
    "notice": "lost",
    "partnerId": "p-1",
    "recipient": "partner",
    "registrationId": "reg-1",
    "type": "notify",
  },
  {
    "message": "The deal with Acme Corp (reg-1) was lost on 2027-01-15. Reason: Went with a competitor.",
    "notice": "lost",
    "partnerId": "p-1",
    "recipient": "channel_manager",
    "registrationId": "reg-1",
    "type": "notify",
  },
]
`);
    });

    it('leaves the reason out when none or a blank one is given', () => {
      for (const reason of [undefined, '  ']) {
        const event = {
          type: 'mark_lost' as const,
          closedOn: '2027-01-15',
          ...(reason === undefined ? {} : { reason }),
        };
        const { next } = accepted(registrationIn('approved'), event, at('2027-01-16'));
        expect(next).toEqual({ ...registrationIn('approved'), status: 'lost', closedOn: '2027-01-15' });
      }
    });

    it('refuses a closing day outside protection', () => {
      expect(
        refused(registrationIn('approved'), { type: 'mark_lost', closedOn: '2027-03-01' }, at('2027-03-02')).map(
          (i) => i.code,
        ),
      ).toEqual(['closed_after_protection']);
    });
  });

  describe('expiry', () => {
    it('is refused on the last protected day', () => {
      expect(refused(registrationIn('approved'), { type: 'expire' }, new Date('2027-02-22T04:59:59Z')))
        .toMatchInlineSnapshot(`
[
  {
    "code": "protection_not_ended",
    "message": "Registration Acme Corp (reg-1) is protected until 2027-02-21; it can expire from 2027-02-22.",
    "path": [],
  },
]
`);
    });

    it('expires from the day after the end, releases protection and tells partner, sales and channel manager', () => {
      expect(outline(accepted(registrationIn('approved'), { type: 'expire' }, new Date('2027-02-22T05:00:00Z'))))
        .toMatchInlineSnapshot(`
{
  "effects": [
    {
      "opportunityId": null,
      "partnerId": "p-1",
      "reason": "expired",
      "registrationId": "reg-1",
      "type": "release_protection",
    },
    {
      "message": "The protection of Acme Corp (reg-1) ended on 2027-02-21; the registration has expired.",
      "notice": "expired",
      "partnerId": "p-1",
      "recipient": "partner",
      "registrationId": "reg-1",
      "type": "notify",
    },
    {
      "message": "The protection of Acme Corp (reg-1) ended on 2027-02-21; the registration has expired.",
      "notice": "expired",
      "partnerId": "p-1",
      "recipient": "sales_owner",
      "registrationId": "reg-1",
      "type": "notify",
    },
    {
      "message": "The protection of Acme Corp (reg-1) ended on 2027-02-21; the registration has expired.",
      "notice": "expired",
      "partnerId": "p-1",
      "recipient": "channel_manager",
      "registrationId": "reg-1",
      "type": "notify",
    },
  ],
  "next": {
    "conflict": {
      "checkedAt": "2026-11-02T14:00:00.000Z",
      "matches": 0,
      "verdict": "clear",
    },
    "createdAt": "2026-11-01T14:00:00.000Z",
    "decidedAt": "2026-11-24T15:00:00.000Z",
    "decidedBy": "cm-1",
    "expiredOn": "2027-02-22",
    "id": "reg-1",
    "opportunityId": null,
    "partnerId": "p-1",
    "protection": {
      "endsOn": "2027-02-21",
      "extensions": 0,
      "startsOn": "2026-11-24",
    },
    "status": "expired",
    "submittedAt": "2026-11-02T14:00:00.000Z",
    "version": 3,
  },
}
`);
    });

    it('dates the expiry the day after the end even when the scheduler runs late', () => {
      const { next } = accepted(registrationIn('approved'), { type: 'expire' }, at('2027-03-15'));
      expect(next).toEqual({ ...registrationIn('approved'), status: 'expired', expiredOn: '2027-02-22' });
    });

    it('lets a pending extension request lapse with the registration', () => {
      const { next, effects } = accepted(registrationIn('extension_requested'), { type: 'expire' }, at('2027-02-22'));
      expect(next).toEqual({ ...registrationIn('approved'), status: 'expired', expiredOn: '2027-02-22' });
      expect(effects.find((effect) => effect.type === 'notify')).toMatchInlineSnapshot(`
{
  "message": "The protection of Acme Corp (reg-1) ended on 2027-02-21; the registration has expired. The pending extension request lapses with it.",
  "notice": "expired",
  "partnerId": "p-1",
  "recipient": "partner",
  "registrationId": "reg-1",
  "type": "notify",
}
`);
    });

    it('follows an extended end', () => {
      const extended = registrationIn('approved', {
        protection: { ...protection, endsOn: '2027-03-23', extensions: 1 },
      });
      expect(refused(extended, { type: 'expire' }, at('2027-03-23'))[0]?.code).toBe('protection_not_ended');
      expect(accepted(extended, { type: 'expire' }, at('2027-03-24')).next).toMatchObject({ expiredOn: '2027-03-24' });
    });
  });
});
