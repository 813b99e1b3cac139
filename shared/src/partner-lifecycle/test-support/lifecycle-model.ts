import { TZDate } from '@date-fns/tz';
import fc from 'fast-check';
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
 * A model of the partner lifecycle for model-based tests: an independent account of which events a partner
 * accepts and where they lead, with milestones kept as day numbers and the program's day computed through
 * @date-fns/tz rather than the core's time helpers. Commands send random events (valid and not: blank
 * reasons, unknown or closed milestones, early activations) with a clock that only moves forward; each
 * step goes to a `Law` that checks one property of the real transition.
 */

const DAY = 86_400_000;

/** The program day of an instant, as a day number, independently of the core's calendar helpers. */
function programDay(instantMs: number, timeZone: string): number {
  const local = new TZDate(instantMs, timeZone);
  return Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()) / DAY;
}

/** A day number as a calendar date. */
export function dateOf(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** What the model knows of a milestone. */
export interface ModelMilestone {
  id: string;
  required: boolean;
  dueDay: number;
  state: 'pending' | 'completed' | 'waived';
  flagged: boolean;
}

/** What the model knows of a partner: its status, the clock and its milestones once onboarding started. */
export interface Model {
  status: PartnerLifecycleStatus;
  nowMs: number;
  milestones: ModelMilestone[];
}

/** One transition as a law sees it. */
export interface Step {
  before: PartnerLifecycle;
  beforeJson: string;
  event: PartnerLifecycleEvent;
  program: Program;
  result: Result<LifecycleTransition>;
  expected: { accepted: false; code: string } | { accepted: true; model: Model };
}

/** A property checked after every transition; it throws (an `expect`) when it does not hold. */
export type Law = (step: Step) => void;

interface Real {
  lifecycle: PartnerLifecycle;
  now: Date;
  program: Program;
  law: Law;
}

type Prediction = { accepted: false; code: string } | { accepted: true; apply: (model: Model) => void };
const refuse = (code: string): Prediction => ({ accepted: false, code });
const accept = (apply: (model: Model) => void): Prediction => ({ accepted: true, apply });

/** The statuses each event applies to, as the model reads the lifecycle's rules. */
const SOURCES: Record<PartnerLifecycleEvent['type'], readonly PartnerLifecycleStatus[]> = {
  approve: ['applicant'],
  reject: ['applicant'],
  start_onboarding: ['approved'],
  complete_milestone: ['onboarding', 'active'],
  waive_milestone: ['onboarding', 'active'],
  activate: ['onboarding'],
  suspend: ['active'],
  reactivate: ['suspended'],
  offboard: ['approved', 'onboarding', 'active', 'suspended'],
  flag_overdue_milestones: ['onboarding', 'active'],
};

const requiredDone = (model: Model) =>
  model.milestones.every((milestone) => !milestone.required || milestone.state !== 'pending');

function predict(model: Model, event: PartnerLifecycleEvent, program: Program): Prediction {
  if ('reason' in event && event.reason.trim() === '') return refuse('reason_required');
  if (!SOURCES[event.type].includes(model.status)) return refuse('transition_not_allowed');
  const today = programDay(model.nowMs, program.fiscalCalendar.timeZone);
  const automatic = program.lifecycle.onboarding.activation === 'automatic';
  switch (event.type) {
    case 'approve':
      return accept((next) => void (next.status = 'approved'));
    case 'reject':
      return accept((next) => void (next.status = 'rejected'));
    case 'start_onboarding':
      return accept((next) => {
        next.milestones = program.lifecycle.onboarding.milestones.map((milestone) => ({
          id: milestone.id,
          required: milestone.required,
          dueDay: today + milestone.dueDays,
          state: 'pending',
          flagged: false,
        }));
        next.status = automatic && requiredDone(next) ? 'active' : 'onboarding';
      });
    case 'complete_milestone':
    case 'waive_milestone': {
      const target = model.milestones.find((milestone) => milestone.id === event.milestoneId);
      if (!target) return refuse('unknown_milestone');
      if (target.state !== 'pending') return refuse('milestone_closed');
      return accept((next) => {
        next.milestones.find((milestone) => milestone.id === event.milestoneId)!.state =
          event.type === 'complete_milestone' ? 'completed' : 'waived';
        if (next.status === 'onboarding' && automatic && requiredDone(next)) next.status = 'active';
      });
    }
    case 'activate':
      return requiredDone(model) ? accept((next) => void (next.status = 'active')) : refuse('onboarding_incomplete');
    case 'suspend':
      return accept((next) => void (next.status = 'suspended'));
    case 'reactivate':
      return accept((next) => void (next.status = 'active'));
    case 'offboard':
      return accept((next) => void (next.status = 'offboarded'));
    case 'flag_overdue_milestones': {
      const fresh = (milestone: ModelMilestone) =>
        milestone.state === 'pending' && milestone.dueDay < today && !milestone.flagged;
      if (!model.milestones.some(fresh)) return refuse('nothing_overdue');
      return accept((next) => {
        for (const milestone of next.milestones) if (fresh(milestone)) milestone.flagged = true;
      });
    }
  }
}

class EventCommand implements fc.Command<Model, Real> {
  constructor(readonly event: PartnerLifecycleEvent) {}
  check(): boolean {
    return true;
  }
  run(model: Model, real: Real): void {
    const before = real.lifecycle;
    const beforeJson = JSON.stringify(before);
    const prediction = predict(model, this.event, real.program);
    const result = transitionPartnerLifecycle(before, this.event, { program: real.program, now: real.now });
    let expected: Step['expected'] = { accepted: false, code: prediction.accepted ? '' : prediction.code };
    if (prediction.accepted) {
      const after = structuredClone(model);
      prediction.apply(after);
      expected = { accepted: true, model: after };
    }
    real.law({ before, beforeJson, event: this.event, program: real.program, result, expected });
    if (result.success && prediction.accepted) {
      prediction.apply(model);
      real.lifecycle = result.data.next;
    }
  }
  toString(): string {
    return JSON.stringify(this.event);
  }
}

class Advance implements fc.Command<Model, Real> {
  constructor(readonly minutes: number) {}
  check(): boolean {
    return true;
  }
  run(model: Model, real: Real): void {
    model.nowMs += this.minutes * 60_000;
    real.now = new Date(model.nowMs);
  }
  toString(): string {
    return `advance ${this.minutes} min`;
  }
}

const MILESTONE_IDS = ['kickoff', 'agreement', 'training'];
const by = fc.constantFrom('u-1', 'u-2');
const reason = fc.constantFrom('Because.', '  Unpaid invoices. ', '   ');
const milestoneId = fc.constantFrom(...MILESTONE_IDS, 'unknown');

/** Events weighted so that runs go deep (through onboarding to suspension) before a rejection or offboarding ends them. */
const command = fc.oneof(
  { weight: 3, arbitrary: by.map((user) => new EventCommand({ type: 'approve', by: user })) },
  { weight: 1, arbitrary: fc.record({ by, reason }).map((event) => new EventCommand({ type: 'reject', ...event })) },
  { weight: 3, arbitrary: by.map((user) => new EventCommand({ type: 'start_onboarding', by: user })) },
  {
    weight: 6,
    arbitrary: fc
      .record({ by, milestoneId })
      .map((event) => new EventCommand({ type: 'complete_milestone', ...event })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ by, milestoneId, reason })
      .map((event) => new EventCommand({ type: 'waive_milestone', ...event })),
  },
  { weight: 3, arbitrary: by.map((user) => new EventCommand({ type: 'activate', by: user })) },
  { weight: 3, arbitrary: fc.record({ by, reason }).map((event) => new EventCommand({ type: 'suspend', ...event })) },
  { weight: 2, arbitrary: by.map((user) => new EventCommand({ type: 'reactivate', by: user })) },
  { weight: 1, arbitrary: fc.record({ by, reason }).map((event) => new EventCommand({ type: 'offboard', ...event })) },
  { weight: 2, arbitrary: fc.constant(new EventCommand({ type: 'flag_overdue_milestones' })) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 12 * 24 * 60 }).map((minutes) => new Advance(minutes)) },
);

