import { accepted, at, clearCheck, details, outline, refused, registrationIn } from './test-support/fixtures.js';

describe('editing and submitting a registration', () => {
  it('edits the details of a draft, telling nobody', () => {
    const changed = { ...details, description: 'Forty branches and the head office.' };
    const { next, effects } = accepted(
      registrationIn('draft'),
      { type: 'update_details', details: changed },
      at('2026-11-02'),
    );
    expect(next).toEqual({ ...registrationIn('draft'), details: changed });
    expect(effects).toEqual([]);
  });

  it('edits the details while more information is requested, keeping the question', () => {
    const changed = { ...details, products: ['platform'] };
    const { next } = accepted(
      registrationIn('info_requested'),
      { type: 'update_details', details: changed },
      at('2026-11-05'),
    );
    expect(next).toEqual({ ...registrationIn('info_requested'), details: changed });
  });

  it('refuses to edit a registration under review', () => {
    expect(
      refused(registrationIn('under_review'), { type: 'update_details', details }, at('2026-11-05')).map((i) => i.code),
    ).toEqual(['transition_not_allowed']);
  });

  it('submits a draft with its conflict check, stamped with now, and tells the channel manager', () => {
    const conflict = { verdict: 'review' as const, checkedAt: '2026-11-02T14:59:00.000Z', matches: 2 };
    expect(outline(accepted(registrationIn('draft'), { type: 'submit', conflict }, at('2026-11-02'))))
      .toMatchInlineSnapshot(`
{
  "effects": [
    {
      "message": "The registration of Acme Corp (reg-1) was submitted for review; the conflict check found 2 matches to review.",
      "notice": "submitted",
      "partnerId": "p-1",
      "recipient": "channel_manager",
      "registrationId": "reg-1",
      "type": "notify",
    },
  ],
  "next": {
    "conflict": {
      "checkedAt": "2026-11-02T14:59:00.000Z",
      "matches": 2,
      "verdict": "review",
    },
    "createdAt": "2026-11-01T14:00:00.000Z",
    "id": "reg-1",
    "opportunityId": null,
    "partnerId": "p-1",
    "status": "submitted",
    "submittedAt": "2026-11-02T15:00:00.000Z",
    "version": 3,
  },
}
`);
  });

  it('resubmits after a request for information, keeping the first submission time and the new conflict check', () => {
    const conflict = { verdict: 'clear' as const, checkedAt: '2026-11-06T14:00:00.000Z', matches: 0 };
    const { next, effects } = accepted(
      registrationIn('info_requested'),
      { type: 'submit', conflict },
      at('2026-11-06'),
    );
    expect(next).toEqual({ ...registrationIn('submitted'), conflict });
    expect(
      effects.map((effect) => (effect.type === 'notify' ? [effect.recipient, effect.notice, effect.message] : effect)),
    ).toMatchInlineSnapshot(`
[
  [
    "channel_manager",
    "resubmitted",
    "The registration of Acme Corp (reg-1) was resubmitted with more information; the conflict check found no conflict.",
  ],
]
`);
  });

  it('records a newer conflict check while the registration waits or is reviewed', () => {
    const conflict = { verdict: 'conflict' as const, checkedAt: '2026-11-04T09:00:00-05:00', matches: 1 };
    for (const status of ['submitted', 'under_review'] as const) {
      const { next, effects } = accepted(
        registrationIn(status),
        { type: 'recheck_conflict', conflict },
        at('2026-11-04'),
      );
      expect(next).toEqual({ ...registrationIn(status), conflict });
      expect(effects).toEqual([]);
    }
  });

  it('refuses a conflict check older than the one recorded', () => {
    const conflict = { ...clearCheck, checkedAt: '2026-11-02T08:59:59-05:00' };
    expect(refused(registrationIn('under_review'), { type: 'recheck_conflict', conflict }, at('2026-11-04')))
      .toMatchInlineSnapshot(`
[
  {
    "code": "stale_conflict_check",
    "message": "The conflict check of 2026-11-02T08:59:59-05:00 is older than the one registration Acme Corp (reg-1) already holds (2026-11-02T14:00:00.000Z); run the check again.",
    "path": [
      "conflict",
      "checkedAt",
    ],
  },
]
`);
  });

  it('accepts a conflict check taken at the same instant as the recorded one', () => {
    const conflict = { ...clearCheck, checkedAt: '2026-11-02T09:00:00-05:00', matches: 1, verdict: 'review' as const };
    expect(
      accepted(registrationIn('submitted'), { type: 'recheck_conflict', conflict }, at('2026-11-04')).next,
    ).toEqual({
      ...registrationIn('submitted'),
      conflict,
    });
  });
});
