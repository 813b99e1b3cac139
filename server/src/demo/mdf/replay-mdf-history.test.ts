import {
  addDays,
  approveMdfRequest,
  expireMdfFunds,
  fundMdfBudget,
  payMdfClaims,
  sequentialIds,
  type MdfChangeSet,
  type MdfContext,
  type MdfOutcome,
} from '@conduit/core';
import { InMemoryMdfStore } from '../../../../shared/src/mdf/test-support/in-memory-mdf-store.js';
import { demoProgram } from '../../test-support/test-server.js';
import { generateDemoData, type DemoData } from '../generate-demo-data.js';
import { commitWaves, historyForStore, replayMdfHistory } from './replay-mdf-history.js';

const program = demoProgram();
const scale = { partners: 120, accounts: 1_000, deals: 4_000, leads: 10, registrations: 200 };

let data: DemoData;
beforeAll(async () => {
  data = await generateDemoData({ program, today: '2026-11-25', scale });
}, 120_000);

const written = (changes: MdfChangeSet): string[] =>
  (['budgets', 'allocations', 'requests', 'claims', 'paymentBatches'] as const).flatMap((field) =>
    (changes[field] ?? []).map((write) => `${field}:${write.record.id}`),
  );

function byId<T extends { id: string }>(rows: Iterable<T>): T[] {
  return [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
}

describe('replaying the demo MDF history through a store', () => {
  it('packs the history into far fewer commits, each writing a record at most once and keeping commits whole', () => {
    const waves = commitWaves(data.mdf.commits);
    expect(historyForStore(data.mdf.commits).length).toBeLessThan(data.mdf.commits.length);
    expect(waves.length).toBeLessThan(data.mdf.commits.length / 10);
    for (const wave of waves) expect(new Set(written(wave)).size).toBe(written(wave).length);
    const count = (sets: readonly MdfChangeSet[]) => sets.reduce((sum, changes) => sum + written(changes).length, 0);
    expect(count(waves)).toBe(count(data.mdf.commits));
    expect(waves.flatMap((wave) => wave.postings ?? []).length).toBe(data.mdf.records.postings.length);
  });

  it('leaves the store as the history did: budgets and allocations at their versions, the rest as they ended', async () => {
    const replayed = new InMemoryMdfStore();
    await replayMdfHistory(replayed, data.mdf.commits);
    const oneByOne = new InMemoryMdfStore();
    for (const changes of data.mdf.commits) expect((await oneByOne.commit(changes)).success).toBe(true);
    const rows = (store: InMemoryMdfStore, kind: keyof InMemoryMdfStore['rows']) =>
      byId((store.rows[kind] as ReadonlyMap<string, { id: string; version: number }>).values());
    for (const kind of ['budget', 'allocation'] as const) expect(rows(replayed, kind)).toEqual(rows(oneByOne, kind));
    for (const kind of ['request', 'claim', 'payment_batch'] as const) {
      expect(rows(replayed, kind)).toEqual(rows(oneByOne, kind).map((record) => ({ ...record, version: 1 })));
    }
    expect(byId(replayed.postings)).toEqual(byId(oneByOne.postings));
  });

  it('refuses to replay onto a store that holds the history already', async () => {
    const store = new InMemoryMdfStore();
    await replayMdfHistory(store, data.mdf.commits);
    await expect(replayMdfHistory(store, data.mdf.commits)).rejects.toThrow(/refused the demo's MDF history/);
  });

  it('leaves records at the versions their posting ids count on, so the use cases carry on without collisions', async () => {
    const store = new InMemoryMdfStore();
    await replayMdfHistory(store, data.mdf.commits);
    let today = '2026-11-25';
    const context: MdfContext = {
      store,
      program,
      clock: { now: () => new Date(`${today}T15:00:00Z`) },
      ids: sequentialIds(),
      rates: { asOf: today, rates: [] },
    };
    const outcomes: MdfOutcome<unknown>[] = [];
    for (const budget of store.rows.budget.values()) {
      outcomes.push(
        await fundMdfBudget(context, { budgetId: budget.id, amount: { amount: 100_000, currency: 'USD' } }),
      );
    }
    const vp = { userId: 'vp-1', roles: ['vp-partnerships'] };
    for (const request of [...store.rows.request.values()].filter((candidate) => candidate.status === 'submitted')) {
      outcomes.push(await approveMdfRequest(context, { requestId: request.id, approver: vp }));
    }
    const approved = [...store.rows.claim.values()].filter((claim) => claim.status === 'approved');
    outcomes.push(
      await payMdfClaims(context, {
        claimIds: approved.map((claim) => claim.id),
        reference: 'TEST-1',
        paidOn: today,
        createdBy: 'finance',
      }),
    );
    today = addDays(today, 400);
    for (const allocation of [...store.rows.allocation.values()].filter((candidate) => candidate.kind === 'accrual')) {
      outcomes.push(await expireMdfFunds(context, { allocationId: allocation.id }));
    }
    const collisions = outcomes.flatMap((outcome) =>
      outcome.success
        ? []
        : outcome.issues.filter((issue) => ['duplicate_posting', 'stale_write'].includes(issue.code)),
    );
    expect(collisions).toEqual([]);
    expect(outcomes.filter((outcome) => outcome.success).length).toBeGreaterThan(store.rows.budget.size);
  });
});
