import * as z from 'zod';

/** One point on a chart's axis: a time bucket (`2026-02-01`, labelled `FY2027 Q1`) or a category (a tier, a partner). */
export const ChartCategorySchema = z.strictObject({ key: z.string().min(1), label: z.string().min(1) });
export type ChartCategory = z.infer<typeof ChartCategorySchema>;

/**
 * What a series' values measure: `money` in the report currency's minor units, `count`, `ratio` (a share
 * from 0 to 1, or a return such as 2.5 for 250 %), `hours` or `days`.
 */
export const ChartUnitSchema = z.enum(['money', 'count', 'ratio', 'hours', 'days']);
export type ChartUnit = z.infer<typeof ChartUnitSchema>;

/**
 * One line, bar group or stack layer: a value per category, in the categories' order. `null` where there is
 * nothing to measure (a win rate without closed deals), which a chart draws as a gap; never `NaN`.
 */
export const ChartSeriesSchema = z.strictObject({
  key: z.string().min(1),
  label: z.string().min(1),
  unit: ChartUnitSchema,
  values: z.array(z.number().nullable()),
});
export type ChartSeries = z.infer<typeof ChartSeriesSchema>;

/**
 * A chart ready to draw: its axis (`time` buckets in order, or `category`), the categories and the series.
 * Every series has one value per category.
 *
 * @example
 * { key: 'won_revenue', title: 'Won revenue by partner involvement', axis: 'time',
 *   categories: [{ key: '2026-02-01', label: 'FY2027 Q1' }], series: [{ key: 'sourced', label: 'Partner-sourced', unit: 'money', values: [1250000] }] }
 */
export const ChartSchema = z
  .strictObject({
    key: z.string().min(1),
    title: z.string().min(1),
    axis: z.enum(['time', 'category']),
    categories: z.array(ChartCategorySchema),
    series: z.array(ChartSeriesSchema),
  })
  .refine((chart) => chart.series.every((series) => series.values.length === chart.categories.length), {
    error: 'every series must have one value per category',
    params: { code: 'series_length' },
    path: ['series'],
  });
export type Chart = z.infer<typeof ChartSchema>;

/** A series from its parts. */
export function chartSeries(key: string, label: string, unit: ChartUnit, values: (number | null)[]): ChartSeries {
  return { key, label, unit, values };
}
