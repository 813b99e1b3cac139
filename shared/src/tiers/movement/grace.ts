import type { TierPolicy } from '../../program/schema/tiers.js';
import type { CalendarDate } from '../../time/calendar-date.js';
import type { TierEvaluationPeriods } from '../time/evaluation-periods.js';

/**
 * Where a grace period stands on an evaluation date. Grace is counted in evaluation periods, the one
 * in which the shortfall was first seen being the first: with 2 grace periods, a partner first short
 * in FY2027 Q1 keeps its tier at the evaluations of Q1 and Q2 and moves down at the one of Q3.
 */
export interface GraceCount {
  since: CalendarDate;
  /** Evaluation periods in grace, this one included. */
  periodsSpent: number;
  allowed: number;
  /** Whether the partner still keeps its tier. */
  kept: boolean;
}

/** The grace periods that apply below a tier or specialization: its own, or the policy's default. */
export function gracePeriodsOf(own: number | undefined, policy: TierPolicy): number {
  return own ?? policy.gracePeriods;
}

/**
 * Counts a grace period that started on `since` (`undefined`: it starts on `asOf`).
 *
 * @example countGrace('2026-02-10', '2026-05-03', 2, quarters) // { periodsSpent: 2, allowed: 2, kept: true, … }
 */
export function countGrace(
  since: CalendarDate | undefined,
  asOf: CalendarDate,
  allowed: number,
  periods: TierEvaluationPeriods,
): GraceCount {
  const start = since ?? asOf;
  const periodsSpent = periods.between(start, asOf) + 1;
  return { since: start, periodsSpent, allowed, kept: periodsSpent <= allowed };
}
