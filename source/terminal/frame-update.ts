/**
 * One frame's bytes: from what the screen shows to the next frame, as absolute-positioned row
 * updates, after shifting a moved block of rows with the terminal's scroll region.
 */
import {rowUpdate, resetPen, type Pen} from './row-update.js';
import {frameLines} from './frame-lines.js';
import {applyShift, findShift} from './scroll.js';
import {HOME_AND_CLEAR, RESET_SCROLL_REGION, scrollBy, scrollRegion} from './sequences.js';

/** The screen's size and what the terminal can do. */
export interface Geometry {
  rows: number;
  cols: number;
  /** DECSTBM with SU/SD: off for `TERM=dumb`. */
  scrolling: boolean;
}

/** The bytes to write, and the lines the screen then shows (one per row). */
export interface FrameUpdate {
  bytes: string;
  shown: string[];
}


/** Update the screen from `shown` (undefined: unknown, redraw everything) to `frame`. */
export function frameUpdate(shown: readonly string[] | undefined, frame: string, geometry: Geometry): FrameUpdate {
  const next = frameLines(frame, geometry.rows);
  const pen: Pen = {style: ''};
  let bytes = '';
  let current: readonly (string | undefined)[];
  if (shown === undefined || shown.length !== geometry.rows) {
    bytes = HOME_AND_CLEAR;
    current = next.map(() => '');
  } else {
    current = shown;
    const shift = geometry.scrolling ? findShift(shown, next) : undefined;
    if (shift) {
      bytes += scrollRegion(shift.top + 1, shift.bottom + 1) + scrollBy(shift.by) + RESET_SCROLL_REGION;
      current = applyShift(shown, shift);
    }
  }
  for (let row = 0; row < next.length; row++) bytes += rowUpdate(row + 1, current[row], next[row] ?? '', geometry.cols, pen);
  bytes += resetPen(pen);
  return {bytes, shown: next};
}

/** `TERM=dumb`: no row addressing or scrolling to rely on, so the whole frame on a cleared screen. */
export function fullFrame(frame: string, rows: number): string {
  return HOME_AND_CLEAR + frameLines(frame, rows).join('\r\n');
}
