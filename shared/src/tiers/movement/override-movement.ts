import { traceStep } from '../../trace/decision-trace.js';
import { levelName, levelTierId, type CompiledProgram } from '../evaluation/compiled-program.js';
import type { TierOverride } from '../standing/tier-standing.js';
import { staying, type TierMovement } from './movement.js';
import { approvalStep } from './movement-steps.js';

/**
 * A partner under a manual override: while it is in force, no move (whatever the criteria say); once
 * it has expired (on `expiresOn`), the partner returns at once to the tier it qualifies for, with
 * neither grace nor probation, because the overridden tier was not earned. Approval follows the
 * direction of the return.
 */
export function overrideMovement(
  compiled: CompiledProgram,
  override: TierOverride,
  currentLevel: number,
  qualifyingLevel: number,
): TierMovement {
  const { asOf, program } = compiled;
  const current = levelName(compiled, currentLevel);
  const facts = {
    tierId: override.tierId,
    setOn: override.setOn,
    expiresOn: override.expiresOn,
    by: override.by,
    reason: override.reason,
  };
  if (asOf < override.expiresOn) {
    const step = traceStep(
      'override',
      'info',
      `${current} was set by ${override.by} on ${override.setOn} until ${override.expiresOn} ("${override.reason}"): no move is proposed while the override is in force.`,
      facts,
    );
    return staying(
      'no_change',
      currentLevel,
      { change: 'none' },
      [step],
      `Keep ${current}, set by override until ${override.expiresOn}`,
    );
  }
  const qualifying = levelName(compiled, qualifyingLevel);
  const direction = qualifyingLevel > currentLevel ? 'upgrade' : qualifyingLevel < currentLevel ? 'downgrade' : 'same';
  const plan = { change: 'end_override', direction, toTierId: levelTierId(compiled, qualifyingLevel) } as const;
  const expired = traceStep(
    'override',
    'info',
    `The override to ${current} expired on ${override.expiresOn}: the partner returns to the tier it qualifies for, ${qualifying}, at once and without grace or probation.`,
    facts,
  );
  if (direction === 'same') {
    return staying(
      'no_change',
      currentLevel,
      plan,
      [expired],
      `Keep ${current}: the override expired on ${override.expiresOn} and it qualifies for ${current} on its own`,
    );
  }
  const verb = direction === 'upgrade' ? 'Upgrade' : 'Downgrade';
  return {
    kind: direction,
    fromLevel: currentLevel,
    toLevel: qualifyingLevel,
    plan,
    effectiveOn: asOf,
    steps: [expired, approvalStep(program.tierPolicy, direction)],
    summary: `${verb} from ${current} to ${qualifying} on ${asOf}: the override expired on ${override.expiresOn} and it qualifies for ${qualifying}`,
  };
}
