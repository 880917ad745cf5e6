/**
 * Pure geometry of `Table`: which columns fit and how wide each is, and which rows are visible.
 * Kept apart from the component so it can be tested without rendering.
 */
import {displayWidth} from '../text/width.js';

/** One column of a `Table`. */
export interface TableColumn {
  id: string;
  title: string;
  /** Fixed width in columns (the column does not grow unless `flex` is also given). */
  width?: number;
  /** Smallest useful width; defaults to the title's width plus one (room for the sort marker). */
  minWidth?: number;
  /** Share of the spare width; defaults to 1 without `width`, 0 with it. */
  flex?: number;
  /** Lower = kept longer when the table is too narrow. */
  priority: number;
  align?: 'left' | 'right';
}

/** A column that fits, with its index in the `columns` prop and its final width. */
export interface PlacedColumn {
  index: number;
  width: number;
}

/** Width of the gutter that holds the `›` selection marker. */
export const GUTTER = 2;

/** Spaces between two columns. */
export const GAP = 1;

/**
 * Chooses the columns that fit in `width` (gutter included), by priority, and gives the spare
 * width to the flexible ones. Returned in display order; the total never exceeds `width`.
 */
export function layoutColumns(columns: readonly TableColumn[], width: number): PlacedColumn[] {
  const available = width - GUTTER;
  if (available <= 0) return [];
  const byPriority = columns.map((column, index) => ({column, index})).sort((a, b) => a.column.priority - b.column.priority);
  const kept: Array<{column: TableColumn; index: number; width: number}> = [];
  let used = 0;
  for (const {column, index} of byPriority) {
    const base = column.width ?? column.minWidth ?? displayWidth(column.title) + 1;
    const need = base + (kept.length > 0 ? GAP : 0);
    if (used + need > available) {
      // The most important column is always shown, cut to what there is.
      if (kept.length === 0) {
        kept.push({column, index, width: available});
        used = available;
      }
      break;
    }
    kept.push({column, index, width: base});
    used += need;
  }
  kept.sort((a, b) => a.index - b.index);
  distribute(kept, available - used);
  return kept.map(({index, width: columnWidth}) => ({index, width: columnWidth}));
}

function distribute(kept: Array<{column: TableColumn; width: number}>, spare: number): void {
  const flexOf = (column: TableColumn) => column.flex ?? (column.width === undefined ? 1 : 0);
  const totalFlex = kept.reduce((sum, {column}) => sum + flexOf(column), 0);
  if (totalFlex <= 0 || spare <= 0) return;
  let left = spare;
  for (const entry of kept) {
    const share = Math.floor((spare * flexOf(entry.column)) / totalFlex);
    entry.width += share;
    left -= share;
  }
  for (const entry of kept) {
    if (left <= 0) break;
    if (flexOf(entry.column) > 0) {
      entry.width += 1;
      left -= 1;
    }
  }
}

/**
 * First visible row: moves the window as little as possible from `previous` so that `selected`
 * is visible (the usual scroll), and never leaves blank space at the end of a long list.
 */
export function windowStart(selected: number, height: number, count: number, previous: number): number {
  if (height <= 0 || count <= height) return 0;
  let start = Math.min(Math.max(previous, 0), count - height);
  if (selected < start) start = selected;
  else if (selected >= start + height) start = selected - height + 1;
  return start;
}
