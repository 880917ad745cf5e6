/**
 * Display-width arithmetic for the terminal: how many columns a string takes, and cutting or
 * padding it to an exact number of columns without splitting a wide character or a grapheme
 * cluster (a flag, an emoji family, a letter with combining accents). Input is expected to be
 * sanitised already (see sanitize.ts).
 */
import type {SafeText} from './sanitize.js';
import stringWidth from 'string-width';

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});
const ellipsis = '…';
const printableAscii = /^[\x20-\x7e]*$/;

/** Number of terminal columns `text` takes (CJK and most emoji take two). */
export function displayWidth(text: string): number {
  return stringWidth(text);
}

/** The user-perceived characters (grapheme clusters) of `text`. */
export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (part) => part.segment);
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
  // One lazy pass: a huge value costs only as much as the part that is shown.
  let used = 0;
  let keep = 0;
  for (const {segment, index} of segmenter.segment(text)) {
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
  if (displayWidth(text) <= width) return text;
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
