import { toDayNumber } from '../../time/day-number.js';
import { demoProgram } from '../test-support/program.js';
import { BucketIndex, kpiBuckets, KpiWindowSchema, type KpiWindow } from './kpi-window.js';

const fiscal = demoProgram().fiscalCalendar; // years from February, named by their end

function buckets(window: KpiWindow) {
  const result = kpiBuckets(window, fiscal);
  if (!result.success) throw new Error(JSON.stringify(result.issues));
  return result.data;
}

describe('KPI windows and their buckets', () => {
  it('cuts a window into fiscal periods, clipping the first and last to the window', () => {
    expect(buckets({ from: '2026-03-15', to: '2026-06-10', unit: 'quarter', calendar: 'fiscal' })).toEqual([
      { key: '2026-03-15', label: 'FY2027 Q1', start: '2026-03-15', end: '2026-05-01' },
      { key: '2026-05-01', label: 'FY2027 Q2', start: '2026-05-01', end: '2026-06-10' },
    ]);
  });

  it('labels calendar buckets by the calendar year', () => {
    const labels = (unit: KpiWindow['unit']) =>
      buckets({ from: '2026-01-01', to: '2027-01-01', unit, calendar: 'calendar' }).map((bucket) => bucket.label);

    expect(labels('year')).toEqual(['2026']);
    expect(labels('half_year')).toEqual(['2026 H1', '2026 H2']);
    expect(labels('quarter')).toEqual(['2026 Q1', '2026 Q2', '2026 Q3', '2026 Q4']);
    expect(labels('month').slice(0, 3)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(labels('month')).toHaveLength(12);
  });

  it('labels fiscal months and halves by the fiscal year', () => {
    const window = { from: '2026-01-01', to: '2026-03-01', calendar: 'fiscal' } as const;
    expect(buckets({ ...window, unit: 'month' }).map((bucket) => bucket.label)).toEqual(['FY2026 M12', 'FY2027 M1']);
    expect(buckets({ ...window, unit: 'half_year' }).map((bucket) => bucket.label)).toEqual(['FY2026 H2', 'FY2027 H1']);
  });

  it('refuses a window of more than 240 buckets, and one that ends before it starts', () => {
    expect(kpiBuckets({ from: '2000-01-01', to: '2020-02-01', unit: 'month', calendar: 'calendar' }, fiscal))
      .toMatchInlineSnapshot(`
{
  "issues": [
    {
      "code": "too_many_buckets",
      "message": "The window from 2000-01-01 to 2020-02-01 holds more than 240 buckets of a month: shorten it or choose a longer unit.",
      "path": [
        "to",
      ],
    },
  ],
  "success": false,
}
`);
    expect(
      KpiWindowSchema.safeParse({ from: '2026-05-01', to: '2026-05-01', unit: 'month', calendar: 'fiscal' }).error
        ?.issues[0]?.message,
    ).toBe('must end after it starts');
  });

  it('finds the bucket of a day in constant time, and none outside the window', () => {
    const index = new BucketIndex(
      buckets({ from: '2026-02-01', to: '2026-08-01', unit: 'quarter', calendar: 'fiscal' }),
    );

    expect(
      ['2026-01-31', '2026-02-01', '2026-04-30', '2026-05-01', '2026-07-31', '2026-08-01'].map((date) =>
        index.of(toDayNumber(date)),
      ),
    ).toEqual([-1, 0, 0, 1, 1, -1]);
    expect(index.ofDate('2026-06-15')).toBe(1);
  });
});
