import {
  AttributionReportSchema,
  AttributionRequestSchema,
  CalendarDateSchema,
  ChannelKpiReportSchema,
  ChannelKpiRequestSchema,
  compareTouches,
  DecisionTraceSchema,
  IssueSchema,
  KpiActivitySchema,
  KpiWindowSchema,
  PartnerTouchSchema,
  RecordIdSchema,
  touchOfDeal,
  type Issue,
  type Result,
} from '@conduit/core';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import * as z from 'zod';
import { touchesOfDeals } from '../../store/analytics/index.js';
import type { TenantStore } from '../../store/tenant-store.js';
import type { ImportCounts } from '../../store/tiers/index.js';
import { attributionReport, channelKpiReport } from '../../workflows/analytics-dependencies.js';
import { answerOf } from '../answer.js';
import { errorBody, refusal } from '../errors.js';
import { idempotent, type Answer } from '../idempotent.js';
import { programInForce } from '../no-program.js';
import { scopeOf } from '../request-scope.js';

/** The most touches or activities one import takes. */
const MAX_IMPORT = 1000;

/** A KPI window in a query string: the core's window fields (fiscal calendar unless told) and how regions are read. */
const KpiQuery = z
  .strictObject({
    ...KpiWindowSchema.shape,
    calendar: KpiWindowSchema.shape.calendar.default('fiscal'),
    regionBy: ChannelKpiRequestSchema.shape.regionBy,
  })
  .refine((query) => query.from < query.to, {
    error: 'must end after it starts',
    params: { code: 'window_empty' },
    path: ['to'],
  });

/** A partner activity as imported: the core's KPI activity with its id in its source and an ISO day. */
const ActivityInputSchema = KpiActivitySchema.extend({ id: RecordIdSchema, on: CalendarDateSchema });

const TouchImportBody = z.strictObject({ touches: z.array(PartnerTouchSchema).min(1).max(MAX_IMPORT) });
const ActivityImportBody = z.strictObject({ activities: z.array(ActivityInputSchema).min(1).max(MAX_IMPORT) });
const DealParams = z.strictObject({ dealId: RecordIdSchema });

const ErrorBodySchema = z.strictObject({
  error: z.string(),
  message: z.string(),
  issues: z.array(IssueSchema),
  traces: z.array(DecisionTraceSchema).optional(),
});
const ImportCountsSchema = z.strictObject({
  created: z.int().min(0),
  updated: z.int().min(0),
  unchanged: z.int().min(0),
});
const DealTouchesSchema = z.strictObject({ dealId: RecordIdSchema, touches: z.array(PartnerTouchSchema) });

/** The bodies of the analytics endpoints that take one, by method and path (under /api/v1). */
export const ANALYTICS_REQUEST_BODIES = {
  'POST /analytics/kpis': ChannelKpiRequestSchema,
  'POST /analytics/attribution': AttributionRequestSchema,
  'POST /analytics/touches/import': TouchImportBody,
  'POST /analytics/activities/import': ActivityImportBody,
} as const;

/** Refusals about the window itself (empty, or cut into more buckets than a report holds): the request must change. */
const WINDOW_CODES = new Set(['window_empty', 'too_many_buckets']);

/**
 * The answer to a report: the report, 400 when the window cannot be reported on (with the issue's path moved
 * under `prefix`, where the window was sent), otherwise as `answerOf` (422 for MDF amounts without a rate).
 */
function reportAnswer<T>(result: Result<T>, prefix: (string | number)[]): Answer {
  if (!result.success && result.issues.every((found) => WINDOW_CODES.has(found.code))) {
    const issues = result.issues.map((found) => ({
      ...found,
      path: [...prefix, ...(found.path[0] === 'window' ? found.path.slice(1) : found.path)],
    }));
    return { status: 400, body: errorBody(issues) };
  }
  return answerOf(result);
}

/** Issues for the items of an import that repeat an earlier item's id (400: send each once). */
function repeatedIds(items: readonly { id: string }[], field: string): Issue[] {
  const seen = new Set<string>();
  return items.flatMap((item, index) => {
    if (!seen.has(item.id)) {
      seen.add(item.id);
      return [];
    }
    return [
      {
        path: [field, index, 'id'],
        code: 'duplicate_value',
        message: `${field}[${index}] repeats the id "${item.id}" of an earlier entry of this request; send each once.`,
      },
    ];
  });
}

/** Issues for the items that name a record the tenant does not have (by `key`), with `code`. */
function unknownOf<T>(
  items: readonly T[],
  field: string,
  key: keyof T & string,
  known: ReadonlySet<string>,
  code: string,
  what: string,
): Issue[] {
  return items.flatMap((item, index) => {
    const id = item[key] as unknown as string;
    return known.has(id)
      ? []
      : [
          {
            path: [field, index, key],
            code,
            message: `${field}[${index}] names ${what} "${id}", which does not exist.`,
          },
        ];
  });
}

const idsOf = <T>(items: readonly T[], pick: (item: T) => string) => [...new Set(items.map(pick))];
const byPath = (a: Issue, b: Issue) => Number(a.path[1]) - Number(b.path[1]);

/** Partner ids among these the tenant has. */
async function knownPartners(store: TenantStore, ids: readonly string[]): Promise<Set<string>> {
  return new Set((await store.partners.getMany(ids)).map((partner) => partner.id));
}

class RolledBack extends Error {
  constructor(readonly issues: Issue[]) {
    super('The import was refused and rolled back.');
  }
}

