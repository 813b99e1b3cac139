import type { TenantStore } from '../store/tenant-store.js';
import { BACKENDS, freshDatabase, type TestDatabase } from '../test-support/databases.js';
import { testClock } from '../test-support/test-server.js';
import { evaluateTiers } from './tier-evaluation.js';
import {
  created,
  jobsProgram,
  partner,
  recordingProgress,
  tenantWithProgram,
  wonDeal,
} from './test-support/job-fixtures.js';

const program = jobsProgram();

describe.each(BACKENDS)('the tier evaluation job on %s', (backend) => {
  let database: TestDatabase;
  let store: TenantStore;
  let tenants = 0;
  const clock = testClock('2026-11-24T15:00:00Z');

  beforeAll(async () => {
    database = await freshDatabase(backend);
  });
  afterAll(() => database.dispose());
  beforeEach(async () => {
    tenants += 1;
    store = await tenantWithProgram(database.db, `t-tiers-${tenants}`, program);
    await created(store.partners, [
      // $150,000 of sourced revenue and a sales certification: Silver, applied automatically (upgrades are).
      partner('p-1', 'registered'),
      partner('p-2', 'registered'), // no revenue: stays Registered
      { ...partner('p-3', null), status: 'applicant' }, // not admitted to the program: not evaluated
    ]);
    await created(store.deals, [
      wonDeal('deal-1', 'p-1', 9_000_000, '2026-09-15'),
      wonDeal('deal-2', 'p-1', 6_000_000, '2026-10-02'),
    ]);
  });

  const auditSize = async () =>
    Number(
      (
        await database.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<string>().as('count'))
          .where('tenant_id', '=', store.tenantId)
          .executeTakeFirstOrThrow()
      ).count,
    );

  it('evaluates every partner admitted to the program, applying what the program allows; a second run changes nothing', async () => {
    const progress = recordingProgress();

    const counts = await evaluateTiers(store, clock, program, { progress });

    expect(counts).toEqual({
      evaluated: 2,
      applied: 1,
      awaitingApproval: 0,
      alreadyAwaiting: 0,
      unchanged: 1,
      failed: 0,
    });
    expect(progress.reports).toEqual([
      { evaluated: 1, applied: 1 },
      { evaluated: 1, unchanged: 1 },
    ]);
    expect(await store.partners.get('p-1')).toMatchObject({ tierId: 'silver', version: 2 });
    expect(await store.tiers.standings.get('p-1')).toMatchObject({ status: 'tiered', tier: { tierId: 'silver' } });
    expect(await store.partners.get('p-2')).toMatchObject({ tierId: 'registered', version: 1 });
    expect(await store.tiers.standings.get('p-3')).toBeUndefined();
    const [entry] = await store.audit.forSubject('partner', 'p-1');
    expect(entry).toMatchObject({ actor: 'job:tier-evaluation', trace: { outcome: expect.any(String) as string } });
    const audited = await auditSize();
    const standing = await store.tiers.standings.get('p-1');

    const again = await evaluateTiers(store, clock, program);

    expect(again).toMatchObject({ evaluated: 2, applied: 0, awaitingApproval: 0, failed: 0 });
    expect(await auditSize()).toBe(audited);
    expect(await store.partners.get('p-1')).toMatchObject({ tierId: 'silver', version: 2 });
    expect((await store.tiers.standings.get('p-1'))?.version).toBe(standing?.version);
  });

  it('resumes after a run that died: the partner already upgraded is not upgraded again', async () => {
    // The run dies while committing the second partner (p-1, upgraded, comes first in id order).
    await expect(evaluateTiers(store, clock, program, { progress: recordingProgress(2) })).rejects.toThrow('died');
    expect(await store.partners.get('p-1')).toMatchObject({ tierId: 'silver', version: 2 });

    const resumed = await evaluateTiers(store, clock, program);

    expect(resumed).toMatchObject({ evaluated: 2, applied: 0 });
    expect(await store.partners.get('p-1')).toMatchObject({ tierId: 'silver', version: 2 });
    const history = (await store.tiers.standings.get('p-1'))?.history ?? [];
    expect(history.filter((change) => change.toTierId === 'silver')).toHaveLength(1);
  });
});
