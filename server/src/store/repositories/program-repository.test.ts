import { BACKENDS, freshDatabase, type TestDatabase } from '../../test-support/databases.js';
import { demoProgram } from '../../test-support/test-server.js';
import { tenantStore } from '../tenant-store.js';
import { ensureTenant } from '../tenants.js';

describe.each(BACKENDS)('program versions on %s', (backend) => {
  let database: TestDatabase;
  let tenants = 0;

  beforeAll(async () => {
    database = await freshDatabase(backend);
  });
  afterAll(() => database.dispose());

  const freshTenant = async () => {
    tenants += 1;
    const id = `t-programs-${tenants}`;
    await ensureTenant(database.db, { id, name: id });
    return tenantStore(database.db, id);
  };
  const named = (name: string) => ({ ...demoProgram(), name });

  it('serves the version in force, and each version as published, however often it is read', async () => {
    const store = await freshTenant();
    expect(await store.programs.current()).toBeUndefined();
    await store.programs.publish(named('First'), { expectedVersion: null });
    expect((await store.programs.current())?.program.name).toBe('First');
    expect((await store.programs.current())?.program.name).toBe('First');

    const second = await store.programs.publish(named('Second'), { expectedVersion: 1 });
    expect(second).toMatchObject({ success: true, data: { version: 2 } });
    expect(await store.programs.current()).toMatchObject({ version: 2, program: { name: 'Second' } });
    expect(await store.programs.version(1)).toMatchObject({ version: 1, program: { name: 'First' } });
    expect(await store.programs.version(3)).toBeUndefined();
    expect(await store.programs.publish(named('Stale'), { expectedVersion: 1 })).toMatchObject({
      success: false,
      issues: [{ code: 'stale_write' }],
    });
  });

  it('never serves a version read inside a transaction that was rolled back', async () => {
    const store = await freshTenant();
    await store.programs.publish(named('First'), { expectedVersion: null });
    await expect(
      store.transaction(async (transaction) => {
        await transaction.programs.publish(named('Rolled back'), { expectedVersion: 1 });
        expect((await transaction.programs.current())?.program.name).toBe('Rolled back');
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await store.programs.current()).toMatchObject({ version: 1, program: { name: 'First' } });

    await new Promise((resolve) => setTimeout(resolve, 5)); // a later publication time than the rolled-back one
    await store.programs.publish(named('Second'), { expectedVersion: 1 });
    expect(await store.programs.current()).toMatchObject({ version: 2, program: { name: 'Second' } });
    expect(await tenantStore(database.db, store.tenantId).programs.version(2)).toMatchObject({
      program: { name: 'Second' },
    });
  });

  it('keeps tenants apart', async () => {
    const [one, two] = [await freshTenant(), await freshTenant()];
    await one.programs.publish(named('One'), { expectedVersion: null });
    await two.programs.publish(named('Two'), { expectedVersion: null });
    expect((await one.programs.current())?.program.name).toBe('One');
    expect((await two.programs.current())?.program.name).toBe('Two');
  });
});
