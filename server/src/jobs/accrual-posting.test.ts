import { approveMdfRequest, submitMdfRequest } from '@conduit/core';
import type { TenantStore } from '../store/tenant-store.js';
import { BACKENDS, freshDatabase, type TestDatabase } from '../test-support/databases.js';
import { testClock } from '../test-support/test-server.js';
import { mdfContext } from '../workflows/mdf-context.js';
import { postAccruals } from './accrual-posting.js';
import {
  auditCounts,
  created,
  jobsProgram,
  partner,
  recordingProgress,
  tenantWithProgram,
  wonDeal,
} from './test-support/job-fixtures.js';

const program = jobsProgram();

describe.each(BACKENDS)('the accrual posting job on %s', (backend) => {
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
    clock.set('2026-11-24T15:00:00Z');
    store = await tenantWithProgram(database.db, `t-accruals-${tenants}`, program);
    await created(store.partners, [
      partner('p-1', 'silver'), // co-op at the Silver rate, 1 %
      partner('p-2', 'gold'), // 2 %
      partner('p-3', 'registered'), // 0 %: earns nothing
      partner('p-4', null), // no tier, so no rate: refused
    ]);
    await created(store.deals, [
      wonDeal('d-1', 'p-1', 1_000_000, '2026-10-01'),
      wonDeal('d-2', 'p-1', 500_000, '2026-11-01'),
      wonDeal('d-3', 'p-2', 2_000_000, '2026-09-01'),
      wonDeal('d-4', 'p-2', 3_000_000, '2025-10-01'), // what it earned expired on 2026-10-01
      wonDeal('d-5', 'p-3', 100_000, '2026-11-02'),
      wonDeal('d-6', 'p-4', 100_000, '2026-11-02'),
    ]);
  });

  const ledger = async () =>
    (
      await database.db
        .selectFrom('ledger_postings')
        .select(['id', 'kind', 'data'])
        .where('tenant_id', '=', store.tenantId)
        .orderBy('seq')
        .execute()
    ).map((row) => ({ id: row.id, kind: row.kind, amount: (row.data.lines as { amount: number }[])[0]!.amount }));

  it('accrues co-op funds on won deals once per deal, with an audit entry per allocation; a second run posts nothing', async () => {
    const progress = recordingProgress();

    const counts = await postAccruals(store, clock, program, { progress });

    expect(counts).toEqual({
      checked: 4,
      allocationsAccrued: 2,
      accrualPostings: 3,
      refused: 1,
      allocationsChecked: 2,
      allocationsExpired: 0,
      requestsChecked: 0,
      requestsLapsed: 0,
      requestsClosed: 0,
      failed: 0,
    });
    expect(await ledger()).toEqual([
      { id: 'co-op:p-1:accrue:d-1', kind: 'accrue', amount: 10_000 },
      { id: 'co-op:p-1:accrue:d-2', kind: 'accrue', amount: 5_000 },
      { id: 'co-op:p-2:accrue:d-3', kind: 'accrue', amount: 40_000 },
    ]);
    expect(await store.mdf.allocations.get('co-op:p-1')).toMatchObject({
      version: 1,
      balances: { available: { amount: 15_000, currency: 'USD' } },
    });
    expect(Object.fromEntries(await auditCounts(database.db, store.tenantId, 'mdf.accrual'))).toEqual({
      'co-op:p-1': 1,
      'co-op:p-2': 1,
    });

    const again = await postAccruals(store, clock, program);

    expect(again).toMatchObject({ checked: 4, accrualPostings: 0, allocationsAccrued: 0, allocationsExpired: 0 });
    expect(await ledger()).toHaveLength(3);
    expect((await store.mdf.allocations.get('co-op:p-1'))?.version).toBe(1);
  });

  it('expires co-op funds past their expiry once', async () => {
    await postAccruals(store, clock, program);
    clock.set('2027-10-05T15:00:00Z'); // d-1's and d-3's funds expired on 2027-10-01 and 2027-09-01

    const counts = await postAccruals(store, clock, program);

    expect(counts).toMatchObject({ accrualPostings: 0, allocationsChecked: 2, allocationsExpired: 2 });
    const expiries = (await ledger()).filter((posting) => posting.kind === 'expire');
    expect(expiries).toEqual([
      { id: 'co-op:p-1:expire:v1', kind: 'expire', amount: 10_000 },
      { id: 'co-op:p-2:expire:v1', kind: 'expire', amount: 40_000 },
    ]);

    const again = await postAccruals(store, clock, program);

    expect(again).toMatchObject({ allocationsExpired: 0 });
    expect((await ledger()).filter((posting) => posting.kind === 'expire')).toHaveLength(2);
  });

  /** Submits (and approves, when told) a $100.00 webinar on co-op:p-1's funds, held on `startDate`. */
  const webinar = async (title: string, startDate: string, approve: boolean): Promise<string> => {
    const usd = (amount: number) => ({ amount, currency: 'USD' });
    const submittedRequest = await submitMdfRequest(await mdfContext(store, clock), {
      title,
      allocationId: 'co-op:p-1',
      activityId: 'webinar',
      startDate,
      endDate: startDate,
      requestedAmount: usd(10_000),
      partnerContribution: usd(2_500),
      expected: { leads: 5, pipeline: usd(100_000) },
      links: { campaignIds: [], leadIds: [], dealIds: [] },
      submittedBy: 'partner-user',
    });
    if (!submittedRequest.success) throw new Error(JSON.stringify(submittedRequest.issues));
    const id = submittedRequest.data.next.id;
    if (approve) {
      const approvedRequest = await approveMdfRequest(await mdfContext(store, clock), {
        requestId: id,
        approver: { userId: 'manager', roles: ['channel-manager'] },
      });
      if (!approvedRequest.success) throw new Error(JSON.stringify(approvedRequest.issues));
    }
    return id;
  };

  it('lapses MDF requests whose time is over, once, releasing what they committed', async () => {
    await postAccruals(store, clock, program); // co-op:p-1 earns $150.00
    const undecided = await webinar('Undecided webinar', '2026-12-16', false);
    const unclaimed = await webinar('Unclaimed webinar', '2026-12-16', true);
    const later = await webinar('Later webinar', '2027-06-01', false);
    expect(await store.mdf.allocations.get('co-op:p-1')).toMatchObject({
      balances: { available: { amount: 7_500 }, committed: { amount: 7_500 } },
    });

    const notYet = await postAccruals(store, clock, program);

    expect(notYet).toMatchObject({ requestsChecked: 3, requestsLapsed: 0, requestsClosed: 0, refused: 1 }); // p-4 has no tier

    clock.set('2027-02-15T15:00:00Z'); // past the undecided one's start and the approved one's claim deadline (2027-02-14)
    const counts = await postAccruals(store, clock, program);

    expect(counts).toMatchObject({ requestsChecked: 3, requestsLapsed: 2, requestsClosed: 0, refused: 1, failed: 0 });
    expect((await store.mdf.requests.get(undecided))?.status).toBe('lapsed');
    expect((await store.mdf.requests.get(unclaimed))?.status).toBe('lapsed');
    expect((await store.mdf.requests.get(later))?.status).toBe('submitted');
    expect(await store.mdf.allocations.get('co-op:p-1')).toMatchObject({
      balances: { available: { amount: 15_000 }, committed: { amount: 0 } },
    });
    expect((await ledger()).filter((posting) => posting.kind === 'release')).toHaveLength(1);
    expect(Object.fromEntries(await auditCounts(database.db, store.tenantId, 'mdf.request.lapse'))).toEqual({
      [undecided]: 1,
      [unclaimed]: 1,
    });

    const again = await postAccruals(store, clock, program);

    expect(again).toMatchObject({ requestsChecked: 1, requestsLapsed: 0 });
    expect((await ledger()).filter((posting) => posting.kind === 'release')).toHaveLength(1);
  });

  it('resumes after a run that died, posting no ledger entry twice', async () => {
    await expect(postAccruals(store, clock, program, { progress: recordingProgress(2) })).rejects.toThrow('died');
    expect((await ledger()).map((posting) => posting.id)).toEqual(['co-op:p-1:accrue:d-1', 'co-op:p-1:accrue:d-2']);

    const resumed = await postAccruals(store, clock, program);

    expect(resumed).toMatchObject({ accrualPostings: 1, allocationsAccrued: 1 });
    expect((await ledger()).map((posting) => posting.id)).toEqual([
      'co-op:p-1:accrue:d-1',
      'co-op:p-1:accrue:d-2',
      'co-op:p-2:accrue:d-3',
    ]);
  });
});
