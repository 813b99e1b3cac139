import { issue } from '../../result/issue.js';
import type { CalendarDate } from '../../time/calendar-date.js';
import { failed, passed, type MdfCheck } from './check.js';

/** Activity dates: the activity ends on or after the day it starts. Issue `activity_dates_order`. */
export function checkActivityDates(startDate: CalendarDate, endDate: CalendarDate): MdfCheck {
  const facts = { startDate, endDate };
  if (endDate < startDate) {
    const message = `The activity ends on ${endDate}, before it starts on ${startDate}.`;
    return failed('activity_dates', message, facts, issue(['endDate'], 'activity_dates_order', message));
  }
  return passed('activity_dates', `The activity runs from ${startDate} to ${endDate}.`, facts);
}
