/**
 * The bytes that turn one screen row from what it shows into the next frame's line. Every
 * update starts with an absolute cursor position, so a row the terminal measured differently
 * from us can never move the place where another row is drawn.
 */
import {parseLine, sgrFor, styleAt, textAt, type ParsedLine} from './cells.js';
import {cursorForward, cursorTo, ERASE_LINE_END, RESET_STYLE} from './sequences.js';

/** The SGR style the terminal is in, carried from one write to the next within a frame. */
export interface Pen {
  style: string;
}

/** Unchanged cells fewer than this between two changes are rewritten rather than skipped with a cursor move. */
const SKIP_MIN = 5;
const ERASE_WHOLE_LINE = '\u001B[2K';

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
  return out + cellsText(line, 0, Math.min(line.width, cols), pen);
}

/** Only the runs of cells that differ, each at its own column. */
function patch(row: number, before: ParsedLine, after: ParsedLine, cols: number, pen: Pen): string {
  const end = Math.min(cols, Math.max(before.width, after.width));
  const runs: Array<[number, number]> = [];
  for (let col = 0; col < end; col++) {
    if (sameCell(before, after, col)) continue;
    const last = runs.at(-1);
    if (last && col - last[1] <= SKIP_MIN) last[1] = col + 1;
    else runs.push([col, col + 1]);
  }
  let out = '';
  const content = Math.min(cols, trimmedLength(after));
  let cursor = -1;
  for (const [runStart, runEnd] of runs) {
    // Never start or end inside a wide character, in either line.
    const from = widen(before, widen(after, runStart, -1), -1);
    const to = widen(before, widen(after, runEnd, 1), 1);
    // The row's columns are the terminal's too (it is addressable), so a skip within it can be
    // relative; the row itself is always reached absolutely.
    out += cursor === -1 ? cursorTo(row, from + 1) : cursorForward(from - cursor);
    cursor = to;
    if (to >= content) {
      // The rest of the row is blank in the new line: write what is left of it and erase the tail
      // (not when the text reaches the last column: without autowrap the cursor stays on it).
      out += cellsText(after, from, content, pen);
      if (content < cols) out += resetPen(pen) + ERASE_LINE_END;
      break;
    }
    out += cellsText(after, from, to, pen);
  }
  return out;
}

/** Move `col` (a run boundary) left (`-1`) or right (`1`) off the right half of a wide character. */
function widen(line: ParsedLine, col: number, direction: -1 | 1): number {
  let at = col;
  if (direction === -1) while (at > 0 && textAt(line, at) === '') at -= 1;
  else while (textAt(line, at) === '') at += 1;
  return at;
}

function sameCell(a: ParsedLine, b: ParsedLine, col: number): boolean {
  return textAt(a, col) === textAt(b, col) && styleAt(a, col) === styleAt(b, col);
}

/** Columns up to the last one that is not a default-style blank. */
function trimmedLength(line: ParsedLine): number {
  let length = line.width;
  while (length > 0 && textAt(line, length - 1) === ' ' && styleAt(line, length - 1) === '') length -= 1;
  return length;
}

/** The text of columns `[from, to)` of `line`, with the SGR changes it needs: a slice per run of one style. */
export function cellsText(line: ParsedLine, from: number, to: number, pen: Pen): string {
  let out = '';
  let col = from;
  while (col < to) {
    const style = styleAt(line, col);
    let end = col + 1;
    while (end < to && styleAt(line, end) === style) end += 1;
    if (style !== pen.style) {
      out += sgrFor(style);
      pen.style = style;
    }
    out += columnsText(line, col, end);
    col = end;
  }
  return out;
}

/** Columns `[from, to)` of `line` as text (the right half of a wide character adds nothing). */
function columnsText({chars, texts, width}: ParsedLine, from: number, to: number): string {
  const inside = Math.min(to, width);
  let text = from >= inside ? '' : chars === undefined ? texts!.slice(from, inside).join('') : chars.slice(from, inside);
  if (to > inside) text += ' '.repeat(to - Math.max(from, inside));
  return text;
}

/** Back to the default style (erases and scrolls fill with the current background). */
export function resetPen(pen: Pen): string {
  if (pen.style === '') return '';
  pen.style = '';
  return RESET_STYLE;
}
