/**
 * A frame line as the terminal will hold it: one cell per column, each with its character and
 * the SGR attributes in force. Ink's lines are text with SGR sequences (chalk's) and nothing else.
 */
import {JOINING} from '../text/joining.js';
import {displayWidth, graphemes} from '../text/width.js';

/**
 * A parsed line. Its columns are kept in a string and a typed array rather than an object per
 * cell: a page move parses about 44 new lines of 200 columns, the parsed lines live on while they
 * are the screen's, and the objects were a third of all the memory a key allocated and most of
 * what each scavenge promoted (npm run bench, with a sampling heap profile and GC traces).
 */
export interface ParsedLine {
  /** Its columns. */
  width: number;
  /** Its text when each column holds one UTF-16 unit (most lines), otherwise undefined. */
  chars: string | undefined;
  /** Otherwise each column's grapheme: `''` for the right half of a wide one. */
  texts: string[] | undefined;
  /** Each column's style, as an index into `styles`. */
  styleOf: Uint16Array;
  /** The line's canonical SGR parameters, e.g. `1;7;36`: `''`, the default style, first. */
  styles: string[];
  /**
   * Every grapheme is one code point of width 1 or 2: its columns are the same in every terminal,
   * so the line can be updated from the middle. Otherwise it is always rewritten from column 1.
   */
  addressable: boolean;
}

/** The grapheme in column `col` of `line`: a blank past its end. */
export function textAt(line: ParsedLine, col: number): string {
  if (col >= line.width) return ' ';
  return line.chars === undefined ? line.texts![col]! : line.chars[col]!;
}

/** The style of column `col` of `line`: the default past its end. */
export function styleAt(line: ParsedLine, col: number): string {
  return col >= line.width ? '' : line.styles[line.styleOf[col]!]!;
}

const SGR = /\u001B\[([\d;:]*)m/y;
const narrowText = /^[\u0020-\u007e\u00a0-\u02ff]*$/;
/** Characters of one column each, in every terminal (U+00AD, a soft hyphen, has none). */
const oneColumnEach = /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff]*$/;
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
  let styleOf: Uint16Array<ArrayBuffer> = new Uint16Array(line.length);
  const styles = [''];
  const slots: Slots = new Map();
  let styleId = 0;
  let chars = '';
  let texts: string[] | undefined;
  let width = 0;
  let addressable = true;
  let index = 0;
  while (index < line.length) {
    if (line[index] === ESC) {
      SGR.lastIndex = index;
      const match = SGR.exec(line);
      if (match) {
        applySgr(slots, match[1] ?? '');
        const style = canonical(slots);
        styleId = styles.indexOf(style);
        if (styleId === -1) styleId = styles.push(style) - 1;
        index = SGR.lastIndex;
      } else index += 1;
      continue;
    }
    const next = line.indexOf(ESC, index);
    const end = next === -1 ? line.length : next;
    const run = line.slice(index, end);
    index = end;
    if (texts === undefined && oneColumnEach.test(run)) {
      if (width + run.length > styleOf.length) styleOf = grown(styleOf, width + run.length);
      styleOf.fill(styleId, width, width + run.length);
      chars += run;
      width += run.length;
      continue;
    }
    texts ??= chars.split('');
    // Below U+0300 every character is a grapheme of one column (no combining marks, no wide ones).
    for (const grapheme of narrowText.test(run) || !JOINING.test(run) ? run : graphemes(run)) {
      const code = grapheme.charCodeAt(0);
      const columns = grapheme.length === 1 && code >= 0x20 && code < 0x7f ? 1 : displayWidth(grapheme);
      const single = grapheme.length === 1 || (grapheme.length === 2 && grapheme.codePointAt(0)! > 0xffff);
      if (!single || columns === 0) addressable = false;
      if (columns === 0) {
        // A zero-width grapheme rides on the cell before it.
        if (texts.length > 0) texts[texts.length - 1] += grapheme;
        continue;
      }
      if (width + columns > styleOf.length) styleOf = grown(styleOf, width + columns);
      for (let column = 0; column < columns; column++) {
        texts.push(column === 0 ? grapheme : '');
        styleOf[width++] = styleId;
      }
    }
  }
  return {width, chars: texts === undefined ? chars : undefined, texts, styleOf, styles, addressable};
}

/** `array`'s values in an array of at least `length` (wide characters take two columns for one unit). */
function grown(array: Uint16Array, length: number): Uint16Array<ArrayBuffer> {
  const larger = new Uint16Array(Math.max(length, array.length * 2));
  larger.set(array);
  return larger;
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
