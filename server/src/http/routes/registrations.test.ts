import type { Partner } from '@conduit/core';
import { BACKENDS } from '../../test-support/databases.js';
import { startTestServer, type TestServer, type TestTenant } from '../../test-support/test-server.js';

function partner(id: string, tierId: string): Partner {
  return {
    id,
    name: `Partner ${id}`,
    status: 'active',
    tierId,
    specializationIds: [],
    coverage: { countries: ['US'], subdivisions: [], postalPrefixes: [] },
    industries: [],
    languages: ['en'],
    certifications: [],
    version: 0,
  };
}

const details = (customer: string) => ({
  customer: { name: customer, country: 'US', domain: 'acme-robotics.com' },
  contact: { name: 'Jane Doe', email: 'jane@acme-robotics.com' },
  amount: { amount: 5_000_000, currency: 'USD' },
  expectedCloseDate: '2027-02-15',
  products: ['platform'],
});

describe.each(BACKENDS)('registrations through HTTP on %s', (backend) => {
  let server: TestServer;
  let tenant: TestTenant;

  beforeAll(async () => {
    server = await startTestServer(backend);
    tenant = await server.tenant('t-registrations');
    for (const [id, tier] of [
      ['p-1', 'silver'],
      ['p-2', 'gold'],
    ] as const)
      await tenant.store.partners.save(partner(id, tier), { expectedVersion: null });
  });
  afterAll(() => server.dispose());

  async function submitted(partnerId: string, customer: string): Promise<string> {
    const created = await server.call(tenant, 'POST', '/api/v1/registrations', {
      partnerId,
      details: details(customer),
    });
    expect(created.status).toBe(201);
    const submission = await server.call(
      tenant,
      'POST',
      `/api/v1/registrations/${created.body.registration.id}/submit`,
      {},
    );
    expect(submission.status).toBe(200);
    return created.body.registration.id as string;
  }

  it('takes a registration from draft to approved, with effects, traces and an audit trail', async () => {
    const id = await submitted('p-1', 'Acme Robotics Inc.');
    const approval = await server.call(tenant, 'POST', `/api/v1/registrations/${id}/review`, {
      decision: { type: 'approve', by: 'manager-1' },
    });
    expect(approval.status).toBe(200);
    expect(approval.body.registration).toMatchObject({
      status: 'approved',
      protection: { startsOn: '2026-11-24', endsOn: '2027-02-21' },
    });
    expect(approval.body.effects.map((effect: { type: string }) => effect.type)).toContain('set_protection');

    const read = await server.call(tenant, 'GET', `/api/v1/registrations/${id}`);
    expect(read.body.protection).toMatchObject({ kind: 'protected', endsOn: '2027-02-21', daysLeft: 89 });

    const audit = await server.call(tenant, 'GET', `/api/v1/audit/registration/${id}`);
    expect(audit.body.entries.map((entry: { trace: { decision: string } }) => entry.trace.decision)).toEqual([
      'registration.policy',
      'registration.conflict',
      'registration.conflict',
    ]);
  });

  it('records a conflict, refuses a plain approval with 422 and accepts an override', async () => {
    await submitted('p-2', 'Globex Systems');
    server.clock.set('2026-11-24T16:00:00Z');
    const late = await submitted('p-1', 'GLOBEX SYSTEMS');
    const refused = await server.call(tenant, 'POST', `/api/v1/registrations/${late}/review`, {
      decision: { type: 'approve', by: 'manager-1' },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toBe('conflict_unresolved');
    const overridden = await server.call(tenant, 'POST', `/api/v1/registrations/${late}/review`, {
      decision: { type: 'approve', by: 'manager-1', overrideConflict: { reason: 'Agreed with both partners.' } },
    });
    expect(overridden.status).toBe(200);
  });

  it('answers a malformed body with 400 naming each bad field, and changes nothing', async () => {
    const before = await tenant.store.db
      .selectFrom('records')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const response = await server.call(tenant, 'POST', '/api/v1/registrations', {
      partnerId: '',
      details: { customer: {}, contact: {}, products: 'x' },
      extra: 1,
    });
    expect(response.status).toBe(400);
    expect(
      response.body.issues.map((issue: { path: unknown[]; code: string }) => [issue.path.join('.'), issue.code]),
    ).toEqual([
      ['partnerId', 'too_small'],
      ['details.customer.name', 'required'],
      ['details.products', 'invalid_type'],
      ['extra', 'unknown_field'],
    ]);
    const after = await tenant.store.db
      .selectFrom('records')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('answers a stale write with 409, and replays a retried request instead of repeating it', async () => {
    const id = await submitted('p-1', 'Initech');
    const stale = await server.call(tenant, 'POST', `/api/v1/registrations/${id}/review`, {
      expectedVersion: 1,
      decision: { type: 'reject', by: 'manager-1', reason: 'Duplicate.' },
    });
    expect(stale.status).toBe(409);
    const headers = { 'idempotency-key': 'reject-initech' };
    const first = await server.call(
      tenant,
      'POST',
      `/api/v1/registrations/${id}/review`,
      { decision: { type: 'reject', by: 'manager-1', reason: 'Duplicate.' } },
      headers,
    );
    const again = await server.call(
      tenant,
      'POST',
      `/api/v1/registrations/${id}/review`,
      { decision: { type: 'reject', by: 'manager-1', reason: 'Duplicate.' } },
      headers,
    );
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body).toEqual(first.body);
    const reused = await server.call(
      tenant,
      'POST',
      `/api/v1/registrations/${id}/review`,
      { decision: { type: 'reject', by: 'manager-2', reason: 'Other.' } },
      headers,
    );
    expect(reused.status).toBe(422);
  });

  it('refuses requests without a valid token or without an idempotency key', async () => {
    const anonymous = await server.app.inject({ method: 'GET', url: '/api/v1/registrations' });
    expect(anonymous.statusCode).toBe(401);
    const noKey = await server.call(
      tenant,
      'POST',
      '/api/v1/registrations',
      { partnerId: 'p-1', details: details('Hooli') },
      { 'idempotency-key': '' },
    );
    expect(noKey.status).toBe(400);
  });

  it('lists registrations a page at a time in id order, by status and partner, each page after the last id', async () => {
    const list = async (query: string) => {
      const answer = await server.call(tenant, 'GET', `/api/v1/registrations?${query}`);
      expect(answer.status).toBe(200);
      return answer.body as { registrations: { id: string; status: string; partnerId: string }[]; next: string | null };
    };
    const everyOne: string[] = [];
    for (let after: string | null = null, pages = 0; pages === 0 || after !== null; pages++) {
      const page = await list(`limit=2${after === null ? '' : `&after=${encodeURIComponent(after)}`}`);
      expect(page.registrations.length).toBeLessThanOrEqual(2);
      everyOne.push(...page.registrations.map((registration) => registration.id));
      after = page.next;
    }
    expect(everyOne.length).toBeGreaterThanOrEqual(3);
    expect(everyOne).toEqual([...everyOne].sort());
    expect(new Set(everyOne).size).toBe(everyOne.length);

    const whole = await list('limit=500');
    expect(whole.registrations.map((registration) => registration.id)).toEqual(everyOne);
    expect(whole.next).toBeNull();
    const [, second] = everyOne;
    expect((await list(`limit=500&after=${second}`)).registrations.map((registration) => registration.id)).toEqual(
      everyOne.slice(2),
    );

    const byPartner = await list('limit=500&partnerId=p-2');
    expect(byPartner.registrations.every((registration) => registration.partnerId === 'p-2')).toBe(true);
    const rejected = await list('limit=500&status=rejected');
    expect(rejected.registrations.length).toBeGreaterThan(0);
    expect(rejected.registrations.every((registration) => registration.status === 'rejected')).toBe(true);
    expect(
      whole.registrations.filter((registration) => registration.status === 'rejected').map((found) => found.id),
    ).toEqual(rejected.registrations.map((registration) => registration.id));
  });
});
