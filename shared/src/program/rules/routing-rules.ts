import { formatPath, issue, type Issue, type IssuePath } from '../../result/issue.js';
import type { Program } from '../schema/program.js';
import type { CapacityCaps } from '../schema/routing-policy.js';
import { duplicateIdIssues, listIds, unknownReference } from './unique-ids.js';

const CAP_PERIODS = ['day', 'week', 'month', 'quarter'] as const;

/** A longer period never allows fewer leads than a shorter one. */
function capOrderIssues(caps: CapacityCaps, path: IssuePath): Issue[] {
  const issues: Issue[] = [];
  let shorter: { period: string; cap: number } | undefined;
  for (const period of CAP_PERIODS) {
    const cap = caps[period];
    if (cap === undefined) continue;
    if (shorter && cap < shorter.cap) {
      issues.push(
        issue(
          [...path, period],
          'cap_order',
          `In ${formatPath(path)}, the ${period} cap (${cap}) is lower than the ${shorter.period} cap (${shorter.cap}): a longer period must allow at least as many leads.`,
        ),
      );
    }
    shorter = { period, cap };
  }
  return issues;
}

function emptyCapsIssue(caps: CapacityCaps, path: IssuePath): Issue[] {
  return CAP_PERIODS.some((period) => caps[period] !== undefined)
    ? []
    : [
        issue(
          path,
          'caps_empty',
          `${formatPath(path)} caps no period: give it a day, week, month or quarter cap, or remove it.`,
        ),
      ];
}

function stepReferenceIssues(program: Program): Issue[] {
  const tierIds = program.tiers.map((tier) => tier.id);
  const specializationIds = program.specializations.map((specialization) => specialization.id);
  return program.routing.steps.flatMap((step, index): Issue[] => {
    const path: IssuePath = ['routing', 'steps', index];
    switch (step.kind) {
      case 'minimum_tier':
        return tierIds.includes(step.tierId)
          ? []
          : [unknownReference([...path, 'tierId'], 'tier', step.tierId, listIds(tierIds))];
      case 'specialization':
        return (step.specializationIds ?? []).flatMap((id, idIndex) =>
          specializationIds.includes(id)
            ? []
            : [
                unknownReference(
                  [...path, 'specializationIds', idIndex],
                  'specialization',
                  id,
                  listIds(specializationIds),
                ),
              ],
        );
      case 'distance':
        return step.maxRadiusKm >= step.initialRadiusKm
          ? []
          : [
              issue(
                [...path, 'maxRadiusKm'],
                'radius_order',
                `Step "${step.name}" widens up to ${step.maxRadiusKm} km, less than its initial radius of ${step.initialRadiusKm} km.`,
              ),
            ];
      default:
        return [];
    }
  });
}

function capacityIssues(program: Program): Issue[] {
  const { capacity } = program.routing;
  const tierIds = program.tiers.map((tier) => tier.id);
  const issues: Issue[] = [];
  if (capacity.perPartner) {
    const path: IssuePath = ['routing', 'capacity', 'perPartner'];
    issues.push(...emptyCapsIssue(capacity.perPartner, path), ...capOrderIssues(capacity.perPartner, path));
  }
  const seenTiers = new Set<string>();
  capacity.perTier.forEach((caps, index) => {
    const path: IssuePath = ['routing', 'capacity', 'perTier', index];
    if (!tierIds.includes(caps.tierId)) {
      issues.push(unknownReference([...path, 'tierId'], 'tier', caps.tierId, listIds(tierIds)));
    } else if (seenTiers.has(caps.tierId)) {
      issues.push(
        issue(
          [...path, 'tierId'],
          'duplicate_id',
          `Tier "${caps.tierId}" already has capacity caps: give each tier one entry.`,
        ),
      );
    }
    seenTiers.add(caps.tierId);
    issues.push(...emptyCapsIssue(caps, path), ...capOrderIssues(caps, path));
  });
  return issues;
}

function offerIssues(program: Program): Issue[] {
  const { offers } = program.routing;
  const path: IssuePath = ['routing', 'offers'];
  if (offers.slaClock === 'business_hours' && !offers.businessHours) {
    return [
      issue(
        [...path, 'businessHours'],
        'required',
        'The SLA counts business hours, so the business hours (days, start and end) are required.',
      ),
    ];
  }
  if (offers.businessHours && offers.businessHours.start >= offers.businessHours.end) {
    return [
      issue(
        [...path, 'businessHours', 'end'],
        'time_order',
        `Business hours end at ${offers.businessHours.end}, not after they start at ${offers.businessHours.start}.`,
      ),
    ];
  }
  return [];
}

/** The rules that span the routing policy and the rest of the program. */
export function routingRuleIssues(program: Program): Issue[] {
  return [
    ...duplicateIdIssues(program.routing.steps, ['routing', 'steps'], 'routing step'),
    ...stepReferenceIssues(program),
    ...capacityIssues(program),
    ...offerIssues(program),
  ];
}
