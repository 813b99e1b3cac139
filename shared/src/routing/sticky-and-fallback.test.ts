import type { Partner } from '../entities/partner.js';
import type { RoutingPolicy } from '../program/schema/routing-policy.js';
import { applyOfferEvent } from './offers/apply-offer-event.js';
import { routeLead, routeLeads } from './route-leads.js';
import type { LeadDistribution } from './state/lead-distribution.js';
import { emptyRoutingState, type RoutingState } from './state/routing-state.js';
import { lead, NOW, partner, PLAIN_ROUTING, programWith, step } from './test-support/fixtures.js';

const partners: Partner[] = [
  partner('alpha'),
  partner('bravo'),
  partner('paris', { coverage: { countries: ['FR'], subdivisions: [], postalPrefixes: [] } }),
];

function program(overrides: Partial<RoutingPolicy> = {}) {
  return programWith({
    ...PLAIN_ROUTING,
    steps: [step('territory', true, { match: 'country' }), step('certification', false, {})],
    sticky: { enabled: true, lookbackDays: 30 },
    ...overrides,
  });
}

function stickyTo(partnerId: string, on: string): RoutingState {
  return { ...emptyRoutingState(), sticky: { 'acc-1': { partnerId, on } } };
}

describe('sticky assignment', () => {
  it('keeps entries within the lookback in the new state and drops older ones, which could never apply again', () => {
    const state: RoutingState = {
      ...emptyRoutingState(),
      sticky: {
        'acc-recent': { partnerId: 'bravo', on: '2026-11-10' },
        'acc-old': { partnerId: 'bravo', on: '2026-09-01' },
      },
    };

    const result = routeLeads({
      program: program(),
      partners,
      leads: [lead('l1', { accountId: 'acc-new' })],
      state,
      now: NOW,
      traces: false,
    });

    expect(result.state.sticky).toEqual({
      'acc-recent': { partnerId: 'bravo', on: '2026-11-10' },
      'acc-new': { partnerId: 'alpha', on: '2026-11-24' },
    });
  });

  it('sends a lead to the partner of a recent entry from the state, with and without traces', () => {
    const state = stickyTo('paris', '2026-11-20');
    const leads = [lead('l1', { accountId: 'acc-1', country: 'FR' })];

    for (const traces of [true, false]) {
      const [record] = routeLeads({ program: program(), partners, leads, state, now: NOW, traces }).assignments;
      expect(record).toMatchObject({ status: 'offered', partnerId: 'paris', via: 'sticky' });
    }
  });

  it('sends an account’s leads in one batch to the partner its first lead went to', () => {
    const leads = [lead('l1', { accountId: 'acc-1' }), lead('l2', { accountId: 'acc-1' }), lead('l3')];

    const result = routeLeads({ program: program(), partners, leads, state: emptyRoutingState(), now: NOW });

    expect(result.assignments.map((record) => record.status === 'offered' && [record.partnerId, record.via])).toEqual([
      ['alpha', 'strategy'],
      ['alpha', 'sticky'],
      ['bravo', 'strategy'],
    ]);
    expect(result.state.sticky).toEqual({ 'acc-1': { partnerId: 'alpha', on: '2026-11-24' } });
    expect(result.traces[1]).toMatchInlineSnapshot(`
{
  "decision": "routing.assignment",
  "outcome": "offered",
  "steps": [
    {
      "facts": {
        "atCapacity": 0,
        "available": 3,
        "capsReached": {
          "day": 0,
          "month": 0,
          "quarter": 0,
          "week": 0,
        },
        "excluded": 0,
        "partners": 3,
        "receivingStatus": 3,
      },
      "message": "3 of 3 partners can take this lead.",
      "result": "pass",
      "rule": "availability",
    },
    {
      "facts": {
        "after": 2,
        "before": 3,
        "matchedOn": "DE",
        "required": true,
        "step": "territory",
      },
      "message": "territory (DE): 2 of 3 partners remain.",
      "result": "pass",
      "rule": "territory",
    },
    {
      "facts": {
        "after": 2,
        "before": 2,
        "matchedOn": "edr",
        "required": false,
        "step": "certification",
      },
      "message": "certification (product edr): 2 of 2 partners remain.",
      "result": "pass",
      "rule": "certification",
    },
    {
      "facts": {
        "accountId": "acc-1",
        "lookbackDays": 30,
        "on": "2026-11-24",
        "partnerId": "alpha",
      },
      "message": "Account acc-1 last went to Partner alpha on 2026-11-24; Partner alpha can still take leads and passes every required step, so the lead goes back to it.",
      "result": "pass",
      "rule": "sticky",
    },
  ],
  "subject": {
    "id": "l2",
    "type": "lead",
  },
  "summary": "Offered to Partner alpha (attempt 1), the partner account acc-1 last went to.",
}
`);
  });

  it('follows an earlier assignment within the look-back, not beyond it', () => {
    const recent = routeLead({
      program: program(),
      partners,
      lead: lead('l1', { accountId: 'acc-1' }),
      state: stickyTo('bravo', '2026-10-25'),
      now: NOW,
    });
    const old = routeLead({
      program: program(),
      partners,
      lead: lead('l1', { accountId: 'acc-1' }),
      state: stickyTo('bravo', '2026-10-24'),
      now: NOW,
    });

    expect(recent.assignment).toMatchObject({ partnerId: 'bravo', via: 'sticky' });
    expect(old.assignment).toMatchObject({ partnerId: 'alpha', via: 'strategy' });
    expect(old.trace.steps.find((found) => found.rule === 'sticky')!.message).toMatchInlineSnapshot(
      `"Account acc-1 last went to Partner bravo on 2026-10-24, more than 30 days ago: the lead is routed afresh."`,
    );
  });

  it('routes afresh when the earlier partner fails a required step or is at capacity', () => {
    const inFrance = routeLead({
      program: program(),
      partners,
      lead: lead('l1', { accountId: 'acc-1' }),
      state: stickyTo('paris', '2026-11-20'),
      now: NOW,
    });
    const capped = program({ capacity: { ...PLAIN_ROUTING.capacity, perPartner: { day: 1 } } });
    const full: RoutingState = {
      ...stickyTo('bravo', '2026-11-20'),
      loads: {
        bravo: {
          day: { start: '2026-11-24', count: 1 },
          week: { start: '2026-11-23', count: 1 },
          month: { start: '2026-11-01', count: 1 },
          quarter: { start: '2026-11-01', count: 1 },
        },
      },
    };
    const atCapacity = routeLead({
      program: capped,
      partners,
      lead: lead('l1', { accountId: 'acc-1' }),
      state: full,
      now: NOW,
    });

    expect(inFrance.assignment).toMatchObject({ partnerId: 'alpha', via: 'strategy' });
    expect(atCapacity.assignment).toMatchObject({ partnerId: 'alpha', via: 'strategy' });
    expect(inFrance.trace.steps.find((found) => found.rule === 'sticky')!.message).toMatchInlineSnapshot(
      `"Account acc-1 last went to Partner paris on 2026-11-20, but Partner paris fails the required step "territory": the lead is routed afresh."`,
    );
    expect(atCapacity.trace.steps.find((found) => found.rule === 'sticky')!.message).toMatchInlineSnapshot(
      `"Account acc-1 last went to Partner bravo on 2026-11-20, but Partner bravo is at capacity: the lead is routed afresh."`,
    );
  });

  it('keeps an account’s partner even when an optional step prefers another', () => {
    const certifiedElsewhere = [partner('alpha'), partner('bravo', { certifications: [] })];

    const result = routeLead({
      program: program(),
      partners: certifiedElsewhere,
      lead: lead('l1', { accountId: 'acc-1' }),
      state: stickyTo('bravo', '2026-11-20'),
      now: NOW,
    });

    expect(result.assignment).toMatchObject({ partnerId: 'bravo', via: 'sticky' });
  });

  it('forgets the account’s partner when it declines or lets the offer expire', () => {
    const { assignment, state } = routeLead({
      program: program(),
      partners,
      lead: lead('l1', { accountId: 'acc-1' }),
      state: emptyRoutingState(),
      now: NOW,
    });
    const declined = applyOfferEvent(
      state,
      assignment,
      { type: 'decline', partnerId: 'alpha', at: NOW, reason: 'Busy' },
      program().routing,
    );

    expect(state.sticky['acc-1']).toEqual({ partnerId: 'alpha', on: '2026-11-24' });
    expect(declined.success && declined.data.state.sticky).toEqual({});
  });

  it('records nothing when sticky assignment is off', () => {
    const result = routeLeads({
      program: program({ sticky: { enabled: false, lookbackDays: 30 } }),
      partners,
      leads: [lead('l1', { accountId: 'acc-1' }), lead('l2', { accountId: 'acc-1' })],
      state: emptyRoutingState(),
      now: NOW,
    });

    expect(result.assignments.map((record) => record.status === 'offered' && record.partnerId)).toEqual([
      'alpha',
      'bravo',
    ]);
    expect(result.state.sticky).toEqual({});
  });
});

