import { formatMoney } from '../../money/money.js';
import { issue, type Issue, type IssuePath } from '../../result/issue.js';
import { describeCriterion } from '../describe/describe-criterion.js';
import { isConditionGroup, type Criterion, type MetricWindow } from '../schema/criteria.js';
import type { Program } from '../schema/program.js';
import { duplicateIdIssues, listIds, unknownReference } from './unique-ids.js';
import { walkConditions } from './walk-conditions.js';

function windowKey(window: MetricWindow | undefined): string {
  if (!window) return 'snapshot';
  return window.kind === 'trailing_months' ? `trailing:${window.months}` : `fiscal:${window.unit}:${window.which}`;
}

/** Criteria that measure the same thing share a signature, so their thresholds can be compared. */
function signatureOf(criterion: Criterion): string {
  switch (criterion.kind) {
    case 'won_revenue':
      return `won_revenue|${criterion.attribution}|${windowKey(criterion.window)}`;
    case 'approved_registrations':
    case 'closed_won_deals':
    case 'customer_satisfaction':
      return `${criterion.kind}|${windowKey(criterion.window)}`;
    case 'certifications':
      return `certifications|${criterion.certificationType ?? '*'}|${criterion.product ?? '*'}`;
    case 'custom_metric':
      return `custom_metric|${criterion.key}|${windowKey(criterion.window)}`;
  }
}

function thresholdOf(criterion: Criterion): number {
  return criterion.kind === 'won_revenue' ? criterion.atLeast.amount : criterion.atLeast;
}

interface Occurrence {
  criterion: Criterion;
  path: IssuePath;
}

/** The lowest- and highest-threshold occurrence of each signature among a tier's criteria. */
function extremesBySignature(criteria: Program['tiers'][number]['criteria'], path: IssuePath) {
  const extremes = new Map<string, { min: Occurrence; max: Occurrence }>();
  walkConditions(criteria, path, (condition, conditionPath) => {
    if (isConditionGroup(condition)) return;
    const occurrence = { criterion: condition, path: conditionPath };
    const signature = signatureOf(condition);
    const known = extremes.get(signature);
    if (!known) {
      extremes.set(signature, { min: occurrence, max: occurrence });
      return;
    }
    if (thresholdOf(condition) < thresholdOf(known.min.criterion)) known.min = occurrence;
    if (thresholdOf(condition) > thresholdOf(known.max.criterion)) known.max = occurrence;
  });
  return extremes;
}

function rankIssues(program: Program): Issue[] {
  const issues: Issue[] = [];
  const tierByRank = new Map<number, string>();
  program.tiers.forEach((tier, index) => {
    const holder = tierByRank.get(tier.rank);
    if (holder !== undefined) {
      issues.push(
        issue(
          ['tiers', index, 'rank'],
          'tier_rank_duplicate',
          `Tier "${tier.name}" has rank ${tier.rank}, which tier "${holder}" already has: each tier needs its own rank.`,
        ),
      );
      return;
    }
    tierByRank.set(tier.rank, tier.name);
    const previous = program.tiers[index - 1];
    if (previous && previous.rank > tier.rank) {
      issues.push(
        issue(
          ['tiers', index, 'rank'],
          'tier_rank_order',
          `Tier "${tier.name}" (rank ${tier.rank}) comes after tier "${previous.name}" (rank ${previous.rank}): list tiers from the lowest rank to the highest.`,
        ),
      );
    }
  });
  return issues;
}

function currencyIssues(program: Program): Issue[] {
  const issues: Issue[] = [];
  const check = (criteria: Program['tiers'][number]['criteria'], path: IssuePath, owner: string) =>
    walkConditions(criteria, path, (condition, conditionPath) => {
      if (condition.kind === 'won_revenue' && condition.atLeast.currency !== program.currency) {
        issues.push(
          issue(
            [...conditionPath, 'atLeast', 'currency'],
            'currency_mismatch',
            `${owner} states won revenue in ${condition.atLeast.currency}, but the program's currency is ${program.currency}: state thresholds in ${program.currency}.`,
          ),
        );
      }
    });
  program.tiers.forEach((tier, index) => check(tier.criteria, ['tiers', index, 'criteria'], `Tier "${tier.name}"`));
  program.specializations.forEach((specialization, index) =>
    check(specialization.criteria, ['specializations', index, 'criteria'], `Specialization "${specialization.name}"`),
  );
  return issues;
}

