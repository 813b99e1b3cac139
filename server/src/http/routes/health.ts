import type { FastifyPluginAsync } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../store/schema.js';

/** `GET /health` answers while the process lives; `GET /ready` only when the database answers too. */
export function healthRoutes(db: Kysely<Database>): FastifyPluginAsync {
  return async (app) => {
    app.get('/health', { schema: { hide: true } }, async () => ({ status: 'ok', service: 'conduit-server' }));
    app.get('/ready', { schema: { hide: true } }, async (_request, reply) => {
      try {
        await sql`select 1`.execute(db);
        return { status: 'ready' };
      } catch (error) {
        return reply
          .code(503)
          .send({ status: 'not_ready', reason: error instanceof Error ? error.message : String(error) });
      }
    });
  };
}
