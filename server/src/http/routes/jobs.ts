import type { FastifyPluginAsync } from 'fastify';
import * as z from 'zod';
import { JOB_NAMES, JOBS, cronOf, type JobName } from '../../jobs/catalog.js';
import { nextTick } from '../../jobs/cron.js';
import { jobRuns } from '../../jobs/job-runs.js';
import { refusal } from '../errors.js';
import { idempotent } from '../idempotent.js';
import { programInForce } from '../no-program.js';
import { scopeOf } from '../request-scope.js';

const JobNameSchema = z.enum(JOB_NAMES);
const RunIdSchema = z.string().min(1).max(255);
const JobParams = z.strictObject({ job: JobNameSchema });
const RunParams = z.strictObject({ job: JobNameSchema, id: RunIdSchema });
const RunsQuery = z.strictObject({
  /** The id of the last run of the previous page (`next`): the page holds the runs before it. */
  before: RunIdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
const TriggerBody = z.strictObject({}).nullish();

/**
 * Scheduled jobs: what each does and when it runs next (the program's cron expression in its time zone),
 * its runs newest first with their outcome and counts, one run, and running a job now. Asking for a run
 * while one of the same job is waiting or running answers that run (200) instead of starting another (201);
 * the run is taken by the scheduler (of any instance) within a few seconds.
 */
export const jobRoutes: FastifyPluginAsync = async (app) => {
  const tags = ['jobs'];

  app.get(
    '/jobs',
    { schema: { tags, summary: 'The scheduled jobs: schedule, next run and last run of each' } },
    async (request) => {
      const { store, clock, tenantId } = scopeOf(request);
      const published = await store.programs.current();
      const runs = jobRuns(store.db, tenantId);
      const timeZone = published?.program.fiscalCalendar.timeZone ?? null;
      const jobs = [];
      for (const job of JOB_NAMES) {
        const cron = published ? cronOf(published.program, job) : null;
        jobs.push({
          name: job,
          description: JOBS[job].description,
          schedule: cron,
          timeZone,
          nextRunAt: cron && timeZone ? nextTick(cron, timeZone, clock.now()).toISOString() : null,
          lastRun: (await runs.latest(job)) ?? null,
        });
      }
      return { jobs };
    },
  );

  app.get(
    '/jobs/:job/runs',
    {
      schema: {
        tags,
        summary: 'The runs of a job, newest first, with their outcome and counts',
        params: JobParams,
        querystring: RunsQuery,
      },
    },
    async (request, reply) => {
      const { job } = request.params as { job: JobName };
      const { before, limit } = request.query as z.infer<typeof RunsQuery>;
      const { store, tenantId } = scopeOf(request);
      const runs = jobRuns(store.db, tenantId);
      const after = before === undefined ? undefined : await runs.get(before);
      if (before !== undefined && after?.job !== job)
        return reply
          .code(400)
          .send(refusal('invalid_value', `query.before names no run of the job ${job}.`, ['query', 'before']));
      const page = await runs.list(job, { limit, ...(after ? { before: after } : {}) });
      return { runs: page, next: page.length === limit ? page[page.length - 1]!.id : null };
    },
  );

  app.get(
    '/jobs/:job/runs/:id',
    { schema: { tags, summary: 'One run of a job', params: RunParams } },
    async (request, reply) => {
      const { job, id } = request.params as z.infer<typeof RunParams>;
      const { store, tenantId } = scopeOf(request);
      const run = await jobRuns(store.db, tenantId).get(id);
      if (run?.job !== job)
        return reply.code(404).send(refusal('not_found', `The job ${job} has no run with the id "${id}".`, ['id']));
      return { run };
    },
  );

  app.post(
    '/jobs/:job/runs',
    {
      schema: {
        tags,
        summary: 'Run a job now (or get the run of it already waiting or running)',
        params: JobParams,
        body: TriggerBody,
      },
    },
    async (request, reply) =>
      idempotent(request, reply, async () => {
        const { job } = request.params as { job: JobName };
        const { store, clock, tenantId } = scopeOf(request);
        await programInForce(store);
        const { run, created } = await jobRuns(store.db, tenantId).request(job, clock.now());
        return { status: created ? 201 : 200, body: { run, created } };
      }),
  );
};
