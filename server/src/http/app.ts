import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { Clock } from '@conduit/core';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { isResponseSerializationError, jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { authenticateApi } from './authenticate.js';
import { errorBody, refusal } from './errors.js';
import { NoProgramError } from './no-program.js';
import { RequestValidationError, zodValidatorCompiler } from './validation.js';
import { analyticsRoutes } from './routes/analytics.js';
import { auditRoutes } from './routes/audit.js';
import { crmRoutes } from './routes/crm.js';
import { healthRoutes } from './routes/health.js';
import { jobRoutes } from './routes/jobs.js';
import { lifecycleRoutes } from './routes/lifecycles.js';
import { mdfRoutes } from './routes/mdf.js';
import { programRoutes } from './routes/program.js';
import { registrationRoutes } from './routes/registrations.js';
import { tierRoutes } from './routes/tiers.js';
import { routingRoutes } from './routes/routing.js';

/** What the server is, for people and probes that ask. */
export const SERVICE = {
  name: 'conduit-server',
  title: 'Conduit API',
  description:
    'Conduit backend: the HTTP API over the Conduit domain core for HubSpot cards, scheduled jobs and the local workbench.',
  version: '0.1.0',
} as const;

export interface AppDependencies {
  db: Kysely<Database>;
  clock: Clock;
  logger?: FastifyServerOptions['logger'];
}

/**
 * The HTTP application: the API under /api/v1 (Bearer token per tenant; mutations with an
 * Idempotency-Key), the OpenAPI document and its docs page under /docs, health and readiness probes.
 * Malformed requests get 400 with an issue per bad field; stale writes 409; refusals by the rules 422.
 */
export async function buildApp({ db, clock, logger = false }: AppDependencies): Promise<FastifyInstance> {
  // Record ids may be 255 characters, percent-encoded in a path up to three times that.
  const app = Fastify({ logger, bodyLimit: 1024 * 1024, routerOptions: { maxParamLength: 1024 } });
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof RequestValidationError) return reply.code(400).send(errorBody(error.issues));
    if (error instanceof NoProgramError) return reply.code(422).send(refusal('program_missing', error.message));
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'A response did not match its schema');
      return reply.code(500).send(refusal('internal_error', 'The server built an answer it could not describe.'));
    }
    const status =
      typeof (error as { statusCode?: unknown }).statusCode === 'number'
        ? (error as { statusCode: number }).statusCode
        : 500;
    if (status >= 400 && status < 500) {
      const code =
        (error as { code?: string }).code === 'FST_ERR_CTP_INVALID_JSON_BODY' ? 'invalid_json' : 'bad_request';
      return reply
        .code(status)
        .send(refusal(code, error instanceof Error ? error.message : 'The request is not valid.'));
    }
    request.log.error({ err: error }, 'Request failed');
    return reply.code(500).send(refusal('internal_error', 'Something went wrong on the server; it is logged.'));
  });

  app.setNotFoundHandler((request, reply) =>
    reply
      .code(404)
      .send(refusal('route_not_found', `No route answers ${request.method} ${request.url.split('?')[0]}.`)),
  );

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: SERVICE.title, description: SERVICE.description, version: SERVICE.version },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });

  authenticateApi(app, db, clock);
  await app.register(healthRoutes(db));
  await app.register(programRoutes, { prefix: '/api/v1' });
  await app.register(registrationRoutes, { prefix: '/api/v1' });
  await app.register(mdfRoutes, { prefix: '/api/v1' });
  await app.register(tierRoutes, { prefix: '/api/v1' });
  await app.register(routingRoutes, { prefix: '/api/v1' });
  await app.register(jobRoutes, { prefix: '/api/v1' });
  await app.register(analyticsRoutes, { prefix: '/api/v1' });
  await app.register(crmRoutes, { prefix: '/api/v1' });
  await app.register(lifecycleRoutes, { prefix: '/api/v1' });
  await app.register(auditRoutes, { prefix: '/api/v1' });
  return app;
}
