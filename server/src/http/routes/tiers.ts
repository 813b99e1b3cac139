import {
  CalendarDateSchema,
  decideTierProposal,
  endPartnerTierOverride,
  evaluateOnePartner,
  IdentifierSchema,
  overridePartnerTier,
  parseProgram,
  RecordIdSchema,
  settleDueTierChanges,
  TierCustomMetricValueSchema,
  TierProposalRecordSchema,
  TierSatisfactionScoreSchema,
  TierStandingSchema,
  whatIfProgram,
  type Condition,
  type Issue,
  type Program,
  type TierProposalRecord,
  type TierStanding,
} from '@conduit/core';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import * as z from 'zod';
import type { TenantStore } from '../../store/tenant-store.js';
import { TIER_PARTNER_STATUSES } from '../../store/tiers/index.js';
import {
  evaluatePartnersReport,
  inTierTransaction,
  overrideTrace,
  proposalDecisionTrace,
  settlementTraces,
  tierDependencies,
  type TierMutation,
  type TierRecorder,
} from '../../workflows/tier-dependencies.js';
import { answerOf, type UseCaseResult } from '../answer.js';
import { errorBody, refusal } from '../errors.js';
import { idempotent, type Answer } from '../idempotent.js';
import { scopeOf } from '../request-scope.js';

const statusesOf = <T extends z.ZodDiscriminatedUnion>(schema: T) =>
  (schema.options as unknown as { shape: { status: z.ZodLiteral<string> } }[]).map(
    (option) => option.shape.status.value,
  ) as [string, ...string[]];

const ProposalStatusSchema = z.enum(statusesOf(TierProposalRecordSchema));
const StandingStatusSchema = z.enum(statusesOf(TierStandingSchema));
const Limit = (max: number, fallback: number) => z.coerce.number().int().min(1).max(max).default(fallback);

const PartnerParams = z.strictObject({ partnerId: RecordIdSchema });
const ProposalParams = z.strictObject({ id: RecordIdSchema });
const PartnerIds = z.array(RecordIdSchema).min(1).max(1000);

const EvaluateBody = z.strictObject({ partnerIds: PartnerIds.optional() });
const EmptyBody = z.strictObject({});
const ProposalListQuery = z.strictObject({
  status: ProposalStatusSchema.default('pending'),
  partnerId: RecordIdSchema.optional(),
  after: RecordIdSchema.optional(),
  limit: Limit(500, 100),
});
const StandingListQuery = z.strictObject({
  status: StandingStatusSchema.optional(),
  after: RecordIdSchema.optional(),
  limit: Limit(500, 100),
});
const MetricsQuery = z.strictObject({
  from: CalendarDateSchema.optional(),
  through: CalendarDateSchema.optional(),
  limit: Limit(5000, 1000),
});
const ExpectedVersion = z.int().min(0).optional();
const DecisionBody = z.discriminatedUnion('decision', [
  z.strictObject({
    decision: z.literal('approve'),
    by: RecordIdSchema,
    note: z.string().min(1).max(1000).optional(),
    expectedVersion: ExpectedVersion,
  }),
  z.strictObject({
    decision: z.literal('reject'),
    by: RecordIdSchema,
    reason: z.string().min(1).max(1000),
    expectedVersion: ExpectedVersion,
  }),
]);
const OverrideBody = z.strictObject({
  tierId: IdentifierSchema,
  expiresOn: CalendarDateSchema,
  reason: z.string().min(1).max(1000),
  by: RecordIdSchema,
  /** The version of the standing read (`null`: the partner has none yet); left out, no check. */
  expectedVersion: z.int().min(1).nullable().optional(),
});
const EndOverrideBody = z.strictObject({ by: RecordIdSchema, expectedVersion: z.int().min(1).optional() });
const WhatIfBody = z.strictObject({ program: z.unknown(), partnerIds: PartnerIds.optional() });
const ScoresBody = z.strictObject({
  scores: z
    .array(TierSatisfactionScoreSchema.extend({ id: RecordIdSchema }))
    .min(1)
    .max(1000),
});
const MetricsBody = z.strictObject({ values: z.array(TierCustomMetricValueSchema).min(1).max(1000) });

