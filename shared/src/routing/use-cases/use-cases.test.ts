import type { Lead } from '../../entities/lead.js';
import { lead, partner, PLAIN_ROUTING, programWith, step } from '../test-support/fixtures.js';
import { inMemoryRoutingPorts } from '../test-support/in-memory-ports.js';
import { acceptLeadOffer } from './accept-lead-offer.js';
import { declineLeadOffer } from './decline-lead-offer.js';
import { reassignLeadByHand } from './reassign-lead-by-hand.js';
import { recycleExpiredLeadOffers } from './recycle-expired-lead-offers.js';
import { routeNewLeads } from './route-new-leads.js';

const program = programWith({
  ...PLAIN_ROUTING,
  steps: [step('territory', true, { match: 'country' })],
  offers: { slaHours: 4, slaClock: 'calendar_hours', maxAttempts: 2 },
});
const partners = [
  partner('alpha'),
  partner('bravo', { tierId: 'registered' }),
  partner('zulu', { status: 'suspended' }),
];
const leads: Lead[] = [
  lead('l2', { createdAt: '2026-11-24T08:30:00Z' }),
  lead('l1', { createdAt: '2026-11-24T08:00:00Z', accountId: 'acc-1' }),
  lead('l3', { createdAt: '2026-11-24T08:45:00Z', country: 'IT' }),
];

function ports(options: { program?: typeof program | undefined; conflicts?: boolean } = {}) {
  return inMemoryRoutingPorts({
    program: 'program' in options ? options.program : program,
    partners,
    leads,
    now: new Date('2026-11-24T09:00:00Z'),
    ...(options.conflicts ? { conflicts: [{ partnerId: 'alpha', leadId: 'l2', reason: 'Related party' }] } : {}),
  });
}

