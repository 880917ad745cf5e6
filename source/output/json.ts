/**
 * JSON for script output. JSON.stringify already escapes the C0 controls (ESC included), but
 * leaves DEL, the C1 controls (U+009B is a one-byte CSI to many terminals), bidirectional
 * overrides and other invisible format characters as they are: `--json` on a terminal would let
 * a server's string drive the terminal or disguise itself. Those are written as `\uXXXX`
 * escapes, so the text a parser reads back is exactly the server's.
 */
import {DEL_C1_RANGE} from '../text/control-chars.js';

const unsafe = new RegExp(`[${DEL_C1_RANGE}\\p{Cf}\\p{Zl}\\p{Zp}]`, 'gu');

/** `JSON.stringify(value, null, indent)` with every character a terminal could act on escaped; 0: on one line. */
export function toSafeJson(value: unknown, indent = 2): string {
  return (JSON.stringify(value, null, indent) ?? 'null').replace(unsafe, (character) => {
    let escaped = '';
    // \p{Cf} includes astral tag characters: escape each UTF-16 unit, as JSON requires.
    for (let i = 0; i < character.length; i++) escaped += `\\u${character.charCodeAt(i).toString(16).padStart(4, '0')}`;
    return escaped;
  });
}