function emptyCriteriaIssues(program: Program): Issue[] {
  const issues: Issue[] = [];
  const lowestRank = Math.min(...program.tiers.map((tier) => tier.rank));
  const check = (criteria: Program['tiers'][number]['criteria'], path: IssuePath, owner: string, mayBeEmpty: boolean) =>
    walkConditions(criteria, path, (condition, conditionPath, isRoot) => {
      if (condition.kind !== 'all' || condition.conditions.length > 0) return;
      if (isRoot && mayBeEmpty) return;
      issues.push(
        issue(
          [...conditionPath, 'conditions'],
          'criteria_empty',
          isRoot
            ? `${owner} has no criteria, so every partner would qualify: only the entry tier (the lowest rank) may be open to all.`
            : `${owner} has an empty "all" group, which always holds: remove it or give it conditions.`,
        ),
      );
    });
  program.tiers.forEach((tier, index) =>
    check(tier.criteria, ['tiers', index, 'criteria'], `Tier "${tier.name}"`, tier.rank === lowestRank),
  );
  program.specializations.forEach((specialization, index) =>
    check(
      specialization.criteria,
      ['specializations', index, 'criteria'],
      `Specialization "${specialization.name}"`,
      false,
    ),
  );
  return issues;
}

function describeThreshold(criterion: Criterion): string {
  return criterion.kind === 'won_revenue' ? formatMoney(criterion.atLeast) : String(criterion.atLeast);
}

/**
 * A higher tier never asks for less than a lower one of the same measure: for each measure, the
 * smallest and the largest thresholds a tier sets must be at least those of the nearest lower tier
 * that measures it too.
 */
function thresholdOrderIssues(program: Program): Issue[] {
  const issues: Issue[] = [];
  const lastSeen = new Map<string, { tierName: string; min: Occurrence; max: Occurrence }>();
  const ordered = program.tiers.map((tier, index) => ({ tier, index })).sort((a, b) => a.tier.rank - b.tier.rank);
  for (const { tier, index } of ordered) {
    const extremes = extremesBySignature(tier.criteria, ['tiers', index, 'criteria']);
    for (const [signature, current] of extremes) {
      const lower = lastSeen.get(signature);
      if (lower) {
        for (const bound of ['min', 'max'] as const) {
          const mine = current[bound];
          const theirs = lower[bound];
          if (thresholdOf(mine.criterion) < thresholdOf(theirs.criterion)) {
            issues.push(
              issue(
                [...mine.path, 'atLeast'],
                'threshold_decreasing',
                `Tier "${tier.name}" asks for ${describeCriterion(mine.criterion)}, less than the ${describeThreshold(theirs.criterion)} that the lower tier "${lower.tierName}" asks for: a higher tier must ask at least as much.`,
              ),
            );
            break;
          }
        }
      }
      lastSeen.set(signature, { tierName: tier.name, ...current });
    }
  }
  return issues;
}

function specializationIssues(program: Program): Issue[] {
  const tierIds = program.tiers.map((tier) => tier.id);
  return program.specializations.flatMap((specialization, index) =>
    specialization.minimumTierId !== undefined && !tierIds.includes(specialization.minimumTierId)
      ? [
          unknownReference(
            ['specializations', index, 'minimumTierId'],
            'tier',
            specialization.minimumTierId,
            listIds(tierIds),
          ),
        ]
      : [],
  );
}

/** The rules that span the tiers and specializations of a program. */
export function tierRuleIssues(program: Program): Issue[] {
  return [
    ...duplicateIdIssues(program.tiers, ['tiers'], 'tier'),
    ...rankIssues(program),
    ...currencyIssues(program),
    ...emptyCriteriaIssues(program),
    ...thresholdOrderIssues(program),
    ...duplicateIdIssues(program.specializations, ['specializations'], 'specialization'),
    ...specializationIssues(program),
  ];
}