describe('routing use cases', () => {
  it('route new leads oldest first, commit them with the state, log the traces and return the effects', async () => {
    const world = ports();

    const result = await routeNewLeads(world, { createdSince: '2026-11-24T00:00:00Z' });

    if (!result.success) throw new Error(JSON.stringify(result.issues));
    expect(result.data.assignments.map((record) => record.leadId)).toEqual(['l1', 'l2', 'l3']);
    expect(result.data.effects).toMatchInlineSnapshot(`
[
  {
    "dueAt": "2026-11-24T13:00:00.000Z",
    "kind": "send_offer",
    "leadId": "l1",
    "offerId": "l1#1",
    "partnerId": "alpha",
  },
  {
    "dueAt": "2026-11-24T13:00:00.000Z",
    "kind": "send_offer",
    "leadId": "l2",
    "offerId": "l2#1",
    "partnerId": "alpha",
  },
  {
    "kind": "notify_queue",
    "leadId": "l3",
    "queueId": "channel-desk",
    "reason": "no_eligible_partner",
  },
]
`);
    expect(world.traceLog.traces.map((trace) => trace.summary)).toMatchInlineSnapshot(`
[
  "Offered to Partner alpha (attempt 1) by smooth weighted round robin among 2 finalists.",
  "Offered to Partner alpha (attempt 1) by smooth weighted round robin among 2 finalists.",
  "Queued in "Channel desk": no partner passed the required step "territory".",
]
`);
    expect(world.routing.peekState()?.loads['alpha']?.day.count).toBe(2);
    expect(world.routing.peek('l1')?.version).toBe(1);
  });

  it('never route a lead twice: a second run routes only the leads not routed yet', async () => {
    const world = ports();
    await routeNewLeads(world, { leadIds: ['l1'] });

    const second = await routeNewLeads(world, { leadIds: ['l1', 'l2'] });

    expect(second.success && second.data.assignments.map((record) => record.leadId)).toEqual(['l2']);
  });

  it('exclude partners with a conflict of interest', async () => {
    const world = ports({ conflicts: true });

    const result = await routeNewLeads(world, { leadIds: ['l2'] });

    expect(result.success && result.data.assignments[0]).toMatchObject({ partnerId: 'bravo' });
  });

  it('accept an offer, and refuse a second acceptance', async () => {
    const world = ports();
    await routeNewLeads(world, { leadIds: ['l1'] });

    const accepted = await acceptLeadOffer(world, { leadId: 'l1', partnerId: 'alpha' });
    const again = await acceptLeadOffer(world, { leadId: 'l1', partnerId: 'alpha' });

    expect(accepted.success && accepted.data.effects).toEqual([
      { kind: 'confirm_assignment', leadId: 'l1', offerId: 'l1#1', partnerId: 'alpha' },
    ]);
    expect(!again.success && again.issues[0]!.code).toBe('offer_not_open');
    expect(world.routing.peek('l1')?.record.status).toBe('accepted');
  });

  it('decline an offer and route the lead again at once, then queue it after the last attempt', async () => {
    const world = ports();
    await routeNewLeads(world, { leadIds: ['l1'] });

    const first = await declineLeadOffer(world, { leadId: 'l1', partnerId: 'alpha', reason: 'No capacity this month' });
    const second = await declineLeadOffer(world, { leadId: 'l1', partnerId: 'bravo', reason: 'Not our industry' });

    expect(first.success && first.data.record).toMatchObject({ status: 'offered', partnerId: 'bravo', attempts: 2 });
    expect(second.success && second.data.record).toMatchObject({ status: 'queued', reason: 'max_attempts' });
    expect(world.routing.peekState()?.sticky).toEqual({});
  });

  it('recycle offers past their SLA', async () => {
    const world = ports();
    await routeNewLeads(world, { leadIds: ['l1', 'l2'] });
    world.clock.advanceHours(5);

    const result = await recycleExpiredLeadOffers(world);

    if (!result.success) throw new Error(JSON.stringify(result.issues));
    expect(
      result.data.assignments.map((record) => record.status === 'offered' && [record.leadId, record.partnerId]),
    ).toEqual([
      ['l1', 'bravo'],
      ['l2', 'bravo'],
    ]);
    expect(result.data.effects.map((effect) => effect.kind)).toEqual([
      'withdraw_offer',
      'withdraw_offer',
      'send_offer',
      'send_offer',
    ]);
    expect(world.routing.peek('l1')?.record.history.map((event) => event.kind)).toEqual(['expired']);
  });

  it('reassign a lead by hand and keep the manual decision’s trace', async () => {
    const world = ports();
    await routeNewLeads(world, { leadIds: ['l3'] });

    const result = await reassignLeadByHand(world, {
      leadId: 'l3',
      partnerId: 'bravo',
      by: 'user-7',
      reason: 'Italian prospect, Bravo sells there',
    });

    expect(result.success && result.data.assignment).toMatchObject({
      status: 'offered',
      via: 'manual',
      partnerId: 'bravo',
    });
    expect(world.traceLog.traces.at(-1)!.decision).toBe('routing.manual_assignment');
  });

  it('refuse to write over a concurrent change, leaving the store as it was', async () => {
    const world = ports();
    const staleRead = await world.routing.loadState();
    await routeNewLeads(world, { leadIds: ['l2'] });
    // This run read the state before the run above committed.
    world.routing.loadState = async () => staleRead;

    const result = await routeNewLeads(world, { leadIds: ['l1'] });

    expect(!result.success && result.issues[0]!.code).toBe('stale_write');
    expect(world.routing.peek('l1')).toBeUndefined();
    expect(world.routing.commits).toBe(1);
  });

  it('explain what is missing: a program, a lead, a routing', async () => {
    const results = [
      await routeNewLeads(ports({ program: undefined }), { leadIds: ['l1'] }),
      await routeNewLeads(ports(), { leadIds: ['l9'] }),
      await acceptLeadOffer(ports(), { leadId: 'l1', partnerId: 'alpha' }),
    ];

    expect(results.map((result) => !result.success && result.issues.map((found) => `${found.code}: ${found.message}`)))
      .toMatchInlineSnapshot(`
[
  [
    "program_missing: No partner program is published yet, so leads cannot be routed.",
  ],
  [
    "lead_not_found: Lead l9 does not exist.",
  ],
  [
    "lead_not_routed: Lead l1 has not been routed, so it has no offer.",
  ],
]
`);
  });
});
