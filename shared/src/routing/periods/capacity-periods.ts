import type { CapacityPolicy } from '../../program/schema/routing-policy.js';
import { addDays, parseCalendarDate, type CalendarDate } from '../../time/calendar-date.js';
import type { FiscalCalendar } from '../../time/fiscal-calendar.js';
import { fiscalPeriodContaining } from '../../time/fiscal-period.js';

/** The periods capacity caps and least-loaded selection count leads in. */
export const CAPACITY_PERIODS = ['day', 'week', 'month', 'quarter'] as const;
export type CapacityPeriod = (typeof CAPACITY_PERIODS)[number];

/** One current period: the date it starts on (the key loads are stored under) and a name for people. */
export interface CurrentPeriod {
  start: CalendarDate;
  label: string;
}

/** The day, week, month and quarter that contain a program day. */
export type CurrentPeriods = Readonly<Record<CapacityPeriod, CurrentPeriod>>;

const WEEKDAY_NUMBER = { sunday: 0, monday: 1 } as const;

function weekStart(date: CalendarDate, weekStartsOn: CapacityPolicy['weekStartsOn']): CalendarDate {
  const parts = parseCalendarDate(date);
  if (!parts) throw new Error(`Not a calendar date: ${date}`);
  const weekday = new Date(Date.UTC(parts.year, parts.month - 1, parts.day)).getUTCDay();
  return addDays(date, -((weekday - WEEKDAY_NUMBER[weekStartsOn] + 7) % 7));
}

/**
 * The periods containing `today` (a program day): weeks start on the policy's day; months and quarters
 * follow the calendar, or the program's fiscal calendar (whose months are calendar months, so only quarters
 * differ).
 *
 * @example
 * currentPeriods('2026-03-15', { periods: 'fiscal', weekStartsOn: 'monday', … }, { firstMonth: 2, … }).quarter
 * // { start: '2026-02-01', label: 'FY2027 Q1' }
 */
export function currentPeriods(
  today: CalendarDate,
  capacity: Pick<CapacityPolicy, 'periods' | 'weekStartsOn'>,
  fiscalCalendar: FiscalCalendar,
): CurrentPeriods {
  const week = weekStart(today, capacity.weekStartsOn);
  const fiscal = capacity.periods === 'fiscal';
  const calendar: FiscalCalendar = fiscal ? fiscalCalendar : { ...fiscalCalendar, firstMonth: 1, yearNamedBy: 'start' };
  const month = fiscalPeriodContaining(today, calendar, 'month');
  const quarter = fiscalPeriodContaining(today, calendar, 'quarter');
  return {
    day: { start: today, label: today },
    week: { start: week, label: `the week of ${week}` },
    month: { start: month.start, label: fiscal ? month.label : month.start.slice(0, 7) },
    quarter: {
      start: quarter.start,
      label: fiscal ? quarter.label : `${quarter.start.slice(0, 4)} ${quarter.label.slice(-2)}`,
    },
  };
}
