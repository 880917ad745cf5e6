/** The bench's printed table: one line per metric, grouped by section, with budget and change. */
import {displayWidth} from '../../source/text/width.js';
import type {RunRecord} from './history.js';
import {withinBudget, type Metric, type Unit} from './stats.js';

const HEADER = ['measure', 'n', 'median', 'min', 'max', 'budget', 'status', 'previous', 'change'] as const;
const RIGHT_ALIGNED = new Set([1, 2, 3, 4, 5, 7, 8]);

/** Format a value in its unit. */
export function formatValue(value: number, unit: Unit): string {
  switch (unit) {
    case 'ms':
      return `${value.toFixed(1)} ms`;
    case 'B':
      return `${Math.round(value)} B`;
    case 'MB':
      return `${value.toFixed(1)} MB`;
    case 'x':
      return `${value.toFixed(2)}×`;
    case 'rows':
      return `${Math.round(value)}`;
  }
}

/** The relative change from `previous` to `current`, e.g. `+4.2%`. */
export function formatChange(current: number, previous: number | undefined): string {
  if (previous === undefined) return '–';
  if (previous === current) return '=';
  if (previous === 0) return `+${current}`;
  const percent = ((current - previous) / Math.abs(previous)) * 100;
  return `${percent >= 0 ? '+' : ''}${percent.toFixed(1)}%`;
}

/** `≤ 300 B`, `< 100.0 ms`, `max ≤ 100.0 MB`. */
function budgetText(metric: Metric): string {
  const budget = metric.budget;
  if (!budget) return '';
  return `${budget.worst ? 'max ' : ''}${budget.strict ? '<' : '≤'} ${formatValue(budget.max, metric.unit)}`;
}

/** The whole table as text (sections in first-seen order). */
export function renderTable(metrics: readonly Metric[], previous: RunRecord | undefined): string {
  const rows: string[][] = [];
  const sections: string[] = [];
  for (const metric of metrics) if (!sections.includes(metric.section)) sections.push(metric.section);
  const sectionRows = new Set<number>();
  for (const section of sections) {
    sectionRows.add(rows.length);
    rows.push([section]);
    for (const metric of metrics.filter((m) => m.section === section)) {
      const before = previous?.metrics[metric.id]?.median;
      const ok = withinBudget(metric);
      const {n, median, min, max} = metric.stats;
      rows.push([
        `  ${metric.label}`,
        String(n),
        formatValue(median, metric.unit),
        formatValue(min, metric.unit),
        formatValue(max, metric.unit),
        metric.budget ? budgetText(metric) : '',
        ok === undefined ? '' : ok ? 'PASS' : 'OVER',
        before === undefined ? '–' : formatValue(before, metric.unit),
        formatChange(median, before),
      ]);
    }
  }
  const widths = HEADER.map((title, column) =>
    Math.max(displayWidth(title), ...rows.filter((_, index) => !sectionRows.has(index)).map((row) => displayWidth(row[column] ?? ''))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => {
        const gap = ' '.repeat(Math.max(0, widths[column]! - displayWidth(cell)));
        return RIGHT_ALIGNED.has(column) ? gap + cell : cell + gap;
      })
      .join('  ')
      .trimEnd();
  const rule = '─'.repeat(widths.reduce((sum, width) => sum + width, 0) + 2 * (widths.length - 1));
  const body = rows.map((row, index) => (sectionRows.has(index) ? row[0]! : line(row)));
  return [line(HEADER), rule, ...body].join('\n');
}
