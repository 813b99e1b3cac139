import { compareMoney, formatMoney } from '../../money/money.js';
import { issue, type Issue, type IssuePath } from '../../result/issue.js';
import type { Program } from '../schema/program.js';
import { duplicateIdIssues, listIds, unknownReference } from './unique-ids.js';

function referenceIssues({ mdf }: Program): Issue[] {
  const activityIds = mdf.activities.map((activity) => activity.id);
  const proofKindIds = mdf.proofKinds.map((proofKind) => proofKind.id);
  return [
    ...mdf.fundTypes.flatMap((fundType, index) =>
      fundType.eligibleActivityIds.flatMap((id, idIndex) =>
        activityIds.includes(id)
          ? []
          : [
              unknownReference(
                ['mdf', 'fundTypes', index, 'eligibleActivityIds', idIndex],
                'activity',
                id,
                listIds(activityIds),
              ),
            ],
      ),
    ),
    ...mdf.activities.flatMap((activity, index) =>
      activity.proofKindIds.flatMap((id, idIndex) =>
        proofKindIds.includes(id)
          ? []
          : [
              unknownReference(
                ['mdf', 'activities', index, 'proofKindIds', idIndex],
                'proof kind',
                id,
                listIds(proofKindIds),
              ),
            ],
      ),
    ),
  ];
}

function approvalLevelIssues({ mdf, currency }: Program): Issue[] {
  const issues: Issue[] = [];
  const levels = mdf.approvalLevels;
  levels.forEach((level, index) => {
    const path: IssuePath = ['mdf', 'approvalLevels', index, 'upTo'];
    const isLast = index === levels.length - 1;
    if (level.upTo === null) {
      if (!isLast) {
        issues.push(
          issue(
            path,
            'approval_level_order',
            `Level "${level.name}" has no upper bound, so it must be the last level.`,
          ),
        );
      }
      return;
    }
    if (level.upTo.currency !== currency) {
      issues.push(
        issue(
          [...path, 'currency'],
          'currency_mismatch',
          `Level "${level.name}" is stated in ${level.upTo.currency}, but the program's currency is ${currency}: state it in ${currency}.`,
        ),
      );
      return;
    }
    const previous = levels[index - 1]?.upTo;
    if (previous && previous.currency === currency && compareMoney(level.upTo, previous) <= 0) {
      issues.push(
        issue(
          [...path, 'amount'],
          'approval_level_order',
          `Level "${level.name}" goes up to ${formatMoney(level.upTo)}, not above the previous level's ${formatMoney(previous)}: list levels from the smallest amount to the largest.`,
        ),
      );
    }
    if (isLast) {
      issues.push(
        issue(
          path,
          'approval_level_unbounded',
          `The last approval level, "${level.name}", must have no upper bound (upTo: null) so that every amount has an approver.`,
        ),
      );
    }
  });
  return issues;
}

function currencyIssues({ mdf, currency }: Program): Issue[] {
  const index = mdf.additionalCurrencies.indexOf(currency);
  return index === -1
    ? []
    : [
        issue(
          ['mdf', 'additionalCurrencies', index],
          'duplicate_value',
          `${currency} is the program's own currency; list only the other currencies requests may use.`,
        ),
      ];
}

/** The rules that span the MDF policy and the rest of the program. */
export function mdfRuleIssues(program: Program): Issue[] {
  return [
    ...duplicateIdIssues(program.mdf.fundTypes, ['mdf', 'fundTypes'], 'fund type'),
    ...duplicateIdIssues(program.mdf.activities, ['mdf', 'activities'], 'activity'),
    ...duplicateIdIssues(program.mdf.proofKinds, ['mdf', 'proofKinds'], 'proof kind'),
    ...referenceIssues(program),
    ...approvalLevelIssues(program),
    ...currencyIssues(program),
  ];
}
