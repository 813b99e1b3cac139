import { extensionEligibility } from './extension-eligibility.js';
import {
  accepted,
  at,
  outline,
  programWithExtensions,
  protection,
  refused,
  registrationIn,
  sharedDemoProgram,
} from './test-support/fixtures.js';

// The sample protection runs from 2026-11-24 to 2027-02-21; the demo program allows 2 extensions of 30 days,
// requested at most 14 days before the end, so from 2027-02-07.
const request = { type: 'request_extension', reason: 'The customer moved its board meeting to March.' } as const;

describe('extensions', () => {
  describe('requesting one', () => {
    it('is accepted on the first day of the request window and tells the channel manager', () => {
      expect(outline(accepted(registrationIn('approved'), request, at('2027-02-07')))).toMatchInlineSnapshot(`
{
  "effects": [
    {
      "message": "An extension of the protection of Acme Corp (reg-1), which ends on 2027-02-21, is requested: The customer moved its board meeting to March.",
      "notice": "extension_requested",
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
    "extensionReason": "The customer moved its board meeting to March.",
    "extensionRequestedAt": "2027-02-07T15:00:00.000Z",
    "id": "reg-1",
    "opportunityId": null,
    "partnerId": "p-1",
    "protection": {
      "endsOn": "2027-02-21",
      "extensions": 0,
      "startsOn": "2026-11-24",
    },
    "status": "extension_requested",
    "submittedAt": "2026-11-02T14:00:00.000Z",
    "version": 3,
  },
}
`);
    });

    it('is accepted on the last protected day', () => {
      expect(accepted(registrationIn('approved'), request, new Date('2027-02-22T04:59:00Z')).next.status).toBe(
        'extension_requested',
      );
    });

    it('is refused the day before the window opens', () => {
      expect(refused(registrationIn('approved'), request, at('2027-02-06'))).toMatchInlineSnapshot(`
[
  {
    "code": "extension_too_early",
    "message": "An extension of Acme Corp (reg-1) can be requested from 2027-02-07, 14 days before its protection ends on 2027-02-21.",
    "path": [],
  },
]
`);
    });

    it('is refused once protection has ended', () => {
      expect(refused(registrationIn('approved'), request, new Date('2027-02-22T05:00:00Z'))).toMatchInlineSnapshot(`
[
  {
    "code": "protection_ended",
    "message": "The protection of Acme Corp (reg-1) ended on 2027-02-21; an extension can be requested only while it lasts.",
    "path": [],
  },
]
`);
    });

    it('is refused after the most extensions the program allows', () => {
      const extended = registrationIn('approved', {
        protection: { ...protection, endsOn: '2027-04-22', extensions: 2 },
      });
      expect(refused(extended, request, at('2027-04-20'))).toMatchInlineSnapshot(`
[
  {
    "code": "extension_limit_reached",
    "message": "The protection of Acme Corp (reg-1) cannot be extended: it has had all 2 extensions the program allows, so it ends on 2027-04-22.",
    "path": [],
  },
]
`);
      const none = programWithExtensions({ maxCount: 0, days: 30, requestWindowDays: 14 });
      expect(refused(registrationIn('approved'), request, at('2027-02-10'), none)[0]?.message).toMatchInlineSnapshot(
        `"The protection of Acme Corp (reg-1) cannot be extended: the program allows no extensions, so it ends on 2027-02-21."`,
      );
    });

    it('needs a reason', () => {
      expect(refused(registrationIn('approved'), { type: 'request_extension', reason: '' }, at('2027-02-10')))
        .toMatchInlineSnapshot(`
[
  {
    "code": "reason_required",
    "message": "reason must not be blank: an extension request says why.",
    "path": [
      "reason",
    ],
  },
]
`);
    });

    it('cannot be asked twice before a decision', () => {
      expect(refused(registrationIn('extension_requested'), request, at('2027-02-10'))[0]?.code).toBe(
        'transition_not_allowed',
      );
    });

    it('tells a UI when the window opens and how many extensions are left', () => {
      const policy = sharedDemoProgram().registration;
      expect(extensionEligibility(registrationIn('approved'), policy, '2027-02-10')).toEqual({
        success: true,
        data: { opensOn: '2027-02-07', closesOn: '2027-02-21', extensionsLeft: 2 },
      });
      const eligibility = extensionEligibility(registrationIn('approved'), policy, '2027-01-10');
      expect(eligibility.success ? [] : eligibility.issues.map((found) => found.code)).toEqual(['extension_too_early']);
      const waiting = extensionEligibility(registrationIn('under_review'), policy, '2027-02-10');
      expect(waiting.success ? [] : waiting.issues.map((found) => found.code)).toEqual(['transition_not_allowed']);
    });
  });

  describe('granting one', () => {
    it('adds the extension days to the end, shows the new window and tells partner and sales', () => {
      expect(
        outline(
          accepted(registrationIn('extension_requested'), { type: 'grant_extension', by: 'cm-1' }, at('2027-02-12')),
        ),
      ).toMatchInlineSnapshot(`
{
  "effects": [
    {
      "endsOn": "2027-03-23",
      "opportunityId": null,
      "partnerId": "p-1",
      "registrationId": "reg-1",
      "startsOn": "2026-11-24",
      "type": "set_protection",
    },
    {
      "message": "The protection of Acme Corp (reg-1) is extended by 30 days, to 2027-03-23 (extension 1 of 2).",
      "notice": "extension_granted",
      "partnerId": "p-1",
      "recipient": "partner",
      "registrationId": "reg-1",
      "type": "notify",
    },
    {
      "message": "The protection of the deal with Acme Corp (reg-1) by partner p-1 is extended to 2027-03-23.",
      "notice": "extension_granted",
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
      "endsOn": "2027-03-23",
      "extensions": 1,
      "startsOn": "2026-11-24",
    },
    "status": "approved",
    "submittedAt": "2026-11-02T14:00:00.000Z",
    "version": 3,
  },
}
`);
    });

    it('extends seamlessly when decided a few days after the end, while the extended protection still runs', () => {
      const { next } = accepted(
        registrationIn('extension_requested'),
        { type: 'grant_extension', by: 'cm-1' },
        at('2027-03-01'),
      );
      expect(next.status === 'approved' && next.protection).toEqual({
        ...protection,
        endsOn: '2027-03-23',
        extensions: 1,
      });
    });

    it('is refused when even the extended protection would have ended', () => {
      expect(refused(registrationIn('extension_requested'), { type: 'grant_extension', by: 'cm-1' }, at('2027-03-24')))
        .toMatchInlineSnapshot(`
[
  {
    "code": "protection_ended",
    "message": "The protection of Acme Corp (reg-1) ended on 2027-02-21, and even extended it would have ended on 2027-03-23; deny the extension or let the registration expire.",
    "path": [],
  },
]
`);
    });

    it('is refused when the program now allows fewer extensions than the registration had', () => {
      const one = programWithExtensions({ maxCount: 1, days: 30, requestWindowDays: 14 });
      const pending = registrationIn('extension_requested', { protection: { ...protection, extensions: 1 } });
      expect(
        refused(pending, { type: 'grant_extension', by: 'cm-1' }, at('2027-02-12'), one)[0]?.message,
      ).toMatchInlineSnapshot(
        `"The protection of Acme Corp (reg-1) cannot be extended: it has had the one extension the program allows, so it ends on 2027-02-21."`,
      );
    });
  });

  describe('denying one', () => {
    it('keeps the protection as it was and tells the partner why', () => {
      const { next, effects } = accepted(
        registrationIn('extension_requested'),
        { type: 'deny_extension', by: 'cm-1', reason: 'The opportunity has not moved in 60 days.' },
        at('2027-02-12'),
      );
      expect(next).toEqual(registrationIn('approved'));
      expect(effects).toMatchInlineSnapshot(`
[
  {
    "message": "The extension of the protection of Acme Corp (reg-1) is denied; it still ends on 2027-02-21. Reason: The opportunity has not moved in 60 days.",
    "notice": "extension_denied",
    "partnerId": "p-1",
    "recipient": "partner",
    "registrationId": "reg-1",
    "type": "notify",
  },
]
`);
    });

    it('needs a reason', () => {
      expect(
        refused(
          registrationIn('extension_requested'),
          { type: 'deny_extension', by: 'cm-1', reason: ' ' },
          at('2027-02-12'),
        ).map((found) => [found.code, found.path]),
      ).toEqual([['reason_required', ['reason']]]);
    });
  });
});
