/**
 * The three shapes of a streamed export, each written piece by piece as pages arrive: TSV (or
 * aligned columns on a terminal) row by row, one JSON document `{"total": N, "items": [...]}`
 * exactly as `JSON.stringify(…, null, 2)` would print it whole, or one JSON object a line.
 */
import {toSafeJson} from './json.js';
import {alignedHeader, alignedRows, columnWidths, tsvHeader, tsvRows, type PlainColumn} from './rows.js';

/** A column of an export: its title and how to read its cell from an item. */
export interface ExportColumn extends PlainColumn {
  value(item: never): unknown;
}

/** The text of an export, in the order it is written: `start` once, `items` per page, `end` once. */
export interface ExportFormat {
  start(total: number): string;
  items(items: readonly unknown[]): string;
  /** After the last page; not written when the export fails, so a half document never parses. */
  end(): string;
}

export type ExportFormatName = 'tsv' | 'aligned' | 'json' | 'ndjson';

export function exportFormat(name: ExportFormatName, columns: readonly ExportColumn[]): ExportFormat {
  switch (name) {
    case 'json':
      return jsonDocument();
    case 'ndjson':
      return {start: () => '', items: (items) => items.map((item) => `${toSafeJson(item, 0)}\n`).join(''), end: () => ''};
    case 'tsv':
      return {start: () => tsvHeader([...columns]), items: (items) => tsvRows(cellsOf(columns, items)), end: () => ''};
    case 'aligned':
      return alignedColumns(columns);
  }
}

function cellsOf(columns: readonly ExportColumn[], items: readonly unknown[]): unknown[][] {
  return items.map((item) => columns.map((column) => column.value(item as never)));
}

function jsonDocument(): ExportFormat {
  let written = 0;
  return {
    start: (total) => `{\n  "total": ${total},\n  "items": [`,
    items(items) {
      let text = '';
      for (const item of items) {
        // Strings in JSON hold no raw line break, so re-indenting by lines is safe.
        text += `${written === 0 ? '\n' : ',\n'}    ${toSafeJson(item).replaceAll('\n', '\n    ')}`;
        written += 1;
      }
      return text;
    },
    end: () => (written === 0 ? ']\n}\n' : '\n  ]\n}\n'),
  };
}

/** Columns as wide as the first page needs (a streamed export cannot wait for the widest cell of the last page). */
function alignedColumns(columns: readonly ExportColumn[]): ExportFormat {
  let widths: number[] | undefined;
  return {
    start: () => '',
    items(items) {
      const rows = cellsOf(columns, items);
      let header = '';
      if (widths === undefined) {
        widths = columnWidths([...columns], rows);
        header = `${alignedHeader([...columns], widths)}\n`;
      }
      return header + alignedRows([...columns], widths, rows);
    },
    end: () => (widths === undefined ? `${alignedHeader([...columns], columnWidths([...columns], []))}\n` : ''),
  };
}
