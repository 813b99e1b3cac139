import { TZDate } from '@date-fns/tz';
import fc from 'fast-check';
import type { Program } from '../../../program/schema/program.js';
import type { Result } from '../../../result/result.js';
import type { ConflictVerdict, Registration, RegistrationStatus } from '../../registration.js';
import type { RegistrationEvent } from '../registration-event.js';
import { transitionRegistration } from '../transition.js';
import type { RegistrationTransition } from '../transition-types.js';
import { deepFreeze, details, registrationIn } from './fixtures.js';

/*
 * A model of the registration lifecycle for model-based tests: an independent account of which events a
 * registration accepts and where they lead, kept in day numbers rather than calendar strings, with the
 * program's day computed through @date-fns/tz rather than the core's time helpers. Commands send random
 * events (valid and not) with a clock that only moves forward; each step is handed to a `Law` that checks
 * one property of the real transition.
 */

const DAY = 86_400_000;

/** The program day of an instant as a day number, independently of the core's calendar helpers. */
export function programDay(instantMs: number, timeZone: string): number {
  const local = new TZDate(instantMs, timeZone);
  return Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()) / DAY;
}

/** A calendar date as a day number. */
export function dayOf(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY;
}

/** A day number as a calendar date. */
export function dateOf(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

/** What the model knows of a registration: its state, the clock, the conflict verdict, the protection in day numbers. */
export interface Model {
  status: RegistrationStatus;
  nowMs: number;
  verdict: ConflictVerdict | null;
  checkedAtMs: number | null;
  /** Day numbers of the protection, once approved. */
  startsOn: number | null;
  endsOn: number | null;
  extensions: number;
  opportunityId: string | null;
}

/** One transition as a law sees it. */
export interface Step {
  before: Registration;
  event: RegistrationEvent;
  now: Date;
  program: Program;
  result: Result<RegistrationTransition>;
  /** The registration's JSON before the transition, to show that nothing changed it. */
  beforeJson: string;
  /** What the model predicted: the issue code of a refusal, or the model after the event. */
  expected: { accepted: false; code: string } | { accepted: true; model: Model };
}

/** A property checked after every transition; it throws (an `expect`) when the property does not hold. */
export type Law = (step: Step) => void;

/** The real side of a run: the registration as the transitions left it, the clock, the program and the law to check. */
export interface Real {
  registration: Registration;
  now: Date;
  program: Program;
  law: Law;
}

/** What the model expects of an event: refused with a code, or accepted with the change it makes to the model. */
export type Prediction = { accepted: false; code: string } | { accepted: true; apply: (model: Model) => void };

const refuse = (code: string): Prediction => ({ accepted: false, code });
const accept = (apply: (model: Model) => void): Prediction => ({ accepted: true, apply });
const notAllowed = refuse('transition_not_allowed');

const OPEN: readonly RegistrationStatus[] = ['submitted', 'under_review', 'info_requested'];
const PROTECTED: readonly RegistrationStatus[] = ['approved', 'extension_requested'];

function today(model: Model, program: Program): number {
  return programDay(model.nowMs, program.fiscalCalendar.timeZone);
}

/** A command: an event built from the model, its predicted outcome, and the real transition. */
abstract class EventCommand implements fc.Command<Model, Real> {
  abstract event(model: Model, program: Program): RegistrationEvent;
  abstract predict(model: Model, program: Program): Prediction;
  abstract label(): string;

  check(): boolean {
    return true;
  }

  run(model: Model, real: Real): void {
    const event = this.event(model, real.program);
    const prediction = this.predict(model, real.program);
    const before = real.registration;
    const beforeJson = JSON.stringify(before);
    const result = transitionRegistration(before, event, { program: real.program, now: real.now });
    let expected: Step['expected'] = { accepted: false, code: prediction.accepted ? '' : prediction.code };
    if (prediction.accepted) {
      const after = structuredClone(model);
      prediction.apply(after);
      expected = { accepted: true, model: after };
    }
    real.law({ before, event, now: real.now, program: real.program, result, beforeJson, expected });
    if (result.success && prediction.accepted) {
      prediction.apply(model);
      real.registration = deepFreeze(result.data.next);
    }
  }

  toString(): string {
    return this.label();
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

/**
 * Moves the clock forward to a minute of the day `daysBeforeEnd` days before protection ends (after it
 * when negative), so that runs reach the extension window and the days around the end; does nothing
 * unless the registration is protected and that day is still ahead.
 */
class AdvanceNearEnd implements fc.Command<Model, Real> {
  constructor(
    readonly daysBeforeEnd: number,
    readonly minuteOfDay: number,
  ) {}
  target(model: Model, timeZone: string): number | undefined {
    if (model.endsOn === null || !PROTECTED.includes(model.status)) return undefined;
    const date = new Date((model.endsOn - this.daysBeforeEnd) * DAY);
    const midnight = new TZDate(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), timeZone).getTime();
    const target = midnight + this.minuteOfDay * 60_000;
    return target > model.nowMs ? target : undefined;
  }
  check(): boolean {
    return true;
  }
  run(model: Model, real: Real): void {
    const target = this.target(model, real.program.fiscalCalendar.timeZone);
    if (target === undefined) return;
    model.nowMs = target;
    real.now = new Date(target);
  }
  toString(): string {
    return `advance to ${this.daysBeforeEnd} days before the end, minute ${this.minuteOfDay}`;
  }
}

class Submit extends EventCommand {
  constructor(readonly verdict: ConflictVerdict) {
    super();
  }
  event(model: Model): RegistrationEvent {
    const matches = this.verdict === 'clear' ? 0 : 1;
    return {
      type: 'submit',
      conflict: { verdict: this.verdict, checkedAt: new Date(model.nowMs).toISOString(), matches },
    };
  }
  predict(model: Model): Prediction {
    if (model.status !== 'draft' && model.status !== 'info_requested') return notAllowed;
    return accept((next) => {
      next.status = 'submitted';
      next.verdict = this.verdict;
      next.checkedAtMs = model.nowMs;
    });
  }
  label(): string {
    return `submit (${this.verdict})`;
  }
}

class UpdateDetails extends EventCommand {
  event(): RegistrationEvent {
    return { type: 'update_details', details: { ...details, description: 'Updated.' } };
  }
  predict(model: Model): Prediction {
    return model.status === 'draft' || model.status === 'info_requested' ? accept(() => {}) : notAllowed;
  }
  label(): string {
    return 'update_details';
  }
}

class RecheckConflict extends EventCommand {
  constructor(
    readonly verdict: ConflictVerdict,
    readonly minutesOffset: number,
  ) {
    super();
  }
  event(model: Model): RegistrationEvent {
    const checkedAt = new Date(model.nowMs + this.minutesOffset * 60_000).toISOString();
    return { type: 'recheck_conflict', conflict: { verdict: this.verdict, checkedAt, matches: 2 } };
  }
  predict(model: Model): Prediction {
    if (model.status !== 'submitted' && model.status !== 'under_review') return notAllowed;
    const checkedAtMs = model.nowMs + this.minutesOffset * 60_000;
    if (checkedAtMs < model.checkedAtMs!) return refuse('stale_conflict_check');
    return accept((next) => {
      next.verdict = this.verdict;
      next.checkedAtMs = checkedAtMs;
    });
  }
  label(): string {
    return `recheck_conflict (${this.verdict}, ${this.minutesOffset} min)`;
  }
}

class StartReview extends EventCommand {
  event(): RegistrationEvent {
    return { type: 'start_review', reviewerId: 'cm-1' };
  }
  predict(model: Model): Prediction {
    return model.status === 'submitted' ? accept((next) => void (next.status = 'under_review')) : notAllowed;
  }
  label(): string {
    return 'start_review';
  }
}

/** Events that carry a text a person must give; `blank` sends whitespace instead. */
abstract class TextCommand extends EventCommand {
  constructor(readonly blank: boolean) {
    super();
  }
  text(): string {
    return this.blank ? '  ' : 'Because.';
  }
}

class RequestInfo extends TextCommand {
  event(): RegistrationEvent {
    return { type: 'request_info', by: 'cm-1', request: this.text() };
  }
  predict(model: Model): Prediction {
    if (this.blank) return refuse('request_required');
    if (model.status !== 'submitted' && model.status !== 'under_review') return notAllowed;
    return accept((next) => void (next.status = 'info_requested'));
  }
  label(): string {
    return `request_info${this.blank ? ' (blank)' : ''}`;
  }
}

/** An approval, with an override of the conflict the last check found when `override`. */
class Approve extends EventCommand {
  constructor(readonly override: boolean) {
    super();
  }
  event(): RegistrationEvent {
    return this.override
      ? { type: 'approve', by: 'cm-1', overrideConflict: { reason: 'The other partner withdrew.' } }
      : { type: 'approve', by: 'cm-1' };
  }
  predict(model: Model, program: Program): Prediction {
    if (model.status !== 'submitted' && model.status !== 'under_review') return notAllowed;
    if (model.verdict === 'conflict' && !this.override) return refuse('conflict_unresolved');
    const start = today(model, program);
    return accept((next) => {
      next.status = 'approved';
      next.startsOn = start;
      next.endsOn = start + program.registration.protectionDays - 1;
      next.extensions = 0;
    });
  }
  label(): string {
    return this.override ? 'approve (override)' : 'approve';
  }
}

class Reject extends TextCommand {
  event(): RegistrationEvent {
    return { type: 'reject', by: 'cm-1', reason: this.text() };
  }
  predict(model: Model): Prediction {
    if (this.blank) return refuse('reason_required');
    if (!OPEN.includes(model.status)) return notAllowed;
    return accept((next) => void (next.status = 'rejected'));
  }
  label(): string {
    return `reject${this.blank ? ' (blank)' : ''}`;
  }
}

class RequestExtension extends TextCommand {
  event(): RegistrationEvent {
    return { type: 'request_extension', reason: this.text() };
  }
  predict(model: Model, program: Program): Prediction {
    if (this.blank) return refuse('reason_required');
    if (model.status !== 'approved') return notAllowed;
    const day = today(model, program);
    const { maxCount, requestWindowDays } = program.registration.extensions;
    if (model.extensions >= maxCount) return refuse('extension_limit_reached');
    if (day > model.endsOn!) return refuse('protection_ended');
    if (model.endsOn! - day > requestWindowDays) return refuse('extension_too_early');
    return accept((next) => void (next.status = 'extension_requested'));
  }
  label(): string {
    return `request_extension${this.blank ? ' (blank)' : ''}`;
  }
}

class GrantExtension extends EventCommand {
  event(): RegistrationEvent {
    return { type: 'grant_extension', by: 'cm-1' };
  }
  predict(model: Model, program: Program): Prediction {
    if (model.status !== 'extension_requested') return notAllowed;
    const { maxCount, days } = program.registration.extensions;
    if (model.extensions >= maxCount) return refuse('extension_limit_reached');
    if (model.endsOn! + days < today(model, program)) return refuse('protection_ended');
    return accept((next) => {
      next.status = 'approved';
      next.endsOn = model.endsOn! + days;
      next.extensions = model.extensions + 1;
    });
  }
  label(): string {
    return 'grant_extension';
  }
}

class DenyExtension extends TextCommand {
  event(): RegistrationEvent {
    return { type: 'deny_extension', by: 'cm-1', reason: this.text() };
  }
  predict(model: Model): Prediction {
    if (this.blank) return refuse('reason_required');
    return model.status === 'extension_requested' ? accept((next) => void (next.status = 'approved')) : notAllowed;
  }
  label(): string {
    return `deny_extension${this.blank ? ' (blank)' : ''}`;
  }
}

class Close extends EventCommand {
  constructor(
    readonly outcome: 'won' | 'lost',
    readonly daysBack: number,
  ) {
    super();
  }
  closedOn(model: Model, program: Program): number {
    return today(model, program) - this.daysBack;
  }
  event(model: Model, program: Program): RegistrationEvent {
    const closedOn = dateOf(this.closedOn(model, program));
    return this.outcome === 'won' ? { type: 'mark_won', closedOn } : { type: 'mark_lost', closedOn, reason: 'Budget.' };
  }
  predict(model: Model, program: Program): Prediction {
    if (!PROTECTED.includes(model.status)) return notAllowed;
    const day = today(model, program);
    const closedOn = this.closedOn(model, program);
    if (closedOn > day) return refuse('closed_in_future');
    if (closedOn < model.startsOn!) return refuse('closed_before_protection');
    if (closedOn > model.endsOn!) return refuse('closed_after_protection');
    return accept((next) => void (next.status = this.outcome));
  }
  label(): string {
    return `mark_${this.outcome} (${this.daysBack} days back)`;
  }
}

class Expire extends EventCommand {
  event(): RegistrationEvent {
    return { type: 'expire' };
  }
  predict(model: Model, program: Program): Prediction {
    if (!PROTECTED.includes(model.status)) return notAllowed;
    if (today(model, program) <= model.endsOn!) return refuse('protection_not_ended');
    return accept((next) => void (next.status = 'expired'));
  }
  label(): string {
    return 'expire';
  }
}

class Withdraw extends EventCommand {
  event(): RegistrationEvent {
    return { type: 'withdraw' };
  }
  predict(model: Model): Prediction {
    if (model.status !== 'draft' && !OPEN.includes(model.status) && !PROTECTED.includes(model.status))
      return notAllowed;
    return accept((next) => {
      next.status = 'withdrawn';
      next.startsOn = null;
      next.endsOn = null;
    });
  }
  label(): string {
    return 'withdraw';
  }
}

class LinkOpportunity extends EventCommand {
  constructor(readonly opportunityId: string) {
    super();
  }
  event(): RegistrationEvent {
    return { type: 'link_opportunity', opportunityId: this.opportunityId };
  }
  predict(model: Model): Prediction {
    if (!OPEN.includes(model.status) && !PROTECTED.includes(model.status)) return notAllowed;
    if (model.opportunityId !== null && model.opportunityId !== this.opportunityId) {
      return refuse('opportunity_already_linked');
    }
    return accept((next) => void (next.opportunityId = this.opportunityId));
  }
  label(): string {
    return `link_opportunity ${this.opportunityId}`;
  }
}

const verdict = fc.constantFrom<ConflictVerdict>('clear', 'clear', 'review', 'conflict');
/** Blank texts in about one event in eight. */
const blank = fc.integer({ min: 0, max: 7 }).map((value) => value === 0);

/**
 * Random commands, weighted so that most runs get through review and approval to extensions, closing
 * and expiry before a withdrawal ends them; `Advance` moves the clock forward by minutes to 40 days.
 */
export function lifecycleCommands(): fc.Arbitrary<fc.Command<Model, Real>>[] {
  type Arbitrary = fc.Arbitrary<fc.Command<Model, Real>>;
  const minutes = (max: number): Arbitrary => fc.integer({ min: 1, max }).map((value) => new Advance(value));
  const nearEnd: Arbitrary = fc
    .tuple(fc.integer({ min: -2, max: 20 }), fc.integer({ min: 0, max: 1439 }))
    .map(([days, minute]) => new AdvanceNearEnd(days, minute));
  const daysBack = fc.oneof(
    { weight: 1, arbitrary: fc.integer({ min: -3, max: -1 }) },
    { weight: 5, arbitrary: fc.integer({ min: 0, max: 40 }) },
  );
  const recheck: Arbitrary = fc
    .tuple(verdict, fc.integer({ min: -180, max: 180 }))
    .map(([value, offset]) => new RecheckConflict(value, offset));
  const weighted: [number, Arbitrary][] = [
    [4, minutes(40 * 24 * 60)],
    [4, minutes(3 * 24 * 60)],
    [8, nearEnd],
    [4, verdict.map((value) => new Submit(value))],
    [1, fc.constant(new UpdateDetails())],
    [2, recheck],
    [4, fc.constant(new StartReview())],
    [2, blank.map((value) => new RequestInfo(value))],
    [5, fc.integer({ min: 0, max: 3 }).map((value) => new Approve(value === 0))],
    [1, blank.map((value) => new Reject(value))],
    [8, blank.map((value) => new RequestExtension(value))],
    [6, fc.constant(new GrantExtension())],
    [1, blank.map((value) => new DenyExtension(value))],
    [1, daysBack.map((days) => new Close('won', days))],
    [1, daysBack.map((days) => new Close('lost', days))],
    [2, fc.constant(new Expire())],
    [1, fc.constant(new Withdraw())],
    [2, fc.constantFrom('opp-1', 'opp-2').map((id) => new LinkOpportunity(id))],
  ];
  return [fc.oneof(...weighted.map(([weight, arbitrary]) => ({ weight, arbitrary })))];
}

/** Programs that vary the registration terms the lifecycle reads. */
export function lifecycleProgram(demo: Program): fc.Arbitrary<Program> {
  return fc
    .record({
      protectionDays: fc.integer({ min: 1, max: 120 }),
      maxCount: fc.oneof(
        { weight: 1, arbitrary: fc.constant(0) },
        { weight: 4, arbitrary: fc.integer({ min: 1, max: 3 }) },
      ),
      days: fc.integer({ min: 1, max: 60 }),
      requestWindowDays: fc.integer({ min: 1, max: 30 }),
      timeZone: fc.constantFrom('America/New_York', 'Pacific/Auckland', 'UTC', 'Asia/Kolkata'),
    })
    .map(({ protectionDays, maxCount, days, requestWindowDays, timeZone }) => ({
      ...demo,
      fiscalCalendar: { ...demo.fiscalCalendar, timeZone },
      registration: { ...demo.registration, protectionDays, extensions: { maxCount, days, requestWindowDays } },
    }));
}

/**
 * The model and the real side of one run: a draft on 2026-11-02 at a random minute or, so that half the
 * runs spend their commands on protection, the same registration already submitted, reviewed and
 * approved at that instant through the real transitions.
 */
export function lifecycleSetup(
  program: Program,
  startMs: number,
  law: Law,
  start: 'draft' | 'approved',
): () => { model: Model; real: Real } {
  return () => {
    const now = new Date(startMs);
    const model: Model = {
      status: 'draft',
      nowMs: startMs,
      verdict: null,
      checkedAtMs: null,
      startsOn: null,
      endsOn: null,
      extensions: 0,
      opportunityId: null,
    };
    let registration: Registration = registrationIn('draft');
    if (start === 'approved') {
      const path: RegistrationEvent[] = [
        { type: 'submit', conflict: { verdict: 'clear', checkedAt: now.toISOString(), matches: 0 } },
        { type: 'start_review', reviewerId: 'cm-1' },
        { type: 'approve', by: 'cm-1' },
      ];
      for (const event of path) {
        const result = transitionRegistration(registration, event, { program, now });
        if (!result.success) throw new Error(`The setup must reach approval: ${JSON.stringify(result.issues)}`);
        registration = result.data.next;
      }
      const startsOn = programDay(startMs, program.fiscalCalendar.timeZone);
      Object.assign(model, {
        status: 'approved',
        verdict: 'clear',
        checkedAtMs: startMs,
        startsOn,
        endsOn: startsOn + program.registration.protectionDays - 1,
      });
    }
    return { model, real: { registration: deepFreeze(registration), now, program, law } };
  };
}

/**
 * Runs random event sequences against the model and checks `law` after every transition.
 *
 * @param numRuns how many sequences (each up to 120 commands)
 */
export function checkLaw(demo: Program, law: Law, numRuns = 200): void {
  const startMs = Date.parse('2026-11-02T00:00:00Z');
  const run = fc.record({
    program: lifecycleProgram(demo),
    offset: fc.integer({ min: 0, max: DAY - 1 }),
    start: fc.constantFrom<'draft' | 'approved'>('draft', 'approved'),
    commands: fc.commands(lifecycleCommands(), { maxCommands: 120, size: 'max' }),
  });
  fc.assert(
    fc.property(run, ({ program, offset, start, commands }) => {
      fc.modelRun(lifecycleSetup(program, startMs + offset, law, start), commands);
    }),
    { numRuns },
  );
}
