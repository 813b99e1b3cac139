import { IssueSchema } from '../result/issue.js';
import { DecisionTraceSchema } from '../trace/decision-trace.js';
import { canReceiveLeads, canRegisterDeals } from './guards/partner-gates.js';
import { PartnerLifecycleEffectSchema } from './lifecycle-effect.js';
import {
  PartnerLifecycleSchema,
  type PartnerLifecycle,
  type PartnerLifecycleStatus,
} from './record/partner-lifecycle.js';
import { checkLifecycleLaw, modelMilestones, type Step } from './test-support/lifecycle-model.js';

/*
 * Model-based tests of the partner lifecycle: random sequences of valid and invalid events under random
 * onboarding terms and program time zones, with a clock that moves forward by minutes to days. Each test
 * checks one law after every transition.
 */

function milestonesOf(lifecycle: PartnerLifecycle): [string, string, string, boolean][] {
  if (lifecycle.status !== 'onboarding' && lifecycle.status !== 'active' && lifecycle.status !== 'suspended') {
    return [];
  }
  return lifecycle.onboarding.milestones.map((milestone) => [
    milestone.id,
    milestone.status,
    milestone.dueOn,
    milestone.status === 'pending' && milestone.overdueFlaggedOn !== null,
  ]);
}

const accepted = (step: Step) => (step.result.success ? step.result.data : undefined);

describe('the partner lifecycle over random event sequences with a moving clock', () => {
  it('accepts and refuses exactly what the model predicts, and reaches the predicted state', () => {
    const reached = new Set<PartnerLifecycleStatus>();
    const refusals = new Set<string>();
    checkLifecycleLaw((step) => {
      const { expected, result } = step;
      if (!result.success) refusals.add(result.issues[0]!.code);
      if (!expected.accepted) {
        expect(
          result.success ? `accepted as ${result.data.next.status}` : result.issues.map((found) => found.code),
        ).toEqual([expected.code]);
        return;
      }
      expect(result.success ? 'accepted' : result.issues).toBe('accepted');
      if (!result.success) return;
      reached.add(result.data.next.status);
      expect(result.data.next.status).toBe(expected.model.status);
      if (result.data.next.status !== 'offboarded') {
        expect(milestonesOf(result.data.next)).toEqual(modelMilestones(expected.model));
      }
    });
    // The sequences explore the whole lifecycle and every refusal, or the laws below would prove little.
    expect([...reached].sort()).toEqual(['active', 'approved', 'offboarded', 'onboarding', 'rejected', 'suspended']);
    expect([...refusals].sort()).toEqual([
      'milestone_closed',
      'nothing_overdue',
      'onboarding_incomplete',
      'reason_required',
      'transition_not_allowed',
      'unknown_milestone',
    ]);
  });

  it('never reaches a state outside the union, and explains every accepted event in a valid trace', () => {
    checkLifecycleLaw((step) => {
      const data = accepted(step);
      if (!data) return;
      expect(PartnerLifecycleSchema.parse(data.next)).toEqual(data.next);
      expect(DecisionTraceSchema.parse(data.trace)).toEqual(data.trace);
      expect(data.trace.outcome).toBe(data.next.status);
      for (const effect of data.effects) expect(PartnerLifecycleEffectSchema.parse(effect)).toEqual(effect);
    });
  });

  it('changes nothing on a refused event: no next state, issues that explain it, the input untouched', () => {
    checkLifecycleLaw((step) => {
      expect(JSON.stringify(step.before)).toBe(step.beforeJson);
      if (step.result.success) return;
      expect(step.result).not.toHaveProperty('data');
      expect(step.result.issues.length).toBeGreaterThan(0);
      for (const found of step.result.issues) expect(IssueSchema.parse(found)).toEqual(found);
    });
  });

  it('asks the CRM to write the status exactly when it changes, and records each change in the history', () => {
    checkLifecycleLaw((step) => {
      const data = accepted(step);
      if (!data) return;
      const writes = data.effects.filter((effect) => effect.type === 'set_partner_status');
      const changed = data.next.status !== step.before.status;
      expect(writes).toEqual(
        changed ? [{ type: 'set_partner_status', partnerId: 'p-1', status: data.next.status }] : [],
      );
      expect(data.next.history.slice(0, step.before.history.length)).toEqual(step.before.history);
      expect(data.next.history[data.next.history.length - 1]!.status).toBe(data.next.status);
      if (!changed) expect(data.next.history).toEqual(step.before.history);
    });
  });

  it('keeps the identity and version of the input: the repository increases the version on save', () => {
    checkLifecycleLaw((step) => {
      const next = accepted(step)?.next;
      if (!next) return;
      expect([next.partnerId, next.partnerName, next.appliedAt, next.version]).toEqual([
        step.before.partnerId,
        step.before.partnerName,
        step.before.appliedAt,
        step.before.version,
      ]);
    });
  });

  it('opens the deal and lead workflows only to partners the guards admit, and recalls offers whenever leads stop', () => {
    checkLifecycleLaw((step) => {
      const data = accepted(step);
      if (!data) return;
      const partner = (status: PartnerLifecycleStatus) => ({ name: 'Northwind Systems', status });
      const couldReceive = canReceiveLeads(partner(step.before.status), { allowOnboarding: true }).allowed;
      const canReceive = canReceiveLeads(partner(data.next.status), { allowOnboarding: false }).allowed;
      const recalls = data.effects.some((effect) => effect.type === 'recall_lead_offers');
      if (recalls) expect(canReceive).toBe(false);
      if (couldReceive && step.before.status === 'active' && !canReceive) expect(recalls).toBe(true);
      expect(canRegisterDeals(partner(data.next.status), { allowOnboarding: false }).allowed).toBe(
        data.next.status === 'active',
      );
    });
  });
});
