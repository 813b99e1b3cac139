import {
  calendarDateIn,
  CalendarDateSchema,
  DecisionTraceSchema,
  IssueSchema,
  LIFECYCLE_EVENT_SOURCES,
  lifecycleEventTypes,
  onboardingProgress,
  OnboardingMilestoneSchema,
  overdueMilestones,
  PartnerApplicationSchema,
  PartnerLifecycleEffectSchema,
  PartnerLifecycleEventSchema,
  PartnerLifecycleSchema,
  PartnerSchema,
  PartnerStatusSchema,
  RecordIdSchema,
  type LifecycleOutcome,
  type PartnerLifecycle,
  type PartnerLifecycleEvent,
  type PartnerLifecycleEventType,
  type PartnerStatus,
} from '@conduit/core';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import * as z from 'zod';
import {
  applyToProgramHere,
  changeLifecycleHere,
  flagOverdueMilestonesHere,
  type PerformedLifecycleOutcome,
} from '../../workflows/lifecycle-dependencies.js';
import { answerOf } from '../answer.js';
import { refusal } from '../errors.js';
import { idempotent } from '../idempotent.js';
import { programInForce } from '../no-program.js';
import { scopeOf } from '../request-scope.js';
import { nextAfter, pageOf, refusals } from '../responses.js';

const Limit = z.coerce.number().int().min(1).max(500).default(100);
const PartnerParams = z.strictObject({ id: RecordIdSchema });
const ExpectedVersion = z
  .int()
  .min(0)
  .optional()
  .describe('The version of the lifecycle read: a stale one is refused (409); left out, no check');
const EVENT_TYPES = Object.keys(LIFECYCLE_EVENT_SOURCES) as [PartnerLifecycleEventType, ...PartnerLifecycleEventType[]];
const EventTypeSchema = z.enum(EVENT_TYPES);

const ListQuery = z.strictObject({
  status: PartnerStatusSchema.optional(),
  after: RecordIdSchema.optional(),
  limit: Limit,
});
const OverdueQuery = z.strictObject({ after: RecordIdSchema.optional(), limit: Limit });

const OnboardingProgressSchema = z.strictObject({
  total: z.int(),
  done: z.int(),
  pending: z.int(),
  overdue: z.int(),
  requiredPending: z.int(),
  nextDueOn: CalendarDateSchema.nullable(),
});

/** A lifecycle decision as answered: the lifecycle saved, the partner record it wrote, the effects and why. */
const DecisionAnswer = z.strictObject({
  lifecycle: PartnerLifecycleSchema,
  allowedEvents: z.array(EventTypeSchema).describe('The events the new state allows'),
  partner: PartnerSchema.describe("The partner's record, its status written by the lifecycle"),
  effects: z
    .array(PartnerLifecycleEffectSchema)
    .describe('Every effect of the decision: `set_partner_status` is performed; the others are for the CRM adapters'),
  trace: DecisionTraceSchema,
});
const LifecycleAnswer = z.strictObject({
  lifecycle: PartnerLifecycleSchema,
  allowedEvents: z.array(EventTypeSchema),
  today: CalendarDateSchema.describe("The program's day now"),
  onboarding: OnboardingProgressSchema.nullable().describe('Where the onboarding milestones stand today'),
});
const OverdueEntry = z.strictObject({
  partnerId: RecordIdSchema,
  partnerName: z.string(),
  status: PartnerStatusSchema,
  version: z.int(),
  overdueMilestones: z
    .array(OnboardingMilestoneSchema)
    .describe('Pending milestones past their due day; `overdueFlaggedOn` is null until reported'),
});
const FlagAnswer = z.strictObject({
  today: CalendarDateSchema,
  flagged: z.array(
    z.strictObject({
      lifecycle: PartnerLifecycleSchema,
      effects: z.array(PartnerLifecycleEffectSchema),
      trace: DecisionTraceSchema,
    }),
  ),
  failed: z.array(z.strictObject({ partnerId: RecordIdSchema, issues: z.array(IssueSchema) })),
});

const present = (outcome: PerformedLifecycleOutcome): z.output<typeof DecisionAnswer> => ({
  lifecycle: outcome.lifecycle,
  allowedEvents: lifecycleEventTypes(outcome.lifecycle),
  partner: outcome.partner,
  effects: outcome.effects,
  trace: outcome.trace,
});

/** The program's day now, in its time zone. */
async function programToday(request: FastifyRequest): Promise<string> {
  const { store, clock } = scopeOf(request);
  const program = await programInForce(store);
  return calendarDateIn(clock.now(), program.fiscalCalendar.timeZone);
}

/** The milestones of a lifecycle's onboarding, if it has one. */
function milestonesOf(lifecycle: PartnerLifecycle) {
  return 'onboarding' in lifecycle && lifecycle.onboarding ? lifecycle.onboarding.milestones : null;
}

/** The body of an event's route: the core's event without its `type` (the path says it), with the version read. */
function eventBody(option: (typeof PartnerLifecycleEventSchema.options)[number]) {
  const body = (option as unknown as z.ZodObject).omit({ type: true }).extend({ expectedVersion: ExpectedVersion });
  return Object.keys(body.shape).length === 1 ? body.nullish() : body;
}

/**
 * Partner lifecycles: a company applies to the program; channel managers approve or reject it, start its
 * onboarding, complete or waive its milestones, activate, suspend, reactivate and offboard it (one route
 * per event of the core, `POST /partners/:id/lifecycle/<event>`); the scheduler's report of overdue
 * milestones can be run by hand. Each decision runs in one transaction with its audit entry and writes
 * the partner record's status (`set_partner_status`); its other effects are returned for the CRM adapters.
 * Lists: every lifecycle by status, and those with milestones overdue today.
 */
