import { accepted, at, outline, refused, registrationIn } from './test-support/fixtures.js';

describe('reviewing a registration', () => {
  it('takes a submitted registration into review and tells the partner', () => {
    expect(
      outline(accepted(registrationIn('submitted'), { type: 'start_review', reviewerId: 'cm-2' }, at('2026-11-03'))),
    ).toMatchInlineSnapshot(`
{
  "effects": [
    {
      "message": "The registration of Acme Corp (reg-1) is under review.",
      "notice": "review_started",
      "partnerId": "p-1",
      "recipient": "partner",
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
    "id": "reg-1",
    "opportunityId": null,
    "partnerId": "p-1",
    "reviewStartedAt": "2026-11-03T15:00:00.000Z",
    "reviewerId": "cm-2",
    "status": "under_review",
    "submittedAt": "2026-11-02T14:00:00.000Z",
    "version": 3,
  },
}
`);
  });

  it('refuses to start a review twice', () => {
    expect(
      refused(registrationIn('under_review'), { type: 'start_review', reviewerId: 'cm-2' }, at('2026-11-03')).map(
        (found) => found.code,
      ),
    ).toEqual(['transition_not_allowed']);
  });

  it('sends a submitted registration back for more information without a review first', () => {
    const { next } = accepted(
      registrationIn('submitted'),
      { type: 'request_info', by: 'cm-1', request: 'How many seats?' },
      at('2026-11-04'),
    );
    expect(next.status).toBe('info_requested');
  });

  it('sends a registration back for more information, trimmed, and tells the partner what is needed', () => {
    const { next, effects } = accepted(
      registrationIn('under_review'),
      { type: 'request_info', by: 'cm-1', request: '  How many seats?  ' },
      at('2026-11-04'),
    );
    expect(next).toEqual({
      ...registrationIn('submitted'),
      status: 'info_requested',
      requestedBy: 'cm-1',
      requestedAt: '2026-11-04T15:00:00.000Z',
      request: 'How many seats?',
    });
    expect(effects).toMatchInlineSnapshot(`
[
  {
    "message": "More information is needed on the registration of Acme Corp (reg-1): How many seats?",
    "notice": "info_requested",
    "partnerId": "p-1",
    "recipient": "partner",
    "registrationId": "reg-1",
    "type": "notify",
  },
]
`);
  });

  it('refuses a request for information that asks nothing', () => {
    expect(
      refused(registrationIn('under_review'), { type: 'request_info', by: 'cm-1', request: ' \n ' }, at('2026-11-04')),
    ).toMatchInlineSnapshot(`
[
  {
    "code": "request_required",
    "message": "request must not be blank: say what information is needed.",
    "path": [
      "request",
    ],
  },
]
`);
  });

  describe('approval', () => {
    it('protects the deal for 90 days from the program day, creates the opportunity and tells partner and sales', () => {
      expect(outline(accepted(registrationIn('under_review'), { type: 'approve', by: 'cm-1' }, at('2026-11-24'))))
        .toMatchInlineSnapshot(`
{
  "effects": [
    {
      "amount": {
        "amount": 2500000,
        "currency": "USD",
      },
      "customer": {
        "country": "US",
        "domain": "acme.com",
        "name": "Acme Corp",
        "postalCode": "94105",
        "subdivision": "US-CA",
      },
      "expectedCloseDate": "2027-03-31",
      "partnerId": "p-1",
      "products": [
        "platform",
        "secure-edge",
      ],
      "registrationId": "reg-1",
      "type": "create_opportunity",
    },
    {
      "endsOn": "2027-02-21",
      "opportunityId": null,
      "partnerId": "p-1",
      "registrationId": "reg-1",
      "startsOn": "2026-11-24",
      "type": "set_protection",
    },
    {
      "message": "The registration of Acme Corp (reg-1) is approved: the deal is protected from 2026-11-24 to 2027-02-21.",
      "notice": "approved",
      "partnerId": "p-1",
      "recipient": "partner",
      "registrationId": "reg-1",
      "type": "notify",
    },
    {
      "message": "The deal with Acme Corp (reg-1) is registered by partner p-1 and protected from 2026-11-24 to 2027-02-21.",
      "notice": "approved",
      "partnerId": "p-1",
      "recipient": "sales_owner",
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
    "id": "reg-1",
    "opportunityId": null,
    "partnerId": "p-1",
    "protection": {
      "endsOn": "2027-02-21",
      "extensions": 0,
      "startsOn": "2026-11-24",
    },
    "status": "approved",
    "submittedAt": "2026-11-02T14:00:00.000Z",
    "version": 3,
  },
}
`);
    });

    it('starts protection on the day in the program time zone, not in UTC', () => {
      // 03:30 UTC on 25 November is still 24 November in New York.
      const { next } = accepted(
        registrationIn('under_review'),
        { type: 'approve', by: 'cm-1' },
        new Date('2026-11-25T03:30:00Z'),
      );
      expect(next.status === 'approved' && next.protection).toEqual({
        startsOn: '2026-11-24',
        endsOn: '2027-02-21',
        extensions: 0,
      });
    });

    it('links the opportunity the registration already names instead of creating one', () => {
      const { effects } = accepted(
        registrationIn('under_review', { opportunityId: '006A' }),
        { type: 'approve', by: 'cm-1' },
        at('2026-11-24'),
      );
      expect(effects.slice(0, 2)).toEqual([
        { type: 'link_opportunity', registrationId: 'reg-1', partnerId: 'p-1', opportunityId: '006A' },
        {
          type: 'set_protection',
          registrationId: 'reg-1',
          partnerId: 'p-1',
          opportunityId: '006A',
          startsOn: '2026-11-24',
          endsOn: '2027-02-21',
        },
      ]);
    });

    it('refuses to approve while the last conflict check says conflict', () => {
      const conflict = { verdict: 'conflict' as const, checkedAt: '2026-11-20T10:00:00.000Z', matches: 1 };
      expect(refused(registrationIn('under_review', { conflict }), { type: 'approve', by: 'cm-1' }, at('2026-11-24')))
        .toMatchInlineSnapshot(`
[
  {
    "code": "conflict_unresolved",
    "message": "Registration Acme Corp (reg-1) cannot be approved: the conflict check of 2026-11-20T10:00:00.000Z found a conflict (1 match). Reject it, check it again once the conflict is resolved, or approve it with an override that says why.",
    "path": [],
  },
]
`);
    });

    it('approves a registration whose conflict check only asks for review', () => {
      const conflict = { verdict: 'review' as const, checkedAt: '2026-11-20T10:00:00.000Z', matches: 3 };
      const { next } = accepted(
        registrationIn('under_review', { conflict }),
        { type: 'approve', by: 'cm-1' },
        at('2026-11-24'),
      );
      expect(next.status).toBe('approved');
    });

    it('approves a submitted registration straight away, without a review first', () => {
      const { next } = accepted(registrationIn('submitted'), { type: 'approve', by: 'cm-1' }, at('2026-11-24'));
      expect(next).toEqual({
        ...registrationIn('approved'),
        decidedAt: '2026-11-24T15:00:00.000Z',
      });
    });

    it('approves over a conflict with an override, and tells the sales owner why', () => {
      const conflict = { verdict: 'conflict' as const, checkedAt: '2026-11-20T10:00:00.000Z', matches: 1 };
      const { next, effects } = accepted(
        registrationIn('under_review', { conflict }),
        { type: 'approve', by: 'cm-1', overrideConflict: { reason: 'The other partner withdrew by phone.' } },
        at('2026-11-24'),
      );
      expect(next).toMatchObject({ status: 'approved', conflict });
      expect(effects.find((effect) => effect.type === 'notify' && effect.recipient === 'sales_owner'))
        .toMatchInlineSnapshot(`
{
  "message": "The deal with Acme Corp (reg-1) is registered by partner p-1 and protected from 2026-11-24 to 2027-02-21. It was approved over a conflict: The other partner withdrew by phone.",
  "notice": "approved",
  "partnerId": "p-1",
  "recipient": "sales_owner",
  "registrationId": "reg-1",
  "type": "notify",
}
`);
    });

    it('refuses an override without a reason', () => {
      const conflict = { verdict: 'conflict' as const, checkedAt: '2026-11-20T10:00:00.000Z', matches: 1 };
      expect(
        refused(
          registrationIn('under_review', { conflict }),
          { type: 'approve', by: 'cm-1', overrideConflict: { reason: ' ' } },
          at('2026-11-24'),
        ).map((found) => [found.path, found.code]),
      ).toEqual([[['overrideConflict', 'reason'], 'reason_required']]);
    });

    it('ignores an override when there is no conflict to override', () => {
      const plain = accepted(registrationIn('under_review'), { type: 'approve', by: 'cm-1' }, at('2026-11-24'));
      const overridden = accepted(
        registrationIn('under_review'),
        { type: 'approve', by: 'cm-1', overrideConflict: { reason: 'Just in case.' } },
        at('2026-11-24'),
      );
      expect(overridden).toEqual(plain);
    });
  });

  describe('rejection', () => {
    it('rejects a registration under review with its reason and tells the partner', () => {
      expect(
        outline(
          accepted(
            registrationIn('under_review'),
            { type: 'reject', by: 'cm-1', reason: 'Direct account.' },
            at('2026-11-05'),
          ),
        ),
      ).toMatchInlineSnapshot(`
{
  "effects": [
    {
      "message": "The registration of Acme Corp (reg-1) is rejected. Reason: Direct account.",
      "notice": "rejected",
      "partnerId": "p-1",
      "recipient": "partner",
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
    "decidedAt": "2026-11-05T15:00:00.000Z",
    "decidedBy": "cm-1",
    "id": "reg-1",
    "opportunityId": null,
    "partnerId": "p-1",
    "reason": "Direct account.",
    "status": "rejected",
    "submittedAt": "2026-11-02T14:00:00.000Z",
    "version": 3,
  },
}
`);
    });

    it('rejects a registration whose partner never answered the request for information', () => {
      const { next } = accepted(
        registrationIn('info_requested'),
        { type: 'reject', by: 'cm-1', reason: 'No answer in 30 days.' },
        at('2026-12-05'),
      );
      expect(next).toEqual({
        ...registrationIn('submitted'),
        status: 'rejected',
        decidedBy: 'cm-1',
        decidedAt: '2026-12-05T15:00:00.000Z',
        reason: 'No answer in 30 days.',
      });
    });

    it('refuses a rejection without a reason', () => {
      expect(refused(registrationIn('under_review'), { type: 'reject', by: 'cm-1', reason: '   ' }, at('2026-11-05')))
        .toMatchInlineSnapshot(`
[
  {
    "code": "reason_required",
    "message": "reason must not be blank: a rejection says why.",
    "path": [
      "reason",
    ],
  },
]
`);
    });

    it('refuses a reason longer than a record can hold', () => {
      expect(
        refused(
          registrationIn('under_review'),
          { type: 'reject', by: 'cm-1', reason: 'x'.repeat(2001) },
          at('2026-11-05'),
        ).map((found) => found.code),
      ).toEqual(['too_big']);
    });
  });
});
