/**
 * Finding the block of rows that moved between two frames, so the terminal can shift it with a
 * scroll region (DECSTBM + SU/SD) instead of being sent every row again.
 */

/** Rows `top`..`bottom` (0-based, inclusive) scroll by `by` rows: up when positive, down when negative. */
export interface Shift {
  top: number;
  bottom: number;
  by: number;
}

/** What a scroll costs on the wire, about: DECSTBM, SU/SD and the reset. */
const SCROLL_COST = 16;

/**
 * The shift that saves the most bytes turning `shown` into `next` (equal lengths), or undefined
 * when none saves anything. A shift is only taken for a run of at least two moved rows.
 */
export function findShift(shown: readonly string[], next: readonly string[]): Shift | undefined {
  const rows = next.length;
  let best: Shift | undefined;
  let bestSaving = 0;
  for (let by = -(rows - 2); by <= rows - 2; by++) {
    if (by === 0) continue;
    let runStart = -1;
    for (let row = 0; row <= rows; row++) {
      const source = row + by;
      const moved = row < rows && source >= 0 && source < rows && next[row] !== '' && next[row] === shown[source] && next[row] !== shown[row];
      if (moved && runStart === -1) runStart = row;
      if (moved || runStart === -1) continue;
      const run = {start: runStart, end: row - 1};
      runStart = -1;
      if (run.end - run.start < 1) continue;
      const shift = by > 0 ? {top: run.start, bottom: run.end + by, by} : {top: run.start + by, bottom: run.end, by};
      const saving = savingOf(shift, shown, next);
      if (saving > bestSaving) {
        bestSaving = saving;
        best = shift;
      }
    }
  }
  return best;
}

/** What the screen shows after `shift`: the block moved, the rows it left blank. */
export function applyShift(shown: readonly string[], shift: Shift): string[] {
  const result = [...shown];
  for (let row = shift.top; row <= shift.bottom; row++) {
    const source = row + shift.by;
    result[row] = source >= shift.top && source <= shift.bottom ? (shown[source] ?? '') : '';
  }
  return result;
}

/** Bytes of rows rewritten without the shift minus with it, minus the shift's own cost. */
function savingOf(shift: Shift, shown: readonly string[], next: readonly string[]): number {
  const after = applyShift(shown, shift);
  let saving = -SCROLL_COST;
  for (let row = shift.top; row <= shift.bottom; row++) {
    const line = next[row] ?? '';
    if (line !== shown[row]) saving += line.length;
    if (line !== after[row]) saving -= line.length;
  }
  return saving;
}
