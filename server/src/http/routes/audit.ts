import type { FastifyPluginAsync } from 'fastify';
import * as z from 'zod';
import { scopeOf } from '../request-scope.js';

/** The audit log, by record: every automated decision about it, with its trace. */
export const auditRoutes: FastifyPluginAsync = async (app) => {
  app.get(
    '/audit/:subjectType/:subjectId',
    {
      schema: {
        tags: ['audit'],
        summary: 'The decisions about one record, oldest first',
        params: z.strictObject({ subjectType: z.string().min(1).max(60), subjectId: z.string().min(1).max(255) }),
        querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(200) }),
      },
    },
    async (request) => {
      const { subjectType, subjectId } = request.params as { subjectType: string; subjectId: string };
      const { limit } = request.query as { limit: number };
      return { entries: await scopeOf(request).store.audit.forSubject(subjectType, subjectId, limit) };
    },
  );
};