describe('fallback', () => {
  const inItaly = lead('l1', { country: 'IT' });

  it('sends a lead no partner qualifies for to the program’s queue', () => {
    const { assignment, trace } = routeLead({
      program: program(),
      partners,
      lead: inItaly,
      state: emptyRoutingState(),
      now: NOW,
    });

    expect(assignment).toMatchInlineSnapshot(`
{
  "accountId": null,
  "attempts": 0,
  "history": [],
  "leadId": "l1",
  "queueId": "channel-desk",
  "queuedAt": "2026-11-24T09:00:00.000Z",
  "reason": "no_eligible_partner",
  "status": "queued",
}
`);
    expect(trace).toMatchInlineSnapshot(`
{
  "decision": "routing.assignment",
  "outcome": "queued",
  "steps": [
    {
      "facts": {
        "atCapacity": 0,
        "available": 3,
        "capsReached": {
          "day": 0,
          "month": 0,
          "quarter": 0,
          "week": 0,
        },
        "excluded": 0,
        "partners": 3,
        "receivingStatus": 3,
      },
      "message": "3 of 3 partners can take this lead.",
      "result": "pass",
      "rule": "availability",
    },
    {
      "facts": {
        "after": 0,
        "before": 3,
        "matchedOn": "IT",
        "required": true,
        "step": "territory",
      },
      "message": "territory (IT): none of the 3 partners qualifies, and the step is required.",
      "result": "fail",
      "rule": "territory",
    },
    {
      "facts": {
        "queueId": "channel-desk",
      },
      "message": "No partner can take the lead, so it goes to the queue "Channel desk".",
      "result": "pass",
      "rule": "fallback",
    },
  ],
  "subject": {
    "id": "l1",
    "type": "lead",
  },
  "summary": "Queued in "Channel desk": no partner passed the required step "territory".",
}
`);
  });

  it('offers it to the default partner when the program names one', () => {
    const withDefault = program({ fallback: { kind: 'partner', partnerId: 'bravo' } });

    const { assignment, trace } = routeLead({
      program: withDefault,
      partners,
      lead: inItaly,
      state: emptyRoutingState(),
      now: NOW,
    });

    expect(assignment).toMatchObject({ status: 'offered', partnerId: 'bravo', via: 'fallback' });
    expect(trace.summary).toMatchInlineSnapshot(
      `"Offered to the default partner Partner bravo (attempt 1): no partner passed the required step "territory"."`,
    );
  });

  it('leaves the lead for a person when the default partner cannot take it', () => {
    const withDefault = program({ fallback: { kind: 'partner', partnerId: 'bravo' } });
    const declinedByDefault: LeadDistribution = {
      status: 'rerouting',
      leadId: 'l1',
      accountId: null,
      attempts: 1,
      since: '2026-11-24T08:00:00.000Z',
      history: [
        {
          kind: 'declined',
          partnerId: 'bravo',
          attempt: 1,
          via: 'fallback',
          offeredAt: '2026-11-24T07:00:00.000Z',
          dueAt: '2026-11-25T07:00:00.000Z',
          at: '2026-11-24T08:00:00.000Z',
          reason: 'Not our market',
        },
      ],
    };
    const suspended = partners.map((found) =>
      found.id === 'bravo' ? { ...found, status: 'suspended' as const } : found,
    );

    const declined = routeLead({
      program: withDefault,
      partners,
      lead: inItaly,
      distribution: declinedByDefault,
      state: emptyRoutingState(),
      now: NOW,
    });
    const inactive = routeLead({
      program: withDefault,
      partners: suspended,
      lead: inItaly,
      state: emptyRoutingState(),
      now: NOW,
    });

    expect(declined.assignment).toMatchObject({
      status: 'queued',
      queueId: null,
      reason: 'fallback_unavailable',
      attempts: 1,
    });
    expect(declined.trace.steps.at(-1)!.message).toMatchInlineSnapshot(
      `"No partner qualifies, and the default partner Partner bravo is excluded from this lead, so the lead waits for a person."`,
    );
    expect(inactive.trace.steps.at(-1)!.message).toMatchInlineSnapshot(
      `"No partner qualifies, and the default partner Partner bravo is not in a status that receives leads, so the lead waits for a person."`,
    );
    expect(inactive.trace.summary).toMatchInlineSnapshot(
      `"Left for a person: no partner passed the required step "territory" and the default partner cannot take it."`,
    );
  });
});