/** Random onboarding terms and program time zone: small, so that a counterexample reads easily. */
const termsArbitrary = fc.record({
  activation: fc.constantFrom('automatic' as const, 'manual' as const),
  timeZone: fc.constantFrom('America/New_York', 'Asia/Tokyo', 'Pacific/Kiritimati', 'UTC'),
  milestones: fc
    .subarray(MILESTONE_IDS)
    .chain((ids) =>
      fc.tuple(
        ...ids.map((id) =>
          fc.record({ id: fc.constant(id), dueDays: fc.integer({ min: 0, max: 20 }), required: fc.boolean() }),
        ),
      ),
    ),
});

/** The demo program with the drawn onboarding terms and time zone. */
function programWith(terms: typeof termsArbitrary extends fc.Arbitrary<infer T> ? T : never): Program {
  const input = demoProgramInput() as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  input.fiscalCalendar.timeZone = terms.timeZone;
  input.lifecycle = {
    onboarding: {
      activation: terms.activation,
      milestones: terms.milestones.map((milestone) => ({ ...milestone, name: `Milestone ${milestone.id}` })),
    },
  };
  const parsed = parseProgram(input);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
  return parsed.data;
}

/**
 * Runs random event sequences, from a fresh applicant under a random program and start instant, and hands
 * every step to `law`.
 */
export function checkLifecycleLaw(law: Law, numRuns = 300): void {
  fc.assert(
    fc.property(
      termsArbitrary,
      fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 11, 31) }),
      fc.commands([command], { maxCommands: 60, size: 'max' }),
      (terms, startMs, sequence) => {
        const program = programWith(terms);
        const now = new Date(startMs);
        const applied = applyToProgram(
          { partnerId: 'p-1', partnerName: 'Northwind Systems', submittedBy: 'contact-9' },
          { program, now },
        );
        if (!applied.success) throw new Error('The application must be accepted.');
        fc.modelRun(
          () => ({
            model: { status: 'applicant' as const, nowMs: startMs, milestones: [] },
            real: { lifecycle: applied.data.next, now, program, law },
          }),
          sequence,
        );
      },
    ),
    { numRuns },
  );
}

/** The model's milestones as the real record should hold them: `[id, status, dueOn, flagged]`. */
export function modelMilestones(model: Model): [string, string, string, boolean][] {
  return model.milestones.map((milestone) => [
    milestone.id,
    milestone.state,
    dateOf(milestone.dueDay),
    milestone.state === 'pending' && milestone.flagged,
  ]);
}
