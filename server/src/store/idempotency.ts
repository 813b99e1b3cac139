import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** What the store knows of an idempotency key when a request arrives with it. */
export type IdempotencyClaim =
  | { status: 'new' }
  | { status: 'replay'; statusCode: number; response: unknown }
  | { status: 'in_progress' }
  | { status: 'mismatch' };

/** A fingerprint of a request, so that a key reused for a different request is caught. */
export function requestFingerprint(method: string, path: string, body: unknown): string {
  return createHash('sha256')
    .update(`${method} ${path}\n${JSON.stringify(body ?? null)}`)
    .digest('hex');
}

/**
 * The tenant's idempotency keys: the first request with a key claims it and records its response; a
 * retry with the same key and request gets that response again; the same key for another request is a
 * mismatch; a retry while the first is still running is told so.
 */
export function idempotencyKeys(db: Kysely<Database>, tenantId: string) {
  return {
    async claim(key: string, method: string, path: string, fingerprint: string): Promise<IdempotencyClaim> {
      const inserted = await db
        .insertInto('idempotency_keys')
        .values({ tenant_id: tenantId, key, method, path, request_hash: fingerprint })
        .onConflict((conflict) => conflict.columns(['tenant_id', 'key']).doNothing())
        .returning('key')
        .executeTakeFirst();
      if (inserted) return { status: 'new' };
      const existing = await db
        .selectFrom('idempotency_keys')
        .select(['request_hash', 'status_code', 'response'])
        .where('tenant_id', '=', tenantId)
        .where('key', '=', key)
        .executeTakeFirstOrThrow();
      if (existing.request_hash !== fingerprint) return { status: 'mismatch' };
      if (existing.status_code === null) return { status: 'in_progress' };
      return { status: 'replay', statusCode: existing.status_code, response: existing.response };
    },

    async complete(key: string, statusCode: number, response: unknown): Promise<void> {
      await db
        .updateTable('idempotency_keys')
        .set({ status_code: statusCode, response: (response ?? null) as object })
        .where('tenant_id', '=', tenantId)
        .where('key', '=', key)
        .execute();
    },

    /** Forgets a claim whose request failed before doing anything, so that it can be retried. */
    async release(key: string): Promise<void> {
      await db.deleteFrom('idempotency_keys').where('tenant_id', '=', tenantId).where('key', '=', key).execute();
    },
  };
}

/** The tenant's idempotency keys. */
export type IdempotencyKeys = ReturnType<typeof idempotencyKeys>;
