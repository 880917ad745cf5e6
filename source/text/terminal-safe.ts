/**
 * Shaping server text for the terminal: every grapheme is put in a form that every mainstream
 * terminal (tmux, xterm, VTE, kitty, iTerm2, Windows Terminal, xterm.js) draws at the width
 * `displayWidth` counts, which is the sum of its code points' widths, as wcwidth-based terminals
 * count. Terminals disagree on sequences that join several code points into one picture; those
 * are given as their parts, or a placeholder of known width when no part is safe.
 *
 * Measured in tmux 3.3a against string-width 8 (see the README's "Width you can trust"):
 * - ZWJ sequences (👨‍👩‍👧‍👦 2 in tmux, 8 in xterm): their parts, without the joiners.
 * - Emoji modifiers (👍🏽 4 in tmux, 2 counted): the modifier is dropped, 👍 stays.
 * - Variation selectors (❤️, ⚠️ 1 in tmux, 2 counted): dropped; the base keeps its own width.
 * - Keycaps (1️⃣ 1 in tmux, 2 counted): the key's character, `1`.
 * - Regional-indicator flags (🇫🇷): the two letters, `FR`; tag flags (🏴 England): 🏴.
 * - Hangul jamo: composed to syllables (NFC); a vowel or final jamo left alone (0 in tmux, 1
 *   counted) becomes the placeholder.
 * - Stacks of combining marks: at most two per character (what xterm keeps); they take no column
 *   anywhere.
 * - Characters newer than the terminals' tables (🥲: 1 column in xterm.js, 2 in tmux; 🫨, 🩷,
 *   CJK extension H: 0 in tmux, 2 counted) and unassigned code points: the placeholder.
 * - Clusters that string-width counts as one but terminals draw code point by code point
 *   (क्ष, กำ: 2 in tmux, 1 counted) need no change: the sum of their parts is what we count.
 * East Asian ambiguous characters stay as they are, counted narrow like every terminal's default
 * (the UI's own `›` and `…` are ambiguous too); a terminal set to draw them wide misaligns a
 * row, and the writer keeps that row from moving any other.
 *
 * The input is already sanitised (no controls, bidi or invisible format characters).
 */

/** What shows where nothing safe can: U+FFFD, one column everywhere. */
export const PLACEHOLDER = '\ufffd';
/** Combining marks kept on one character. */
const MAX_MARKS = 2;

/** Made on first use: the first segmenter loads ICU's break rules (10 ms), which the first frame does without. */
let segmenter: Intl.Segmenter | undefined;
function clusters(text: string): Intl.Segments {
  segmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'});
  return segmenter.segment(text);
}
/** Latin, IPA and spacing modifiers (below U+0300): nothing there joins or changes width. */
const plain = /^[\u0020-\u007e\u00a0-\u02ff]*$/;
const combiningMark = /^[\p{Mn}\p{Me}]$/u;
const pictographic = /\p{Extended_Pictographic}/u;
const unassigned = /^\p{Cn}$/u;

/** `text` in the form every terminal draws at the width we count (see the module comment). */
export function terminalSafe(text: string): string {
  if (plain.test(text)) return text;
  let out = '';
  for (const {segment} of clusters(text.normalize('NFC'))) out += shapeCluster(segment);
  return out;
}

function shapeCluster(cluster: string): string {
  const chars = Array.from(cluster);
  if (chars.length === 1) return shapeChar(cluster);
  const emoji = pictographic.test(cluster);
  let out = '';
  let marks = 0;
  for (const char of chars) {
    const code = char.codePointAt(0) ?? 0;
    if (isVariationSelector(code) || isTag(code) || code === KEYCAP) continue;
    if (code === ZWJ) {
      // Between emoji it glues pictures terminals draw differently; between letters it only
      // shapes them (Indic, Arabic) and takes no column anywhere.
      if (!emoji) out += char;
      continue;
    }
    if (isEmojiModifier(code) && out !== '') continue;
    if (combiningMark.test(char)) {
      if (marks < MAX_MARKS) out += char;
      marks += 1;
      continue;
    }
    marks = 0;
    out += shapeChar(char);
  }
  return out === '' ? PLACEHOLDER : out;
}

/** One code point on its own. */
function shapeChar(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (isRegionalIndicator(code)) return String.fromCharCode(0x41 + code - 0x1f1e6);
  if (isVariationSelector(code) || isTag(code)) return '';
  if (isLoneJamo(code) || isNewerThanUnicode12(code) || unassigned.test(char)) return PLACEHOLDER;
  return char;
}

