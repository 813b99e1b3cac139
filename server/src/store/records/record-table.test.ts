import type { VersionedRecord } from '@conduit/core';
import { BACKENDS, freshDatabase, type TestDatabase } from '../../test-support/databases.js';
import { among } from './filters.js';
import { RecordTable, type RecordKind } from './record-table.js';

interface Widget extends VersionedRecord {
  name: string;
  status: 'new' | 'done';
  tags: string[];
}

const widgets: RecordKind<Widget> = { name: 'widget', columns: (widget) => ({ status: widget.status }) };

describe.each(BACKENDS)('record tables on %s', (backend) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await freshDatabase(backend);
    await database.db
      .insertInto('tenants')
      .values([
        { id: 't-a', name: 'A' },
        { id: 't-b', name: 'B' },
      ])
      .execute();
  });
  afterAll(() => database.dispose());

  const table = (tenant: string) => new RecordTable(database.db, tenant, widgets);

  it('creates a record once and reads it back with its version', async () => {
    const widget: Widget = { id: 'w1', version: 0, name: 'Sprocket', status: 'new', tags: ['a', 'b'] };
    expect(await table('t-a').save(widget, { expectedVersion: null })).toEqual({ success: true, data: { version: 1 } });
    expect(await table('t-a').get('w1')).toEqual({ ...widget, version: 1 });
    const again = await table('t-a').save(widget, { expectedVersion: null });
    expect(again.success || again.issues[0]!.code).toBe('stale_write');
  });

  it('refuses a write based on a stale version and accepts the current one', async () => {
    const current = (await table('t-a').get('w1'))!;
    expect(await table('t-a').save({ ...current, name: 'Gear' }, { expectedVersion: current.version })).toEqual({
      success: true,
      data: { version: 2 },
    });
    const stale = await table('t-a').save({ ...current, name: 'Cog' }, { expectedVersion: current.version });
    expect(stale.success || stale.issues[0]!.code).toBe('stale_write');
    expect((await table('t-a').get('w1'))!.name).toBe('Gear');
  });

  it('keeps tenants apart', async () => {
    expect(await table('t-b').get('w1')).toBeUndefined();
    const intrusion = await table('t-b').save(
      { id: 'w1', version: 2, name: 'Intruder', status: 'done', tags: [] },
      { expectedVersion: 2 },
    );
    expect(intrusion.success).toBe(false);
    expect((await table('t-a').get('w1'))!.name).toBe('Gear');
  });

  it('scans in pages by a lifted column', async () => {
    for (let index = 2; index <= 7; index++) {
      await table('t-a').save(
        { id: `w${index}`, version: 0, name: `W${index}`, status: index % 2 ? 'done' : 'new', tags: [] },
        { expectedVersion: null },
      );
    }
    const pages: string[][] = [];
    for await (const page of table('t-a').scan((query) => query.where('status', '=', 'done'), 2))
      pages.push(page.map((widget) => widget.id));
    expect(pages).toEqual([['w3', 'w5'], ['w7']]);
    expect(await table('t-a').count((query) => query.where('status', '=', 'new'))).toBe(4);
    expect((await table('t-a').getMany(['w2', 'w9', 'w3'])).map((widget) => widget.id).sort()).toEqual(['w2', 'w3']);
  });

  it('matches no row for a filter among none, and any row for no filter', async () => {
    const scanned = async (values: readonly string[] | undefined) => {
      const ids: string[] = [];
      for await (const page of table('t-a').scan((query) => among(query, 'status', values)))
        ids.push(...page.map((widget) => widget.id));
      return ids.length;
    };
    expect(await scanned([])).toBe(0);
    expect(await scanned(undefined)).toBe(7);
    expect(await scanned(['new'])).toBe(4);
  });
});
