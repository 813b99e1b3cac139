import fc from 'fast-check';
import type { Partner } from '../../entities/partner.js';
import type { Result } from '../../result/result.js';
import type { LeadDistribution } from '../state/lead-distribution.js';
import { lead, partner, PLAIN_ROUTING, programWith, step } from '../test-support/fixtures.js';
import { inMemoryRoutingPorts } from '../test-support/in-memory-ports.js';
import { acceptLeadOffer } from './accept-lead-offer.js';
import { declineLeadOffer } from './decline-lead-offer.js';
import { reassignLeadByHand } from './reassign-lead-by-hand.js';
import { recycleExpiredLeadOffers } from './recycle-expired-lead-offers.js';
import { routeNewLeads } from './route-new-leads.js';

/*
 * The offer workflow against a model: leads are routed, accepted, declined, expire and are reassigned by
 * hand in any order; after every command the stored distributions agree with the model and keep the
 * workflow's invariants.
 */

const SLA_HOURS = 8;
const LEAD_IDS = ['l0', 'l1', 'l2'];

interface LeadModel {
  status: LeadDistribution['status'] | 'new';
  partnerId: string | null;
  attempts: number;
  /** Partners that declined the lead or let it expire. */
  excluded: Set<string>;
}

interface Model {
  maxAttempts: number;
  partnerIds: string[];
  leads: Map<string, LeadModel>;
}

type Ports = ReturnType<typeof inMemoryRoutingPorts>;

function expectOk<T>(result: Result<T>): T {
  if (!result.success) throw new Error(JSON.stringify(result.issues));
  return result.data;
}

/** After a decline or an expiry: routed again to a partner not yet excluded, or queued. */
function followReroute(model: Model, entry: LeadModel, stored: LeadDistribution): void {
  if (entry.attempts >= model.maxAttempts) {
    expect(stored).toMatchObject({ status: 'queued', reason: 'max_attempts', attempts: entry.attempts });
    entry.status = 'queued';
    entry.partnerId = null;
    return;
  }
  const remaining = model.partnerIds.filter((id) => !entry.excluded.has(id));
  if (remaining.length === 0) {
    expect(stored).toMatchObject({ status: 'queued', reason: 'no_eligible_partner' });
    entry.status = 'queued';
    entry.partnerId = null;
    return;
  }
  expect(stored.status).toBe('offered');
  if (stored.status !== 'offered') return;
  expect(remaining).toContain(stored.partnerId);
  entry.status = 'offered';
  entry.partnerId = stored.partnerId;
  entry.attempts += 1;
}

/** What the store holds agrees with the model, and no lead breaks the workflow's invariants. */
function checkInvariants(model: Model, ports: Ports): void {
  for (const [leadId, entry] of model.leads) {
    const stored = ports.routing.peek(leadId)?.record;
    if (entry.status === 'new') {
      expect(stored).toBeUndefined();
      continue;
    }
    expect(stored?.status).toBe(entry.status);
    expect(stored?.attempts).toBe(entry.attempts);
    if (stored?.status === 'offered' || stored?.status === 'accepted') {
      expect(stored.partnerId).toBe(entry.partnerId);
      expect(entry.excluded.has(stored.partnerId)).toBe(false);
    }
    const closed = stored?.history.flatMap((event) =>
      event.kind === 'declined' || event.kind === 'expired' ? [event.partnerId] : [],
    );
    expect(new Set(closed)).toEqual(entry.excluded);
  }
}

class RouteNewLeads implements fc.AsyncCommand<Model, Ports> {
  check = () => true;
  async run(model: Model, ports: Ports): Promise<void> {
    const routed = expectOk(await routeNewLeads(ports, { leadIds: LEAD_IDS }));
    for (const record of routed.assignments) {
      const entry = model.leads.get(record.leadId)!;
      expect(entry.status).toBe('new');
      expect(record.status).toBe('offered');
      entry.status = 'offered';
      entry.partnerId = record.status === 'offered' ? record.partnerId : null;
      entry.attempts = 1;
    }
    checkInvariants(model, ports);
  }
  toString = () => 'route new leads';
}

class Accept implements fc.AsyncCommand<Model, Ports> {
  constructor(readonly leadId: string) {}
  check = () => true;
  async run(model: Model, ports: Ports): Promise<void> {
    const entry = model.leads.get(this.leadId)!;
    const result = await acceptLeadOffer(ports, { leadId: this.leadId, partnerId: entry.partnerId ?? 'p0' });
    if (entry.status === 'offered') {
      expect(expectOk(result).record.status).toBe('accepted');
      entry.status = 'accepted';
    } else {
      expect(!result.success && result.issues[0]!.code).toBe(
        entry.status === 'new' ? 'lead_not_routed' : 'offer_not_open',
      );
    }
    checkInvariants(model, ports);
  }
  toString = () => `accept ${this.leadId}`;
}

