import type { Clock } from '@conduit/core';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { tenantOfToken } from '../store/tenants.js';
import { tenantStore } from '../store/tenant-store.js';
import { refusal } from './errors.js';

/**
 * Requests under /api must carry `Authorization: Bearer <token>`; the token names the tenant whose data
 * the request sees. An unknown or missing token is answered 401 before any handler runs.
 */
export function authenticateApi(app: FastifyInstance, db: Kysely<Database>, clock: Clock): void {
  app.decorateRequest('scope', undefined);
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const header = request.headers.authorization ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const tenantId = token === undefined ? undefined : await tenantOfToken(db, token);
    if (tenantId === undefined) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer')
        .send(refusal('unauthorized', 'Send a valid API token as "Authorization: Bearer <token>".'));
    }
    const actor = request.headers['x-conduit-actor'];
    request.scope = {
      tenantId,
      store: tenantStore(db, tenantId),
      clock,
      actor: typeof actor === 'string' && actor !== '' ? actor : null,
    };
  });
}
