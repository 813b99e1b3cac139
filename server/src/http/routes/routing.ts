import {
  acceptLeadOffer,
  ConflictOfInterestSchema,
  declineLeadOffer,
  emptyRoutingState,
  InstantSchema,
  LeadSchema,
  ManualNoteSchema,
  MANUAL_DECISION,
  offerIdOf,
  reassignLeadByHand,
  RecordIdSchema,
  recycleExpiredLeadOffers,
  routeNewLeads,
  ROUTING_DECISION,
  type Issue,
  type LeadDistribution,
  type Result,
  type RoutingPorts,
} from '@conduit/core';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import * as z from 'zod';
import { conflictIdOf, type OfferCursor } from '../../store/routing/index.js';
import type { TenantStore } from '../../store/tenant-store.js';
import { inRoutingTransaction, type ExpectedDistribution } from '../../workflows/routing-ports.js';
import { answerOf } from '../answer.js';
import { errorBody, refusal } from '../errors.js';
import { idempotent, type Answer } from '../idempotent.js';
import { scopeOf } from '../request-scope.js';

const Limit = z.coerce.number().int().min(1).max(500).default(100);
const LeadParams = z.strictObject({ leadId: RecordIdSchema });
const ConflictParams = z.strictObject({ id: RecordIdSchema });
/** The version of the lead's distribution the client read; left out, no check. */
const ExpectedVersion = z.int().min(1).optional();
const Reason = ManualNoteSchema.shape.reason;
const EmptyBody = z.strictObject({});

const RouteBody = z
  .strictObject({
    leadIds: z.array(RecordIdSchema).min(1).max(1000).optional(),
    createdSince: InstantSchema.optional(),
  })
  .refine((body) => body.leadIds !== undefined || body.createdSince !== undefined, {
    error: 'must name the leads to route: "leadIds", or "createdSince" for every lead created since an instant',
    params: { code: 'required' },
  })
  .refine((body) => body.leadIds === undefined || body.createdSince === undefined, {
    error: 'must not be given with "leadIds": route named leads, or the leads created since an instant',
    params: { code: 'invalid' },
    path: ['createdSince'],
  });
const AcceptBody = z.strictObject({ partnerId: RecordIdSchema, expectedVersion: ExpectedVersion });
const DeclineBody = z.strictObject({ partnerId: RecordIdSchema, reason: Reason, expectedVersion: ExpectedVersion });
const ReassignBody = z.strictObject({
  partnerId: RecordIdSchema,
  by: RecordIdSchema,
  reason: Reason,
  /** The version of the lead's distribution read (`null`: the lead was never routed); left out, no check. */
  expectedVersion: z.int().min(1).nullable().optional(),
});
const LeadImportBody = z.strictObject({
  leads: z
    .array(LeadSchema.partial({ version: true }))
    .min(1)
    .max(1000),
});
const ConflictImportBody = z.strictObject({ conflicts: z.array(ConflictOfInterestSchema).min(1).max(1000) });
const WithdrawBody = z.strictObject({ expectedVersion: z.int().min(1).optional() });

/** `next` of a page of offers: the last offer's deadline and lead, `<dueAt>~<leadId>`. */
function cursorOf(text: string): OfferCursor | undefined {
  const split = text.indexOf('~');
  if (split < 0) return undefined;
  const dueAt = text.slice(0, split);
  const leadId = text.slice(split + 1);
  return InstantSchema.safeParse(dueAt).success && RecordIdSchema.safeParse(leadId).success
    ? { dueAt, leadId }
    : undefined;
}

const OffersQuery = z.strictObject({
  partnerId: RecordIdSchema.optional(),
  dueBefore: InstantSchema.optional(),
  after: z
    .string()
    .max(400)
    .refine((text) => cursorOf(text) !== undefined, {
      error: 'must be the "next" value of an earlier page',
      params: { code: 'invalid' },
    })
    .optional(),
  limit: Limit,
});
const ConflictsQuery = z.strictObject({
  status: z.enum(['active', 'withdrawn']).default('active'),
  partnerId: RecordIdSchema.optional(),
  accountId: RecordIdSchema.optional(),
  leadId: RecordIdSchema.optional(),
  after: RecordIdSchema.optional(),
  limit: Limit,
});

/** An import the store refused, thrown to roll its transaction back. */
class ImportRefused extends Error {
  constructor(readonly issues: Issue[]) {
    super(issues[0]?.message ?? 'The import was refused.');
  }
}

