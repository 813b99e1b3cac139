import type { Program } from '../../program/schema/program.js';
import { issue } from '../../result/issue.js';
import { findMdfActivity, findMdfFundType } from '../policy/terms.js';
import { failed, passed, type MdfCheck } from './check.js';

/**
 * Eligible activity: the activity exists in the program and the fund type lists it among its
 * `eligibleActivityIds`. Issues `unknown_fund_type`, `unknown_activity`, `activity_not_eligible`.
 */
export function checkEligibleActivity(program: Program, fundTypeId: string, activityId: string): MdfCheck {
  const rule = 'eligible_activity';
  const fundType = findMdfFundType(program, fundTypeId);
  const facts = { fundTypeId, activityId };
  if (!fundType) {
    const message = `The program has no fund type "${fundTypeId}".`;
    return failed(rule, message, facts, issue(['fundTypeId'], 'unknown_fund_type', message));
  }
  const activity = findMdfActivity(program, activityId);
  if (!activity) {
    const known = program.mdf.activities.map((candidate) => candidate.id).join(', ');
    const message = `The program has no activity "${activityId}"; its activities are ${known}.`;
    return failed(rule, message, facts, issue(['activityId'], 'unknown_activity', message));
  }
  if (!fundType.eligibleActivityIds.includes(activityId)) {
    const eligible = fundType.eligibleActivityIds.map((id) => findMdfActivity(program, id)?.name ?? id).join(', ');
    const message = `${activity.name} is not eligible for ${fundType.name}, which pays for ${eligible}.`;
    return failed(
      rule,
      message,
      { ...facts, eligibleActivityIds: fundType.eligibleActivityIds },
      issue(['activityId'], 'activity_not_eligible', message),
    );
  }
  return passed(rule, `${activity.name} is eligible for ${fundType.name}.`, facts);
}
