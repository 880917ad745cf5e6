/**
 * Display-width arithmetic for the terminal: how many columns a string takes, and cutting or
 * padding it to an exact number of columns without splitting a wide character or a grapheme
 * cluster (a letter with combining accents, a syllable). Input is expected to be sanitised, and
 * so shaped for the terminal, already (see sanitize.ts and terminal-safe.ts).
 *
 * A string's width is the sum of its code points' widths, as wcwidth-based terminals (xterm,
 * tmux for all but emoji sequences) count them, not string-width's width of whole clusters:
 * `क्ष` and `กำ` take 2 columns in tmux where string-width says 1. After shaping, no sequence
 * is left whose width terminals disagree on.
 */
import type {SafeText} from './sanitize.js';
import stringWidth from 'string-width';
import {JOINING} from './joining.js';

let segmenter: Intl.Segmenter | undefined;
/** Made on first use: the first segmenter loads ICU's break rules, which the first frame does without. */
function segments(text: string): Intl.Segments {
  segmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'});
  return segmenter.segment(text);
}
const ellipsis = '…';
const printableAscii = /^[\x20-\x7e]*$/;

const widths = new Map<number, number>();
/** Distinct code points remembered; past that the cache starts again (a server can send any). */
const WIDTH_CACHE_LIMIT = 20_000;

/** Number of terminal columns `text` takes (CJK and most emoji take two, marks none). */
export function displayWidth(text: string): number {
  if (printableAscii.test(text)) return text.length;
  let width = 0;
  for (const char of text) width += codePointWidth(char);
  return width;
}

const SGR = /\u001B\[[\d;:]*m/g;

/**
 * string-width's width of `text` (what Ink lays text out by), at the cost of a lookup per code
 * point when none of them joins another: each is then a grapheme of its own, and string-width's
 * sum over graphemes is the sum of their widths. Otherwise string-width itself, segmenter and all.
 */
export function stringWidthOf(text: string): number {
  let plain = text;
  if (plain.includes('\u001B') || plain.includes('\u009B')) plain = plain.replace(SGR, '');
  if (printableAscii.test(plain)) return plain.length;
  // An escape left (not SGR) is a control character, which JOINING holds: string-width strips it.
  if (JOINING.test(plain)) return stringWidth(text);
  let width = 0;
  for (const char of plain) width += codePointWidth(char);
  return width;
}

function codePointWidth(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (code >= 0x20 && code < 0x7f) return 1;
  let width = widths.get(code);
  if (width === undefined) {
    width = stringWidth(char);
    if (widths.size >= WIDTH_CACHE_LIMIT) widths.clear();
    widths.set(code, width);
  }
  return width;
}

/** The user-perceived characters (grapheme clusters) of `text`. */
export function graphemes(text: string): string[] {
  return Array.from(segments(text), (part) => part.segment);
}

/**
 * Cuts `text` to at most `width` columns, ending with `…` when something was cut. Cutting on
 * grapheme boundaries keeps sanitised text sanitised, so SafeText in gives SafeText out.
 */
export function truncate(text: SafeText, width: number): SafeText;
export function truncate(text: string, width: number): string;
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  if (printableAscii.test(text)) return text.length <= width ? text : text.slice(0, width - 1) + ellipsis;
  // Most cells fit: one cheap measure; a huge value goes straight to the lazy pass below.
  if (text.length <= 2 * width && displayWidth(text) <= width) return text;
  // One lazy pass: a huge value costs only as much as the part that is shown.
  let used = 0;
  let keep = 0;
  for (const {segment, index} of segments(text)) {
    used += displayWidth(segment);
    if (used > width) return text.slice(0, keep) + ellipsis;
    if (used <= width - 1) keep = index + segment.length;
  }
  return text;
}

/** Cuts `text` to at most `width` columns keeping its end, starting with `…` when something was cut. */
export function truncateStart(text: SafeText, width: number): SafeText;
export function truncateStart(text: string, width: number): string;
export function truncateStart(text: string, width: number): string {
  if (width <= 0) return '';
  // Most cells fit: one cheap measure; a huge value goes straight to the lazy pass below.
  if (text.length <= 2 * width && displayWidth(text) <= width) return text;
  return ellipsis + takeWithin(graphemes(text).reverse(), width - 1).reverse().join('');
}

/** Fits `text` into exactly `width` columns: truncated with `…` if too long, else padded with spaces. */
export function pad(text: SafeText, width: number, align?: 'left' | 'right'): SafeText;
export function pad(text: string, width: number, align?: 'left' | 'right'): string;
export function pad(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const fitted = truncate(text, width);
  const fill = ' '.repeat(Math.max(0, width - displayWidth(fitted)));
  return align === 'right' ? fill + fitted : fitted + fill;
}

/** The leading graphemes of `parts` that fit in `width` columns. */
function takeWithin(parts: string[], width: number): string[] {
  const kept: string[] = [];
  let used = 0;
  for (const part of parts) {
    const partWidth = displayWidth(part);
    if (used + partWidth > width) break;
    kept.push(part);
    used += partWidth;
  }
  return kept;
}
