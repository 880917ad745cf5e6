/**
 * The one sanitiser for every string that comes from a server (or any other untrusted source)
 * before it reaches the terminal. It never drops information silently: whatever a terminal would
 * interpret or hide is shown as a visible marker, so `Evil␛[31mRed` stays readable and harmless.
 *
 * What it does, and why:
 * - C0 controls (U+0000–U+001F, which includes ESC, CR, LF and TAB) become the Unicode "control
 *   pictures" U+2400 + code (ESC → `␛`, LF → `␊`): no escape sequence (CSI colours, OSC 8 links,
 *   OSC 52 clipboard writes) can start, and a value always stays on one line.
 * - DEL and the C1 controls (U+007F–U+009F; U+009B is a one-byte CSI) become `\x9b`-style text.
 * - Bidirectional overrides, embeddings, isolates and marks become `⟪RLO⟫`-style markers, so a
 *   name like `\u202Egnp.exe` cannot display as `exe.png`.
 * - Invisible format characters (zero-width space, word joiner, BOM, soft hyphen, line/paragraph
 *   separators, Hangul fillers, stray tag characters, non-characters) become markers, so two
 *   names that look identical on screen are told apart.
 * - Kept on purpose, because real names need them: a zero-width joiner between emoji (👩‍👩‍👧),
 *   a zero-width (non-)joiner between letters of a script that uses them orthographically
 *   (Persian, Devanagari…; never Latin, Greek or Cyrillic, the scripts used for look-alike
 *   spoofing), one variation selector after a character (emoji style, Japanese ideographic
 *   variants; a run of them is a known way to smuggle hidden data, so the extras are shown), and
 *   tag characters inside a subdivision flag such as 🏴 England.
 * - Lone UTF-16 surrogates become U+FFFD.
 * - Then the text is shaped for the terminal (terminal-safe.ts): sequences whose width terminals
 *   disagree on are given as their parts, so the width counted is the width drawn.
 */
import {CONTROL_RANGE} from './control-chars.js';
import {terminalSafe} from './terminal-safe.js';

const bidiNames: ReadonlyMap<number, string> = new Map([
  [0x061c, 'ALM'],
  [0x200e, 'LRM'],
  [0x200f, 'RLM'],
  [0x202a, 'LRE'],
  [0x202b, 'RLE'],
  [0x202c, 'PDF'],
  [0x202d, 'LRO'],
  [0x202e, 'RLO'],
  [0x2066, 'LRI'],
  [0x2067, 'RLI'],
  [0x2068, 'FSI'],
  [0x2069, 'PDI'],
]);

const invisibleNames: ReadonlyMap<number, string> = new Map([
  [0x00ad, 'SHY'],
  [0x200b, 'ZWSP'],
  [0x200c, 'ZWNJ'],
  [0x200d, 'ZWJ'],
  [0x2028, 'LS'],
  [0x2029, 'PS'],
  [0x2060, 'WJ'],
  [0xfeff, 'BOM'],
]);

/** Any character that needs a closer look; strings without one are returned as they are. */
const suspicious = new RegExp(
  `[${CONTROL_RANGE}\\p{Cf}\\p{Zl}\\p{Zp}\\p{Cs}\\p{Noncharacter_Code_Point}\\u115f\\u1160\\u3164\\uffa0\\ufe00-\\ufe0f\\u{e0100}-\\u{e01ef}]`,
  'u',
);

const extendedPictographic = /^\p{Extended_Pictographic}$/u;
const emojiModifier = /^[\u{1f3fb}-\u{1f3ff}\ufe0f]$/u;
const letterOrMark = /^[\p{L}\p{M}]$/u;
const spoofableScript = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Common}]$/u;
const variationSelector = /^[\ufe00-\ufe0f\u{e0100}-\u{e01ef}]$/u;
const blackFlag = 0x1f3f4;
const cancelTag = 0xe007f;

declare const sanitised: unique symbol;

/**
 * A string that is harmless in a terminal: made by {@link sanitize} from any value, or by
 * {@link safe} from program text and other SafeText. Components that print server data take
 * this type only, so a raw server string cannot reach the terminal: tsc refuses it.
 */
export type SafeText = string & {readonly [sanitised]: true};

/**
 * Program text (the literal parts, written here, not by a server) joined with values that are
 * already SafeText or numbers: `safe`Working tenant: ${name}``. Nothing is sanitised again.
 */
