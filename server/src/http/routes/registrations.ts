import {
  closeRegistration,
  CloseRegistrationInputSchema,
  createRegistration,
  CreateRegistrationInputSchema,
  decideRegistrationExtension,
  DecideExtensionInputSchema,
  expireDueRegistrations,
  protectionStatus,
  calendarDateIn,
  RegistrationSchema,
  requestRegistrationExtension,
  RequestExtensionInputSchema,
  reviewRegistration,
  ReviewRegistrationInputSchema,
  submitRegistration,
  SubmitRegistrationInputSchema,
  type Registration,
  type RegistrationDependencies,
  type RegistrationResult,
} from '@conduit/core';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import * as z from 'zod';
import { registrationDependencies } from '../../workflows/registration-dependencies.js';
import { answerOf, tracesOf } from '../answer.js';
import { refusal } from '../errors.js';
import { idempotent, type Answer } from '../idempotent.js';
import { programInForce } from '../no-program.js';
import { scopeOf } from '../request-scope.js';

const IdParams = z.strictObject({ id: z.string().min(1).max(255) });
/** The body of an action that takes no input: nothing, or an empty object. */
const EmptyBody = z.strictObject({});
const ListQuery = z.strictObject({
  status: z
    .enum(RegistrationSchema.options.map((option) => option.shape.status.value) as [string, ...string[]])
    .optional(),
  partnerId: z.string().min(1).max(255).optional(),
  after: z.string().min(1).max(255).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** Runs a registration use case in one transaction, recording its decisions in the audit log. */
async function run(
  request: FastifyRequest,
  useCase: (deps: RegistrationDependencies, input: unknown) => Promise<RegistrationResult>,
  input: unknown,
  status = 200,
): Promise<Answer> {
  const scope = scopeOf(request);
  return scope.store.transaction(async (store) => {
    const result = await useCase(registrationDependencies(store, scope.clock), input);
    await store.audit.record(tracesOf(result), scope.clock.now(), scope.actor);
    return answerOf(result, status);
  });
}

/** The body of an action on one registration: its input without the id, which the path gives. */
const withoutId = <T extends z.ZodObject>(schema: T) => schema.omit({ id: true } as never);

/**
 * Deal registrations: list and read them (with their protection status), create drafts, and act on them
 * (submit, review, request and decide extensions, close), each action returning the saved registration,
 * the effects for the CRM adapter to perform and the traces of the decisions made.
 */
export const registrationRoutes: FastifyPluginAsync = async (app) => {
  const tags = ['registrations'];

  app.get(
    '/registrations',
    { schema: { tags, summary: 'Registrations, in id order, a page at a time', querystring: ListQuery } },
    async (request) => {
      const { status, partnerId, after, limit } = request.query as z.infer<typeof ListQuery>;
      const { store } = scopeOf(request);
      const page = await store.registrations.page(
        {
          ...(status ? { statuses: [status as Registration['status']] } : {}),
          ...(partnerId ? { partnerIds: [partnerId] } : {}),
        },
        { after, limit },
      );
      return { registrations: page, next: page.length === limit ? page[page.length - 1]!.id : null };
    },
  );

  app.get(
    '/registrations/:id',
    { schema: { tags, summary: 'One registration and its protection status', params: IdParams } },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const { store, clock } = scopeOf(request);
      const registration = await store.registrations.get(id);
      if (!registration)
        return reply.code(404).send(refusal('not_found', `No deal registration has the id "${id}".`, ['id']));
      const program = await programInForce(store);
      return {
        registration,
        protection: protectionStatus(registration, calendarDateIn(clock.now(), program.fiscalCalendar.timeZone)),
      };
    },
  );

  app.post(
    '/registrations',
    { schema: { tags, summary: 'Create a draft registration', body: CreateRegistrationInputSchema } },
    async (request, reply) => idempotent(request, reply, () => run(request, createRegistration, request.body, 201)),
  );

  const action = (
    path: string,
    summary: string,
    schema: z.ZodObject,
    useCase: (deps: RegistrationDependencies, input: unknown) => Promise<RegistrationResult>,
  ) =>
    app.post(
      `/registrations/:id/${path}`,
      { schema: { tags, summary, params: IdParams, body: withoutId(schema) } },
      async (request, reply) =>
        idempotent(request, reply, () =>
          run(request, useCase, { ...(request.body as object), id: (request.params as { id: string }).id }),
        ),
    );
  action(
    'submit',
    'Submit (or resubmit) a registration: policy and conflict checks',
    SubmitRegistrationInputSchema,
    submitRegistration,
  );
  action(
    'review',
    'Review a registration: start, request information, approve or reject',
    ReviewRegistrationInputSchema,
    reviewRegistration,
  );
  action('extension-request', 'Ask for more protection', RequestExtensionInputSchema, requestRegistrationExtension);
  action('extension-decision', 'Grant or deny an extension', DecideExtensionInputSchema, decideRegistrationExtension);
  action('close', 'Mark won or lost, or withdraw', CloseRegistrationInputSchema, closeRegistration);

  app.post(
    '/registrations/expire-due',
    { schema: { tags, summary: 'Expire every registration whose protection has ended', body: EmptyBody.nullish() } },
    async (request, reply) =>
      idempotent(request, reply, async () => {
        const scope = scopeOf(request);
        const run = await expireDueRegistrations(registrationDependencies(scope.store, scope.clock));
        await scope.store.audit.record(
          run.expired.flatMap((outcome) => outcome.traces),
          scope.clock.now(),
          scope.actor,
        );
        return {
          status: 200,
          body: { expired: run.expired.map((outcome) => outcome.registration.id), skipped: run.skipped },
        };
      }),
  );
};
