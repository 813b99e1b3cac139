import { PartnerLifecycleEventSchema, type Partner } from '@conduit/core';
import { sql } from 'kysely';
import { BACKENDS } from '../../test-support/databases.js';
import { startTestServer, type TestServer, type TestTenant } from '../../test-support/test-server.js';

jest.setTimeout(120_000);

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Onboarding on the demo program started on this day is due 12-01, 12-08, 2027-01-08 and (optional) 01-23. */
const START = '2026-11-24T15:00:00Z';

const application = (partnerId: string, partnerName = `Company ${partnerId}`) => ({
  partnerId,
  partnerName,
  submittedBy: 'contact-1',
});

/** A partner record as the CRM holds it. */
function partnerRecord(id: string, status: Partner['status']): Omit<Partner, 'version'> {
  return {
    id,
    name: `Partner ${id}`,
    status,
    tierId: null,
    specializationIds: [],
    domain: `${id}.example.com`,
    coverage: { countries: ['US'], subdivisions: ['US-CA'], postalPrefixes: [] },
    industries: ['software'],
    languages: ['en'],
    certifications: [],
  };
}

const issuesOf = (body: Body) => body.issues.map((issue: Body) => [issue.path.join('.'), issue.code]);

describe.each(BACKENDS)('partner lifecycles through HTTP on %s', (backend) => {
  let server: TestServer;
  let tenant: TestTenant;

  beforeAll(async () => {
    server = await startTestServer(backend);
    tenant = await server.tenant('t-lifecycles');
  });
  afterAll(() => server?.dispose());
  beforeEach(() => server.clock.set(START));

  const call = (method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown, headers?: Record<string, string>) =>
    server.call(tenant, method, `/api/v1${url}`, body, headers);
  async function ok(
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    body?: unknown,
    status = 200,
    headers?: Record<string, string>,
  ): Promise<Body> {
    const response = await call(method, url, body, headers);
    if (response.status !== status)
      throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as Body;
  }
  const event = (partnerId: string, type: string, body: unknown = { by: 'cm-1' }) =>
    ok('POST', `/partners/${partnerId}/lifecycle/${type}`, body);
  const statusOf = async (partnerId: string) => (await ok('GET', `/crm/partners/${partnerId}`)).status as string;
  const decisionsOf = async (partnerId: string) =>
    (await ok('GET', `/audit/partner/${partnerId}`)).entries.map(
      (entry: Body) => `${entry.actor}:${entry.trace.decision}:${entry.trace.outcome}`,
    );

  /** The tenant's lifecycle and partner records (id and version) and its audit entries. */
  async function snapshot() {
    const { db } = tenant.store;
    const records = await db
      .selectFrom('records')
      .select(['kind', 'id', 'version'])
      .where('tenant_id', '=', tenant.id)
      .where('kind', 'in', ['partner', 'partner_lifecycle'])
      .orderBy('kind')
      .orderBy('id')
      .execute();
    const audit = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('tenant_id', '=', tenant.id)
      .executeTakeFirstOrThrow();
    return { records, audit: Number(audit.n) };
  }

  it('takes a partner from its application to active, suspended, active again and offboarded, writing its status and audit entries', async () => {
    const applied = await ok('POST', '/partners/applications', application('p-journey', 'Northwind'), 201, {
      'x-conduit-actor': 'contact-1',
    });
    expect(applied.lifecycle).toMatchObject({ partnerId: 'p-journey', status: 'applicant', version: 1 });
    expect(applied.allowedEvents).toEqual(['approve', 'reject']);
    expect(applied.effects.map((effect: Body) => effect.type)).toEqual(['set_partner_status', 'notify']);
    // The CRM had not handed the partner over yet: its record is made, named as in the application.
    expect(applied.partner).toMatchObject({ id: 'p-journey', name: 'Northwind', status: 'applicant', version: 1 });
    expect(await tenant.store.partners.get('p-journey')).toEqual(applied.partner);

    const approved = await event('p-journey', 'approve');
    expect([approved.lifecycle.status, approved.partner.status, approved.allowedEvents]).toEqual([
      'approved',
      'approved',
      ['start_onboarding', 'offboard'],
    ]);
    const onboarding = await event('p-journey', 'start_onboarding', { by: 'cm-1', expectedVersion: 2 });
    expect(onboarding.effects.find((effect: Body) => effect.type === 'start_onboarding_checklist')).toEqual({
      type: 'start_onboarding_checklist',
      partnerId: 'p-journey',
      milestones: [
        { id: 'agreement', name: 'Partner agreement signed', required: true, dueOn: '2026-12-01' },
        { id: 'portal-users', name: 'Portal users set up', required: true, dueOn: '2026-12-08' },
        { id: 'sales-certification', name: 'First sales professional certified', required: true, dueOn: '2027-01-08' },
        { id: 'business-plan', name: 'Joint business plan agreed', required: false, dueOn: '2027-01-23' },
      ],
    });
    expect(await statusOf('p-journey')).toBe('onboarding');

    const read = await ok('GET', '/partners/p-journey/lifecycle');
    expect([read.today, read.onboarding, read.allowedEvents]).toEqual([
      '2026-11-24',
      { total: 4, done: 0, pending: 4, overdue: 0, requiredPending: 3, nextDueOn: '2026-12-01' },
      ['complete_milestone', 'waive_milestone', 'activate', 'offboard', 'flag_overdue_milestones'],
    ]);

    await event('p-journey', 'complete_milestone', { by: 'cm-1', milestoneId: 'agreement' });
    await event('p-journey', 'waive_milestone', { by: 'cm-1', milestoneId: 'portal-users', reason: 'Uses SSO.' });
    const certified = await event('p-journey', 'complete_milestone', {
      by: 'cm-1',
      milestoneId: 'sales-certification',
    });
    expect(certified.effects.map((effect: Body) => effect.type)).toEqual(['close_milestone_task', 'notify']);
    expect(await statusOf('p-journey')).toBe('onboarding'); // the demo program activates by hand

    const active = await event('p-journey', 'activate');
    expect([active.lifecycle.status, active.partner.status]).toEqual(['active', 'active']);
    const suspended = await event('p-journey', 'suspend', { by: 'cm-2', reason: 'Unpaid invoices.' });
    expect(suspended.effects.map((effect: Body) => effect.type)).toEqual([
      'set_partner_status',
      'recall_lead_offers',
      'notify',
      'notify',
    ]);
    expect(await statusOf('p-journey')).toBe('suspended');
    await event('p-journey', 'reactivate');
    expect(await statusOf('p-journey')).toBe('active');
    const offboarded = await event('p-journey', 'offboard', { by: 'cm-2', reason: 'Contract ended.' });
    expect([offboarded.lifecycle.status, offboarded.lifecycle.version, offboarded.allowedEvents]).toEqual([
      'offboarded',
      10,
      [],
    ]);
    expect(offboarded.effects.find((effect: Body) => effect.type === 'cancel_onboarding_checklist')).toEqual({
      type: 'cancel_onboarding_checklist',
      partnerId: 'p-journey',
      milestoneIds: ['business-plan'],
    });
    expect(await statusOf('p-journey')).toBe('offboarded');

    expect(await decisionsOf('p-journey')).toEqual([
      'contact-1:partner.lifecycle:applicant',
      ...[
        'approved',
        'onboarding',
        'onboarding',
        'onboarding',
        'onboarding',
        'active',
        'suspended',
        'active',
        'offboarded',
      ].map((status) => `null:partner.lifecycle:${status}`),
    ]);
    const lifecycle = await ok('GET', '/partners/p-journey/lifecycle');
    expect(lifecycle.lifecycle.history.map((change: Body) => change.status)).toEqual([
      'applicant',
      'approved',
      'onboarding',
      'active',
      'suspended',
      'active',
      'offboarded',
    ]);
  });

  it("applies for a partner the CRM already holds, keeping its record, and refuses an application that can't be", async () => {
    await ok('PUT', '/crm/partners/p-known', partnerRecord('p-known', 'applicant'), 201);
    const applied = await ok('POST', '/partners/applications', application('p-known'), 201);
    expect(applied.partner).toEqual({ ...partnerRecord('p-known', 'applicant'), version: 1 });

    const before = await snapshot();
    const twice = await call('POST', '/partners/applications', application('p-known'));
    expect([twice.status, issuesOf(twice.body)]).toEqual([422, [['partnerId', 'already_applied']]]);
    await ok('PUT', '/crm/partners/p-legacy', partnerRecord('p-legacy', 'active'), 201);
    const legacy = await call('POST', '/partners/applications', application('p-legacy'));
    expect([legacy.status, issuesOf(legacy.body)]).toEqual([422, [['partnerId', 'partner_in_channel']]]);
    expect(legacy.body.message).toContain('is already active in the CRM without a lifecycle');
    expect((await snapshot()).records).toEqual([
      ...before.records.filter((record) => record.kind === 'partner'),
      { kind: 'partner', id: 'p-legacy', version: 1 },
      ...before.records.filter((record) => record.kind === 'partner_lifecycle'),
    ]);
    expect(await statusOf('p-legacy')).toBe('active');
    // A partner the CRM lists as rejected earlier, without a lifecycle, may apply again.
    await ok('PUT', '/crm/partners/p-returning', partnerRecord('p-returning', 'rejected'), 201);
    const returning = await ok('POST', '/partners/applications', application('p-returning'), 201);
    expect([returning.partner.status, returning.partner.version]).toEqual(['applicant', 2]);
  });

  it('answers 400 naming each bad field of an application or an event, and writes nothing', async () => {
    await ok('POST', '/partners/applications', application('p-shapes'), 201);
    const before = await snapshot();
    const cases: [string, unknown, [string, string][]][] = [
      [
        '/partners/applications',
        { partnerId: '', partnerName: ' ', extra: 1 },
        [
          ['partnerId', 'too_small'],
          ['partnerName', 'blank'],
          ['submittedBy', 'required'],
          ['extra', 'unknown_field'],
        ],
      ],
      ['/partners/p-shapes/lifecycle/approve', {}, [['by', 'required']]],
      ['/partners/p-shapes/lifecycle/approve', { by: 'cm-1', expectedVersion: -1 }, [['expectedVersion', 'too_small']]],
      ['/partners/p-shapes/lifecycle/reject', { by: 'cm-1', reason: '   ' }, [['reason', 'reason_required']]],
      ['/partners/p-shapes/lifecycle/complete_milestone', { by: 'cm-1' }, [['milestoneId', 'required']]],
      [
        '/partners/p-shapes/lifecycle/suspend',
        { by: 'cm-1', type: 'suspend', reason: 'x' },
        [['type', 'unknown_field']],
      ],
      ['/partners/p-shapes/lifecycle/flag_overdue_milestones', { by: 'cm-1' }, [['by', 'unknown_field']]],
    ];
    for (const [url, body, issues] of cases) {
      const response = await call('POST', url, body);
      expect([url, response.status, issuesOf(response.body)]).toEqual([url, 400, issues]);
    }
    expect((await call('POST', '/partners/p-shapes/lifecycle/promote', { by: 'cm-1' })).status).toBe(404);
    expect(await snapshot()).toEqual(before);
  });

  it('answers 404 for a partner without a lifecycle, 409 for a stale version and 422 for what the lifecycle refuses', async () => {
    expect((await call('GET', '/partners/p-nobody/lifecycle')).status).toBe(404);
    const missing = await call('POST', '/partners/p-nobody/lifecycle/approve', { by: 'cm-1' });
    expect([missing.status, issuesOf(missing.body)]).toEqual([404, [['partnerId', 'not_found']]]);

    await ok('POST', '/partners/applications', application('p-refused'), 201);
    await event('p-refused', 'approve');
    const before = await snapshot();
    const stale = await call('POST', '/partners/p-refused/lifecycle/start_onboarding', {
      by: 'cm-1',
      expectedVersion: 1,
    });
    expect([stale.status, issuesOf(stale.body)]).toEqual([409, [['expectedVersion', 'stale_write']]]);
    const early = await call('POST', '/partners/p-refused/lifecycle/activate', { by: 'cm-1' });
    expect([early.status, issuesOf(early.body)]).toEqual([422, [['type', 'transition_not_allowed']]]);
    expect(early.body.message).toBe(
      'Partner Company p-refused (p-refused) cannot be activated: it is approved, and only a partner that is onboarding can.',
    );
    expect(await snapshot()).toEqual(before);

    await event('p-refused', 'start_onboarding', { by: 'cm-1', expectedVersion: 2 });
    const incomplete = await call('POST', '/partners/p-refused/lifecycle/activate', { by: 'cm-1' });
    expect([incomplete.status, issuesOf(incomplete.body)]).toEqual([422, [['', 'onboarding_incomplete']]]);
    const unknown = await call('POST', '/partners/p-refused/lifecycle/complete_milestone', {
      by: 'cm-1',
      milestoneId: 'launch-party',
    });
    expect([unknown.status, issuesOf(unknown.body)]).toEqual([422, [['milestoneId', 'unknown_milestone']]]);
    expect(await statusOf('p-refused')).toBe('onboarding');
  });

  it('replays a retried event instead of applying it twice, and refuses its key for another event', async () => {
    await ok('POST', '/partners/applications', application('p-retry'), 201);
    const headers = { 'idempotency-key': 'approve-p-retry' };
    const first = await call('POST', '/partners/p-retry/lifecycle/approve', { by: 'cm-1' }, headers);
    const again = await call('POST', '/partners/p-retry/lifecycle/approve', { by: 'cm-1' }, headers);
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body).toEqual(first.body);
    const reused = await call('POST', '/partners/p-retry/lifecycle/reject', { by: 'cm-1', reason: 'No.' }, headers);
    expect([reused.status, reused.body.error]).toEqual([422, 'idempotency_key_reused']);
    expect((await ok('GET', '/partners/p-retry/lifecycle')).lifecycle.version).toBe(2);
    expect(await decisionsOf('p-retry')).toEqual([
      'null:partner.lifecycle:applicant',
      'null:partner.lifecycle:approved',
    ]);
  });

  it("writes the lifecycle's status on the partner record, keeping the fields the CRM gave it since", async () => {
    await ok('PUT', '/crm/partners/p-busy', partnerRecord('p-busy', 'applicant'), 201);
    await ok('POST', '/partners/applications', application('p-busy'), 201);
    await ok('PUT', '/crm/partners/p-busy', { ...partnerRecord('p-busy', 'applicant'), name: 'Busy Ltd' });
    const approved = await event('p-busy', 'approve');
    const expected = { ...partnerRecord('p-busy', 'applicant'), name: 'Busy Ltd', status: 'approved', version: 3 };
    expect(approved.partner).toEqual(expected);
    expect(await ok('GET', '/crm/partners/p-busy')).toEqual(expected);
  });

  it('rolls the whole decision back when the partner record cannot be written: lifecycle, status and audit entry', async () => {
    await ok('POST', '/partners/applications', application('p-locked'), 201);
    const before = await snapshot();
    const { db } = tenant.store;
    await sql`create function refuse_locked_partner() returns trigger language plpgsql as $$
      begin
        if new.kind = 'partner' and new.id = 'p-locked' then raise exception 'partner p-locked is locked'; end if;
        return new;
      end $$`.execute(db);
    await sql`create trigger refuse_locked_partner before update on records
      for each row execute function refuse_locked_partner()`.execute(db);
    try {
      const refused = await call('POST', '/partners/p-locked/lifecycle/approve', { by: 'cm-1' });
      expect([refused.status, refused.body.error]).toEqual([500, 'internal_error']);
    } finally {
      await sql`drop trigger refuse_locked_partner on records`.execute(db);
      await sql`drop function refuse_locked_partner()`.execute(db);
    }
    expect(await snapshot()).toEqual(before);
    expect((await ok('GET', '/partners/p-locked/lifecycle')).lifecycle.status).toBe('applicant');
    // Nothing was kept of the failed request: the same decision goes through once the record can be written.
    expect((await event('p-locked', 'approve')).partner.status).toBe('approved');
  });

  it('lists lifecycles by status, lists those with overdue milestones, and reports them once', async () => {
    for (const id of ['p-late-1', 'p-late-2', 'p-late-3']) {
      await ok('POST', '/partners/applications', application(id), 201);
      await event(id, 'approve');
    }
    await event('p-late-1', 'start_onboarding');
    await event('p-late-2', 'start_onboarding');
    await event('p-late-2', 'complete_milestone', { by: 'cm-1', milestoneId: 'agreement' });

    const approved = await ok('GET', '/partner-lifecycles?status=approved&limit=500');
    expect(approved.lifecycles.map((found: Body) => found.partnerId)).toContain('p-late-3');
    expect(approved.lifecycles.every((found: Body) => found.status === 'approved')).toBe(true);
    const paged = await ok('GET', '/partner-lifecycles?limit=1');
    expect(paged.lifecycles).toHaveLength(1);
    const second = await ok('GET', `/partner-lifecycles?limit=1&after=${paged.next}`);
    expect(second.lifecycles[0].partnerId > paged.lifecycles[0].partnerId).toBe(true);

    server.clock.set('2026-12-05T15:00:00Z');
    const overdue = await ok('GET', '/partner-lifecycles/overdue-milestones');
    const late = overdue.lifecycles.filter((found: Body) => found.partnerId.startsWith('p-late'));
    expect([
      overdue.today,
      late.map((found: Body) => [found.partnerId, found.overdueMilestones.map((m: Body) => m.id)]),
    ]).toEqual(['2026-12-05', [['p-late-1', ['agreement']]]]);

    server.clock.set('2026-12-09T15:00:00Z');
    const flagged = await ok('POST', '/partner-lifecycles/overdue-milestones/flag');
    const ours = flagged.flagged.filter((outcome: Body) => outcome.lifecycle.partnerId.startsWith('p-late'));
    expect(
      ours.map((outcome: Body) => [outcome.lifecycle.partnerId, outcome.trace.steps[0].facts.newlyOverdue]),
    ).toEqual([
      ['p-late-1', ['agreement', 'portal-users']],
      ['p-late-2', ['portal-users']],
    ]);
    expect(flagged.failed).toEqual([]);
    expect(ours[0].effects.map((effect: Body) => [effect.type, effect.notice])).toEqual([
      ['notify', 'milestones_overdue'],
      ['notify', 'milestones_overdue'],
    ]);
    const again = await ok('POST', '/partner-lifecycles/overdue-milestones/flag');
    expect(again.flagged).toEqual([]);
    const listed = await ok('GET', '/partner-lifecycles/overdue-milestones');
    const flaggedOn = listed.lifecycles
      .find((found: Body) => found.partnerId === 'p-late-1')
      .overdueMilestones.map((milestone: Body) => milestone.overdueFlaggedOn);
    expect(flaggedOn).toEqual(['2026-12-09', '2026-12-09']);
    expect((await decisionsOf('p-late-1')).slice(-1)).toEqual(['null:partner.lifecycle:onboarding']);
    // Reporting one partner by hand: nothing newly overdue is refused.
    const nothing = await call('POST', '/partners/p-late-1/lifecycle/flag_overdue_milestones');
    expect([nothing.status, issuesOf(nothing.body)]).toEqual([422, [['', 'nothing_overdue']]]);
  });

  it("keeps another tenant out of the tenant's lifecycles", async () => {
    await ok('POST', '/partners/applications', application('p-mine'), 201);
    const other = await server.tenant('t-lifecycles-other');
    const as = (method: 'GET' | 'POST', url: string, body?: unknown) =>
      server.call(other, method, `/api/v1${url}`, body);
    expect((await as('GET', '/partners/p-mine/lifecycle')).status).toBe(404);
    expect((await as('POST', '/partners/p-mine/lifecycle/approve', { by: 'cm-9' })).status).toBe(404);
    expect((await as('GET', '/partner-lifecycles')).body).toEqual({ lifecycles: [], next: null });
    expect((await as('POST', '/partner-lifecycles/overdue-milestones/flag')).body.flagged).toEqual([]);
    const theirs = await as('POST', '/partners/applications', application('p-mine', 'Their company'));
    expect([theirs.status, theirs.body.lifecycle.version]).toEqual([201, 1]);
    await as('POST', '/partners/p-mine/lifecycle/reject', { by: 'cm-9', reason: 'Not a fit.' });

    const mine = await ok('GET', '/partners/p-mine/lifecycle');
    expect([mine.lifecycle.status, mine.lifecycle.partnerName, mine.lifecycle.version]).toEqual([
      'applicant',
      'Company p-mine',
      1,
    ]);
    expect(await statusOf('p-mine')).toBe('applicant');
    expect(await decisionsOf('p-mine')).toEqual(['null:partner.lifecycle:applicant']);
  });

  it('needs a published program to decide', async () => {
    const blank = await server.tenant('t-lifecycles-blank', { program: null });
    const response = await server.call(blank, 'POST', '/api/v1/partners/applications', application('p-1'));
    expect([response.status, response.body.error]).toEqual([422, 'program_missing']);
    expect(await blank.store.partners.get('p-1')).toBeUndefined();
  });

  it('documents one route per lifecycle event of the core, with its body and answers', async () => {
    const response = await server.app.inject({ method: 'GET', url: '/docs/json' });
    const paths = response.json().paths as Record<string, Record<string, Body>>;
    const events = PartnerLifecycleEventSchema.options.map((option) => option.shape.type.value);
    for (const type of events) {
      const route = paths[`/api/v1/partners/{id}/lifecycle/${type}`]?.post;
      expect([type, Object.keys(route?.responses ?? {}).sort()]).toEqual([type, ['200', '400', '404', '409', '422']]);
    }
    const waive = paths['/api/v1/partners/{id}/lifecycle/waive_milestone']!.post!;
    expect(Object.keys(waive.requestBody.content['application/json'].schema.properties)).toEqual([
      'by',
      'milestoneId',
      'reason',
      'expectedVersion',
    ]);
    expect(Object.keys(paths).filter((path) => path.includes('lifecycle')).length).toBe(events.length + 4);
  });
});
