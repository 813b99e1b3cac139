import type { MdfChangeSet, MdfStore } from '@conduit/core';

type RecordField = 'budgets' | 'allocations' | 'requests' | 'claims' | 'paymentBatches';
const RECORD_FIELDS: readonly RecordField[] = ['budgets', 'allocations', 'requests', 'claims', 'paymentBatches'];

/** The records a change set writes, as `field:id` keys. */
function writtenKeys(changes: MdfChangeSet): string[] {
  return RECORD_FIELDS.flatMap((field) => (changes[field] ?? []).map((write) => `${field}:${write.record.id}`));
}

function sizeOf(changes: MdfChangeSet): number {
  return writtenKeys(changes).length + (changes.postings ?? []).length;
}

function merge(into: MdfChangeSet, changes: MdfChangeSet): MdfChangeSet {
  const merged: Record<string, unknown[]> = {};
  for (const field of [...RECORD_FIELDS, 'postings'] as const) {
    const items = [...((into[field] ?? []) as unknown[]), ...((changes[field] ?? []) as unknown[])];
    if (items.length > 0) merged[field] = items;
  }
  return merged;
}

/**
 * Packs a history of commits into fewer, larger ones that a store accepts in order and that leave it in
 * the same state: a commit joins the first wave after every earlier wave that writes one of its records
 * (so each record is written at most once per wave, in its own order, each time at the version the
 * previous write left); a commit's records and postings always stay together. Waves are then cut at
 * commit boundaries into change sets of about `limit` writes and postings at most.
 *
 * @example commitWaves(history.commits).length // about as many as the most-written record's writes
 */
export function commitWaves(commits: readonly MdfChangeSet[], limit = 800): MdfChangeSet[] {
  const lastWave = new Map<string, number>();
  const waves: MdfChangeSet[][] = [];
  for (const changes of commits) {
    const keys = writtenKeys(changes);
    const wave = keys.reduce((latest, key) => Math.max(latest, (lastWave.get(key) ?? -1) + 1), 0);
    for (const key of keys) lastWave.set(key, wave);
    (waves[wave] ??= []).push(changes);
  }
  const packed: MdfChangeSet[] = [];
  for (const wave of waves) {
    let current: MdfChangeSet = {};
    let size = 0;
    for (const changes of wave) {
      const added = sizeOf(changes);
      if (size > 0 && size + added > limit) {
        packed.push(current);
        current = {};
        size = 0;
      }
      current = merge(current, changes);
      size += added;
    }
    if (size > 0) packed.push(current);
  }
  return packed;
}

/**
 * What a store needs of a history to continue it: the budgets' and allocations' every write, in order,
 * with the postings each commit made (their versions count: a later funding, top-up or expiry names its
 * posting after the version it reads, so a store holding them at a lower version than the history reached
 * would refuse those postings as duplicates), and the requests, claims and payment batches created once
 * in their final state (nothing is named after their versions).
 */
export function historyForStore(commits: readonly MdfChangeSet[]): MdfChangeSet[] {
  const finals = {
    requests: new Map<string, NonNullable<MdfChangeSet['requests']>[number]>(),
    claims: new Map<string, NonNullable<MdfChangeSet['claims']>[number]>(),
    paymentBatches: new Map<string, NonNullable<MdfChangeSet['paymentBatches']>[number]>(),
  };
  const kept: MdfChangeSet[] = [];
  for (const changes of commits) {
    for (const write of changes.requests ?? []) finals.requests.set(write.record.id, write);
    for (const write of changes.claims ?? []) finals.claims.set(write.record.id, write);
    for (const write of changes.paymentBatches ?? []) finals.paymentBatches.set(write.record.id, write);
    const funds: MdfChangeSet = {
      ...(changes.budgets?.length ? { budgets: changes.budgets } : {}),
      ...(changes.allocations?.length ? { allocations: changes.allocations } : {}),
      ...(changes.postings?.length ? { postings: changes.postings } : {}),
    };
    if (sizeOf(funds) > 0) kept.push(funds);
  }
  const created = <T>(writes: Iterable<{ record: T }>) =>
    [...writes].map(({ record }) => ({ record, expectedVersion: null }));
  const records: MdfChangeSet = {
    requests: created(finals.requests.values()),
    claims: created(finals.claims.values()),
    paymentBatches: created(finals.paymentBatches.values()),
  };
  return sizeOf(records) > 0 ? [records, ...kept] : kept;
}

/**
 * Replays an MDF history into a store through the `MdfStore` port only: what the store needs of it (see
 * `historyForStore`), in packed waves (see `commitWaves`). The store ends up holding every budget and
 * allocation at the version the history left it at, every request, claim and payment batch as the history
 * left it (at version 1), and every posting. A refused commit means the store held MDF data already or
 * the history is broken: it throws. Returns how many commits it took.
 */
export async function replayMdfHistory(store: MdfStore, commits: readonly MdfChangeSet[]): Promise<number> {
  const waves = commitWaves(historyForStore(commits));
  for (const changes of waves) {
    const committed = await store.commit(changes);
    if (!committed.success) {
      throw new Error(`The store refused the demo's MDF history: ${committed.issues[0]!.message}`);
    }
  }
  return waves.length;
}
