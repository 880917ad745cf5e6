/**
 * Script output of a collection: aligned columns on a terminal, TSV in a pipe. Every cell
 * goes through the sanitiser, which also shows tabs and line breaks as visible symbols, so a
 * TSV row always stays one line of fields.
 */
import {inertText, sanitize} from '../text/sanitize.js';
import {displayWidth, pad, truncate} from '../text/width.js';

export interface PlainColumn {
  title: string;
  align?: 'left' | 'right';
}

const maxCellWidth = 48;

/** The width of each column: its title's or its widest cell's (cells cut at 48 columns). */
export function columnWidths(columns: PlainColumn[], rows: unknown[][]): number[] {
  const cells = rows.map((row) => row.map((value) => truncate(sanitize(value), maxCellWidth)));
  return columns.map((column, i) => Math.max(displayWidth(column.title), ...cells.map((row) => displayWidth(row[i] ?? ''))));
}

/** The upper-case titles, padded to `widths`. */
export function alignedHeader(columns: PlainColumn[], widths: number[]): string {
  return alignedLine(columns, widths, columns.map((column) => column.title.toUpperCase()));
}

/**
 * Rows padded to `widths`. A cell wider than its column (in a later page of an export) is shown
 * whole, up to the usual 48 columns, and shifts the rest of its row: an ID cut short would be wrong.
 */
export function alignedRows(columns: PlainColumn[], widths: number[], rows: unknown[][]): string {
  return rows.map((row) => `${alignedLine(columns, widths, row.map((value) => truncate(sanitize(value), maxCellWidth)))}\n`).join('');
}

function alignedLine(columns: PlainColumn[], widths: number[], values: string[]): string {
  return values
    .map((value, i) => pad(value, Math.max(widths[i] ?? 0, displayWidth(value)), columns[i]?.align ?? 'left'))
    .join('  ')
    .trimEnd();
}

export function formatAligned(columns: PlainColumn[], rows: unknown[][]): string {
  const widths = columnWidths(columns, rows);
  return `${alignedHeader(columns, widths)}\n${alignedRows(columns, widths, rows)}`;
}

/** The TSV header row. */
export function tsvHeader(columns: PlainColumn[]): string {
  return `${columns.map((c) => c.title).join('\t')}\n`;
}

/** TSV rows, one line each: inert text, not shaped for a terminal (a pipe's reader wants the data). */
export function tsvRows(rows: unknown[][]): string {
  return rows.map((row) => `${row.map(inertText).join('\t')}\n`).join('');
}

export function formatTsv(columns: PlainColumn[], rows: unknown[][]): string {
  return tsvHeader(columns) + tsvRows(rows);
}
