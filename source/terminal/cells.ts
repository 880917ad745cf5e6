/**
 * A frame line as the terminal will hold it: one cell per column, each with its character and
 * the SGR attributes in force. Ink's lines are text with SGR sequences (chalk's) and nothing else.
 */
import {JOINING} from '../text/joining.js';
import {displayWidth, graphemes} from '../text/width.js';

/** One column: its grapheme (`''` for the right half of a wide one) and its SGR parameters. */
export interface Cell {
  text: string;
  /** Canonical SGR parameters (`''` is the default style), e.g. `1;7;36`. */
  style: string;
}

/** A parsed line: its cells, and whether each column of ours is surely the terminal's too. */
export interface ParsedLine {
  cells: Cell[];
  /**
   * Every grapheme is one code point of width 1 or 2: its columns are the same in every terminal,
   * so the line can be updated from the middle. Otherwise it is always rewritten from column 1.
   */
  addressable: boolean;
}

const SGR = /\u001B\[([\d;:]*)m/y;
const narrowText = /^[\u0020-\u007e\u00a0-\u02ff]*$/;
const ESC = '\u001B';

/** SGR state, one slot per independent attribute. */
type Slots = Map<string, string>;

/**
 * Parse `line`: text with SGR sequences. Any other escape is dropped (Ink writes none): only the
 * SGR sequences the writer itself makes from the cells ever reach the terminal. A line parsed
 * lately is not parsed again: the result is shared, and only read.
 */
export function parseLine(line: string): ParsedLine {
  const known = recent.get(line) ?? older.get(line);
  if (known) return known;
  const parsed = parse(line);
  // The lines of the frame drawn last are the ones the next frame is compared with.
  if (recent.size >= RECENT_LINES) {
    older = recent;
    recent = new Map();
  }
  recent.set(line, parsed);
  return parsed;
}

/** Up to this many lines in each of two generations: at 50 rows, the last frame's lines at least. */
const RECENT_LINES = 100;
let recent = new Map<string, ParsedLine>();
let older = new Map<string, ParsedLine>();

function parse(line: string): ParsedLine {
  const cells: Cell[] = [];
  const slots: Slots = new Map();
  let style = '';
  let addressable = true;
  let index = 0;
  while (index < line.length) {
    if (line[index] === ESC) {
      SGR.lastIndex = index;
      const match = SGR.exec(line);
      if (match) {
        applySgr(slots, match[1] ?? '');
        style = canonical(slots);
        index = SGR.lastIndex;
      } else index += 1;
      continue;
    }
    const next = line.indexOf(ESC, index);
    const run = line.slice(index, next === -1 ? line.length : next);
    index += run.length;
    // Below U+0300 every character is a grapheme of one column (no combining marks, no wide ones).
    for (const grapheme of narrowText.test(run) || !JOINING.test(run) ? run : graphemes(run)) {
      const code = grapheme.charCodeAt(0);
      const width = grapheme.length === 1 && code >= 0x20 && code < 0x7f ? 1 : displayWidth(grapheme);
      const single = grapheme.length === 1 || (grapheme.length === 2 && grapheme.codePointAt(0)! > 0xffff);
      if (!single || width === 0) addressable = false;
      if (width === 0) {
        // A zero-width grapheme rides on the cell before it.
        const last = cells.at(-1);
        if (last) last.text += grapheme;
        continue;
      }
      cells.push({text: grapheme, style});
      for (let extra = 1; extra < width; extra++) cells.push({text: '', style});
    }
  }
  return {cells, addressable};
}

const SGR_ALL = /\u001B\[([\d;:]*)m/g;

/** Whether `text` closes every attribute it opens, as the writer reads SGR (others are dropped). */
export function closesItsStyles(text: string): boolean {
  const slots: Slots = new Map();
  for (const [, body] of text.matchAll(SGR_ALL)) applySgr(slots, body ?? '');
  return slots.size === 0;
}

/** The SGR sequence that sets `style` from any state. */
export function sgrFor(style: string): string {
  return style === '' ? `${ESC}[m` : `${ESC}[0;${style}m`;
}

const SLOT_OF: Record<number, string> = {1: 'bold', 2: 'dim', 3: 'italic', 4: 'underline', 5: 'blink', 7: 'inverse', 8: 'hidden', 9: 'strike', 53: 'overline'};
const OFF: Record<number, string[]> = {22: ['bold', 'dim'], 23: ['italic'], 24: ['underline'], 25: ['blink'], 27: ['inverse'], 28: ['hidden'], 29: ['strike'], 39: ['fg'], 49: ['bg'], 55: ['overline']};
const ORDER = ['bold', 'dim', 'italic', 'underline', 'blink', 'inverse', 'hidden', 'strike', 'overline', 'fg', 'bg'];

function applySgr(slots: Slots, body: string): void {
  const params = body === '' ? [0] : body.split(/[;:]/).map((part) => (part === '' ? 0 : Number(part)));
  for (let at = 0; at < params.length; at++) {
    const code = params[at]!;
    if (code === 0) slots.clear();
    else if (SLOT_OF[code]) slots.set(SLOT_OF[code], String(code));
    else if (OFF[code]) for (const slot of OFF[code]) slots.delete(slot);
    else if ((code >= 30 && code <= 37) || (code >= 90 && code <= 97)) slots.set('fg', String(code));
    else if ((code >= 40 && code <= 47) || (code >= 100 && code <= 107)) slots.set('bg', String(code));
    else if (code === 38 || code === 48) {
      // 38;5;n or 38;2;r;g;b (and the same for the background).
      const length = params[at + 1] === 5 ? 2 : params[at + 1] === 2 ? 4 : 0;
      slots.set(code === 38 ? 'fg' : 'bg', params.slice(at, at + 1 + length).join(';'));
      at += length;
    }
  }
}

function canonical(slots: Slots): string {
  if (slots.size === 0) return '';
  return ORDER.filter((slot) => slots.has(slot))
    .map((slot) => slots.get(slot))
    .join(';');
}
