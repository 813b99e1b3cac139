import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseProgram, type Program } from '@conduit/core';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { REPOSITORY_ROOT } from '../config/server-settings.js';
import { buildApp } from '../http/app.js';
import { tenantStore, type TenantStore } from '../store/tenant-store.js';
import { ensureTenant, issueToken } from '../store/tenants.js';
import { freshDatabase, type Backend, type TestDatabase } from './databases.js';

/** The demo program, parsed, for tests. */
export function demoProgram(): Program {
  const parsed = parseProgram(
    JSON.parse(readFileSync(path.join(REPOSITORY_ROOT, 'config/conduit.program.json'), 'utf8')),
  );
  if (!parsed.success) throw new Error('The demo program must be valid.');
  return parsed.data;
}

/** A clock the test moves. */
export function testClock(start = '2026-11-24T15:00:00Z') {
  let now = new Date(start);
  return {
    now: () => new Date(now.getTime()),
    set: (instant: string) => {
      now = new Date(instant);
    },
  };
}

/** A tenant of the test server: its id, token and store (to arrange data and inspect the database). */
export interface TestTenant {
  id: string;
  token: string;
  store: TenantStore;
}

/** The server under test, on a fresh database, with helpers to call it as a tenant. */
export interface TestServer {
  app: FastifyInstance;
  database: TestDatabase;
  clock: ReturnType<typeof testClock>;
  /** Creates a tenant with a token and, unless told otherwise, the demo program published. */
  tenant(id: string, options?: { program?: Program | null }): Promise<TestTenant>;
  /** Calls the API as a tenant; mutations get a fresh Idempotency-Key unless one is given. */
  call(
    tenant: TestTenant,
    method: InjectOptions['method'],
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  dispose(): Promise<void>;
}

export async function startTestServer(backend: Backend): Promise<TestServer> {
  const database = await freshDatabase(backend);
  const clock = testClock();
  const app = await buildApp({ db: database.db, clock });
  return {
    app,
    database,
    clock,
    async tenant(id, { program = demoProgram() } = {}) {
      await ensureTenant(database.db, { id, name: `Tenant ${id}` });
      const token = await issueToken(database.db, id, 'test');
      const store = tenantStore(database.db, id);
      if (program) {
        const published = await store.programs.publish(program, { expectedVersion: null });
        if (!published.success) throw new Error(published.issues[0]!.message);
      }
      return { id, token, store };
    },
    async call(tenant, method, url, body, headers = {}) {
      const mutation = method !== 'GET' && method !== 'HEAD';
      const response = await app.inject({
        method,
        url,
        headers: {
          authorization: `Bearer ${tenant.token}`,
          ...(mutation ? { 'idempotency-key': randomUUID() } : {}),
          ...headers,
        },
        ...(body === undefined ? {} : { payload: body as InjectOptions['payload'] }),
      });
      return { status: response.statusCode, body: response.body === '' ? undefined : response.json() };
    },
    async dispose() {
      await app.close();
      await database.dispose();
    },
  };
}