export function safe(literals: TemplateStringsArray, ...values: ReadonlyArray<SafeText | number>): SafeText {
  let text = literals[0] ?? '';
  values.forEach((value, index) => {
    text += String(value) + (literals[index + 1] ?? '');
  });
  return text as SafeText;
}

/**
 * Turns any value from a server into a string that is harmless in a terminal.
 * `null`/`undefined` give `''`; numbers, booleans and bigints give `String(value)`; arrays are
 * joined with `, `; other objects are shown as JSON. The result never contains a control character.
 */
export function sanitize(value: unknown): SafeText {
  // The one place a SafeText is made from data: everything below returns visible, inert text.
  return textOf(value, (text) => terminalSafe(markSuspicious(text))) as SafeText;
}

/**
 * The same inert text without the terminal shaping, for output that goes to a file or another
 * program (script mode's TSV): no control character, and every character the server sent that
 * is safe to keep, so `🇫🇷` stays a flag rather than `FR`. Not a SafeText: its width is not ours.
 */
export function inertText(value: unknown): string {
  return textOf(value, markSuspicious);
}

function textOf(value: unknown, clean: (text: string) => string): string {
  if (value === null || value === undefined || typeof value === 'function') return '';
  if (typeof value === 'string') return clean(value);
  if (Array.isArray(value)) return value.map((item) => textOf(item, clean)).join(', ');
  if (typeof value === 'object') return clean(toJson(value));
  return clean(String(value));
}

function toJson(value: object): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    // Circular structures (never sent by a JSON API, but the type allows them).
    return Object.prototype.toString.call(value);
  }
}

function markSuspicious(text: string): string {
  if (!suspicious.test(text)) return text;
  const chars = Array.from(text);
  let out = '';
  for (let index = 0; index < chars.length; index += 1) {
    const char = chars[index] ?? '';
    const flagEnd = char.codePointAt(0) === blackFlag ? flagTagEnd(chars, index) : index;
    if (flagEnd > index) {
      out += chars.slice(index, flagEnd + 1).join('');
      index = flagEnd;
    } else {
      out += visible(char, chars[index - 1], chars[index + 1]);
    }
  }
  return out;
}

function visible(char: string, previous: string | undefined, next: string | undefined): string {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x20) return String.fromCodePoint(0x2400 + code);
  if (code >= 0x7f && code <= 0x9f) return `\\x${code.toString(16)}`;
  if (code >= 0xd800 && code <= 0xdfff) return '\ufffd';
  const bidi = bidiNames.get(code);
  if (bidi !== undefined) return `⟪${bidi}⟫`;
  if (code === 0x200d && joinsEmoji(previous, next)) return char;
  if ((code === 0x200c || code === 0x200d) && isJoinableLetter(previous) && isJoinableLetter(next)) return char;
  if (variationSelector.test(char)) return previous !== undefined && !variationSelector.test(previous) ? char : marker(code);
  if (suspicious.test(char)) return marker(code);
  return char;
}

function marker(code: number): string {
  const name = invisibleNames.get(code);
  return `⟪${name ?? `U+${code.toString(16).toUpperCase().padStart(4, '0')}`}⟫`;
}

/** A ZWJ inside an emoji sequence: pictograph (maybe with a skin tone or VS16), ZWJ, pictograph. */
function joinsEmoji(previous: string | undefined, next: string | undefined): boolean {
  if (previous === undefined || next === undefined) return false;
  return (extendedPictographic.test(previous) || emojiModifier.test(previous)) && extendedPictographic.test(next);
}

function isJoinableLetter(char: string | undefined): boolean {
  return char !== undefined && letterOrMark.test(char) && !spoofableScript.test(char);
}

/** The index of the CANCEL TAG closing a subdivision flag (🏴 tag-letters… CANCEL TAG) at `start`, or `start`. */
function flagTagEnd(chars: string[], start: number): number {
  let index = start + 1;
  while (isTagLetter(chars[index])) index += 1;
  return index > start + 1 && chars[index]?.codePointAt(0) === cancelTag ? index : start;
}

function isTagLetter(char: string | undefined): boolean {
  const code = char?.codePointAt(0) ?? 0;
  return code >= 0xe0020 && code < cancelTag;
}
