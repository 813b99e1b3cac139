import type { Program } from '@conduit/core';
import { postAccruals } from './accrual-posting.js';
import type { JobRunner } from './job-runner.js';
import { recycleOffers } from './offer-recycling.js';
import { expireRegistrations } from './registration-expiry.js';
import { evaluateTiers } from './tier-evaluation.js';

/** The scheduled jobs, by the names the API and the `job_runs` table use. */
export const JOB_NAMES = ['offer-recycling', 'registration-expiry', 'tier-evaluation', 'accrual-posting'] as const;
export type JobName = (typeof JOB_NAMES)[number];

/** A scheduled job: what it does, where the program keeps its schedule, and how it runs. */
export interface JobDefinition {
  name: JobName;
  description: string;
  /** The field of the program's `schedules` holding its cron expression. */
  schedule: keyof Program['schedules'];
  run: JobRunner;
}

/** Every scheduled job of the server. */
export const JOBS: Readonly<Record<JobName, JobDefinition>> = {
  'offer-recycling': {
    name: 'offer-recycling',
    description: 'Expires lead offers past their SLA and offers the leads to other partners (or queues them).',
    schedule: 'offerRecycling',
    run: recycleOffers,
  },
  'registration-expiry': {
    name: 'registration-expiry',
    description: 'Expires deal registrations whose protection has ended.',
    schedule: 'registrationExpiry',
    run: expireRegistrations,
  },
  'tier-evaluation': {
    name: 'tier-evaluation',
    description: 'Evaluates every partner’s tier, applying what the program allows and queueing the rest.',
    schedule: 'tierEvaluation',
    run: evaluateTiers,
  },
  'accrual-posting': {
    name: 'accrual-posting',
    description:
      'Accrues co-op MDF on won deals, expires co-op funds past their expiry and lapses MDF requests whose time is over.',
    schedule: 'accrualPosting',
    run: postAccruals,
  },
};

/** Whether a text is the name of a job. */
export function isJobName(name: string): name is JobName {
  return (JOB_NAMES as readonly string[]).includes(name);
}

/** A job's cron expression in a program (`null`: it runs only on demand). */
export function cronOf(program: Program, job: JobName): string | null {
  return program.schedules[JOBS[job].schedule];
}
