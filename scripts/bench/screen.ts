/**
 * A minimal virtual terminal: it applies the control sequences Ink writes (cursor moves, erases,
 * the alternate screen) to a grid of cells, so the bench can wait for what the screen shows
 * instead of pattern-matching a stream of incremental diffs.
 */
import {StringDecoder} from 'node:string_decoder';
import {displayWidth, graphemes} from '../../source/text/width.js';

const ESC = '\u001B';
const BEL = '\u0007';

/** The state of a terminal screen after everything written to it so far. */
export class Screen {
  private cells: string[][];
  private row = 0;
  private col = 0;
  /** xterm's deferred wrap: writing the last column parks the cursor there until the next character. */
  private wrapPending = false;
  private pending = '';
  private readonly decoder = new StringDecoder('utf8');
  /** DECSTBM scroll region, 0-based inclusive rows. */
  private top = 0;
  private bottom: number;
  /** DECAWM: off, a character past the last column overwrites it. */
  private autowrap = true;
  /** Whether the alternate screen is active (`CSI ?1049h` seen and not left). */
  alternate = false;
  /**
   * Inside a synchronized update (`CSI ?2026h` … `CSI ?2026l`): the frame is half written, and a
   * real terminal would still show the previous one.
   */
  synchronizing = false;

  constructor(
    readonly cols: number,
    readonly rows: number,
  ) {
    this.cells = Screen.blank(rows, cols);
    this.bottom = rows - 1;
  }

  /** Apply bytes written to the terminal; sequences split across chunks are kept for the next call. */
  write(chunk: Buffer): void {
    let text = this.pending + this.decoder.write(chunk);
    this.pending = '';
    let index = 0;
    while (index < text.length) {
      const escape = text.indexOf(ESC, index);
      const controlEnd = escape === -1 ? text.length : escape;
      if (controlEnd > index) this.printRun(text.slice(index, controlEnd));
      if (escape === -1) break;
      const consumed = this.sequence(text, escape);
      if (consumed === 0) {
        this.pending = text.slice(escape);
        text = '';
        break;
      }
      index = escape + consumed;
    }
  }

  /** Every row as text, trailing blanks trimmed. */
  lines(): string[] {
    return this.cells.map((row) => row.join('').trimEnd());
  }

  /** The whole screen as text, one line per row. */
  text(): string {
    return this.lines().join('\n');
  }

  /** Whether any cell shows something other than a blank. */
  hasVisibleText(): boolean {
    return this.cells.some((row) => row.some((cell) => cell !== ' ' && cell !== ''));
  }

  private static blank(rows: number, cols: number): string[][] {
    return Array.from({length: rows}, () => Array.from({length: cols}, () => ' '));
  }

  /** Parse one escape sequence at `start`; returns its length, or 0 when it is not complete yet. */
  private sequence(text: string, start: number): number {
    const kind = text[start + 1];
    if (kind === undefined) return 0;
    if (kind === '[') {
      let end = start + 2;
      while (end < text.length && !/[\x40-\x7e]/.test(text[end]!)) end += 1;
      if (end >= text.length) return 0;
      this.csi(text.slice(start + 2, end), text[end]!);
      return end - start + 1;
    }
    if (kind === ']') {
      // OSC (titles, hyperlinks): ends with BEL or ESC \.
      const bell = text.indexOf(BEL, start);
      const st = text.indexOf(`${ESC}\\`, start);
      const ends = [bell === -1 ? Infinity : bell + 1, st === -1 ? Infinity : st + 2];
      const end = Math.min(...ends);
      return end === Infinity ? 0 : end - start;
    }
    // Charset designations take one more byte; every other ESC x is two bytes and moves nothing we track.
    if ('()*+'.includes(kind)) return start + 2 < text.length ? 3 : 0;
    return 2;
  }

