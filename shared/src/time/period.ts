import * as z from 'zod';
import { CalendarDateSchema } from './calendar-date.js';

/** The lengths of period the programs work in. */
export const PeriodUnitSchema = z.enum(['month', 'quarter', 'half_year', 'year']);
export type PeriodUnit = z.infer<typeof PeriodUnitSchema>;

/**
 * A span of whole days: from `start` (included) to `end` (excluded), so that consecutive periods
 * share a boundary and never overlap. `label` names it for people, e.g. `FY2027 Q1`.
 */
export const PeriodSchema = z
  .strictObject({
    unit: PeriodUnitSchema,
    start: CalendarDateSchema,
    end: CalendarDateSchema,
    label: z.string().min(1),
  })
  .refine((period) => period.start < period.end, {
    error: 'must end after it starts',
    params: { code: 'period_empty' },
    path: ['end'],
  });
export type Period = z.infer<typeof PeriodSchema>;

/** Whether a calendar date falls within a period. */
export function periodContains(period: Period, date: string): boolean {
  return period.start <= date && date < period.end;
}