function refusedImport(error: unknown): Result<never> {
  if (error instanceof ImportRefused) return { success: false, issues: error.issues };
  throw error;
}

/** Codes that mean the lead a path names has nothing to act on: answered 404. */
const LEAD_NOT_FOUND = ['lead_not_found', 'lead_not_routed'];

/** The answer to a routing use case: 404 when it names one of the `notFound` codes, otherwise as `answerOf`. */
function routingAnswer<T>(result: Result<T>, notFound: readonly string[] = []): Answer {
  if (!result.success && result.issues.some((found) => notFound.includes(found.code)))
    return { status: 404, body: errorBody(result.issues) };
  return answerOf(result);
}

/**
 * Runs a routing use case in one transaction under the tenant's routing lock (see `inRoutingTransaction`)
 * and answers with its result; `then` may read more inside the same transaction for the answer.
 */
async function mutate<T, A>(
  request: FastifyRequest,
  useCase: (ports: RoutingPorts) => Promise<Result<T>>,
  then: (data: T, store: TenantStore) => Promise<A>,
  options: { expected?: ExpectedDistribution; notFound?: readonly string[] } = {},
): Promise<Answer> {
  const result = await inRoutingTransaction(
    scopeOf(request),
    async (ports, store): Promise<Result<A>> => {
      const done = await useCase(ports);
      return done.success ? { success: true, data: await then(done.data, store) } : done;
    },
    options.expected ? { expected: options.expected } : {},
  );
  return routingAnswer(result, options.notFound);
}

/** The version a lead's distribution was stored at, read back for the answer. */
async function versionOf(store: TenantStore, leadId: string): Promise<number | null> {
  return (await store.routing.distributions([leadId]))[0]?.version ?? null;
}

/** The current offer of a distribution (offered or accepted), as partners and CRM cards show it. */
function currentOffer(record: LeadDistribution | undefined) {
  if (record?.status !== 'offered' && record?.status !== 'accepted') return null;
  return {
    offerId: offerIdOf(record.leadId, record.attempts),
    partnerId: record.partnerId,
    status: record.status,
    attempt: record.attempts,
    via: record.via,
    manual: record.manual,
    offeredAt: record.offeredAt,
    dueAt: record.dueAt,
    acceptedAt: record.status === 'accepted' ? record.acceptedAt : null,
  };
}

/** Issues of entries that repeat an earlier entry of the same list (same identity). */
function repeated<T>(items: readonly T[], identity: (item: T) => string, list: string): Issue[] {
  const seen = new Set<string>();
  return items.flatMap((item, index) => {
    const key = identity(item);
    if (!seen.has(key)) {
      seen.add(key);
      return [];
    }
    return [
      {
        path: [list, index],
        code: 'duplicate_value',
        message: `${list}[${index}] repeats an earlier entry of this request; send each one once.`,
      },
    ];
  });
}

/**
 * Lead distribution: route new leads (named, or created since an instant) through the program's steps,
 * let partners accept or decline their offers (a decline routes the lead again at once, never to the
 * decliner), recycle offers past their SLA, reassign a lead by hand with a reason, read a lead's
 * distribution with its offer, history and traces, list open offers, read the routing state, and import
 * leads and conflicts of interest. Mutations take an Idempotency-Key and run in one transaction, under
 * the tenant's routing lock, with the audit entries of the decisions they made; the effects (offers to
 * send or withdraw, assignments to confirm, queues to notify) are returned for the CRM adapters.
 */
