import { basisPointsOfPercent, type BasisPoints } from '../../money/percentage.js';
import type { Money } from '../../money/money.js';
import type { ApprovalLevel, FundType, MdfActivity } from '../../program/schema/mdf-policy.js';
import type { Program } from '../../program/schema/program.js';
import type { CalendarDate } from '../../time/calendar-date.js';
import { calendarDateIn } from '../../time/time-zone.js';

/** The fund type of the program with this id, if any. */
export function findMdfFundType(program: Program, fundTypeId: string): FundType | undefined {
  return program.mdf.fundTypes.find((fundType) => fundType.id === fundTypeId);
}

/** The activity of the program with this id, if any. */
export function findMdfActivity(program: Program, activityId: string): MdfActivity | undefined {
  return program.mdf.activities.find((activity) => activity.id === activityId);
}

/** The share of an activity's cost that MDF reimburses, in basis points (5000 for 50 %). */
export function reimbursementBasisPoints(activity: MdfActivity): BasisPoints {
  return basisPointsOfPercent(activity.reimbursementPercent);
}

/** The currencies budgets, allocations and requests may use: the program's, then the additional ones. */
export function mdfCurrencies(program: Program): string[] {
  return [program.currency, ...program.mdf.additionalCurrencies];
}

/** The day it is for the program at `now`, in the program's time zone. */
export function programToday(program: Program, now: Date): CalendarDate {
  return calendarDateIn(now, program.fiscalCalendar.timeZone);
}

/** An approval level with its position in the program's list (0 is the lowest). */
export interface RankedApprovalLevel {
  level: ApprovalLevel;
  index: number;
}

/**
 * The approval level for an amount in the program currency: the first level whose `upTo` is at least
 * the amount; the last level (unbounded) takes every larger amount.
 */
export function mdfApprovalLevelFor(program: Program, amount: Money): RankedApprovalLevel {
  if (amount.currency !== program.currency)
    throw new Error('RequestApproval levels compare amounts in the program currency.');
  const levels = program.mdf.approvalLevels;
  const index = levels.findIndex((level) => level.upTo === null || amount.amount <= level.upTo.amount);
  const found = index === -1 ? levels.length - 1 : index;
  return { level: levels[found]!, index: found };
}

/** The roles that may approve at a level: the level's own role and those of every higher level. */
export function rolesAllowedAt(program: Program, levelIndex: number): string[] {
  return [...new Set(program.mdf.approvalLevels.slice(levelIndex).map((level) => level.approverRole))];
}