export const lifecycleRoutes: FastifyPluginAsync = async (app) => {
  const tags = ['lifecycles'];

  app.post(
    '/partners/applications',
    {
      schema: {
        tags,
        summary: 'A company applies to the program: its lifecycle starts as an applicant',
        description:
          'A partner without a record gets one, named as in the application. A partner already in the channel without a lifecycle (approved, onboarding, active or suspended in the CRM) is refused: `partner_in_channel`.',
        body: PartnerApplicationSchema,
        response: { 201: DecisionAnswer, ...refusals(400, 422) },
      },
    },
    async (request, reply) =>
      idempotent(request, reply, async () => {
        const application = request.body as z.infer<typeof PartnerApplicationSchema>;
        return answerOf(await applyToProgramHere(scopeOf(request), application), 201, present);
      }),
  );

  app.get(
    '/partners/:id/lifecycle',
    {
      schema: {
        tags,
        summary: "A partner's lifecycle, the events it allows, and its onboarding today",
        params: PartnerParams,
        response: { 200: LifecycleAnswer, ...refusals(400, 404, 422) },
      },
    },
    async (request, reply) => {
      const { id } = request.params as z.infer<typeof PartnerParams>;
      const lifecycle = await scopeOf(request).store.lifecycles.get(id);
      if (!lifecycle)
        return reply.code(404).send(refusal('not_found', `Partner ${id} has no lifecycle: it never applied.`, ['id']));
      const today = await programToday(request);
      const milestones = milestonesOf(lifecycle);
      return {
        lifecycle,
        allowedEvents: lifecycleEventTypes(lifecycle),
        today,
        onboarding: milestones === null ? null : onboardingProgress(milestones, today),
      };
    },
  );

  for (const option of PartnerLifecycleEventSchema.options) {
    const type = option.shape.type.value;
    const from = (LIFECYCLE_EVENT_SOURCES[type] as readonly PartnerStatus[]).join(', ');
    app.post(
      `/partners/:id/lifecycle/${type}`,
      {
        schema: {
          tags,
          summary: `Lifecycle event \`${type}\` (from ${from})`,
          params: PartnerParams,
          body: eventBody(option),
          response: { 200: DecisionAnswer, ...refusals(400, 404, 409, 422) },
        },
      },
      async (request, reply) =>
        idempotent(request, reply, async () => {
          const { id } = request.params as z.infer<typeof PartnerParams>;
          const { expectedVersion, ...fields } = (request.body ?? {}) as { expectedVersion?: number };
          const changed = await changeLifecycleHere(scopeOf(request), {
            partnerId: id,
            ...(expectedVersion === undefined ? {} : { expectedVersion }),
            event: { ...fields, type } as PartnerLifecycleEvent,
          });
          return answerOf(changed, 200, present);
        }),
    );
  }

  app.get(
    '/partner-lifecycles',
    {
      schema: {
        tags,
        summary: 'Partner lifecycles, in partner id order, a page at a time',
        querystring: ListQuery,
        response: { 200: pageOf('lifecycles', PartnerLifecycleSchema), ...refusals(400) },
      },
    },
    async (request) => {
      const { status, after, limit } = request.query as z.infer<typeof ListQuery>;
      const lifecycles = await scopeOf(request).store.lifecycles.page({
        ...(status ? { statuses: [status] } : {}),
        after,
        limit,
      });
      return { lifecycles, next: nextAfter(lifecycles, limit, (lifecycle) => lifecycle.partnerId) };
    },
  );

  app.get(
    '/partner-lifecycles/overdue-milestones',
    {
      schema: {
        tags,
        summary: 'Onboarding or active partners with milestones overdue today, in partner id order',
        querystring: OverdueQuery,
        response: {
          200: z.strictObject({
            today: CalendarDateSchema,
            lifecycles: z.array(OverdueEntry),
            next: z.string().nullable(),
          }),
          ...refusals(400, 422),
        },
      },
    },
    async (request) => {
      const { after, limit } = request.query as z.infer<typeof OverdueQuery>;
      const today = await programToday(request);
      const found = await scopeOf(request).store.lifecycles.withOverdueMilestones({ today, after, limit });
      return {
        today,
        lifecycles: found.map((lifecycle) => ({
          partnerId: lifecycle.partnerId,
          partnerName: lifecycle.partnerName,
          status: lifecycle.status,
          version: lifecycle.version,
          overdueMilestones: overdueMilestones(milestonesOf(lifecycle) ?? [], today),
        })),
        next: nextAfter(found, limit, (lifecycle) => lifecycle.partnerId),
      };
    },
  );

  app.post(
    '/partner-lifecycles/overdue-milestones/flag',
    {
      schema: {
        tags,
        summary: 'Report the milestones newly overdue today, once each (what the daily job does)',
        body: z.strictObject({}).nullish(),
        response: { 200: FlagAnswer, ...refusals(400, 422) },
      },
    },
    async (request, reply) =>
      idempotent(request, reply, async () => {
        const run = await flagOverdueMilestonesHere(scopeOf(request));
        const flagged = run.flagged.map(({ lifecycle, effects, trace }: LifecycleOutcome) => ({
          lifecycle,
          effects,
          trace,
        }));
        return { status: 200, body: { today: run.today, flagged, failed: run.failed } };
      }),
  );
};
