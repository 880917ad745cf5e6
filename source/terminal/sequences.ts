/**
 * The control sequences the writer sends, in one place. All are ECMA-48 / DEC sequences that
 * tmux, xterm, VTE, kitty, iTerm2, Windows Terminal and xterm.js implement.
 */
const CSI = '\u001B[';

/** Cursor to `row`, `col` (1-based); the column is left out when it is 1. */
export function cursorTo(row: number, col = 1): string {
  return col === 1 ? `${CSI}${row}H` : `${CSI}${row};${col}H`;
}

/** CUF: `n` columns right, within the row. */
export function cursorForward(n: number): string {
  return n === 1 ? `${CSI}C` : `${CSI}${n}C`;
}

/** DECSTBM: scrolling is limited to rows `top`..`bottom` (1-based, inclusive). */
export function scrollRegion(top: number, bottom: number): string {
  return `${CSI}${top};${bottom}r`;
}

/** SU (`n` > 0, content moves up) or SD (`n` < 0, content moves down) inside the scroll region. */
export function scrollBy(n: number): string {
  const count = Math.abs(n);
  return `${CSI}${count === 1 ? '' : count}${n > 0 ? 'S' : 'T'}`;
}

export const RESET_SCROLL_REGION = `${CSI}r`;
export const RESET_STYLE = `${CSI}m`;
/** EL: erase from the cursor to the end of the line (with the current, default, background). */
export const ERASE_LINE_END = `${CSI}K`;
export const HOME_AND_CLEAR = `${CSI}H${CSI}2J`;
export const ENTER_ALTERNATE = `${CSI}?1049h`;
export const LEAVE_ALTERNATE = `${CSI}?1049l`;
export const HIDE_CURSOR = `${CSI}?25l`;
export const SHOW_CURSOR = `${CSI}?25h`;
/**
 * DECAWM off: a character written past the last column overwrites it instead of wrapping, so a
 * row the terminal measures wider than we did can never spill into the row below.
 */
export const AUTOWRAP_OFF = `${CSI}?7l`;
export const AUTOWRAP_ON = `${CSI}?7h`;
/** Synchronized update (DEC mode 2026): terminals that know it show the frame at once. */
export const BEGIN_SYNC = `${CSI}?2026h`;
export const END_SYNC = `${CSI}?2026l`;

/** Ink's bracketed-paste switch: not a frame, for the terminal itself. */
export const BRACKETED_PASTE = /^\u001B\[\?2004[hl]$/;
