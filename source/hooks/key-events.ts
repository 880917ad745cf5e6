/**
 * Turns what Ink reads from the terminal into single keys. Ink already cuts a chunk at escape
 * sequences (CSI and SS3 with modifiers), bracketed paste and Backspace/Ctrl-C, but hands over a
 * run of other bytes as one event: `admin⇥secret⏎` typed ahead over SSH or by a password manager
 * arrives as one string. Here every character of such a run becomes its own key, so Tab, Enter
 * and Ctrl-U act at their place in the run. Pure, so the split is tested without a terminal.
 */
import type {Key} from 'ink';

/** One key as the screens' handlers take it: Ink's `(input, key)` pair for a single key. */
export interface KeyPress {
  input: string;
  key: Key;
}

const none: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false,
  home: false, end: false, return: false, escape: false, ctrl: false, shift: false, tab: false,
  backspace: false, delete: false, meta: false, super: false, hyper: false, capsLock: false, numLock: false,
};

/** A key with the given flags set. */
export function keyOf(input: string, flags: Partial<Key> = {}): KeyPress {
  return {input, key: {...none, ...flags}};
}

/** Whether Ink set no flag: its event is plain text (one character or a run of them). */
export function isPlain(key: Key): boolean {
  return !(Object.keys(none) as Array<keyof Key>).some((name) => name !== 'shift' && key[name] === true);
}

/** One character of a typed run, as Ink would have parsed it alone. */
function charKey(char: string): KeyPress | undefined {
  if (char === '\r' || char === '\n') return keyOf('', {return: true});
  if (char === '\t') return keyOf('', {tab: true});
  if (char === '\u007F' || char === '\b') return keyOf('', {backspace: true});
  if (char === '\u001B') return keyOf('', {escape: true});
  const code = char.codePointAt(0) ?? 0;
  // Ctrl-A … Ctrl-Z (Tab, Enter and Backspace are above): Ink names them by their letter.
  if (code >= 1 && code <= 26) return keyOf(String.fromCharCode(code + 96), {ctrl: true});
  // Other C0 and C1 controls are no key anyone typed: dropped, never entered as text.
  if (code < 32 || (code >= 0x7f && code < 0xa0)) return undefined;
  return keyOf(char, {shift: /^[A-Z]$/.test(char)});
}

/** The keys of one Ink input event, in order. */
export function splitInput(input: string, key: Key): KeyPress[] {
  // Escape pressed twice fast (or over a slow link) reaches Ink as one `ESC ESC`, which it names
  // Meta+Escape: it is two presses of Escape (back, back), as k9s and lazygit read them.
  if (key.escape && key.meta && !key.ctrl && (input === '' || input === '\u001B')) return [keyOf('', {escape: true}), keyOf('', {escape: true})];
  // Likewise Escape and the key typed right after it (`ESC q`: back, then quit) reach Ink as one
  // read that it names Alt+q. No binding here uses Alt, so it is Escape, then the key.
  const unmeta = {...key, meta: false};
  if (key.meta && !key.ctrl && !key.escape && input !== '' && isPlain(unmeta)) return [keyOf('', {escape: true}), ...splitInput(input, unmeta)];
  const chars = Array.from(input);
  if (!isPlain(key) || chars.length <= 1) {
    // Ink reads a lone `\n` as "enter", a name its Key has no flag for: it is Enter all the same.
    if (input === '\n' && isPlain(key)) return [keyOf('', {return: true})];
    return [{input, key}];
  }
  return chars.flatMap((char) => charKey(char) ?? []);
}

const csiTail = /^\[(?:(\d+)(?:;(\d+))?)?([A-DFHZ~])/;
const ss3Tail = /^O(\d*)([A-DFH])/;
const arrows: Record<string, Partial<Key>> = {
  A: {upArrow: true},
  B: {downArrow: true},
  C: {rightArrow: true},
  D: {leftArrow: true},
  H: {home: true},
  F: {end: true},
  Z: {tab: true, shift: true},
};
const tildes: Record<string, Partial<Key>> = {
  '1': {home: true},
  '7': {home: true},
  '4': {end: true},
  '8': {end: true},
  '3': {delete: true},
  '5': {pageUp: true},
  '6': {pageDown: true},
};

/** xterm's modifier parameter: 1 + (shift 1, alt 2, ctrl 4). */
function modifiers(parameter: string | undefined): Partial<Key> {
  const bits = Math.max(0, Number(parameter ?? '1') - 1);
  return {shift: (bits & 1) !== 0, meta: (bits & 2) !== 0, ctrl: (bits & 4) !== 0};
}

/**
 * The rest of an escape sequence whose ESC came alone (a slow link split `ESC [B`): Ink has
 * already taken the ESC for the Escape key and hands `[B` over as text. Returns the key it
 * completes and the text after it, or undefined when `text` does not start like one.
 */
export function completeEscape(text: string): {press: KeyPress; rest: string} | undefined {
  const csi = csiTail.exec(text);
  if (csi) {
    const [whole, first, second, final = ''] = csi;
    const flags = final === '~' ? tildes[first ?? ''] : arrows[final];
    if (!flags) return undefined;
    // `ESC [1;5A`: the modifier is the second parameter; `ESC [5;2~` likewise.
    const modifier = final === '~' ? second : (second ?? (first === '1' ? undefined : first));
    return {press: keyOf('', {...modifiers(modifier), ...flags}), rest: text.slice(whole.length)};
  }
  const ss3 = ss3Tail.exec(text);
  if (ss3) {
    const [whole, modifier, final = ''] = ss3;
    const flags = arrows[final];
    if (!flags) return undefined;
    return {press: keyOf('', {...modifiers(modifier === '' ? undefined : modifier), ...flags}), rest: text.slice(whole.length)};
  }
  return undefined;
}

/** Whether a key is Ctrl-C, which quits from anywhere and is never queued. */
export function isInterrupt({input, key}: KeyPress): boolean {
  return key.ctrl && input === 'c' && key.eventType !== 'release';
}

/** Whether a key is a lone Escape (not Alt+key, not a sequence). */
export function isLoneEscape({input, key}: KeyPress): boolean {
  return key.escape && !key.meta && !key.ctrl && input === '';
}
