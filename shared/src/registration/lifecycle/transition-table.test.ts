import { RegistrationSchema, type RegistrationStatus } from '../registration.js';
import { REGISTRATION_EVENT_SOURCES, registrationEventTypes } from './allowed-events.js';
import type { RegistrationEvent, RegistrationEventType } from './registration-event.js';
import { at, clearCheck, details, refused, registrationIn, run, STATUSES } from './test-support/fixtures.js';

/** One valid event of each type, on a day where every date rule of the sample registrations holds. */
const EVENTS: { [T in RegistrationEventType]: Extract<RegistrationEvent, { type: T }> } = {
  update_details: { type: 'update_details', details },
  submit: { type: 'submit', conflict: clearCheck },
  recheck_conflict: { type: 'recheck_conflict', conflict: { ...clearCheck, checkedAt: '2026-11-20T10:00:00Z' } },
  start_review: { type: 'start_review', reviewerId: 'cm-1' },
  request_info: { type: 'request_info', by: 'cm-1', request: 'Which sites are in scope?' },
  approve: { type: 'approve', by: 'cm-1' },
  reject: { type: 'reject', by: 'cm-1', reason: 'Direct account.' },
  request_extension: { type: 'request_extension', reason: 'Board meeting moved.' },
  grant_extension: { type: 'grant_extension', by: 'cm-1' },
  deny_extension: { type: 'deny_extension', by: 'cm-1', reason: 'Two extensions already.' },
  mark_won: { type: 'mark_won', closedOn: '2027-02-12' },
  mark_lost: { type: 'mark_lost', closedOn: '2027-02-12' },
  expire: { type: 'expire' },
  withdraw: { type: 'withdraw' },
  link_opportunity: { type: 'link_opportunity', opportunityId: 'opp-9' },
};
const TYPES = Object.keys(EVENTS) as RegistrationEventType[];

/** 2027-02-12 is inside the sample protection's request window; expiry is tested on 2027-02-22. */
function dayFor(type: RegistrationEventType): Date {
  return type === 'expire' ? at('2027-02-22') : at('2027-02-12');
}

describe('the transition table', () => {
  const pairs = STATUSES.flatMap((status) => TYPES.map((type) => [status, type] as const));

  it.each(pairs)('from %s, %s is accepted exactly when the table allows it', (status, type) => {
    const allowed = (REGISTRATION_EVENT_SOURCES[type] as readonly RegistrationStatus[]).includes(status);
    const result = run(registrationIn(status), EVENTS[type], dayFor(type));
    if (allowed) {
      expect(result.success).toBe(true);
      if (result.success) expect(RegistrationSchema.parse(result.data.next)).toEqual(result.data.next);
    } else {
      expect(result.success ? [] : result.issues.map((found) => found.code)).toEqual(['transition_not_allowed']);
    }
  });

  it('explains a refused transition by the state it needs', () => {
    expect(refused(registrationIn('approved'), EVENTS.submit, at('2027-01-10'))).toMatchInlineSnapshot(`
[
  {
    "code": "transition_not_allowed",
    "message": "Registration Acme Corp (reg-1) cannot be submitted: it is approved, and only a registration that is a draft or waiting for more information can.",
    "path": [
      "type",
    ],
  },
]
`);
    expect(refused(registrationIn('draft'), EVENTS.expire, at('2027-01-10'))[0]?.message).toMatchInlineSnapshot(
      `"Registration Acme Corp (reg-1) cannot expire: it is a draft, and only a registration that is approved or waiting for an extension decision can."`,
    );
    expect(refused(registrationIn('won'), EVENTS.withdraw, at('2027-01-10'))[0]?.message).toMatchInlineSnapshot(
      `"Registration Acme Corp (reg-1) cannot be withdrawn: it is won, and only a registration that is a draft, submitted, under review, waiting for more information, approved or waiting for an extension decision can."`,
    );
  });

  it('lists the events a state allows, for a UI to offer', () => {
    expect(registrationEventTypes(registrationIn('approved'))).toEqual([
      'request_extension',
      'mark_won',
      'mark_lost',
      'expire',
      'withdraw',
      'link_opportunity',
    ]);
    expect(registrationEventTypes(registrationIn('expired'))).toEqual([]);
    expect(registrationEventTypes(registrationIn('rejected'))).toEqual([]);
    expect(registrationEventTypes(registrationIn('withdrawn'))).toEqual([]);
  });

  it('refuses an event of the wrong shape with the issues of its fields', () => {
    const draft = registrationIn('draft');
    expect(run(draft, { type: 'launch' } as unknown as RegistrationEvent, at('2026-11-24'))).toMatchInlineSnapshot(`
{
  "issues": [
    {
      "code": "invalid_value",
      "message": "type must be one of "update_details", "submit", "recheck_conflict", "start_review", "request_info", "approve", "reject", "request_extension", "grant_extension", "deny_extension", "mark_won", "mark_lost", "expire", "withdraw" or "link_opportunity", but it is "launch".",
      "path": [
        "type",
      ],
    },
  ],
  "success": false,
}
`);
    expect(run(draft, { type: 'withdraw', reason: 'x', by: 'me' } as unknown as RegistrationEvent, at('2026-11-24')))
      .toMatchInlineSnapshot(`
{
  "issues": [
    {
      "code": "unknown_field",
      "message": "by is not a field Conduit knows in this place; check its spelling or remove it.",
      "path": [
        "by",
      ],
    },
  ],
  "success": false,
}
`);
    expect(run(registrationIn('under_review'), { type: 'mark_won', closedOn: '2027-02-30' }, at('2026-11-24')))
      .toMatchInlineSnapshot(`
{
  "issues": [
    {
      "code": "invalid_date",
      "message": "closedOn must be a calendar date written YYYY-MM-DD.",
      "path": [
        "closedOn",
      ],
    },
  ],
  "success": false,
}
`);
  });

  it('treats a bad instant as a bug', () => {
    expect(() => run(registrationIn('draft'), EVENTS.withdraw, new Date('not a date'))).toThrow('valid instant');
  });
});
