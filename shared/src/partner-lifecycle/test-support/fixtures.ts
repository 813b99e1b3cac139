import { parseProgram } from '../../program/parse-program.js';
import type { Program } from '../../program/schema/program.js';
import { demoProgramInput } from '../../program/test-support/demo-program.js';
import type { Result } from '../../result/result.js';
import { applyToProgram } from '../application.js';
import type { PartnerLifecycleEvent } from '../lifecycle-event.js';
import type { PartnerLifecycle, PartnerLifecycleStatus } from '../record/partner-lifecycle.js';
import { transitionPartnerLifecycle } from '../transition.js';
import type { LifecycleTransition } from '../transition-types.js';

/*
 * Fixtures for the lifecycle tests, on the repository's demo program: America/New_York; onboarding with
 * three required milestones (agreement in 7 days, portal users in 14, a sales certification in 45) and an
 * optional one (a business plan in 60); manual activation.
 */

/** A program as JSON, for edits. */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The demo program, parsed; `change` edits its input first. */
export function demoProgram(change: (input: Json) => void = () => {}): Program {
  const input = demoProgramInput();
  change(input);
  const parsed = parseProgram(input);
  if (!parsed.success) throw new Error(`The program must parse: ${JSON.stringify(parsed.issues)}`);
  return parsed.data;
}

/** The demo program with automatic activation. */
export function automaticProgram(): Program {
  return demoProgram((input) => void (input.lifecycle.onboarding.activation = 'automatic'));
}

/** An instant in the middle of a New York day (15:00 UTC is 10:00 there in winter). */
export function at(date: string): Date {
  return new Date(`${date}T15:00:00Z`);
}

/** The data of an accepted result; a refusal fails the test with its issues. */
export function accepted(result: Result<LifecycleTransition>): LifecycleTransition {
  if (!result.success) throw new Error(`Refused: ${JSON.stringify(result.issues)}`);
  return result.data;
}

/** Northwind Systems (p-1), as it applied on 2026-11-02. */
export function applicant(program = demoProgram()): PartnerLifecycle {
  return accepted(
    applyToProgram(
      { partnerId: 'p-1', partnerName: 'Northwind Systems', submittedBy: 'contact-9' },
      { program, now: at('2026-11-02') },
    ),
  ).next;
}

/** Applies events one a day from `from`, each accepted, and returns the last lifecycle. */
export function afterEvents(
  lifecycle: PartnerLifecycle,
  events: readonly PartnerLifecycleEvent[],
  program = demoProgram(),
  from = '2026-11-03',
): PartnerLifecycle {
  let day = new Date(`${from}T15:00:00Z`);
  let current = lifecycle;
  for (const event of events) {
    current = accepted(transitionPartnerLifecycle(current, event, { program, now: day })).next;
    day = new Date(day.getTime() + 86_400_000);
  }
  return current;
}

const REQUIRED_DONE: PartnerLifecycleEvent[] = [
  { type: 'complete_milestone', by: 'u-1', milestoneId: 'agreement' },
  { type: 'complete_milestone', by: 'u-1', milestoneId: 'portal-users' },
  { type: 'complete_milestone', by: 'u-1', milestoneId: 'sales-certification' },
];

/** The events that bring an applicant to each status, on the demo program. */
export const PATH_TO: Readonly<Record<PartnerLifecycleStatus, readonly PartnerLifecycleEvent[]>> = {
  applicant: [],
  approved: [{ type: 'approve', by: 'u-1' }],
  rejected: [{ type: 'reject', by: 'u-1', reason: 'Outside our territories.' }],
  onboarding: [
    { type: 'approve', by: 'u-1' },
    { type: 'start_onboarding', by: 'u-1' },
  ],
  active: [
    { type: 'approve', by: 'u-1' },
    { type: 'start_onboarding', by: 'u-1' },
    ...REQUIRED_DONE,
    { type: 'activate', by: 'u-1' },
  ],
  suspended: [
    { type: 'approve', by: 'u-1' },
    { type: 'start_onboarding', by: 'u-1' },
    ...REQUIRED_DONE,
    { type: 'activate', by: 'u-1' },
    { type: 'suspend', by: 'u-2', reason: 'Unpaid invoices.' },
  ],
  offboarded: [
    { type: 'approve', by: 'u-1' },
    { type: 'offboard', by: 'u-2', reason: 'The partner withdrew.' },
  ],
};

/** Northwind's lifecycle in a status, reached through the events of `PATH_TO` from 2026-11-03 on. */
export function lifecycleIn(status: PartnerLifecycleStatus, program = demoProgram()): PartnerLifecycle {
  return afterEvents(applicant(program), PATH_TO[status], program);
}

/** Every lifecycle status, in the order of the schema. */
export const STATUSES: readonly PartnerLifecycleStatus[] = [
  'applicant',
  'approved',
  'rejected',
  'onboarding',
  'active',
  'suspended',
  'offboarded',
];
