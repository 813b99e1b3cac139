import { issue } from '../../result/issue.js';
import type { CalendarDate } from '../../time/calendar-date.js';
import { dayCount, daysBetween } from '../../time/day-number.js';
import { failed, passed, type MdfCheck } from './check.js';

/**
 * Claim deadline: a claim is filed on or before the request's claim deadline (the activity's end plus
 * the program's `claimDeadlineDays`, fixed when the request was submitted). Issue `claim_deadline_passed`.
 */
export function checkClaimDeadline(today: CalendarDate, deadline: CalendarDate): MdfCheck {
  const facts = { today, claimDeadline: deadline };
  if (today > deadline) {
    const message = `Claims on this request closed on ${deadline}; it is ${today}, ${dayCount(daysBetween(deadline, today))} too late.`;
    return failed('claim_deadline', message, facts, issue(['filedAt'], 'claim_deadline_passed', message));
  }
  return passed('claim_deadline', `Claims on this request close on ${deadline}; it is ${today}.`, facts);
}
