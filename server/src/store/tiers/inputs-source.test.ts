import type { PartnerTierInputs, Registration } from '@conduit/core';
import { BACKENDS, freshDatabase, type TestDatabase } from '../../test-support/databases.js';
import { ensureTenant } from '../tenants.js';
import { tenantStore, type TenantStore } from '../tenant-store.js';
import { tierInputsSource } from './inputs-source.js';
import { certifications, seedPartner } from './test-channel.js';

jest.setTimeout(120_000);

const WINDOW = { from: '2025-11-25', through: '2026-11-24' };

/** Every page of a scan, as lists of partner ids, and every partner's inputs by id. */
async function scanned(source: ReturnType<typeof tierInputsSource>, query: Parameters<typeof source.scan>[0]) {
  const pages: string[][] = [];
  const inputs = new Map<string, PartnerTierInputs>();
  for await (const page of source.scan(query)) {
    pages.push(page.map((partner) => partner.partnerId));
    for (const partner of page) inputs.set(partner.partnerId, partner);
  }
  return { pages, inputs };
}

describe.each(BACKENDS)('the tier inputs source on %s', (backend) => {
  let database: TestDatabase;
  let store: TenantStore;
  let other: TenantStore;

  beforeAll(async () => {
    database = await freshDatabase(backend);
    for (const id of ['t-inputs', 't-other']) await ensureTenant(database.db, { id, name: id });
    store = tenantStore(database.db, 't-inputs');
    other = tenantStore(database.db, 't-other');

    await seedPartner(store, {
      id: 'p-1',
      tierId: 'silver',
      specializationIds: ['security'],
      certifications: [
        ...certifications('sales-professional', 1, '2024-01-10'),
        ...certifications('technical-specialist', 1, '2025-02-01', '2026-01-31'),
      ],
      deals: [
        { closedOn: '2025-11-24', dollars: 1_000 }, // the day before the window
        { closedOn: '2025-11-25', dollars: 2_000 }, // its first day
        { closedOn: '2026-11-24', dollars: 3_000, role: 'influenced' }, // its last day
        { closedOn: '2026-11-25', dollars: 4_000 }, // after it
        { closedOn: '2026-05-01', dollars: 5_000, stage: 'lost' },
        { closedOn: '2026-05-02', dollars: 6_000, stage: 'open' },
        { closedOn: '2026-05-03', dollars: 7_000, currency: 'EUR' },
      ],
      approvedRegistrations: ['2025-11-24', '2025-11-25', '2026-11-24', '2026-11-25'],
    });
    // A deal of no partner, and registrations that were never approved or were approved and then closed.
    await store.deals.save(
      {
        id: 'deal-direct',
        name: 'Direct deal',
        accountId: 'account-1',
        amount: { amount: 100, currency: 'USD' },
        products: [],
        createdAt: '2026-01-01T00:00:00Z',
        partnerId: null,
        partnerRole: null,
        registrationId: null,
        version: 0,
        stage: 'won',
        closedOn: '2026-02-01',
      },
      { expectedVersion: null },
    );
    const approved = (await store.registrations.get('registration-p-1-2'))! as Extract<
      Registration,
      { status: 'approved' }
    >;
    const { protection: _protection, ...decided } = approved;
    await store.registrations.save(
      { ...decided, id: 'registration-rejected', status: 'rejected', reason: 'Duplicate' },
      { expectedVersion: null },
    );
    await store.registrations.save(
      { ...approved, id: 'registration-won', status: 'won', closedOn: '2026-03-01' },
      { expectedVersion: null },
    );
    await store.registrations.save(
      { ...approved, id: 'registration-expired', status: 'expired', expiredOn: '2026-02-23' },
      { expectedVersion: null },
    );

    for (const [index, id] of ['p-2', 'p-3', 'p-4', 'p-5'].entries())
      await seedPartner(store, { id, tierId: index % 2 ? 'gold' : null });
    await seedPartner(store, { id: 'p-6', tierId: null, status: 'applicant' });
    await seedPartner(store, { id: 'p-7', tierId: null, status: 'offboarded' });
    await seedPartner(store, { id: 'p-8', tierId: null, status: 'suspended' });

    await store.tiers.satisfactionScores.import([
      { id: 's-before', partnerId: 'p-1', date: '2025-11-24', value: 10 },
      { id: 's-first', partnerId: 'p-1', date: '2025-11-25', value: 81.5 },
      { id: 's-last', partnerId: 'p-1', date: '2026-11-24', value: 93 },
      { id: 's-after', partnerId: 'p-1', date: '2026-11-25', value: 20 },
      { id: 's-other', partnerId: 'p-2', date: '2026-06-01', value: 70 },
    ]);
    await store.tiers.customMetrics.import([
      { partnerId: 'p-1', key: 'nps', date: '2023-05-01', value: 30 },
      { partnerId: 'p-1', key: 'nps', date: '2024-05-01', value: 41 },
      { partnerId: 'p-1', key: 'nps', date: '2026-12-01', value: 99 },
      { partnerId: 'p-1', key: 'webinars', date: '2025-11-24', value: 4 },
      { partnerId: 'p-1', key: 'webinars', date: '2026-01-10', value: 2 },
      { partnerId: 'p-1', key: 'webinars', date: '2026-11-24', value: 1.5 },
      { partnerId: 'p-2', key: 'nps', date: '2024-01-01', value: 12 },
    ]);

    // Another tenant with the same partner ids and data of its own, which must never show.
    await seedPartner(other, {
      id: 'p-1',
      tierId: 'platinum',
      deals: [{ closedOn: '2026-01-01', dollars: 9_999_999 }],
      approvedRegistrations: ['2026-01-01'],
    });
    await other.tiers.satisfactionScores.import([{ id: 's-first', partnerId: 'p-1', date: '2026-01-01', value: 1 }]);
    await other.tiers.customMetrics.import([{ partnerId: 'p-1', key: 'nps', date: '2026-01-01', value: -5 }]);
  });
  afterAll(() => database && database.dispose());

  it("serves a partner's data in the window whole: won partner deals, approvals, scores, metric values, certifications", async () => {
    const { inputs } = await scanned(store.tiers.inputs, { ...WINDOW, partnerIds: ['p-1'] });
    expect(inputs.get('p-1')).toEqual({
      partnerId: 'p-1',
      tierId: 'silver',
      specializationIds: ['security'],
      certifications: [
        { type: 'sales-professional', earnedOn: '2024-01-10', expiresOn: null },
        { type: 'technical-specialist', earnedOn: '2025-02-01', expiresOn: '2026-01-31' },
      ],
      wonDeals: [
        {
          id: 'deal-p-1-2',
          partnerId: 'p-1',
          partnerRole: 'sourced',
          closedOn: '2025-11-25',
          amount: { amount: 200_000, currency: 'USD' },
        },
        {
          id: 'deal-p-1-7',
          partnerId: 'p-1',
          partnerRole: 'sourced',
          closedOn: '2026-05-03',
          amount: { amount: 700_000, currency: 'EUR' },
        },
        {
          id: 'deal-p-1-3',
          partnerId: 'p-1',
          partnerRole: 'influenced',
          closedOn: '2026-11-24',
          amount: { amount: 300_000, currency: 'USD' },
        },
      ],
      // Approved on 2025-11-25 (three times: approved, then won or expired) and 2026-11-24; never the rejected one.
      approvedRegistrations: [
        { partnerId: 'p-1', approvedOn: '2025-11-25' },
        { partnerId: 'p-1', approvedOn: '2025-11-25' },
        { partnerId: 'p-1', approvedOn: '2025-11-25' },
        { partnerId: 'p-1', approvedOn: '2026-11-24' },
      ],
      satisfactionScores: [
        { partnerId: 'p-1', date: '2025-11-25', value: 81.5 },
        { partnerId: 'p-1', date: '2026-11-24', value: 93 },
      ],
      // The latest value of each metric before the window (nps of 2024, webinars of the day before), then
      // the values in it; nothing after the evaluation date.
      customMetrics: [
        { partnerId: 'p-1', key: 'nps', date: '2024-05-01', value: 41 },
        { partnerId: 'p-1', key: 'webinars', date: '2025-11-24', value: 4 },
        { partnerId: 'p-1', key: 'webinars', date: '2026-01-10', value: 2 },
        { partnerId: 'p-1', key: 'webinars', date: '2026-11-24', value: 1.5 },
      ],
    });
    const others = await scanned(other.tiers.inputs, { ...WINDOW, partnerIds: ['p-1'] });
    expect(others.inputs.get('p-1')).toMatchObject({
      tierId: 'platinum',
      wonDeals: [{ amount: { amount: 999_999_900 } }],
      approvedRegistrations: [{ approvedOn: '2026-01-01' }],
      satisfactionScores: [{ value: 1 }],
      customMetrics: [{ value: -5 }],
    });
  });

  it('streams the partners admitted to the program in pages, in id order, each with its own data only', async () => {
    const { pages, inputs } = await scanned(tierInputsSource(database.db, 't-inputs', 3), WINDOW);
    expect(pages).toEqual([
      ['p-1', 'p-2', 'p-3'],
      ['p-4', 'p-5', 'p-8'],
    ]);
    for (const partner of inputs.values()) {
      for (const list of [
        partner.wonDeals,
        partner.approvedRegistrations,
        partner.satisfactionScores,
        partner.customMetrics,
      ])
        for (const item of list) expect(item.partnerId).toBe(partner.partnerId);
    }
    expect(inputs.get('p-2')).toMatchObject({
      tierId: null,
      satisfactionScores: [{ date: '2026-06-01', value: 70 }],
      customMetrics: [{ key: 'nps', date: '2024-01-01', value: 12 }],
    });
    expect(inputs.get('p-3')).toMatchObject({ tierId: 'gold', wonDeals: [], approvedRegistrations: [] });
  });

  it('reads only the partners asked for, and nobody for an empty list or partners outside the program', async () => {
    const asked = await scanned(tierInputsSource(database.db, 't-inputs', 2), {
      ...WINDOW,
      partnerIds: ['p-5', 'p-1', 'p-6', 'p-7', 'p-missing'],
    });
    expect(asked.pages).toEqual([['p-1', 'p-5']]);
    expect((await scanned(store.tiers.inputs, { ...WINDOW, partnerIds: [] })).pages).toEqual([]);
    // A narrower window reads less: only what falls in it.
    const narrow = await scanned(store.tiers.inputs, {
      from: '2026-01-01',
      through: '2026-06-30',
      partnerIds: ['p-1'],
    });
    expect(narrow.inputs.get('p-1')).toMatchObject({
      wonDeals: [{ id: 'deal-p-1-7' }],
      approvedRegistrations: [],
      satisfactionScores: [],
      customMetrics: [
        { key: 'nps', date: '2024-05-01' },
        { key: 'webinars', date: '2025-11-24' },
        { key: 'webinars', date: '2026-01-10' },
      ],
    });
  });
});