/** Runs an import in one transaction: it lands whole, or (refused or failed halfway) not at all. */
async function importAll(
  request: FastifyRequest,
  work: (store: TenantStore) => Promise<Result<ImportCounts>>,
): Promise<Answer> {
  try {
    const counts = await scopeOf(request).store.transaction(async (store) => {
      const done = await work(store);
      if (!done.success) throw new RolledBack(done.issues);
      return done.data;
    });
    return { status: 200, body: counts };
  } catch (error) {
    if (error instanceof RolledBack) return answerOf({ success: false, issues: error.issues });
    throw error;
  }
}

/**
 * Channel analytics: the KPI report over a window (by bucket, partner, tier, program and region, with
 * charts and MDF ROI), attribution of pipeline and revenue to partners under one or more models, and the
 * imports that feed them: partner touches on deals and partner activities (each all-or-nothing, at most
 * 1,000 a request, replacing by id, with an Idempotency-Key). Reports read the tenant's store page by page;
 * rows the report cannot use are counted in its `dataIssues`.
 */
export const analyticsRoutes: FastifyPluginAsync = async (app) => {
  const tags = ['analytics'];
  const errors = { 400: ErrorBodySchema, 422: ErrorBodySchema };

  app.get(
    '/analytics/kpis',
    {
      schema: {
        tags,
        summary: "The channel's KPIs over a window of fiscal or calendar periods (query form)",
        querystring: KpiQuery,
        response: { 200: ChannelKpiReportSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { regionBy, ...window } = request.query as z.output<typeof KpiQuery>;
      const { store, clock } = scopeOf(request);
      const answer = reportAnswer(await channelKpiReport(store, clock, { window, regionBy }), ['query']);
      return reply.code(answer.status).send(answer.body);
    },
  );

  app.post(
    '/analytics/kpis',
    {
      schema: {
        tags,
        summary: "The channel's KPIs over a window of fiscal or calendar periods (reads only)",
        body: ChannelKpiRequestSchema,
        response: { 200: ChannelKpiReportSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { store, clock } = scopeOf(request);
      const body = request.body as z.output<typeof ChannelKpiRequestSchema>;
      const answer = reportAnswer(await channelKpiReport(store, clock, body), ['window']);
      return reply.code(answer.status).send(answer.body);
    },
  );

  app.post(
    '/analytics/attribution',
    {
      schema: {
        tags,
        summary: 'Pipeline and revenue attributed to partners over a window, under the program’s model or others',
        body: AttributionRequestSchema,
        response: { 200: AttributionReportSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { store, clock } = scopeOf(request);
      const body = request.body as z.output<typeof AttributionRequestSchema>;
      const answer = reportAnswer(await attributionReport(store, clock, body), []);
      return reply.code(answer.status).send(answer.body);
    },
  );

  app.post(
    '/analytics/touches/import',
    {
      schema: {
        tags,
        summary: 'Record partner touches on deals (all or nothing; importing a touch id again replaces it)',
        body: TouchImportBody,
        response: { 200: ImportCountsSchema, ...errors },
      },
    },
    async (request, reply) =>
      idempotent(request, reply, async () => {
        const { touches } = request.body as z.output<typeof TouchImportBody>;
        const repeated = repeatedIds(touches, 'touches');
        if (repeated.length > 0) return answerOf({ success: false, issues: repeated });
        return importAll(request, async (store) => {
          const deals = new Set(
            (await store.deals.getMany(idsOf(touches, (touch) => touch.dealId))).map((deal) => deal.id),
          );
          const partners = await knownPartners(
            store,
            idsOf(touches, (touch) => touch.partnerId),
          );
          const unknown = [
            ...unknownOf(touches, 'touches', 'dealId', deals, 'unknown_deal', 'a deal'),
            ...unknownOf(touches, 'touches', 'partnerId', partners, 'unknown_partner', 'a partner'),
          ].sort(byPath);
          if (unknown.length > 0) return { success: false, issues: unknown };
          return store.analytics.touches.import(touches);
        });
      }),
  );

  app.post(
    '/analytics/activities/import',
    {
      schema: {
        tags,
        summary: 'Record partner activities (all or nothing; importing an activity id again replaces it)',
        body: ActivityImportBody,
        response: { 200: ImportCountsSchema, ...errors },
      },
    },
    async (request, reply) =>
      idempotent(request, reply, async () => {
        const { activities } = request.body as z.output<typeof ActivityImportBody>;
        const repeated = repeatedIds(activities, 'activities');
        if (repeated.length > 0) return answerOf({ success: false, issues: repeated });
        return importAll(request, async (store) => {
          const partners = await knownPartners(
            store,
            idsOf(activities, (activity) => activity.partnerId),
          );
          const unknown = unknownOf(activities, 'activities', 'partnerId', partners, 'unknown_partner', 'a partner');
          if (unknown.length > 0) return { success: false, issues: unknown };
          return store.analytics.activities.import(activities);
        });
      }),
  );

  app.get(
    '/analytics/deals/:dealId/touches',
    {
      schema: {
        tags,
        summary: "A deal's partner touches as attribution reads them (its own and the recorded ones), in order",
        params: DealParams,
        response: { 200: DealTouchesSchema, 404: ErrorBodySchema },
      },
    },
    async (request, reply) => {
      const { dealId } = request.params as z.output<typeof DealParams>;
      const { store } = scopeOf(request);
      const deal = await store.deals.get(dealId);
      if (!deal) return reply.code(404).send(refusal('not_found', `There is no deal "${dealId}".`, ['dealId']));
      const { timeZone } = (await programInForce(store)).fiscalCalendar;
      const touches = touchesOfDeals(touchOfDeal(deal, timeZone), await store.analytics.touches.ofDeals([dealId]));
      return { dealId, touches: touches.sort(compareTouches) };
    },
  );
};
