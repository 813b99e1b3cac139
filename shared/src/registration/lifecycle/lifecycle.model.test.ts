import { IssueSchema } from '../../result/issue.js';
import { RegistrationSchema, type Registration, type RegistrationStatus } from '../registration.js';
import { protectionLength } from './protection.js';
import { RegistrationEffectSchema } from './registration-effect.js';
import { demoProgram, STATUSES } from './test-support/fixtures.js';
import { checkLaw, dateOf, type Step } from './test-support/lifecycle-model.js';

/*
 * Model-based tests of the lifecycle: random sequences of valid and invalid events (blank reasons, stale
 * conflict checks, closing days in the future, extensions too early or too late…) under random
 * registration terms and program time zones, with a clock that moves forward by minutes to weeks. Each
 * test checks one law after every transition.
 */

const demo = demoProgram();

/** Every code a transition refuses an event with. */
const REFUSAL_CODES = [
  'closed_after_protection',
  'closed_before_protection',
  'closed_in_future',
  'conflict_unresolved',
  'extension_limit_reached',
  'extension_too_early',
  'opportunity_already_linked',
  'protection_ended',
  'protection_not_ended',
  'reason_required',
  'request_required',
  'stale_conflict_check',
  'transition_not_allowed',
];

function protectionOf(registration: Registration) {
  return 'protection' in registration ? registration.protection : undefined;
}

const isProtected = (registration: Registration) =>
  registration.status === 'approved' || registration.status === 'extension_requested';

function accepted(step: Step) {
  return step.result.success ? step.result.data : undefined;
}

describe('the registration lifecycle over random event sequences with a moving clock', () => {
  it('accepts and refuses exactly what the model predicts, and reaches the predicted state', () => {
    const reached = new Set<RegistrationStatus>();
    const refusals = new Set<string>();
    let grants = 0;
    checkLaw(
      demo,
      (step) => {
        const { expected, result } = step;
        if (!result.success) refusals.add(result.issues[0]!.code);
        if (result.success && step.event.type === 'grant_extension') grants += 1;
        if (!expected.accepted) {
          expect(result.success ? `accepted as ${result.data.next.status}` : result.issues.map((i) => i.code)).toEqual([
            expected.code,
          ]);
          return;
        }
        expect(result.success ? 'accepted' : result.issues).toBe('accepted');
        if (!result.success) return;
        const { next } = result.data;
        const model = expected.model;
        reached.add(next.status);
        expect(next.status).toBe(model.status);
        expect(next.opportunityId).toBe(model.opportunityId);
        const protection = protectionOf(next);
        expect(protection && [protection.startsOn, protection.endsOn, protection.extensions]).toEqual(
          model.startsOn === null ? undefined : [dateOf(model.startsOn), dateOf(model.endsOn!), model.extensions],
        );
        if ('conflict' in next) expect(next.conflict.verdict).toBe(model.verdict);
      },
      400,
    );
    // The sequences explore the whole lifecycle and every refusal, or the laws below would prove little.
    expect([...reached].sort()).toEqual([...STATUSES].sort());
    expect([...refusals].sort()).toEqual(REFUSAL_CODES);
    expect(grants).toBeGreaterThan(0);
  });

  it('never reaches a state outside the union: every next state parses with RegistrationSchema', () => {
    checkLaw(demo, (step) => {
      const next = accepted(step)?.next;
      if (next) expect(RegistrationSchema.parse(next)).toEqual(next);
    });
  });

  it('changes nothing on a refused event: no next state, issues that explain it, the input untouched', () => {
    checkLaw(demo, (step) => {
      expect(JSON.stringify(step.before)).toBe(step.beforeJson);
      if (step.result.success) return;
      expect(step.result).not.toHaveProperty('data');
      expect(step.result.issues.length).toBeGreaterThan(0);
      for (const found of step.result.issues) expect(IssueSchema.parse(found)).toEqual(found);
    });
  });

  it('never moves protection dates backwards', () => {
    checkLaw(demo, (step) => {
      const next = accepted(step)?.next;
      const before = protectionOf(step.before);
      const after = next && protectionOf(next);
      if (!before || !after) return;
      expect(after.startsOn).toBe(before.startsOn);
      expect(after.endsOn >= before.endsOn).toBe(true);
      expect(after.extensions).toBeGreaterThanOrEqual(before.extensions);
    });
  });

  it('moves endsOn forward only through a granted extension, by the extension days', () => {
    checkLaw(demo, (step) => {
      const next = accepted(step)?.next;
      const before = protectionOf(step.before);
      const after = next && protectionOf(next);
      if (!before || !after) return;
      if (step.event.type === 'grant_extension') {
        expect(protectionLength(after) - protectionLength(before)).toBe(step.program.registration.extensions.days);
        expect(after.extensions).toBe(before.extensions + 1);
      } else {
        expect(after).toEqual(before);
      }
    });
  });

  it('keeps every protection protectionDays + extensions × days long', () => {
    checkLaw(demo, (step) => {
      const next = accepted(step)?.next;
      const protection = next && protectionOf(next);
      if (!protection) return;
      const { protectionDays, extensions } = step.program.registration;
      expect(protectionLength(protection)).toBe(protectionDays + protection.extensions * extensions.days);
      expect(protection.extensions).toBeLessThanOrEqual(extensions.maxCount);
    });
  });

  it('keeps the version of the input: the repository increases it on save', () => {
    checkLaw(demo, (step) => {
      const next = accepted(step)?.next;
      if (next) expect(next.version).toBe(step.before.version);
    });
  });

  it('returns effects as data, setting protection when it changes and releasing it when the registration leaves it', () => {
    checkLaw(demo, (step) => {
      const data = accepted(step);
      if (!data) return;
      const { next, effects } = data;
      for (const effect of effects) expect(RegistrationEffectSchema.parse(effect)).toEqual(effect);
      const released = effects.filter((effect) => effect.type === 'release_protection');
      expect(released.length).toBe(isProtected(step.before) && !isProtected(next) ? 1 : 0);
      const set = effects.filter((effect) => effect.type === 'set_protection');
      const before = protectionOf(step.before);
      const after = protectionOf(next);
      const changed =
        isProtected(next) &&
        (!isProtected(step.before) ||
          before?.endsOn !== after?.endsOn ||
          step.before.opportunityId !== next.opportunityId);
      expect(set.length).toBe(changed ? 1 : 0);
      for (const effect of set) {
        expect([effect.startsOn, effect.endsOn, effect.opportunityId]).toEqual([
          after?.startsOn,
          after?.endsOn,
          next.opportunityId,
        ]);
      }
    });
  });
});
