import type { Lead } from '@conduit/core';
import { BACKENDS } from '../../test-support/databases.js';
import { startTestServer, type TestServer, type TestTenant } from '../../test-support/test-server.js';
import { PROSPECTS, prospect, saveChannel } from '../../store/routing/test-support/routing-fixtures.js';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Prospect = Omit<Lead, 'version'>;

const START = '2026-11-24T15:00:00Z';
/** 24 business hours (08:00–18:00 New York, Monday to Friday) after Tuesday 10:00 New York. */
const FIRST_DEADLINE = '2026-11-26T19:00:00.000Z';

const decisionsOf = (body: Body) => (body.audit as Body[]).map((entry) => entry.trace.decision as string);
const statusOf = (record: Body) => [record.leadId, record.status, record.partnerId ?? record.reason, record.via];

describe.each(BACKENDS)('routing through HTTP on %s', (backend) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(() => server.dispose());
  beforeEach(() => server.clock.set(START));

  async function call(tenant: TestTenant, method: 'GET' | 'POST', url: string, body?: unknown, status = 200) {
    const response = await server.call(tenant, method, `/api/v1${url}`, body);
    if (response.status !== status)
      throw new Error(`${method} ${url}: expected ${status}, got ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as Body;
  }

  /** A tenant with the demo program, the channel's partners and these leads imported. */
  async function channel(id: string, leads: readonly Prospect[]): Promise<TestTenant> {
    const tenant = await server.tenant(id);
    await saveChannel(tenant.store);
    if (leads.length > 0) await call(tenant, 'POST', '/routing/leads/import', { leads });
    return tenant;
  }

  const route = (tenant: TestTenant, leadIds: string[]) => call(tenant, 'POST', '/routing/route', { leadIds });
  const read = (tenant: TestTenant, leadId: string) => call(tenant, 'GET', `/routing/leads/${leadId}`);

  it('imports leads and routes them through the steps: territory, region, distance, sticky accounts, the queue', async () => {
    const tenant = await server.tenant('t-route');
    await saveChannel(tenant.store);
    const imported = await call(tenant, 'POST', '/routing/leads/import', { leads: Object.values(PROSPECTS) });
    expect(imported.leads.map((lead: Body) => lead.outcome)).toEqual(Array(6).fill('created'));
    const again = await call(tenant, 'POST', '/routing/leads/import', { leads: Object.values(PROSPECTS) });
    expect(again.leads.map((lead: Body) => [lead.outcome, lead.version])).toEqual(Array(6).fill(['unchanged', 1]));

    const routed = await call(tenant, 'POST', '/routing/route', { createdSince: '2026-11-24T00:00:00Z' });
    expect(routed.assignments.map(statusOf)).toEqual([
      ['lead-acme-sf', 'offered', 'p-northwind', 'strategy'],
      ['lead-globex-nyc', 'offered', 'p-fabrikam', 'strategy'],
      ['lead-hooli-tyo', 'queued', 'no_eligible_partner', undefined],
      ['lead-initech-ber', 'offered', 'p-adatum', 'strategy'],
      ['lead-umbrella-chi', 'offered', 'p-contoso', 'strategy'],
      ['lead-acme-la', 'offered', 'p-northwind', 'sticky'],
    ]);
    expect(
      routed.assignments.every((record: Body) => record.status !== 'offered' || record.dueAt === FIRST_DEADLINE),
    ).toBe(true);
    expect(routed.effects).toContainEqual({
      kind: 'send_offer',
      leadId: 'lead-globex-nyc',
      offerId: 'lead-globex-nyc#1',
      partnerId: 'p-fabrikam',
      dueAt: FIRST_DEADLINE,
    });
    expect(routed.effects).toContainEqual({
      kind: 'notify_queue',
      leadId: 'lead-hooli-tyo',
      queueId: 'channel-desk',
      reason: 'no_eligible_partner',
    });
    expect(routed.traces).toHaveLength(6);

    const chicago = await read(tenant, 'lead-umbrella-chi');
    const steps = chicago.trace.steps.map((step: Body) => [step.rule, step.result]);
    expect(steps).toEqual(
      expect.arrayContaining([
        ['territory', 'pass'],
        ['distance', 'pass'],
        ['certification', 'pass'],
      ]),
    );
    const sticky = await read(tenant, 'lead-acme-la');
    expect(sticky.offer).toMatchObject({ offerId: 'lead-acme-la#1', partnerId: 'p-northwind', via: 'sticky' });
    expect(sticky.trace.summary).toContain('acc-acme');
    expect(sticky.lead).toMatchObject({ company: 'Acme Robotics', version: 1 });
    expect(decisionsOf(sticky)).toEqual(['routing.assignment']);

    const state = await call(tenant, 'GET', '/routing/state');
    expect(state.version).toBe(1);
    expect(
      Object.fromEntries(Object.entries(state.state.loads).map(([id, load]) => [id, (load as Body).day.count])),
    ).toEqual({ 'p-northwind': 2, 'p-fabrikam': 1, 'p-adatum': 1, 'p-contoso': 1 });
    expect(state.state.sticky).toEqual({ 'acc-acme': { partnerId: 'p-northwind', on: '2026-11-24' } });

    const offers = await call(tenant, 'GET', '/routing/offers?partnerId=p-northwind');
    expect(offers.offers.map((offer: Body) => [offer.offerId, offer.dueAt, offer.version])).toEqual([
      ['lead-acme-la#1', FIRST_DEADLINE, 1],
      ['lead-acme-sf#1', FIRST_DEADLINE, 1],
    ]);
    expect((await call(tenant, 'GET', `/routing/offers?dueBefore=${FIRST_DEADLINE}`)).offers).toEqual([]);
    const firstPage = await call(tenant, 'GET', '/routing/offers?limit=3');
    const secondPage = await call(tenant, 'GET', `/routing/offers?limit=3&after=${encodeURIComponent(firstPage.next)}`);
    expect([...firstPage.offers, ...secondPage.offers].map((offer: Body) => offer.leadId)).toEqual([
      'lead-acme-la',
      'lead-acme-sf',
      'lead-globex-nyc',
      'lead-initech-ber',
      'lead-umbrella-chi',
    ]);

    const twice = await route(tenant, ['lead-acme-sf', 'lead-hooli-tyo']);
    expect(twice).toEqual({ assignments: [], effects: [], traces: [] });
    const missing = await server.call(tenant, 'POST', '/api/v1/routing/route', { leadIds: ['lead-nobody'] });
    expect([missing.status, missing.body.error]).toEqual([422, 'lead_not_found']);
  });

  it('keeps the routing state small: what routing no longer needs is pruned whenever the state is written', async () => {
    const tenant = await channel('t-prune', [PROSPECTS.acmeSf]);
    const old = { start: '2026-05-01', count: 9 };
    const seeded = await tenant.store.routing.commit({
      state: {
        state: {
          roundRobin: { 'p-contoso': 0, 'p-fabrikam': 3 },
          loads: { 'p-retired': { day: old, week: old, month: old, quarter: old } },
          sticky: {
            'acc-last-year': { partnerId: 'p-contoso', on: '2025-11-23' },
            'acc-this-year': { partnerId: 'p-fabrikam', on: '2025-11-24' },
          },
        },
        expectedVersion: null,
      },
      distributions: [],
    });
    expect(seeded.success).toBe(true);
    await route(tenant, ['lead-acme-sf']);
    const { state, version } = await call(tenant, 'GET', '/routing/state');
    expect(version).toBe(2);
    // The demo program looks back 365 days for sticky accounts; loads of past quarters read as zero anyway.
    expect(state.sticky).toEqual({
      'acc-this-year': { partnerId: 'p-fabrikam', on: '2025-11-24' },
      'acc-acme': { partnerId: 'p-northwind', on: '2026-11-24' },
    });
    expect(Object.keys(state.loads)).toEqual(['p-northwind']);
    expect(state.roundRobin['p-contoso']).toBeUndefined();
  });

  it('accepts an offer as the partner, and refuses another partner, a second answer, a stale read and a late one', async () => {
    const tenant = await channel('t-accept', [PROSPECTS.initechBerlin, PROSPECTS.globexNyc, PROSPECTS.acmeSf]);
    await route(tenant, ['lead-initech-ber', 'lead-globex-nyc']);

    const url = '/api/v1/routing/leads/lead-initech-ber/accept';
    const wrongPartner = await server.call(tenant, 'POST', url, { partnerId: 'p-northwind' });
    expect([wrongPartner.status, wrongPartner.body.error]).toEqual([422, 'not_offered_to_partner']);
    const stale = await server.call(tenant, 'POST', url, { partnerId: 'p-adatum', expectedVersion: 2 });
    expect([stale.status, stale.body.error]).toEqual([409, 'stale_write']);

    const accepted = await call(tenant, 'POST', '/routing/leads/lead-initech-ber/accept', {
      partnerId: 'p-adatum',
      expectedVersion: 1,
    });
    expect(accepted).toMatchObject({
      distribution: { status: 'accepted', partnerId: 'p-adatum', acceptedAt: '2026-11-24T15:00:00.000Z' },
      version: 2,
      offer: { offerId: 'lead-initech-ber#1', status: 'accepted' },
      effects: [
        {
          kind: 'confirm_assignment',
          leadId: 'lead-initech-ber',
          offerId: 'lead-initech-ber#1',
          partnerId: 'p-adatum',
        },
      ],
    });
    const again = await server.call(tenant, 'POST', url, { partnerId: 'p-adatum' });
    expect([again.status, again.body.error]).toEqual([422, 'offer_not_open']);
    const decline = await server.call(tenant, 'POST', '/api/v1/routing/leads/lead-initech-ber/decline', {
      partnerId: 'p-adatum',
      reason: 'Changed our mind.',
    });
    expect([decline.status, decline.body.error]).toEqual([422, 'offer_not_open']);
    const audit = await read(tenant, 'lead-initech-ber');
    expect(decisionsOf(audit)).toEqual(['routing.assignment', 'routing.offer_accepted']);
    expect(audit.audit[1].trace.summary).toBe('p-adatum accepted offer lead-initech-ber#1.');

    const notRouted = await server.call(tenant, 'POST', '/api/v1/routing/leads/lead-acme-sf/accept', {
      partnerId: 'p-northwind',
    });
    expect([notRouted.status, notRouted.body.error]).toEqual([404, 'lead_not_routed']);
    const unknown = await server.call(tenant, 'GET', '/api/v1/routing/leads/lead-nobody');
    expect(unknown.status).toBe(404);

    server.clock.set(FIRST_DEADLINE);
    const late = await server.call(tenant, 'POST', '/api/v1/routing/leads/lead-globex-nyc/accept', {
      partnerId: 'p-fabrikam',
    });
    expect([late.status, late.body.error]).toEqual([422, 'offer_expired']);
  });

  it('routes a declined lead again at once, never to a partner that declined it, and queues it after the last attempt', async () => {
    const tenant = await channel('t-decline', [PROSPECTS.acmeSf]);
    await route(tenant, ['lead-acme-sf']);
    const decline = (partnerId: string, reason: string) =>
      call(tenant, 'POST', '/routing/leads/lead-acme-sf/decline', { partnerId, reason });

    const first = await decline('p-northwind', 'No capacity this month.');
    expect(statusOf(first.distribution)).toEqual(['lead-acme-sf', 'offered', 'p-contoso', 'strategy']);
    expect(first).toMatchObject({ version: 2, offer: { offerId: 'lead-acme-sf#2', attempt: 2 } });
    expect(first.effects).toEqual([
      {
        kind: 'send_offer',
        leadId: 'lead-acme-sf',
        offerId: 'lead-acme-sf#2',
        partnerId: 'p-contoso',
        dueAt: FIRST_DEADLINE,
      },
    ]);
    expect(first.traces).toHaveLength(1);
    const second = await decline('p-contoso', 'Not our industry.');
    expect(statusOf(second.distribution)).toEqual(['lead-acme-sf', 'offered', 'p-tailspin', 'strategy']);
    const last = await decline('p-tailspin', 'Too far from Austin.');
    expect(last.distribution).toMatchObject({
      status: 'queued',
      reason: 'max_attempts',
      queueId: 'channel-desk',
      attempts: 3,
    });
    expect(last.effects).toEqual([
      { kind: 'notify_queue', leadId: 'lead-acme-sf', queueId: 'channel-desk', reason: 'max_attempts' },
    ]);

    const lead = await read(tenant, 'lead-acme-sf');
    expect(lead.history.map((event: Body) => [event.kind, event.partnerId, event.attempt])).toEqual([
      ['declined', 'p-northwind', 1],
      ['declined', 'p-contoso', 2],
      ['declined', 'p-tailspin', 3],
    ]);
    expect(lead.offer).toBeNull();
    expect(decisionsOf(lead)).toEqual([
      'routing.assignment',
      'routing.offer_declined',
      'routing.assignment',
      'routing.offer_declined',
      'routing.assignment',
      'routing.offer_declined',
    ]);
    expect(lead.audit[1].trace.summary).toBe('p-northwind declined offer lead-acme-sf#1: No capacity this month.');
    expect(lead.audit[5].trace.outcome).toBe('queued');
    expect((await call(tenant, 'GET', '/routing/state')).state.sticky).toEqual({});

    const byHand = await server.call(tenant, 'POST', '/api/v1/routing/leads/lead-acme-sf/reassign', {
      partnerId: 'p-northwind',
      by: 'manager-7',
      reason: 'Northwind asked for it back.',
    });
    expect([byHand.status, byHand.body.error]).toEqual([422, 'partner_excluded']);
  });

  it('expires offers past their SLA on the test clock and recycles the lead until the queue after the last attempt', async () => {
    const tenant = await channel('t-recycle', [PROSPECTS.globexNyc, PROSPECTS.initechBerlin]);
    await route(tenant, ['lead-globex-nyc', 'lead-initech-ber']);
    await call(tenant, 'POST', '/routing/leads/lead-initech-ber/accept', { partnerId: 'p-adatum' });
    const recycle = () => call(tenant, 'POST', '/routing/recycle');

    server.clock.set('2026-11-26T18:59:59Z');
    expect(await recycle()).toEqual({ expired: [], assignments: [], effects: [], traces: [] });

    server.clock.set(FIRST_DEADLINE);
    const first = await recycle();
    expect(first.expired.map(statusOf)).toEqual([['lead-globex-nyc', 'rerouting', undefined, undefined]]);
    expect(first.assignments.map(statusOf)).toEqual([['lead-globex-nyc', 'offered', 'p-contoso', 'strategy']]);
    // Thursday 14:00 in New York + 24 business hours: 4 on Thursday, 10 on Friday, 10 on Monday.
    expect(first.assignments[0].dueAt).toBe('2026-11-30T23:00:00.000Z');
    expect(first.effects).toEqual([
      {
        kind: 'withdraw_offer',
        leadId: 'lead-globex-nyc',
        offerId: 'lead-globex-nyc#1',
        partnerId: 'p-fabrikam',
        reason: 'expired',
      },
      {
        kind: 'send_offer',
        leadId: 'lead-globex-nyc',
        offerId: 'lead-globex-nyc#2',
        partnerId: 'p-contoso',
        dueAt: '2026-11-30T23:00:00.000Z',
      },
    ]);

    server.clock.set('2026-11-30T23:00:00Z');
    const second = await recycle();
    expect(second.assignments.map(statusOf)).toEqual([['lead-globex-nyc', 'offered', 'p-tailspin', 'strategy']]);
    server.clock.set(second.assignments[0].dueAt);
    const third = await recycle();
    expect(third.expired.map(statusOf)).toEqual([['lead-globex-nyc', 'queued', 'max_attempts', undefined]]);
    expect(third.assignments).toEqual([]);
    expect(third.effects.map((effect: Body) => effect.kind)).toEqual(['withdraw_offer', 'notify_queue']);
    expect(await recycle()).toEqual({ expired: [], assignments: [], effects: [], traces: [] });

    const lead = await read(tenant, 'lead-globex-nyc');
    expect(lead.distribution).toMatchObject({ status: 'queued', reason: 'max_attempts', attempts: 3 });
    expect(lead.history.map((event: Body) => [event.kind, event.partnerId])).toEqual([
      ['expired', 'p-fabrikam'],
      ['expired', 'p-contoso'],
      ['expired', 'p-tailspin'],
    ]);
    expect(lead.audit.map((entry: Body) => [entry.trace.decision, entry.trace.outcome])).toEqual([
      ['routing.assignment', 'offered'],
      ['routing.offer_expired', 'expired'],
      ['routing.assignment', 'offered'],
      ['routing.offer_expired', 'expired'],
      ['routing.assignment', 'offered'],
      ['routing.offer_expired', 'queued'],
    ]);
    expect(lead.audit[5].trace.summary).toContain(
      'after 3 offers the lead waits for a person in the queue "channel-desk"',
    );
    const accepted = await read(tenant, 'lead-initech-ber');
    expect(accepted.distribution.status).toBe('accepted');
  });

  it('reassigns a lead by hand to a partner of a person’s choice, with the reason in the audit log', async () => {
    const tenant = await channel('t-reassign', [PROSPECTS.hooliTokyo, PROSPECTS.umbrellaChicago]);
    await route(tenant, ['lead-hooli-tyo']);
    const url = '/api/v1/routing/leads/lead-hooli-tyo/reassign';
    const reason = 'Japanese subsidiary of a German customer; Adatum owns the relationship.';

    const suspended = await server.call(tenant, 'POST', url, { partnerId: 'p-litware', by: 'manager-7', reason });
    expect([suspended.status, suspended.body.error]).toEqual([422, 'unknown_partner']);
    expect(suspended.body.message).toBe('Partner p-litware is not among the partners leads go to.');
    const onboarding = await server.call(tenant, 'POST', url, { partnerId: 'p-proseware', by: 'manager-7', reason });
    expect([onboarding.status, onboarding.body.error]).toEqual([422, 'partner_not_receiving']);
    const unknown = await server.call(tenant, 'POST', url, { partnerId: 'p-nobody', by: 'manager-7', reason });
    expect([unknown.status, unknown.body.error]).toEqual([422, 'unknown_partner']);
    for (const expectedVersion of [2, null]) {
      const stale = await server.call(tenant, 'POST', url, {
        partnerId: 'p-adatum',
        by: 'manager-7',
        reason,
        expectedVersion,
      });
      expect([stale.status, stale.body.error]).toEqual([409, 'stale_write']);
    }

    const reassigned = await server.call(
      tenant,
      'POST',
      url,
      { partnerId: 'p-adatum', by: 'manager-7', reason, expectedVersion: 1 },
      { 'x-conduit-actor': 'hubspot-user-1207' },
    );
    expect(reassigned.status).toBe(200);
    expect(reassigned.body.distribution).toMatchObject({
      status: 'offered',
      partnerId: 'p-adatum',
      via: 'manual',
      manual: { by: 'manager-7', reason },
      attempts: 1,
      history: [{ kind: 'dequeued', reason: 'no_eligible_partner', manual: { by: 'manager-7', reason } }],
    });
    expect(reassigned.body.effects).toEqual([
      {
        kind: 'send_offer',
        leadId: 'lead-hooli-tyo',
        offerId: 'lead-hooli-tyo#1',
        partnerId: 'p-adatum',
        dueAt: FIRST_DEADLINE,
      },
    ]);
    const audit = (await call(tenant, 'GET', '/audit/lead/lead-hooli-tyo')).entries as Body[];
    const manual = audit.at(-1)!;
    expect(manual).toMatchObject({
      actor: 'hubspot-user-1207',
      trace: { decision: 'routing.manual_assignment', outcome: 'offered' },
    });
    expect(manual.trace.summary).toContain(reason);
    expect(manual.trace.steps[0]).toMatchObject({
      rule: 'manual',
      facts: { by: 'manager-7', reason, previousStatus: 'queued' },
    });

    await call(tenant, 'POST', '/routing/leads/lead-hooli-tyo/accept', { partnerId: 'p-adatum' });
    const taken = await call(tenant, 'POST', '/routing/leads/lead-hooli-tyo/reassign', {
      partnerId: 'p-fabrikam',
      by: 'manager-7',
      reason: 'Adatum lost the contact; Fabrikam covers the customer’s US parent.',
    });
    expect(taken.distribution).toMatchObject({ partnerId: 'p-fabrikam', attempts: 2, via: 'manual' });
    expect(taken.effects.map((effect: Body) => [effect.kind, effect.partnerId])).toEqual([
      ['withdraw_offer', 'p-adatum'],
      ['send_offer', 'p-fabrikam'],
    ]);
    expect(taken.distribution.history.at(-1)).toMatchObject({
      kind: 'withdrawn',
      partnerId: 'p-adatum',
      acceptedAt: START.replace('Z', '.000Z'),
    });

    const fresh = await call(tenant, 'POST', '/routing/leads/lead-umbrella-chi/reassign', {
      partnerId: 'p-tailspin',
      by: 'manager-7',
      reason: 'Tailspin met them at a trade show.',
      expectedVersion: null,
    });
    expect(fresh).toMatchObject({
      version: 1,
      distribution: { status: 'offered', partnerId: 'p-tailspin', history: [] },
    });
  });

  it('imports conflicts of interest and keeps the conflicted partner from the leads they concern', async () => {
    const initrode = prospect('lead-initrode-sj', {
      company: 'Initrode',
      subdivision: 'US-CA',
      postalCode: '95113',
      location: { lat: 37.3337, lon: -121.8907 },
      accountId: 'acc-initrode',
    });
    const tenant = await channel('t-conflicts', [initrode]);
    const conflict = {
      partnerId: 'p-northwind',
      accountId: 'acc-initrode',
      reason: 'Northwind is a subsidiary of Initrode.',
    };
    const unknown = await server.call(tenant, 'POST', '/api/v1/routing/conflicts/import', {
      conflicts: [conflict, { partnerId: 'p-nobody', leadId: 'lead-initrode-sj', reason: 'Typo.' }],
    });
    expect([unknown.status, unknown.body.issues[0].path]).toEqual([422, ['conflicts', 1, 'partnerId']]);
    const imported = await call(tenant, 'POST', '/routing/conflicts/import', { conflicts: [conflict] });
    expect(imported.conflicts).toMatchObject([{ outcome: 'created', version: 1 }]);
    const listed = await call(tenant, 'GET', '/routing/conflicts?partnerId=p-northwind');
    expect(listed.conflicts).toMatchObject([{ ...conflict, status: 'active', id: imported.conflicts[0].id }]);

    const routed = await route(tenant, ['lead-initrode-sj']);
    expect(routed.assignments[0]).toMatchObject({ status: 'offered', partnerId: 'p-contoso' });
    expect(JSON.stringify(routed.traces[0])).toContain('conflict');

    const withdrawn = await call(tenant, 'POST', `/routing/conflicts/${imported.conflicts[0].id}/withdraw`, {
      expectedVersion: 1,
    });
    expect(withdrawn.conflict).toMatchObject({ status: 'withdrawn', version: 2 });
    expect((await call(tenant, 'GET', '/routing/conflicts')).conflicts).toEqual([]);
  });

  it('answers bad bodies with 400 naming each bad field, and changes nothing', async () => {
    const tenant = await channel('t-bad', [PROSPECTS.acmeSf]);
    await route(tenant, ['lead-acme-sf']);
    const snapshot = async () => ({
      records: await tenant.store.db.selectFrom('records').selectAll().orderBy('kind').orderBy('id').execute(),
      audit: (await tenant.store.db.selectFrom('audit_log').select('seq').execute()).length,
      keys: (await tenant.store.db.selectFrom('idempotency_keys').select('key').execute()).length,
    });
    const before = await snapshot();
    const cases: [string, unknown, [string, string][]][] = [
      ['/routing/route', {}, [['', 'required']]],
      [
        '/routing/route',
        { leadIds: [], createdSince: 'yesterday' },
        [
          ['leadIds', 'too_small'],
          ['createdSince', 'invalid_format'],
          ['createdSince', 'invalid'],
        ],
      ],
      ['/routing/route', { leadIds: ['lead-acme-sf'], createdSince: START }, [['createdSince', 'invalid']]],
      ['/routing/leads/lead-acme-sf/accept', {}, [['partnerId', 'required']]],
      [
        '/routing/leads/lead-acme-sf/accept',
        { partnerId: 'p-northwind', expectedVersion: 0 },
        [['expectedVersion', 'too_small']],
      ],
      ['/routing/leads/lead-acme-sf/decline', { partnerId: 'p-northwind', reason: '   ' }, [['reason', 'blank']]],
      [
        '/routing/leads/lead-acme-sf/reassign',
        { partnerId: 'p-contoso', by: '', reason: 'x'.repeat(501), note: 'extra' },
        [
          ['by', 'too_small'],
          ['reason', 'too_big'],
          ['note', 'unknown_field'],
        ],
      ],
      ['/routing/recycle', { now: START }, [['now', 'unknown_field']]],
      [
        '/routing/leads/import',
        { leads: [{ id: 'lead-x', company: 'X', country: 'USA', version: -1 }] },
        [
          ['leads.0.createdAt', 'required'],
          ['leads.0.country', 'unknown_country'],
          ['leads.0.version', 'too_small'],
        ],
      ],
      ['/routing/leads/import', { leads: [PROSPECTS.acmeLa, PROSPECTS.acmeLa] }, [['leads.1', 'duplicate_value']]],
      [
        '/routing/conflicts/import',
        { conflicts: [{ partnerId: 'p-contoso', reason: 'Competitor.' }] },
        [['conflicts.0.accountId', 'required']],
      ],
    ];
    for (const [url, body, issues] of cases) {
      const response = await server.call(tenant, 'POST', `/api/v1${url}`, body);
      expect([url, response.status]).toEqual([url, 400]);
      expect(response.body.message).toEqual(expect.any(String));
      expect(response.body.issues.map((found: Body) => [found.path.join('.'), found.code])).toEqual(issues);
    }
    for (const url of [
      '/routing/offers?dueBefore=tomorrow',
      '/routing/offers?after=garbage',
      '/routing/conflicts?status=any',
    ]) {
      const response = await server.call(tenant, 'GET', `/api/v1${url}`);
      expect([url, response.status, response.body.issues[0].path[0]]).toEqual([url, 400, 'query']);
    }
    const invalidJson = await server.app.inject({
      method: 'POST',
      url: '/api/v1/routing/route',
      headers: {
        authorization: `Bearer ${tenant.token}`,
        'content-type': 'application/json',
        'idempotency-key': 'k-json',
      },
      payload: '{"leadIds": [',
    });
    expect(invalidJson.statusCode).toBe(400);
    expect(await snapshot()).toEqual(before);
  });

  it('replays a retried request instead of routing twice, and keeps tenants apart', async () => {
    const tenant = await channel('t-replay', [PROSPECTS.acmeSf, PROSPECTS.initechBerlin]);
    const send = () =>
      server.app.inject({
        method: 'POST',
        url: '/api/v1/routing/route',
        headers: { authorization: `Bearer ${tenant.token}`, 'idempotency-key': 'route-morning-batch' },
        payload: { leadIds: ['lead-acme-sf', 'lead-initech-ber'] },
      });
    const first = await send();
    const second = await send();
    expect([first.statusCode, second.statusCode, second.headers['idempotent-replayed']]).toEqual([200, 200, 'true']);
    expect(second.json()).toEqual(first.json());
    expect(first.json().assignments).toHaveLength(2);
    expect((await call(tenant, 'GET', '/routing/state')).version).toBe(1);

    const stranger = await channel('t-stranger', []);
    expect((await server.call(stranger, 'GET', '/api/v1/routing/leads/lead-acme-sf')).status).toBe(404);
    const accept = await server.call(stranger, 'POST', '/api/v1/routing/leads/lead-acme-sf/accept', {
      partnerId: 'p-northwind',
    });
    expect([accept.status, accept.body.error]).toEqual([404, 'lead_not_routed']);
    const reassign = await server.call(stranger, 'POST', '/api/v1/routing/leads/lead-acme-sf/reassign', {
      partnerId: 'p-contoso',
      by: 'manager-7',
      reason: 'Trying to reach another tenant.',
    });
    expect([reassign.status, reassign.body.error]).toEqual([404, 'lead_not_found']);
    expect((await call(stranger, 'GET', '/routing/offers')).offers).toEqual([]);
    expect((await call(stranger, 'GET', '/routing/state')).version).toBeNull();
    expect(await call(stranger, 'POST', '/routing/recycle')).toEqual({
      expired: [],
      assignments: [],
      effects: [],
      traces: [],
    });
    expect((await read(tenant, 'lead-acme-sf')).distribution.status).toBe('offered');
  });

  it('answers 422 when no program is published, and documents every routing endpoint', async () => {
    const tenant = await server.tenant('t-no-program', { program: null });
    const response = await server.call(tenant, 'POST', '/api/v1/routing/recycle');
    expect([response.status, response.body.error]).toEqual([422, 'program_missing']);
    const docs = await server.app.inject({ method: 'GET', url: '/docs/json' });
    expect(Object.keys(docs.json().paths).filter((path) => path.includes('/routing/'))).toEqual(
      expect.arrayContaining([
        '/api/v1/routing/route',
        '/api/v1/routing/leads/{leadId}/accept',
        '/api/v1/routing/leads/{leadId}/decline',
        '/api/v1/routing/leads/{leadId}/reassign',
        '/api/v1/routing/recycle',
        '/api/v1/routing/leads/{leadId}',
        '/api/v1/routing/offers',
        '/api/v1/routing/leads/import',
        '/api/v1/routing/conflicts/import',
      ]),
    );
  });
});
