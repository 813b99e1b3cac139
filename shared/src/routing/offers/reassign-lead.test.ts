import { routeLead } from '../route-leads.js';
import { emptyRoutingState } from '../state/routing-state.js';
import { lead, NOW, partner, PLAIN_ROUTING, programWith, step } from '../test-support/fixtures.js';
import { reassignLead } from './reassign-lead.js';
import { transitionOffer } from './transition-offer.js';

const program = programWith({
  ...PLAIN_ROUTING,
  steps: [step('territory', true, { match: 'country' })],
  capacity: { ...PLAIN_ROUTING.capacity, perPartner: { day: 1 } },
});
const partners = [
  partner('alpha'),
  partner('bravo', { coverage: { countries: ['FR'], subdivisions: [], postalPrefixes: [] } }),
  partner('charlie', { status: 'suspended' }),
];
const manual = { by: 'user-7', reason: 'The prospect asked for Bravo by name.' };

describe('reassigning a lead by hand', () => {
  it('withdraws the open offer, offers the lead to the chosen partner and records who and why', () => {
    const routed = routeLead({ program, partners, lead: lead('l1'), state: emptyRoutingState(), now: NOW });

    const result = reassignLead({
      program,
      partners,
      lead: lead('l1'),
      distribution: routed.assignment,
      state: routed.state,
      now: NOW,
      partnerId: 'bravo',
      manual,
    });

    if (!result.success) throw new Error(JSON.stringify(result.issues));
    expect(result.data.assignment).toMatchInlineSnapshot(`
{
  "accountId": null,
  "attempts": 2,
  "dueAt": "2026-11-25T09:00:00.000Z",
  "history": [
    {
      "acceptedAt": null,
      "at": "2026-11-24T09:00:00.000Z",
      "attempt": 1,
      "dueAt": "2026-11-25T09:00:00.000Z",
      "kind": "withdrawn",
      "manual": {
        "by": "user-7",
        "reason": "The prospect asked for Bravo by name.",
      },
      "offeredAt": "2026-11-24T09:00:00.000Z",
      "partnerId": "alpha",
      "via": "strategy",
    },
  ],
  "leadId": "l1",
  "manual": {
    "by": "user-7",
    "reason": "The prospect asked for Bravo by name.",
  },
  "offeredAt": "2026-11-24T09:00:00.000Z",
  "partnerId": "bravo",
  "status": "offered",
  "via": "manual",
}
`);
    expect(result.data.effects).toMatchInlineSnapshot(`
[
  {
    "kind": "withdraw_offer",
    "leadId": "l1",
    "offerId": "l1#1",
    "partnerId": "alpha",
    "reason": "reassigned",
  },
  {
    "dueAt": "2026-11-25T09:00:00.000Z",
    "kind": "send_offer",
    "leadId": "l1",
    "offerId": "l1#2",
    "partnerId": "bravo",
  },
]
`);
    expect(result.data.trace).toMatchInlineSnapshot(`
{
  "decision": "routing.manual_assignment",
  "outcome": "offered",
  "steps": [
    {
      "facts": {
        "by": "user-7",
        "previousStatus": "offered",
        "reason": "The prospect asked for Bravo by name.",
      },
      "message": "user-7 reassigned the lead by hand: The prospect asked for Bravo by name.",
      "result": "info",
      "rule": "manual",
    },
    {
      "facts": {
        "partnerId": "bravo",
      },
      "message": "Partner bravo can take leads: it is active, under every cap and not excluded from this lead.",
      "result": "pass",
      "rule": "availability",
    },
    {
      "facts": {
        "passes": false,
        "step": "territory",
      },
      "message": "Partner bravo does not pass the required step "territory", which a person may override.",
      "result": "info",
      "rule": "territory",
    },
  ],
  "subject": {
    "id": "l1",
    "type": "lead",
  },
  "summary": "Offered to Partner bravo (attempt 2) by hand: The prospect asked for Bravo by name.",
}
`);
    expect(result.data.state.loads['bravo']!.day.count).toBe(1);
  });

  it('takes a lead out of its queue', () => {
    const queued = routeLead({
      program,
      partners,
      lead: lead('l1', { country: 'IT' }),
      state: emptyRoutingState(),
      now: NOW,
    });

    const result = reassignLead({
      program,
      partners,
      lead: lead('l1'),
      distribution: queued.assignment,
      state: queued.state,
      now: NOW,
      partnerId: 'alpha',
      manual,
    });

    expect(result.success && result.data.assignment.history.map((event) => event.kind)).toEqual(['dequeued']);
  });

  it('refuses a partner that cannot take leads, already has this one, or declined it, and a blank reason', () => {
    const routed = routeLead({ program, partners, lead: lead('l1'), state: emptyRoutingState(), now: NOW });
    const declined = transitionOffer(
      routed.assignment,
      { type: 'decline', partnerId: 'alpha', at: NOW, reason: 'Busy' },
      program.routing,
    );
    if (!declined.success) throw new Error('declining must succeed');
    const attempt = (partnerId: string, distribution = routed.assignment, reason = manual.reason) =>
      reassignLead({
        program,
        partners,
        lead: lead('l1'),
        distribution,
        state: routed.state,
        now: NOW,
        partnerId,
        manual: { ...manual, reason },
      });

    const refusals = [
      attempt('charlie'),
      attempt('alpha'),
      attempt('alpha', declined.data.next),
      attempt('delta'),
      attempt('bravo', routed.assignment, '  '),
    ];

    expect(refusals.map((result) => !result.success && result.issues.map((found) => `${found.code}: ${found.message}`)))
      .toMatchInlineSnapshot(`
[
  [
    "partner_not_receiving: Partner charlie cannot take lead l1: it is not in a status that receives leads.",
  ],
  [
    "already_assigned: Lead l1 is already offered to alpha.",
  ],
  [
    "partner_excluded: Partner alpha cannot take lead l1: it declined this lead, let its offer expire or has a conflict of interest.",
  ],
  [
    "unknown_partner: Partner delta is not among the partners leads go to.",
  ],
  [
    "blank: Say why the lead is reassigned by hand: the reason is recorded.",
  ],
]
`);
  });

  it('refuses a partner at capacity', () => {
    const first = routeLead({ program, partners, lead: lead('l1'), state: emptyRoutingState(), now: NOW });

    const result = reassignLead({
      program,
      partners,
      lead: lead('l2'),
      state: first.state,
      now: NOW,
      partnerId: 'alpha',
      manual,
    });

    expect(!result.success && result.issues[0]!.code).toBe('partner_at_capacity');
  });
});
