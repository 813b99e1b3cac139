import { CronExpressionParser } from 'cron-parser';

/**
 * Occurrences of a program's cron expression in its time zone (cron-parser, the parser pg-boss schedules
 * with, so that both schedulers agree on every tick). The core has checked the expression's syntax.
 */
function parse(cron: string, timeZone: string, currentDate: Date) {
  return CronExpressionParser.parse(cron, { tz: timeZone, currentDate });
}

/** The first tick strictly after `after`. */
export function nextTick(cron: string, timeZone: string, after: Date): Date {
  return parse(cron, timeZone, after).next().toDate();
}

/** The last tick at or before `atOrBefore`. */
export function lastTick(cron: string, timeZone: string, atOrBefore: Date): Date {
  return parse(cron, timeZone, new Date(atOrBefore.getTime() + 1))
    .prev()
    .toDate();
}
