import type { Program } from '../../program/schema/program.js';
import { issue } from '../../result/issue.js';
import { addDays, type CalendarDate } from '../../time/calendar-date.js';
import { dayCount, daysBetween } from '../../time/day-number.js';
import { failed, passed, type MdfCheck } from './check.js';

/**
 * Lead time: a request comes in at least the program's `leadTimeDays` before the activity starts,
 * counted in the program's days. Issue `lead_time_too_short`.
 */
export function checkLeadTime(program: Program, today: CalendarDate, startDate: CalendarDate): MdfCheck {
  const required = program.mdf.leadTimeDays;
  const daysAhead = daysBetween(today, startDate);
  const latest = addDays(startDate, -required);
  const facts = { today, startDate, daysAhead, leadTimeDays: required, latestSubmission: latest };
  const ahead = `The activity starts on ${startDate}, ${dayCount(daysAhead)} after ${today}`;
  if (daysAhead < required) {
    const message = `${ahead}; requests must come in at least ${dayCount(required)} ahead, by ${latest}.`;
    return failed('lead_time', message, facts, issue(['startDate'], 'lead_time_too_short', message));
  }
  return passed('lead_time', `${ahead}; requests must come in at least ${dayCount(required)} ahead.`, facts);
}