export const routingRoutes: FastifyPluginAsync = async (app) => {
  const tags = ['routing'];

  app.post(
    '/routing/route',
    {
      schema: { tags, summary: 'Route new leads: named ones, or every lead created since an instant', body: RouteBody },
    },
    async (request, reply) =>
      idempotent(request, reply, () => {
        const body = request.body as z.infer<typeof RouteBody>;
        const selection = body.leadIds ? { leadIds: body.leadIds } : { createdSince: body.createdSince! };
        return mutate(
          request,
          (ports) => routeNewLeads(ports, selection),
          async ({ assignments, effects, traces }) => ({ assignments, effects, traces }),
        );
      }),
  );

  app.post(
    '/routing/leads/:leadId/accept',
    { schema: { tags, summary: 'The partner accepts the lead offered to it', params: LeadParams, body: AcceptBody } },
    async (request, reply) =>
      idempotent(request, reply, () => {
        const { leadId } = request.params as z.infer<typeof LeadParams>;
        const { partnerId, expectedVersion } = request.body as z.infer<typeof AcceptBody>;
        return mutate(
          request,
          (ports) => acceptLeadOffer(ports, { leadId, partnerId }),
          async ({ record, effects }, store) => ({
            distribution: record,
            version: await versionOf(store, leadId),
            offer: currentOffer(record),
            effects,
          }),
          {
            notFound: LEAD_NOT_FOUND,
            ...(expectedVersion === undefined ? {} : { expected: { leadId, version: expectedVersion } }),
          },
        );
      }),
  );

  app.post(
    '/routing/leads/:leadId/decline',
    {
      schema: {
        tags,
        summary: 'The partner declines the lead offered to it: the lead is routed again at once',
        params: LeadParams,
        body: DeclineBody,
      },
    },
    async (request, reply) =>
      idempotent(request, reply, () => {
        const { leadId } = request.params as z.infer<typeof LeadParams>;
        const { partnerId, reason, expectedVersion } = request.body as z.infer<typeof DeclineBody>;
        return mutate(
          request,
          (ports) => declineLeadOffer(ports, { leadId, partnerId, reason }),
          async ({ record, effects, traces }, store) => ({
            distribution: record,
            version: await versionOf(store, leadId),
            offer: currentOffer(record),
            effects,
            traces,
          }),
          {
            notFound: LEAD_NOT_FOUND,
            ...(expectedVersion === undefined ? {} : { expected: { leadId, version: expectedVersion } }),
          },
        );
      }),
  );

  app.post(
    '/routing/leads/:leadId/reassign',
    {
      schema: {
        tags,
        summary: 'Offer a lead to a partner chosen by hand, with the reason (recorded in the audit log)',
        params: LeadParams,
        body: ReassignBody,
      },
    },
    async (request, reply) =>
      idempotent(request, reply, () => {
        const { leadId } = request.params as z.infer<typeof LeadParams>;
        const { partnerId, by, reason, expectedVersion } = request.body as z.infer<typeof ReassignBody>;
        return mutate(
          request,
          (ports) => reassignLeadByHand(ports, { leadId, partnerId, by, reason }),
          async ({ assignment, effects, trace }, store) => ({
            distribution: assignment,
            version: await versionOf(store, leadId),
            offer: currentOffer(assignment),
            effects,
            trace,
          }),
          {
            notFound: LEAD_NOT_FOUND,
            ...(expectedVersion === undefined ? {} : { expected: { leadId, version: expectedVersion } }),
          },
        );
      }),
  );

  app.post(
    '/routing/recycle',
    {
      schema: {
        tags,
        summary: 'Expire every offer past its SLA and route its lead again (or queue it after the last attempt)',
        body: EmptyBody.nullish(),
      },
    },
    async (request, reply) =>
      idempotent(request, reply, () =>
        mutate(
          request,
          (ports) => recycleExpiredLeadOffers(ports),
          async ({ expired, assignments, effects, traces }) => ({ expired, assignments, effects, traces }),
        ),
      ),
  );

  app.get(
    '/routing/leads/:leadId',
    {
      schema: {
        tags,
        summary: "A lead's distribution: its current offer, its history and the traces of its routing",
        params: LeadParams,
      },
    },
    async (request, reply) => {
      const { leadId } = request.params as z.infer<typeof LeadParams>;
      const { store } = scopeOf(request);
      const lead = await store.leads.get(leadId);
      const [stored] = await store.routing.distributions([leadId]);
      if (!lead && !stored)
        return reply.code(404).send(refusal('not_found', `There is no lead "${leadId}".`, ['leadId']));
      const audit = (await store.audit.forSubject('lead', leadId, 1000)).filter((entry) =>
        entry.trace.decision.startsWith('routing.'),
      );
      const decisions = audit.filter(
        (entry) => entry.trace.decision === ROUTING_DECISION || entry.trace.decision === MANUAL_DECISION,
      );
      return {
        leadId,
        lead: lead ?? null,
        distribution: stored?.record ?? null,
        version: stored?.version ?? null,
        offer: currentOffer(stored?.record),
        history: stored?.record.history ?? [],
        trace: decisions.at(-1)?.trace ?? null,
        audit,
      };
    },
  );

  app.get(
    '/routing/offers',
    {
      schema: {
        tags,
        summary: 'Open offers, soonest deadline first, by partner and deadline, a page at a time',
        querystring: OffersQuery,
      },
    },
    async (request) => {
      const { partnerId, dueBefore, after, limit } = request.query as z.infer<typeof OffersQuery>;
      const offers = await scopeOf(request).store.routing.openOffers({
        ...(partnerId === undefined ? {} : { partnerId }),
        ...(dueBefore === undefined ? {} : { dueBefore }),
        ...(after === undefined ? {} : { after: cursorOf(after)! }),
        limit,
      });
      const last = offers.at(-1);
      return {
        offers: offers.map(({ record, version }) => ({ ...currentOffer(record)!, leadId: record.leadId, version })),
        next: offers.length === limit && last ? `${last.record.dueAt}~${last.record.leadId}` : null,
      };
    },
  );

  app.get(
    '/routing/state',
    { schema: { tags, summary: 'The routing state: round-robin weights, loads per period, sticky accounts' } },
    async (request) => {
      const stored = await scopeOf(request).store.routing.loadState();
      return { state: stored?.state ?? emptyRoutingState(), version: stored?.version ?? null };
    },
  );

  app.post(
    '/routing/leads/import',
    {
      schema: {
        tags,
        summary: 'Create or update leads (how HubSpot and Salesforce hand leads over); routes nothing',
        body: LeadImportBody,
      },
    },
    async (request, reply) =>
      idempotent(request, reply, async () => {
        const { leads } = request.body as z.infer<typeof LeadImportBody>;
        const duplicates = repeated(leads, (lead) => lead.id, 'leads');
        if (duplicates.length > 0) return { status: 400, body: errorBody(duplicates) };
        const result = await scopeOf(request)
          .store.transaction(async (store) => {
            const imported = await store.routing.importLeads(leads);
            if (!imported.success) throw new ImportRefused(imported.issues);
            return imported;
          })
          .catch(refusedImport);
        return answerOf(result, 200, (data) => ({ leads: data }));
      }),
  );

  app.post(
    '/routing/conflicts/import',
    {
      schema: {
        tags,
        summary: 'Create or update conflicts of interest: partners excluded from a lead or an account',
        body: ConflictImportBody,
      },
    },
    async (request, reply) =>
      idempotent(request, reply, async () => {
        const { conflicts } = request.body as z.infer<typeof ConflictImportBody>;
        const duplicates = repeated(conflicts, conflictIdOf, 'conflicts');
        if (duplicates.length > 0) return { status: 400, body: errorBody(duplicates) };
        const result = await scopeOf(request)
          .store.transaction(async (store) => {
            const known = new Set(
              (await store.partners.getMany([...new Set(conflicts.map((conflict) => conflict.partnerId))])).map(
                (partner) => partner.id,
              ),
            );
            const unknown = conflicts.flatMap((conflict, index) =>
              known.has(conflict.partnerId)
                ? []
                : [
                    {
                      path: ['conflicts', index, 'partnerId'],
                      code: 'unknown_partner',
                      message: `There is no partner "${conflict.partnerId}".`,
                    },
                  ],
            );
            if (unknown.length > 0) throw new ImportRefused(unknown);
            const imported = await store.routing.conflicts.import(conflicts);
            if (!imported.success) throw new ImportRefused(imported.issues);
            return imported;
          })
          .catch(refusedImport);
        return answerOf(result, 200, (data) => ({ conflicts: data }));
      }),
  );

  app.get(
    '/routing/conflicts',
    {
      schema: {
        tags,
        summary: 'Conflicts of interest (the active ones unless told), in id order, a page at a time',
        querystring: ConflictsQuery,
      },
    },
    async (request) => {
      const query = request.query as z.infer<typeof ConflictsQuery>;
      const conflicts = await scopeOf(request).store.routing.conflicts.list(query);
      return { conflicts, next: conflicts.length === query.limit ? conflicts.at(-1)!.id : null };
    },
  );

  app.post(
    '/routing/conflicts/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw a conflict of interest: routing no longer excludes the partner',
        params: ConflictParams,
        body: WithdrawBody.nullish(),
      },
    },
    async (request, reply) =>
      idempotent(request, reply, async () => {
        const { id } = request.params as z.infer<typeof ConflictParams>;
        const { expectedVersion } = (request.body ?? {}) as z.infer<typeof WithdrawBody>;
        const result = await scopeOf(request).store.routing.conflicts.withdraw(id, expectedVersion);
        return answerOf(result, 200, (conflict) => ({ conflict }));
      }),
  );
};
