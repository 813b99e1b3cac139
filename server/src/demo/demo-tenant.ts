import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { calendarDateIn, parseProgram, type CalendarDate } from '@conduit/core';
import type { Kysely } from 'kysely';
import { REPOSITORY_ROOT } from '../config/server-settings.js';
import type { Database } from '../store/schema.js';
import { tenantStore } from '../store/tenant-store.js';
import { ensureTenant, issueToken } from '../store/tenants.js';
import { DEMO_SEED, generateDemoData, type DemoScale } from './generate-demo-data.js';
import { seedDemoTenant } from './seed-demo-data.js';

/** The local demo tenant and its token: for the workbench and trying the API on one's own machine. */
export const DEMO_TENANT = { id: 'demo', name: 'Conduit demo channel' } as const;
export const DEMO_TOKEN = 'conduit-local-demo-token';

/**
 * Makes sure the demo tenant exists with its token and the demo program published. Returns whether the
 * tenant was new and whether it was seeded.
 *
 * A tenant without data (new, or whose first seeding was interrupted) is then seeded with the demo
 * channel generated from `DEMO_SEED` for the program in force, placed before `today` (the server's day in
 * the program's time zone unless given), at `scale` (`DEMO_SCALE` unless given); `seeded` says whether it
 * was.
 */
export async function ensureDemoTenant(
  db: Kysely<Database>,
  options: { today?: CalendarDate; scale?: DemoScale } = {},
): Promise<{ created: boolean; seeded: boolean }> {
  const existing = await db.selectFrom('tenants').select('id').where('id', '=', DEMO_TENANT.id).executeTakeFirst();
  await ensureTenant(db, DEMO_TENANT);
  await issueToken(db, DEMO_TENANT.id, 'local demo', DEMO_TOKEN);
  const store = tenantStore(db, DEMO_TENANT.id);
  if (!(await store.programs.current())) {
    const parsed = parseProgram(
      JSON.parse(await readFile(path.join(REPOSITORY_ROOT, 'config/conduit.program.json'), 'utf8')),
    );
    if (!parsed.success) throw new Error(`The demo program is invalid: ${parsed.issues[0]!.message}`);
    const published = await store.programs.publish(parsed.data, { expectedVersion: null });
    if (!published.success) throw new Error(published.issues[0]!.message);
  }
  const seeding = await seedDemoTenant(db, DEMO_TENANT.id, async () => {
    const { program } = (await store.programs.current())!;
    const today = options.today ?? calendarDateIn(new Date(), program.fiscalCalendar.timeZone);
    return generateDemoData({ program, today, seed: DEMO_SEED, ...(options.scale ? { scale: options.scale } : {}) });
  });
  return { created: existing === undefined, seeded: seeding.seeded };
}
