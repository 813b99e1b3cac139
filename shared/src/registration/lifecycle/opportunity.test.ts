import { accepted, at, refused, registrationIn } from './test-support/fixtures.js';

describe('linking the opportunity', () => {
  it('records the opportunity a manager picked during review, without effects until approval', () => {
    const { next, effects } = accepted(
      registrationIn('under_review'),
      { type: 'link_opportunity', opportunityId: '006B' },
      at('2026-11-05'),
    );
    expect(next).toEqual({ ...registrationIn('under_review'), opportunityId: '006B' });
    expect(effects).toEqual([]);
  });

  it('links the opportunity created after approval and shows the protection on it', () => {
    const { next, effects } = accepted(
      registrationIn('approved'),
      { type: 'link_opportunity', opportunityId: '006C' },
      at('2026-11-24'),
    );
    expect(next).toEqual({ ...registrationIn('approved'), opportunityId: '006C' });
    expect(effects).toMatchInlineSnapshot(`
[
  {
    "opportunityId": "006C",
    "partnerId": "p-1",
    "registrationId": "reg-1",
    "type": "link_opportunity",
  },
  {
    "endsOn": "2027-02-21",
    "opportunityId": "006C",
    "partnerId": "p-1",
    "registrationId": "reg-1",
    "startsOn": "2026-11-24",
    "type": "set_protection",
  },
]
`);
  });

  it('changes nothing when the same opportunity is linked again', () => {
    const linked = registrationIn('approved', { opportunityId: '006C' });
    expect(accepted(linked, { type: 'link_opportunity', opportunityId: '006C' }, at('2026-11-25'))).toEqual({
      next: linked,
      effects: [],
    });
  });

  it('refuses another opportunity', () => {
    const linked = registrationIn('submitted', { opportunityId: '006C' });
    expect(refused(linked, { type: 'link_opportunity', opportunityId: '006D' }, at('2026-11-25')))
      .toMatchInlineSnapshot(`
[
  {
    "code": "opportunity_already_linked",
    "message": "Registration Acme Corp (reg-1) is already linked to opportunity 006C; it cannot be linked to 006D as well.",
    "path": [
      "opportunityId",
    ],
  },
]
`);
  });

  it('refuses a closed or draft registration', () => {
    for (const status of ['draft', 'won', 'rejected'] as const) {
      expect(
        refused(registrationIn(status), { type: 'link_opportunity', opportunityId: '006D' }, at('2027-03-01'))[0]?.code,
      ).toBe('transition_not_allowed');
    }
  });
});
