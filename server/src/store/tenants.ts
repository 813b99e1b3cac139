import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';

/** The SHA-256 of a token: only hashes are stored, so a database leak reveals no usable token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Creates a tenant if it does not exist yet. */
export async function ensureTenant(db: Kysely<Database>, tenant: { id: string; name: string }): Promise<void> {
  await db
    .insertInto('tenants')
    .values(tenant)
    .onConflict((conflict) => conflict.column('id').doNothing())
    .execute();
}

/**
 * Issues an API token for a tenant and returns it (the only time it is visible). A `token` may be given
 * to make a known one (the local demo's), otherwise a random one is drawn.
 */
export async function issueToken(
  db: Kysely<Database>,
  tenantId: string,
  label: string,
  token = `cdt_${randomBytes(24).toString('base64url')}`,
): Promise<string> {
  await db
    .insertInto('api_tokens')
    .values({ token_hash: hashToken(token), tenant_id: tenantId, label })
    .onConflict((conflict) => conflict.column('token_hash').doNothing())
    .execute();
  return token;
}

/** The tenant a token belongs to, or undefined for an unknown token. */
export async function tenantOfToken(db: Kysely<Database>, token: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('api_tokens')
    .select('tenant_id')
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  return row?.tenant_id;
}