describe('exclusions', () => {
  it('never offers a lead again to a partner that declined it, nor to one with a conflict of interest', () => {
    const declined: LeadDistribution = {
      status: 'rerouting',
      leadId: 'l1',
      accountId: 'acc-1',
      attempts: 1,
      since: '2026-11-24T08:00:00.000Z',
      history: [
        {
          kind: 'declined',
          partnerId: 'alpha',
          attempt: 1,
          via: 'strategy',
          offeredAt: '2026-11-24T07:00:00.000Z',
          dueAt: '2026-11-25T07:00:00.000Z',
          at: '2026-11-24T08:00:00.000Z',
          reason: 'Busy',
        },
      ],
    };
    const three = [...partners, partner('charlie')];

    const result = routeLead({
      program: program(),
      partners: three,
      lead: lead('l1', { accountId: 'acc-1' }),
      distribution: declined,
      state: emptyRoutingState(),
      now: NOW,
      conflicts: [{ partnerId: 'bravo', accountId: 'acc-1', reason: 'Bravo is owned by the prospect.' }],
    });

    expect(result.assignment).toMatchObject({ status: 'offered', partnerId: 'charlie', attempts: 2 });
    expect(result.trace.steps[0]!.message).toMatchInlineSnapshot(
      `"2 of 4 partners can take this lead: 2 are excluded from this lead (declined it, let it expire or have a conflict of interest)."`,
    );
  });

  it('leaves a lead already offered, accepted or queued as it is', () => {
    const offered = routeLead({ program: program(), partners, lead: lead('l1'), state: emptyRoutingState(), now: NOW });

    const again = routeLead({
      program: program(),
      partners,
      lead: lead('l1'),
      distribution: offered.assignment,
      state: offered.state,
      now: NOW,
    });

    expect(again.assignment).toBe(offered.assignment);
    expect(again.state.loads).toEqual(offered.state.loads);
    expect(again.trace.summary).toMatchInlineSnapshot(
      `"Left as it is: the lead is already offered to Partner alpha (attempt 1)."`,
    );
  });
});
