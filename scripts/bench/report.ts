import type { BenchmarkReport, Figure } from './figure.js';

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 1000) return Math.round(value).toLocaleString('en-US');
  if (magnitude >= 10) return value.toFixed(1);
  if (magnitude >= 0.01) return value.toFixed(3);
  return value.toPrecision(3);
}

/** The figures as a table a person reads in a terminal. */
export function formatTable(figures: readonly Figure[]): string {
  const header = ['benchmark', 'value', 'unit', 'peer', 'peer value', 'ratio'];
  const rows = figures.map((figure) => [
    figure.name,
    formatNumber(figure.value),
    figure.unit,
    figure.peer ?? '',
    figure.peerValue === undefined ? '' : formatNumber(figure.peerValue),
    figure.ratio === undefined ? '' : `${formatNumber(figure.ratio)}×`,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        column === 0 || column === 2 || column === 3 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!),
      )
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

/** The figures as the one JSON document scripts check targets against. */
export function formatJson(figures: readonly Figure[]): string {
  const report: BenchmarkReport = { figures: [...figures] };
  return JSON.stringify(report, null, 2);
}
