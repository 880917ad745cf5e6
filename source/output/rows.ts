/**
 * Script output of a collection: aligned columns on a terminal, TSV in a pipe. Every cell
 * goes through the sanitiser, which also shows tabs and line breaks as visible symbols, so a
 * TSV row always stays one line of fields.
 */
import {sanitize} from '../text/sanitize.js';
import {displayWidth, pad, truncate} from '../text/width.js';

export interface PlainColumn {
  title: string;
  align?: 'left' | 'right';
}

const maxCellWidth = 48;

export function formatAligned(columns: PlainColumn[], rows: unknown[][]): string {
  const cells = rows.map((row) => row.map((value) => truncate(sanitize(value), maxCellWidth)));
  const widths = columns.map((column, i) =>
    Math.max(displayWidth(column.title), ...cells.map((row) => displayWidth(row[i] ?? ''))),
  );
  const line = (values: string[]) =>
    values
      .map((value, i) => pad(value, widths[i] ?? 0, columns[i]?.align ?? 'left'))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.title.toUpperCase())), ...cells.map(line)].join('\n') + '\n';
}

export function formatTsv(columns: PlainColumn[], rows: unknown[][]): string {
  return [columns.map((c) => c.title).join('\t'), ...rows.map((row) => row.map(sanitize).join('\t'))].join('\n') + '\n';
}
