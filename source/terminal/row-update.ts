/**
 * The bytes that turn one screen row from what it shows into the next frame's line. Every
 * update starts with an absolute cursor position, so a row the terminal measured differently
 * from us can never move the place where another row is drawn.
 */
import {parseLine, sgrFor, type Cell, type ParsedLine} from './cells.js';
import {cursorForward, cursorTo, ERASE_LINE_END, RESET_STYLE} from './sequences.js';

/** The SGR style the terminal is in, carried from one write to the next within a frame. */
export interface Pen {
  style: string;
}

/** Unchanged cells fewer than this between two changes are rewritten rather than skipped with a cursor move. */
const SKIP_MIN = 5;
const ERASE_WHOLE_LINE = '\u001B[2K';
const BLANK: Cell = {text: ' ', style: ''};

/**
 * Update screen row `row` (1-based) of a `cols`-wide screen from `shown` (what it holds; `''` is
 * blank, `undefined` unknown) to `next`. Returns `''` when nothing changes.
 */
export function rowUpdate(row: number, shown: string | undefined, next: string, cols: number, pen: Pen): string {
  if (shown === next) return '';
  const after = parseLine(next);
  if (shown === undefined) return rewrite(row, after, cols, pen, true);
  const before = parseLine(shown);
  if (!after.addressable || !before.addressable) return rewrite(row, after, cols, pen, shown !== '');
  return patch(row, before, after, cols, pen);
}

/** The whole row from column 1, the line erased first so no stale cell survives a mis-measured one. */
function rewrite(row: number, line: ParsedLine, cols: number, pen: Pen, erase: boolean): string {
  let out = cursorTo(row);
  if (erase) out += resetPen(pen) + ERASE_WHOLE_LINE;
  return out + cellsText(line.cells, 0, Math.min(line.cells.length, cols), pen);
}

/** Only the runs of cells that differ, each at its own column. */
function patch(row: number, before: ParsedLine, after: ParsedLine, cols: number, pen: Pen): string {
  const end = Math.min(cols, Math.max(before.cells.length, after.cells.length));
  const runs: Array<[number, number]> = [];
  for (let col = 0; col < end; col++) {
    if (sameCell(before.cells[col], after.cells[col])) continue;
    const last = runs.at(-1);
    if (last && col - last[1] <= SKIP_MIN) last[1] = col + 1;
    else runs.push([col, col + 1]);
  }
  let out = '';
  const content = Math.min(cols, trimmedLength(after.cells));
  let cursor = -1;
  for (const [runStart, runEnd] of runs) {
    // Never start or end inside a wide character, in either line.
    const from = widen(before.cells, widen(after.cells, runStart, -1), -1);
    const to = widen(before.cells, widen(after.cells, runEnd, 1), 1);
    // The row's columns are the terminal's too (it is addressable), so a skip within it can be
    // relative; the row itself is always reached absolutely.
    out += cursor === -1 ? cursorTo(row, from + 1) : cursorForward(from - cursor);
    cursor = to;
    if (to >= content) {
      // The rest of the row is blank in the new line: write what is left of it and erase the tail
      // (not when the text reaches the last column: without autowrap the cursor stays on it).
      out += cellsText(after.cells, from, content, pen);
      if (content < cols) out += resetPen(pen) + ERASE_LINE_END;
      break;
    }
    out += cellsText(after.cells, from, to, pen);
  }
  return out;
}

/** Move `col` (a run boundary) left (`-1`) or right (`1`) off the right half of a wide character. */
function widen(cells: readonly Cell[], col: number, direction: -1 | 1): number {
  let at = col;
  if (direction === -1) while (at > 0 && cells[at]?.text === '') at -= 1;
  else while (cells[at]?.text === '') at += 1;
  return at;
}

function sameCell(a: Cell | undefined, b: Cell | undefined): boolean {
  const left = a ?? BLANK;
  const right = b ?? BLANK;
  return left.text === right.text && left.style === right.style;
}

/** Cells up to the last one that is not a default-style blank. */
function trimmedLength(cells: readonly Cell[]): number {
  let length = cells.length;
  while (length > 0 && sameCell(cells[length - 1], BLANK)) length -= 1;
  return length;
}

/** The text of `cells[from..to)`, with the SGR changes it needs. */
export function cellsText(cells: readonly Cell[], from: number, to: number, pen: Pen): string {
  let out = '';
  for (let col = from; col < to; col++) {
    const cell = cells[col] ?? BLANK;
    if (cell.text === '') continue;
    if (cell.style !== pen.style) {
      out += sgrFor(cell.style);
      pen.style = cell.style;
    }
    out += cell.text;
  }
  return out;
}

/** Back to the default style (erases and scrolls fill with the current background). */
export function resetPen(pen: Pen): string {
  if (pen.style === '') return '';
  pen.style = '';
  return RESET_STYLE;
}