  private csi(body: string, final: string): void {
    const isPrivate = body.startsWith('?');
    const params = (isPrivate ? body.slice(1) : body).split(';').map((part) => (part === '' ? undefined : Number(part)));
    const n = params[0] ?? 1;
    if (isPrivate) {
      if ((final === 'h' || final === 'l') && params.includes(2026)) this.synchronizing = final === 'h';
      if ((final === 'h' || final === 'l') && params.includes(7)) this.autowrap = final === 'h';
      if ((final === 'h' || final === 'l') && params.includes(1049)) {
        this.alternate = final === 'h';
        this.cells = Screen.blank(this.rows, this.cols);
        this.moveTo(0, 0);
      }
      return;
    }
    switch (final) {
      case 'A':
        this.moveTo(this.row - n, this.col);
        break;
      case 'B':
        this.moveTo(this.row + n, this.col);
        break;
      case 'C':
        this.moveTo(this.row, this.col + n);
        break;
      case 'D':
        this.moveTo(this.row, this.col - n);
        break;
      case 'E':
        this.moveTo(this.row + n, 0);
        break;
      case 'F':
        this.moveTo(this.row - n, 0);
        break;
      case 'G':
        this.moveTo(this.row, n - 1);
        break;
      case 'H':
      case 'f':
        this.moveTo((params[0] ?? 1) - 1, (params[1] ?? 1) - 1);
        break;
      case 'J':
        this.eraseDisplay(params[0] ?? 0);
        break;
      case 'K':
        this.eraseLine(params[0] ?? 0);
        break;
      case 'r':
        this.top = Math.max(0, (params[0] ?? 1) - 1);
        this.bottom = Math.min(this.rows - 1, (params[1] ?? this.rows) - 1);
        this.moveTo(0, 0);
        break;
      case 'S':
        this.scroll(this.top, this.bottom, n);
        break;
      case 'T':
        this.scroll(this.top, this.bottom, -n);
        break;
      case 'M':
        if (this.row >= this.top && this.row <= this.bottom) this.scroll(this.row, this.bottom, n);
        break;
      case 'L':
        if (this.row >= this.top && this.row <= this.bottom) this.scroll(this.row, this.bottom, -n);
        break;
      default:
        // SGR and the rest change no cell.
        break;
    }
  }

  private moveTo(row: number, col: number): void {
    this.row = Math.max(0, Math.min(this.rows - 1, row));
    this.col = Math.max(0, Math.min(this.cols - 1, col));
    this.wrapPending = false;
  }

  private eraseLine(mode: number): void {
    const line = this.cells[this.row]!;
    const [from, to] = mode === 1 ? [0, this.col + 1] : mode === 2 ? [0, this.cols] : [this.col, this.cols];
    for (let col = from; col < to; col++) line[col] = ' ';
  }

  private eraseDisplay(mode: number): void {
    if (mode === 2 || mode === 3) {
      this.cells = Screen.blank(this.rows, this.cols);
      return;
    }
    this.eraseLine(mode === 1 ? 1 : 0);
    const rows = mode === 1 ? [0, this.row] : [this.row + 1, this.rows];
    for (let row = rows[0]!; row < rows[1]!; row++) this.cells[row] = Array.from({length: this.cols}, () => ' ');
  }

  /** Rows `from`..`to` move up by `by` (down when negative); the rows left behind are blank. */
  private scroll(from: number, to: number, by: number): void {
    const block = this.cells.slice(from, to + 1);
    const blank = () => Array.from({length: this.cols}, () => ' ');
    const count = Math.min(Math.abs(by), block.length);
    const moved = by > 0 ? [...block.slice(count), ...Array.from({length: count}, blank)] : [...Array.from({length: count}, blank), ...block.slice(0, block.length - count)];
    this.cells.splice(from, block.length, ...moved);
  }

  private lineFeed(): void {
    if (this.row === this.bottom) this.scroll(this.top, this.bottom, 1);
    else if (this.row < this.rows - 1) this.row += 1;
    this.wrapPending = false;
  }

  private printRun(run: string): void {
    for (const char of graphemes(run)) {
      if (char === '\r') {
        this.col = 0;
        this.wrapPending = false;
      } else if (char === '\n' || char === '\r\n') {
        if (char === '\r\n') this.col = 0;
        this.lineFeed();
      } else if (char === '\b') this.moveTo(this.row, this.col - 1);
      else if (char < ' ' || char === '\u007F') continue;
      else this.print(char);
    }
  }

  private print(char: string): void {
    const width = displayWidth(char);
    if (width === 0) return;
    if (!this.autowrap) {
      // Without autowrap, the last column is overwritten.
      if (this.col + width > this.cols) this.col = Math.max(0, this.cols - width);
    } else if (this.wrapPending || this.col + width > this.cols) {
      this.col = 0;
      this.lineFeed();
    }
    const line = this.cells[this.row]!;
    line[this.col] = char;
    if (width === 2 && this.col + 1 < this.cols) line[this.col + 1] = '';
    if (this.col + width >= this.cols) {
      this.col = this.cols - 1;
      this.wrapPending = this.autowrap;
    } else this.col += width;
  }
}
