import { parseProgram } from '../../../program/parse-program.js';
import type { Program } from '../../../program/schema/program.js';
import { demoProgramInput } from '../../../program/test-support/demo-program.js';
import type { Result } from '../../../result/result.js';
import type {
  ConflictSummary,
  Protection,
  Registration,
  RegistrationDetails,
  RegistrationStatus,
} from '../../registration.js';
import type { RegistrationEvent } from '../registration-event.js';
import { transitionRegistration } from '../transition.js';
import type { RegistrationTransition } from '../transition-types.js';

/*
 * Fixtures for the lifecycle tests, on the repository's demo program: America/New_York, 90 days of
 * protection, at most 2 extensions of 30 days, requested at most 14 days before protection ends.
 */

/** The demo program, parsed; `change` edits its input first. */
export function demoProgram(change: (input: Record<string, unknown>) => void = () => {}): Program {
  const input = demoProgramInput();
  change(input);
  const parsed = parseProgram(input);
  if (!parsed.success) throw new Error(`The program must parse: ${JSON.stringify(parsed.issues)}`);
  return parsed.data;
}

/** The demo program with other extension terms. */
export function programWithExtensions(extensions: { maxCount: number; days: number; requestWindowDays: number }) {
  return demoProgram((input) => {
    (input.registration as Record<string, unknown>).extensions = extensions;
  });
}

/** An instant in the middle of a New York day (15:00 UTC is 10:00 or 11:00 there). */
export function at(date: string): Date {
  return new Date(`${date}T15:00:00Z`);
}

/** A complete registration: Acme Corp in San Francisco, 25,000.00 USD of platform and secure-edge. */
export const details: RegistrationDetails = {
  customer: { name: 'Acme Corp', domain: 'acme.com', country: 'US', subdivision: 'US-CA', postalCode: '94105' },
  contact: { name: 'Jane Doe', email: 'jane.doe@acme.com', phone: '+1 415 555 0100' },
  amount: { amount: 2_500_000, currency: 'USD' },
  expectedCloseDate: '2027-03-31',
  products: ['platform', 'secure-edge'],
  description: 'Replace the edge firewalls of 40 branch offices.',
};

/** The conflict check of the sample submission: nothing matched. */
export const clearCheck: ConflictSummary = { verdict: 'clear', checkedAt: '2026-11-02T14:00:00.000Z', matches: 0 };

/** Protection as the demo program grants it on approval on 2026-11-24. */
export const protection: Protection = { startsOn: '2026-11-24', endsOn: '2027-02-21', extensions: 0 };

const common = {
  id: 'reg-1',
  partnerId: 'p-1',
  details,
  opportunityId: null,
  createdAt: '2026-11-01T14:00:00.000Z',
  version: 3,
};
const submitted = { ...common, submittedAt: '2026-11-02T14:00:00.000Z', conflict: clearCheck };
const decided = { ...submitted, decidedBy: 'cm-1', decidedAt: '2026-11-24T15:00:00.000Z' };
const approved = { ...decided, protection };

/** A realistic registration in each state, as a repository would return it. */
const SAMPLES: { [S in RegistrationStatus]: Extract<Registration, { status: S }> } = {
  draft: { ...common, status: 'draft' },
  submitted: { ...submitted, status: 'submitted' },
  under_review: {
    ...submitted,
    status: 'under_review',
    reviewerId: 'cm-1',
    reviewStartedAt: '2026-11-03T15:00:00.000Z',
  },
  info_requested: {
    ...submitted,
    status: 'info_requested',
    requestedBy: 'cm-1',
    requestedAt: '2026-11-04T15:00:00.000Z',
    request: 'Which sites are in scope?',
  },
  approved: { ...approved, status: 'approved' },
  extension_requested: {
    ...approved,
    status: 'extension_requested',
    extensionRequestedAt: '2027-02-10T15:00:00.000Z',
    extensionReason: 'The customer moved its board meeting to March.',
  },
  rejected: { ...decided, status: 'rejected', reason: 'The customer is a direct account.' },
  won: { ...approved, status: 'won', closedOn: '2027-01-15' },
  lost: { ...approved, status: 'lost', closedOn: '2027-01-15', reason: 'Budget cut.' },
  expired: { ...approved, status: 'expired', expiredOn: '2027-02-22' },
  withdrawn: {
    ...common,
    status: 'withdrawn',
    withdrawnAt: '2026-11-05T15:00:00.000Z',
    withdrawnFrom: 'submitted',
  },
};

/** Every state of the lifecycle. */
export const STATUSES = Object.keys(SAMPLES) as RegistrationStatus[];

/** A sample registration in `status`, with fields replaced by `overrides`. */
export function registrationIn<S extends RegistrationStatus>(
  status: S,
  overrides: Partial<Extract<Registration, { status: S }>> = {},
): Extract<Registration, { status: S }> {
  return structuredClone({ ...SAMPLES[status], ...overrides });
}

/** Freezes a value and everything it holds, so that a test fails if a transition changes its input. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

let cached: Program | undefined;

/** The demo program, parsed once. */
export function sharedDemoProgram(): Program {
  cached ??= demoProgram();
  return cached;
}

/** Runs a transition on a frozen copy of the registration. */
export function run(
  registration: Registration,
  event: RegistrationEvent,
  now: Date,
  program: Program = sharedDemoProgram(),
): Result<RegistrationTransition> {
  return transitionRegistration(deepFreeze(structuredClone(registration)), event, { program, now });
}

/** Runs a transition that must be accepted and returns its result. */
export function accepted(
  registration: Registration,
  event: RegistrationEvent,
  now: Date,
  program?: Program,
): RegistrationTransition {
  const result = run(registration, event, now, program);
  if (!result.success) throw new Error(`Expected ${event.type} to be accepted: ${JSON.stringify(result.issues)}`);
  return result.data;
}

/** Runs a transition that must be refused and returns its issues. */
export function refused(registration: Registration, event: RegistrationEvent, now: Date, program?: Program) {
  const result = run(registration, event, now, program);
  if (result.success)
    throw new Error(`Expected ${event.type} to be refused, but it led to ${result.data.next.status}.`);
  return result.issues;
}

/** A transition as a snapshot shows it: the next state without the details it copied unchanged. */
export function outline({ next, effects }: RegistrationTransition) {
  const { details: _details, ...rest } = next;
  return { next: rest, effects };
}