const ZWJ = 0x200d;
const KEYCAP = 0x20e3;

function isVariationSelector(code: number): boolean {
  return (code >= 0xfe00 && code <= 0xfe0f) || (code >= 0xe0100 && code <= 0xe01ef);
}

function isTag(code: number): boolean {
  return code >= 0xe0020 && code <= 0xe007f;
}

function isEmojiModifier(code: number): boolean {
  return code >= 0x1f3fb && code <= 0x1f3ff;
}

function isRegionalIndicator(code: number): boolean {
  return code >= 0x1f1e6 && code <= 0x1f1ff;
}

/** Hangul vowel and final jamo (old and extended-B): they only make sense after a leading one. */
function isLoneJamo(code: number): boolean {
  return (code >= 0x1160 && code <= 0x11ff) || (code >= 0xd7b0 && code <= 0xd7ff);
}

/**
 * Assigned after Unicode 12.1, the newest table of xterm.js's Unicode 11 addon (VS Code's
 * terminal; 🥲 is 1 column there, 2 in tmux), and after Unicode 14, tmux 3.3a's here (🫨 and
 * CJK extension H: 0 columns). Emoji in detail; new ideograph and script blocks whole.
 */
const NEWER_THAN_12: ReadonlyArray<readonly [number, number]> = [
  [0x2ffc, 0x2fff], [0x31bb, 0x31bf], [0x31e4, 0x31e5], [0x31ef, 0x31ef], [0x4db6, 0x4dbf], [0x9ff0, 0x9fff],
  [0x10570, 0x105ff], [0x10780, 0x107bf], [0x10d40, 0x10d8f], [0x10e80, 0x10ebf], [0x10efd, 0x10eff],
  [0x10f70, 0x10fdf], [0x11380, 0x113ff], [0x11900, 0x1195f], [0x11bc0, 0x11bff], [0x11f00, 0x11f5f],
  [0x12f90, 0x12fff], [0x13460, 0x143ff], [0x16100, 0x1613f], [0x16a70, 0x16acf], [0x16d40, 0x16d7f],
  [0x18b00, 0x18d7f], [0x1aff0, 0x1afff], [0x1b11f, 0x1b122], [0x1cc00, 0x1cfcf], [0x1df00, 0x1dfff],
  [0x1e290, 0x1e2bf], [0x1e4d0, 0x1e4ff], [0x1e5d0, 0x1e5ff], [0x1e7e0, 0x1e7ff],
  [0x1f6d6, 0x1f6d7], [0x1f6dc, 0x1f6df], [0x1f6fb, 0x1f6fc], [0x1f774, 0x1f776], [0x1f77b, 0x1f77f],
  [0x1f7d9, 0x1f7d9], [0x1f7f0, 0x1f7f0], [0x1f90c, 0x1f90c], [0x1f972, 0x1f972], [0x1f977, 0x1f979],
  [0x1f9a3, 0x1f9a4], [0x1f9ab, 0x1f9ad], [0x1f9cb, 0x1f9cc], [0x1fa74, 0x1fa77], [0x1fa7b, 0x1fa7f],
  [0x1fa83, 0x1fa8f], [0x1fa96, 0x1faff], [0x1fb00, 0x1fbff],
  [0x2b735, 0x2b73f], [0x2ebf0, 0x2ee5f], [0x30000, 0x323af],
];

function isNewerThanUnicode12(code: number): boolean {
  if (code < 0x2ffc) return false;
  return NEWER_THAN_12.some(([from, to]) => code >= from && code <= to);
}

/**
 * `text` exactly, in a form that is safe too: what `terminalSafe` would change is written as
 * JSON `\u` escapes instead (👍🏽 → `👍\ud83c\udffd`), so the raw JSON view can show every code
 * point of a value while the table shows its shaped form.
 */
export function spellOut(text: string): string {
  if (plain.test(text)) return text;
  let out = '';
  for (const {segment} of clusters(text)) {
    if (terminalSafe(segment) === segment.normalize('NFC')) {
      out += segment;
      continue;
    }
    for (const char of segment) out += isSafeAlone(char) ? char : escape(char);
  }
  return out;
}

/** A code point that is drawn at the width counted whatever stands around it. */
function isSafeAlone(char: string): boolean {
  return terminalSafe(char) === char && !combiningMark.test(char) && !isEmojiModifier(char.codePointAt(0) ?? 0) && char !== '\u200d';
}

function escape(char: string): string {
  let out = '';
  for (let index = 0; index < char.length; index++) out += `\\u${char.charCodeAt(index).toString(16).padStart(4, '0')}`;
  return out;
}