/** The body of each tier endpoint that takes one, by method and path (under /api/v1): what the routes validate. */
export const TIER_REQUEST_BODIES = {
  'POST /tiers/evaluations': EvaluateBody.nullish(),
  'POST /tiers/proposals/:id/decision': DecisionBody,
  'POST /tiers/partners/:partnerId/override': OverrideBody,
  'POST /tiers/partners/:partnerId/override/end': EndOverrideBody,
  'POST /tiers/settlements': EmptyBody.nullish(),
  'POST /tiers/what-if': WhatIfBody,
  'POST /tiers/satisfaction-scores': ScoresBody,
  'POST /tiers/custom-metrics': MetricsBody,
} as const;

/**
 * The answer to a tier use case: a refusal naming a missing record of the path (`notFound` codes) is
 * 404, a proposal made from a standing that has changed since (`proposal_stale`) is 409 like a stale
 * write (evaluate again); otherwise as `answerOf`.
 */
function tierAnswer<T>(result: UseCaseResult<T>, notFound: readonly string[] = []): Answer {
  if (!result.success) {
    const codes = result.issues.map((found) => found.code);
    if (codes.some((code) => notFound.includes(code))) return { status: 404, body: errorBody(result.issues) };
    if (codes.includes('proposal_stale')) return { status: 409, body: errorBody(result.issues) };
  }
  return answerOf(result);
}

const fail = (issues: Issue[]) => ({ success: false as const, issues });
const mutation = <T>(
  result: UseCaseResult<T>,
  traces: TierMutation<T>['traces'] = [],
  effects: TierMutation<T>['effects'] = [],
): TierMutation<T> => ({ result, traces, effects });

/** A partner the path names must exist and be admitted to the program. */
async function partnerInProgram(store: TenantStore, partnerId: string): Promise<Issue[]> {
  const partner = await store.partners.get(partnerId);
  if (!partner)
    return [{ path: ['partnerId'], code: 'unknown_partner', message: `There is no partner "${partnerId}".` }];
  if (!TIER_PARTNER_STATUSES.includes(partner.status)) {
    return [
      {
        path: ['partnerId'],
        code: 'partner_not_in_program',
        message: `The partner "${partnerId}" is ${partner.status}: only partners admitted to the program (${TIER_PARTNER_STATUSES.join(', ')}) hold tiers.`,
      },
    ];
  }
  return [];
}

/** Runs a tier mutation in its transaction (lock, effects on partner records, audit log). */
function transact<T>(
  request: FastifyRequest,
  work: (store: TenantStore, record: TierRecorder) => Promise<TierMutation<T>>,
) {
  const { store, clock, actor } = scopeOf(request);
  return inTierTransaction(store, clock.now(), actor, work);
}

/** The custom metric keys a program's criteria read. */
function customMetricKeys(program: Program): Set<string> {
  const keys = new Set<string>();
  const visit = (condition: Condition): void => {
    if (condition.kind === 'all' || condition.kind === 'any') condition.conditions.forEach(visit);
    else if (condition.kind === 'custom_metric') keys.add(condition.key);
  };
  for (const holder of [...program.tiers, ...program.specializations]) visit(holder.criteria);
  return keys;
}

/** The issues of values that repeat an earlier one of the same request (same identity). */
function duplicates<T>(items: readonly T[], identity: (item: T) => string, field: string, path: string): Issue[] {
  const seen = new Set<string>();
  return items.flatMap((item, index) => {
    const key = identity(item);
    if (!seen.has(key)) {
      seen.add(key);
      return [];
    }
    return [
      {
        path: [path, index, field],
        code: 'duplicate_value',
        message: `${path}[${index}] repeats an earlier entry of this request; send each value once.`,
      },
    ];
  });
}

/** The issues of values naming partners the store does not know. */
async function unknownPartners(
  store: TenantStore,
  items: readonly { partnerId: string }[],
  path: string,
): Promise<Issue[]> {
  const ids = [...new Set(items.map((item) => item.partnerId))];
  const known = new Set((await store.partners.getMany(ids)).map((partner) => partner.id));
  return items.flatMap((item, index) =>
    known.has(item.partnerId)
      ? []
      : [
          {
            path: [path, index, 'partnerId'],
            code: 'unknown_partner',
            message: `There is no partner "${item.partnerId}".`,
          },
        ],
  );
}

/**
 * Partner tiers: evaluate every partner (applying what the program approves automatically and queueing
 * the rest), preview one partner's evaluation with its explanation, list and decide pending proposals,
 * override a tier until a day and end an override, put due scheduled changes into effect, ask what a
 * draft program would do, read a partner's standing and tier history, and import the satisfaction
 * scores and custom metric values the criteria read. Mutations take an Idempotency-Key, run in one
 * transaction under the tenant's tier lock with their audit entries, and update the partner records'
 * tier and specializations; the other effects are returned for the CRM adapters.
 */
