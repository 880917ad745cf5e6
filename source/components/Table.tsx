/**
 * The collection table: a header line and exactly `height` body lines, never wider than `width`.
 * Columns that do not fit are dropped by priority, cells are sanitised and cut by display width,
 * and the selected row is inverse with a `›` gutter marker, so it shows without colour too.
 */
import {useMemo, useState, type ReactNode} from 'react';
import {Box, Text, type TextProps} from 'ink';
import type {SafeText} from '../text/sanitize.js';
import {pad, truncate} from '../text/width.js';
import {useTheme} from '../theme.js';
import {GAP, layoutColumns, windowStart, type PlacedColumn, type TableColumn} from './table-layout.js';

export type {TableColumn} from './table-layout.js';

/** One record: a stable key and its values, one per column, sanitised by whoever made the row. */
export interface TableRow {
  key: string;
  cells: readonly SafeText[];
}

/** Props of {@link Table}. */
export interface TableProps {
  columns: readonly TableColumn[];
  /** All rows of the collection; `undefined` marks a row that is not loaded yet. */
  rows: ReadonlyArray<TableRow | undefined>;
  /** Index into `rows` of the selected row. */
  selected: number;
  width: number;
  /** Body lines (the header line comes on top of them). */
  height: number;
  sortColumn?: string;
  sortDirection?: 'asc' | 'desc';
  /** Shown when there are no rows. */
  emptyText?: string;
}

const separator = ' '.repeat(GAP);

/** The collection table (see the module comment). */
export function Table({columns, rows, selected, width, height, sortColumn, sortDirection = 'asc', emptyText = 'nothing to show'}: TableProps) {
  const placed = useMemo(() => layoutColumns(columns, width), [columns, width]);
  const current = Math.min(Math.max(selected, 0), rows.length - 1);
  const [previousStart, setStart] = useState(0);
  const start = windowStart(current, height, rows.length, previousStart);
  // Adjusting state while rendering is React's way to keep the window where the user left it.
  if (start !== previousStart) setStart(start);

  const theme = useTheme();
  // The body is one text of `height` lines, its selected and dim lines nested in it: one node to
  // lay out and draw instead of one per line (a page move at 200x50 spent a fifth of its time on them).
  const body: ReactNode[] = [];
  let plain = '';
  const flush = () => {
    if (plain !== '') body.push(plain);
    plain = '';
  };
  const styled = (line: number, text: string, style: TextProps, end: string) => {
    flush();
    body.push(
      <Text key={line} {...style}>
        {text}
      </Text>,
    );
    plain = end;
  };
  for (let line = 0; line < Math.max(0, height); line += 1) {
    const index = start + line;
    const row = rows[index];
    const end = line === height - 1 ? '' : '\n';
    if (rows.length === 0 && line === 0) styled(line, `  ${truncate(emptyText, width - 2)}`, theme.dim, end);
    else if (index >= rows.length) plain += ` ${end}`;
    else if (row === undefined) styled(line, index === current ? '› …' : '  …', theme.dim, end);
    else if (index === current) styled(line, rowText(row, columns, placed, true), {inverse: true}, end);
    else plain += rowText(row, columns, placed, false) + end;
  }
  flush();

  return (
    <Box flexDirection="column" width={width}>
      <HeaderLine columns={columns} placed={placed} sortColumn={sortColumn} sortDirection={sortDirection} />
      {height > 0 && <Text wrap="truncate-end">{body}</Text>}
    </Box>
  );
}

function rowText(row: TableRow, columns: readonly TableColumn[], placed: readonly PlacedColumn[], selected: boolean): string {
  return (selected ? '› ' : '  ') + rowCells(row, columns, placed);
}

/**
 * A row's cells padded to the columns' widths, kept with the row while the layout stays: a page
 * move draws again rows drawn before, and padding them anew was a tenth of what a key allocated.
 */
const paddedRows = new WeakMap<TableRow, {columns: readonly TableColumn[]; placed: readonly PlacedColumn[]; text: string}>();
function rowCells(row: TableRow, columns: readonly TableColumn[], placed: readonly PlacedColumn[]): string {
  const known = paddedRows.get(row);
  if (known && known.columns === columns && samePlacement(known.placed, placed)) return known.text;
  const text = placed.map(({index, width}) => pad(row.cells[index] ?? '', width, columns[index]?.align)).join(separator);
  paddedRows.set(row, {columns, placed, text});
  return text;
}

function samePlacement(a: readonly PlacedColumn[], b: readonly PlacedColumn[]): boolean {
  return a === b || (a.length === b.length && a.every((column, at) => column.index === b[at]?.index && column.width === b[at]?.width));
}

interface HeaderLineProps {
  columns: readonly TableColumn[];
  placed: readonly PlacedColumn[];
  sortColumn: string | undefined;
  sortDirection: 'asc' | 'desc';
}

function HeaderLine({columns, placed, sortColumn, sortDirection}: HeaderLineProps) {
  const theme = useTheme();
  const arrow = sortDirection === 'desc' ? '▼' : '▲';
  // Titles are program text (the descriptors'), not server data.
  const titles = placed.map(({index}) => columns[index]?.title ?? '');
  const sortTitle = columns.find((column) => column.id === sortColumn)?.title ?? '';
  // The arrow's text equivalent, for screen readers.
  const label = titles.join(', ') + (sortTitle === '' ? '' : `; sorted by ${sortTitle}, ${sortDirection === 'desc' ? 'descending' : 'ascending'}`);
  const cells = placed.map(({index, width}, position) => {
    const column = columns[index];
    const title = titles[position] ?? '';
    const sorted = column !== undefined && column.id === sortColumn;
    const text = sorted ? pad(truncate(title, width - 1) + arrow, width, column.align) : pad(title, width, column?.align);
    return (
      <Text key={column?.id ?? index}>
        {position > 0 ? separator : ''}
        {sorted ? (
          <Text underline {...theme.accent}>
            {text}
          </Text>
        ) : (
          text
        )}
      </Text>
    );
  });
  return (
    <Text bold wrap="truncate-end" aria-label={label}>
      {'  '}
      {cells}
    </Text>
  );
}
