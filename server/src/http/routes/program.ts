import { parseProgram, programJsonSchema } from '@conduit/core';
import type { FastifyPluginAsync } from 'fastify';
import * as z from 'zod';
import { answerOf } from '../answer.js';
import { refusal } from '../errors.js';
import { idempotent } from '../idempotent.js';
import { scopeOf } from '../request-scope.js';

const PublishBody = z.strictObject({
  expectedVersion: z.int().min(0).nullable(),
  program: z.unknown(),
});

/**
 * The tenant's program: read the version in force or a past one, validate a draft without saving it,
 * publish a new version (validated; refused as stale if another version was published since).
 */
export const programRoutes: FastifyPluginAsync = async (app) => {
  app.get('/program', { schema: { tags: ['program'], summary: 'The program in force' } }, async (request, reply) => {
    const current = await scopeOf(request).store.programs.current();
    return current ?? reply.code(404).send(refusal('not_found', 'No program is published for this tenant yet.'));
  });

  app.get(
    '/program/versions/:version',
    {
      schema: {
        tags: ['program'],
        summary: 'A published version',
        params: z.strictObject({ version: z.coerce.number().int().min(1) }),
      },
    },
    async (request, reply) => {
      const { version } = request.params as { version: number };
      const found = await scopeOf(request).store.programs.version(version);
      return found ?? reply.code(404).send(refusal('not_found', `Program version ${version} does not exist.`));
    },
  );

  app.get(
    '/program/schema',
    { schema: { tags: ['program'], summary: 'The JSON Schema of a program document' } },
    async () => programJsonSchema(),
  );

  app.post(
    '/program/validate',
    { schema: { tags: ['program'], summary: 'Validate a program without publishing it', body: z.unknown() } },
    async (request) => {
      const result = parseProgram(request.body);
      return result.success ? { valid: true, issues: [] } : { valid: false, issues: result.issues };
    },
  );

  app.put(
    '/program',
    { schema: { tags: ['program'], summary: 'Publish a new version of the program', body: PublishBody } },
    async (request, reply) =>
      idempotent(request, reply, async () => {
        const { expectedVersion, program } = request.body as z.infer<typeof PublishBody>;
        const parsed = parseProgram(program);
        if (!parsed.success) {
          return answerOf({
            success: false,
            issues: parsed.issues.map((issue) => ({ ...issue, path: ['program', ...issue.path] })),
          });
        }
        return answerOf(await scopeOf(request).store.programs.publish(parsed.data, { expectedVersion }), 201);
      }),
  );
};