export const tierRoutes: FastifyPluginAsync = async (app) => {
  const tags = ['tiers'];

  app.post(
    '/tiers/evaluations',
    {
      schema: {
        tags,
        summary: 'Evaluate every partner (or some): apply what the program allows, queue the rest',
        body: TIER_REQUEST_BODIES['POST /tiers/evaluations'],
      },
    },
    async (request, reply) =>
      idempotent(request, reply, async () => {
        const { partnerIds } = (request.body ?? {}) as z.infer<typeof EvaluateBody>;
        const { clock } = scopeOf(request);
        const result = await transact(request, async (store, record) => ({
          result: await evaluatePartnersReport(
            tierDependencies(store, clock),
            partnerIds ? { partnerIds } : {},
            record,
          ),
        }));
        return tierAnswer(result);
      }),
  );

  app.get(
    '/tiers/partners/:partnerId/evaluation',
    { schema: { tags, summary: "Preview a partner's evaluation today, with its explanation", params: PartnerParams } },
    async (request, reply) => {
      const { partnerId } = request.params as z.infer<typeof PartnerParams>;
      const { store, clock } = scopeOf(request);
      const refused = await partnerInProgram(store, partnerId);
      const result =
        refused.length > 0 ? fail(refused) : await evaluateOnePartner(tierDependencies(store, clock), partnerId);
      if (!result.success) {
        const answer = tierAnswer(result, ['unknown_partner']);
        return reply.code(answer.status).send(answer.body);
      }
      return { proposal: result.data, standing: (await store.tiers.standings.get(partnerId)) ?? null };
    },
  );

  app.get(
    '/tiers/partners/:partnerId',
    { schema: { tags, summary: "A partner's tier standing, tier history and proposals", params: PartnerParams } },
    async (request, reply) => {
      const { partnerId } = request.params as z.infer<typeof PartnerParams>;
      const { store } = scopeOf(request);
      const [partner, standing] = [await store.partners.get(partnerId), await store.tiers.standings.get(partnerId)];
      if (!partner && !standing)
        return reply.code(404).send(refusal('not_found', `There is no partner "${partnerId}".`, ['partnerId']));
      const proposals = (await store.tiers.proposals.page({ partnerIds: [partnerId], limit: 500 })).sort(
        (a, b) => b.createdOn.localeCompare(a.createdOn) || b.id.localeCompare(a.id),
      );
      return {
        partnerId,
        tierId: standing ? (standing.tier?.tierId ?? null) : (partner?.tierId ?? null),
        standing: standing ?? null,
        history: standing?.history ?? [],
        proposals,
      };
    },
  );

  app.get(
    '/tiers/partners/:partnerId/metrics',
    {
      schema: {
        tags,
        summary: "A partner's imported satisfaction scores and custom metric values, oldest first",
        params: PartnerParams,
        querystring: MetricsQuery,
      },
    },
    async (request, reply) => {
      const { partnerId } = request.params as z.infer<typeof PartnerParams>;
      const query = request.query as z.infer<typeof MetricsQuery>;
      const { store } = scopeOf(request);
      if (!(await store.partners.get(partnerId)))
        return reply.code(404).send(refusal('not_found', `There is no partner "${partnerId}".`, ['partnerId']));
      return {
        satisfactionScores: await store.tiers.satisfactionScores.forPartner(partnerId, query),
        customMetrics: await store.tiers.customMetrics.forPartner(partnerId, query),
      };
    },
  );

  app.get(
    '/tiers/standings',
    {
      schema: {
        tags,
        summary: 'Tier standings, in partner id order, a page at a time',
        querystring: StandingListQuery,
      },
    },
    async (request) => {
      const { status, after, limit } = request.query as z.infer<typeof StandingListQuery>;
      const standings = await scopeOf(request).store.tiers.standings.page({
        ...(status ? { statuses: [status as TierStanding['status']] } : {}),
        ...(after ? { after } : {}),
        limit,
      });
      return { standings, next: standings.length === limit ? standings[standings.length - 1]!.partnerId : null };
    },
  );

  app.get(
    '/tiers/proposals',
    {
      schema: {
        tags,
        summary: 'Tier proposals (the pending ones unless told), in id order, a page at a time',
        querystring: ProposalListQuery,
      },
    },
    async (request) => {
      const { status, partnerId, after, limit } = request.query as z.infer<typeof ProposalListQuery>;
      const proposals = await scopeOf(request).store.tiers.proposals.page({
        statuses: [status as TierProposalRecord['status']],
        ...(partnerId ? { partnerIds: [partnerId] } : {}),
        ...(after ? { after } : {}),
        limit,
      });
      return { proposals, next: proposals.length === limit ? proposals[proposals.length - 1]!.id : null };
    },
  );

  app.get(
    '/tiers/proposals/:id',
    { schema: { tags, summary: 'One tier proposal, with its explanation', params: ProposalParams } },
    async (request, reply) => {
      const { id } = request.params as z.infer<typeof ProposalParams>;
      const record = await scopeOf(request).store.tiers.proposals.get(id);
      return record ?? reply.code(404).send(refusal('not_found', `There is no tier proposal "${id}".`, ['id']));
    },
  );

  app.post(
    '/tiers/proposals/:id/decision',
    {
      schema: {
        tags,
        summary: 'Approve (and apply) or reject a pending proposal',
        params: ProposalParams,
        body: TIER_REQUEST_BODIES['POST /tiers/proposals/:id/decision'],
      },
    },
    async (request, reply) =>
      idempotent(request, reply, async () => {
        const { id } = request.params as z.infer<typeof ProposalParams>;
        const body = request.body as z.infer<typeof DecisionBody>;
        const { clock } = scopeOf(request);
        const result = await transact(request, async (store) => {
          const read = await store.tiers.proposals.get(id);
          if (read && body.expectedVersion !== undefined && read.version !== body.expectedVersion) {
            return mutation(
              fail([
                {
                  path: ['expectedVersion'],
                  code: 'stale_write',
                  message: `The tier proposal "${id}" is at version ${read.version}, not ${body.expectedVersion} as read: reload it and decide again.`,
                },
              ]),
            );
          }
          const decided = await decideTierProposal(
            tierDependencies(store, clock),
            body.decision === 'approve'
              ? { proposalId: id, decision: 'approve', by: body.by, ...(body.note ? { note: body.note } : {}) }
              : { proposalId: id, decision: 'reject', by: body.by, reason: body.reason },
          );
          return decided.success
            ? mutation(decided, [proposalDecisionTrace(decided.data.record)], decided.data.effects)
            : mutation(decided);
        });
        return tierAnswer(result, ['unknown_proposal']);
      }),
  );

  app.post(
    '/tiers/partners/:partnerId/override',
    {
      schema: {
        tags,
        summary: "Set a partner's tier by hand until a day (replaces an override in force)",
        params: PartnerParams,
        body: TIER_REQUEST_BODIES['POST /tiers/partners/:partnerId/override'],
      },
    },
    async (request, reply) =>
      idempotent(request, reply, async () => {
        const { partnerId } = request.params as z.infer<typeof PartnerParams>;
        const { expectedVersion, ...override } = request.body as z.infer<typeof OverrideBody>;
        const { clock } = scopeOf(request);
        const result = await transact(request, async (store) => {
          const refused = await partnerInProgram(store, partnerId);
          if (refused.length > 0) return mutation(fail(refused));
          const stale = await staleStanding(store, partnerId, expectedVersion);
          if (stale.length > 0) return mutation(fail(stale));
          const set = await overridePartnerTier(tierDependencies(store, clock), { partnerId, ...override });
          return set.success
            ? mutation(set, [overrideTrace(set.data.standing, 'set', override.by)], set.data.effects)
            : mutation(set);
        });
        return tierAnswer(result, ['unknown_partner']);
      }),
  );

  app.post(
    '/tiers/partners/:partnerId/override/end',
    {
      schema: {
        tags,
        summary: "End a partner's override today; the next evaluation returns it to its qualifying tier",
        params: PartnerParams,
        body: TIER_REQUEST_BODIES['POST /tiers/partners/:partnerId/override/end'],
      },
    },
    async (request, reply) =>
      idempotent(request, reply, async () => {
        const { partnerId } = request.params as z.infer<typeof PartnerParams>;
        const { expectedVersion, by } = request.body as z.infer<typeof EndOverrideBody>;
        const { clock } = scopeOf(request);
        const result = await transact(request, async (store) => {
          const refused = await partnerInProgram(store, partnerId);
          if (refused.length > 0) return mutation(fail(refused));
          const stale = await staleStanding(store, partnerId, expectedVersion);
          if (stale.length > 0) return mutation(fail(stale));
          const ended = await endPartnerTierOverride(tierDependencies(store, clock), { partnerId, by });
          return ended.success
            ? mutation(ended, [overrideTrace(ended.data.standing, 'ended', by)], ended.data.effects)
            : mutation(ended);
        });
        return tierAnswer(result, ['unknown_partner']);
      }),
  );

  app.post(
    '/tiers/settlements',
    {
      schema: {
        tags,
        summary: 'Put into effect every scheduled tier change whose day has come',
        body: TIER_REQUEST_BODIES['POST /tiers/settlements'],
      },
    },
    async (request, reply) =>
      idempotent(request, reply, async () => {
        const { clock } = scopeOf(request);
        const result = await transact(request, async (store) => {
          const settled = await settleDueTierChanges(tierDependencies(store, clock));
          return settled.success
            ? mutation(settled, settlementTraces(settled.data.effects), settled.data.effects)
            : mutation(settled);
        });
        return tierAnswer(result);
      }),
  );

  app.post(
    '/tiers/what-if',
    {
      schema: {
        tags,
        summary: 'What a draft program would do to the partners today (changes nothing)',
        body: TIER_REQUEST_BODIES['POST /tiers/what-if'],
      },
    },
    async (request, reply) => {
      const { program, partnerIds } = request.body as z.infer<typeof WhatIfBody>;
      const parsed = parseProgram(program);
      if (!parsed.success) {
        return reply
          .code(400)
          .send(errorBody(parsed.issues.map((found) => ({ ...found, path: ['program', ...found.path] }))));
      }
      const { store, clock } = scopeOf(request);
      const report = await whatIfProgram(tierDependencies(store, clock), program, partnerIds ? { partnerIds } : {});
      const answer = tierAnswer(report);
      return reply.code(answer.status).send(answer.body);
    },
  );

  app.post(
    '/tiers/satisfaction-scores',
    {
      schema: {
        tags,
        summary: 'Import customer-satisfaction scores (by source id: importing one again replaces it)',
        body: TIER_REQUEST_BODIES['POST /tiers/satisfaction-scores'],
      },
    },
    async (request, reply) =>
      idempotent(request, reply, async () => {
        const { scores } = request.body as z.infer<typeof ScoresBody>;
        const repeated = duplicates(scores, (score) => score.id, 'id', 'scores');
        if (repeated.length > 0) return answerOf(fail(repeated));
        const result = await transact(request, async (store) => {
          const unknown = await unknownPartners(store, scores, 'scores');
          return mutation(unknown.length > 0 ? fail(unknown) : await store.tiers.satisfactionScores.import(scores));
        });
        return tierAnswer(result);
      }),
  );

  app.post(
    '/tiers/custom-metrics',
    {
      schema: {
        tags,
        summary: 'Import custom metric values (one per partner, metric and day: importing a day again replaces it)',
        body: TIER_REQUEST_BODIES['POST /tiers/custom-metrics'],
      },
    },
    async (request, reply) =>
      idempotent(request, reply, async () => {
        const { values } = request.body as z.infer<typeof MetricsBody>;
        const repeated = duplicates(
          values,
          (value) => `${value.partnerId}\u0000${value.key}\u0000${value.date}`,
          'date',
          'values',
        );
        if (repeated.length > 0) return answerOf(fail(repeated));
        const result = await transact(request, async (store) => {
          const unknown = await unknownPartners(store, values, 'values');
          if (unknown.length > 0) return mutation(fail(unknown));
          const imported = await store.tiers.customMetrics.import(values);
          if (!imported.success) return mutation(imported);
          const program = await store.programs.current();
          const read = program ? customMetricKeys(program.program) : new Set<string>();
          const unusedKeys = [...new Set(values.map((value) => value.key))].filter((key) => !read.has(key)).sort();
          return mutation({ success: true as const, data: { ...imported.data, unusedKeys } });
        });
        return tierAnswer(result);
      }),
  );
};

/** A stale-write issue when the standing's version is not the one the client read (`null`: none yet). */
async function staleStanding(
  store: TenantStore,
  partnerId: string,
  expectedVersion: number | null | undefined,
): Promise<Issue[]> {
  if (expectedVersion === undefined) return [];
  const found = (await store.tiers.standings.get(partnerId))?.version ?? null;
  if (found === expectedVersion) return [];
  return [
    {
      path: ['expectedVersion'],
      code: 'stale_write',
      message: `The tier standing of partner "${partnerId}" is at version ${found ?? 'none'}, not ${expectedVersion ?? 'none'} as read: reload it and try again.`,
    },
  ];
}
