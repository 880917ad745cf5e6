/**
 * The control characters, in one place: C0 (U+0000–U+001F: ESC, CR, LF, TAB…), DEL and C1
 * (U+007F–U+009F; U+009B is a one-byte CSI to many terminals). A terminal acts on them instead of
 * printing them, so no text from a server or from a paste reaches it with one left raw.
 */

/** C0, as the body of a regular expression character class. */
const C0_RANGE = '\\u0000-\\u001f';
/** DEL and C1, as the body of a character class (JSON.stringify escapes C0 but leaves these). */
export const DEL_C1_RANGE = '\\u007f-\\u009f';
/** Every control character, as the body of a character class, for patterns that add to it. */
export const CONTROL_RANGE = C0_RANGE + DEL_C1_RANGE;

const controls = new RegExp(`[${CONTROL_RANGE}]`, 'gu');

/** `text` without its control characters: for typed or pasted input, where a visible marker would be noise. */
export function stripControls(text: string): string {
  return text.replace(controls, '');
}
