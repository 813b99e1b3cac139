import { BACKENDS } from '../test-support/databases.js';
import { startTestServer, type TestServer } from '../test-support/test-server.js';
import { tenantStore } from '../store/tenant-store.js';
import { DEMO_TENANT, DEMO_TOKEN, ensureDemoTenant } from './demo-tenant.js';

const scale = { partners: 30, accounts: 200, deals: 500, leads: 200, registrations: 100 };

describe.each(BACKENDS)('the demo tenant on %s', (backend) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(backend);
  }, 60_000);
  afterAll(() => server.dispose());

  it('is created with its program and seeded on first start, and left alone on the next', async () => {
    const { db } = server.database;
    expect(await ensureDemoTenant(db, { today: '2026-11-25', scale })).toEqual({ created: true, seeded: true });
    const store = tenantStore(db, DEMO_TENANT.id);
    expect((await store.programs.current())?.version).toBe(1);
    const counts = async () =>
      Object.fromEntries(
        (
          await db
            .selectFrom('records')
            .select(['kind', (eb) => eb.fn.countAll<string>().as('count')])
            .where('tenant_id', '=', DEMO_TENANT.id)
            .where('kind', 'in', ['partner', 'account', 'deal', 'lead', 'registration'])
            .groupBy('kind')
            .execute()
        ).map((row) => [row.kind, Number(row.count)]),
      );
    const seeded = await counts();
    expect(seeded).toEqual({ partner: 30, account: 200, deal: 500, lead: 200, registration: 100 });
    expect(await ensureDemoTenant(db, { today: '2026-12-01', scale })).toEqual({ created: false, seeded: false });
    expect(await counts()).toEqual(seeded);
    expect((await store.programs.current())?.version).toBe(1);
  }, 120_000);

  it('answers the API with its demo token', async () => {
    const tenant = { id: DEMO_TENANT.id, token: DEMO_TOKEN, store: tenantStore(server.database.db, DEMO_TENANT.id) };
    const page = await server.call(tenant, 'GET', '/api/v1/registrations?limit=1');
    expect(page.status).toBe(200);
    expect(page.body.registrations).toHaveLength(1);
    expect(page.body.registrations[0].id).toBe('registration-0001');
  }, 60_000);
});
