import type { TierPolicy } from '../../program/schema/tiers.js';
import type { CalendarDate } from '../../time/calendar-date.js';
import { traceStep, type TraceStep } from '../../trace/decision-trace.js';

/** The `approval` step of a move: automatic, or waiting for a channel manager, as the policy says. */
export function approvalStep(policy: TierPolicy, direction: 'upgrade' | 'downgrade'): TraceStep {
  const movement = direction === 'upgrade' ? policy.upgrades : policy.downgrades;
  const noun = direction === 'upgrade' ? 'Upgrades' : 'Downgrades';
  return traceStep(
    'approval',
    'info',
    movement.approval === 'automatic'
      ? `${noun} are approved automatically.`
      : `${noun} wait for a channel manager's approval.`,
    { approval: movement.approval },
  );
}

/** The `effective_date` and `approval` steps of a move decided by the policy. */
export function moveSteps(policy: TierPolicy, direction: 'upgrade' | 'downgrade', on: CalendarDate): TraceStep[] {
  const movement = direction === 'upgrade' ? policy.upgrades : policy.downgrades;
  const noun = direction === 'upgrade' ? 'Upgrades' : 'Downgrades';
  return [
    traceStep(
      'effective_date',
      'info',
      movement.effective === 'immediately'
        ? `${noun} take effect immediately: on ${on}.`
        : `${noun} take effect at the start of the next evaluation period: on ${on}.`,
      { effective: movement.effective, effectiveOn: on },
    ),
    approvalStep(policy, direction),
  ];
}