class AcceptAsAnotherPartner implements fc.AsyncCommand<Model, Ports> {
  constructor(readonly leadId: string) {}
  check = (model: Readonly<Model>) => model.leads.get(this.leadId)!.status === 'offered';
  async run(model: Model, ports: Ports): Promise<void> {
    const entry = model.leads.get(this.leadId)!;
    const other = model.partnerIds.find((id) => id !== entry.partnerId)!;
    const result = await acceptLeadOffer(ports, { leadId: this.leadId, partnerId: other });
    expect(!result.success && result.issues[0]!.code).toBe('not_offered_to_partner');
    checkInvariants(model, ports);
  }
  toString = () => `accept ${this.leadId} as another partner`;
}

class Decline implements fc.AsyncCommand<Model, Ports> {
  constructor(readonly leadId: string) {}
  check = (model: Readonly<Model>) => model.leads.get(this.leadId)!.status === 'offered';
  async run(model: Model, ports: Ports): Promise<void> {
    const entry = model.leads.get(this.leadId)!;
    entry.excluded.add(entry.partnerId!);
    const declined = expectOk(
      await declineLeadOffer(ports, { leadId: this.leadId, partnerId: entry.partnerId!, reason: 'Too far' }),
    );
    followReroute(model, entry, declined.record);
    checkInvariants(model, ports);
  }
  toString = () => `decline ${this.leadId}`;
}

class LetOffersExpire implements fc.AsyncCommand<Model, Ports> {
  check = () => true;
  async run(model: Model, ports: Ports): Promise<void> {
    ports.clock.advanceHours(SLA_HOURS + 1);
    const recycled = expectOk(await recycleExpiredLeadOffers(ports));
    const offered = [...model.leads].filter(([, entry]) => entry.status === 'offered');
    expect(recycled.expired.map((record) => record.leadId).sort()).toEqual(offered.map(([id]) => id).sort());
    for (const [leadId, entry] of offered) {
      entry.excluded.add(entry.partnerId!);
      followReroute(model, entry, ports.routing.peek(leadId)!.record);
    }
    checkInvariants(model, ports);
  }
  toString = () => 'let every open offer expire';
}

class Reassign implements fc.AsyncCommand<Model, Ports> {
  constructor(
    readonly leadId: string,
    readonly partnerIndex: number,
  ) {}
  check = (model: Readonly<Model>) => model.leads.get(this.leadId)!.status !== 'new';
  async run(model: Model, ports: Ports): Promise<void> {
    const entry = model.leads.get(this.leadId)!;
    const partnerId = model.partnerIds[this.partnerIndex % model.partnerIds.length]!;
    const result = await reassignLeadByHand(ports, {
      leadId: this.leadId,
      partnerId,
      by: 'user-1',
      reason: 'Named account',
    });
    if (entry.excluded.has(partnerId)) {
      expect(!result.success && result.issues[0]!.code).toBe('partner_excluded');
    } else if (entry.partnerId === partnerId && (entry.status === 'offered' || entry.status === 'accepted')) {
      expect(!result.success && result.issues[0]!.code).toBe('already_assigned');
    } else {
      expect(expectOk(result).assignment).toMatchObject({ status: 'offered', partnerId, via: 'manual' });
      entry.status = 'offered';
      entry.partnerId = partnerId;
      entry.attempts += 1;
    }
    checkInvariants(model, ports);
  }
  toString = () => `reassign ${this.leadId} to partner ${this.partnerIndex}`;
}

describe('the offer workflow', () => {
  it('keeps every lead consistent with the model whatever happens in whatever order', async () => {
    const leadId = fc.constantFrom(...LEAD_IDS);
    const commands = fc.commands(
      [
        fc.constant(new RouteNewLeads()),
        leadId.map((id) => new Accept(id)),
        leadId.map((id) => new AcceptAsAnotherPartner(id)),
        leadId.map((id) => new Decline(id)),
        fc.constant(new LetOffersExpire()),
        fc.tuple(leadId, fc.nat(5)).map(([id, index]) => new Reassign(id, index)),
      ],
      { maxCommands: 25 },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        commands,
        async (maxAttempts, partnerCount, list) => {
          const partners: Partner[] = Array.from({ length: partnerCount }, (_, index) => partner(`p${index}`));
          const program = programWith({
            ...PLAIN_ROUTING,
            steps: [step('territory', true, { match: 'country' })],
            offers: { slaHours: SLA_HOURS, slaClock: 'calendar_hours', maxAttempts },
          });
          const ports = inMemoryRoutingPorts({
            program,
            partners,
            leads: LEAD_IDS.map((id) => lead(id)),
            now: new Date('2026-11-24T09:00:00Z'),
          });
          const model: Model = {
            maxAttempts,
            partnerIds: partners.map((found) => found.id),
            leads: new Map(
              LEAD_IDS.map((id) => [id, { status: 'new', partnerId: null, attempts: 0, excluded: new Set() }]),
            ),
          };
          await fc.asyncModelRun(() => ({ model, real: ports }), list);
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);
});
