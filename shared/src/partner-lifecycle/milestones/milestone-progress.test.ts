import { parseProgram } from '../../program/parse-program.js';
import { demoProgramInput } from '../../program/test-support/demo-program.js';
import type { OnboardingMilestone } from '../record/milestone.js';
import { demoProgram } from '../test-support/fixtures.js';
import { isOverdue, onboardingProgress, overdueMilestones, pendingRequiredMilestones } from './milestone-progress.js';
import { planMilestones } from './plan-milestones.js';

describe('planning and following onboarding milestones', () => {
  const planned = planMilestones(demoProgram().lifecycle.onboarding, '2026-12-28');

  it('dates each milestone from the start day, across month and year ends', () => {
    expect(planned.map((milestone) => [milestone.id, milestone.dueOn, milestone.required])).toEqual([
      ['agreement', '2027-01-04', true],
      ['portal-users', '2027-01-11', true],
      ['sales-certification', '2027-02-11', true],
      ['business-plan', '2027-02-26', false],
    ]);
  });

  it('finds a milestone overdue from the day after its due day, never once it is closed', () => {
    const agreement = planned[0]!;
    const completed: OnboardingMilestone = {
      ...agreement,
      status: 'completed',
      completedOn: '2027-01-10',
      completedAt: '2027-01-10T15:00:00.000Z',
      completedBy: 'u-1',
    };

    expect([isOverdue(agreement, '2027-01-04'), isOverdue(agreement, '2027-01-05')]).toEqual([false, true]);
    expect(isOverdue(completed, '2027-03-01')).toBe(false);
    expect(overdueMilestones([completed, ...planned.slice(1)], '2027-02-12').map((milestone) => milestone.id)).toEqual([
      'portal-users',
      'sales-certification',
    ]);
    expect(pendingRequiredMilestones([completed, ...planned.slice(1)]).map((milestone) => milestone.id)).toEqual([
      'portal-users',
      'sales-certification',
    ]);
  });

  it('sums up an onboarding for a checklist', () => {
    expect(onboardingProgress(planned, '2027-01-12')).toEqual({
      total: 4,
      done: 0,
      pending: 4,
      overdue: 2,
      requiredPending: 3,
      nextDueOn: '2027-01-04',
    });
    expect(onboardingProgress([], '2027-01-12')).toEqual({
      total: 0,
      done: 0,
      pending: 0,
      overdue: 0,
      requiredPending: 0,
      nextDueOn: null,
    });
  });

  it('plans nothing for a program that states no lifecycle policy', () => {
    const input = demoProgramInput();
    delete input.lifecycle;
    const parsed = parseProgram(input);

    expect(parsed.success && parsed.data.lifecycle).toEqual({ onboarding: { milestones: [], activation: 'manual' } });
    expect(parsed.success && planMilestones(parsed.data.lifecycle.onboarding, '2027-01-01')).toEqual([]);
  });
});
