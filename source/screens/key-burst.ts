/**
 * Several keys can arrive as one input (SSH, a busy moment): `/emilie⏎` or `:lines⏎`. The
 * characters after the `:` or `/` that opens a text field were typed for that field, not as
 * table keys. Pure, so the split is tested without Ink.
 */
import type {Key} from 'ink';
import {matchKeys, type Scope} from '../keys.js';
import {stripControls} from '../text/control-chars.js';

export type FieldOpener = 'app.command' | 'collection.search';

export interface Burst {
  /** The part of the input that is table keys (up to and including the opener). */
  keys: string;
  /** The field the burst opened, with the text typed into it and whether a line break submitted it. */
  field?: {opener: FieldOpener; text: string; submitted: boolean};
}

function openerOf(char: string, key: Key, scope: Scope): FieldOpener | undefined {
  const [action] = matchKeys(char, key, scope);
  return action === 'app.command' || action === 'collection.search' ? action : undefined;
}

export function splitBurst(input: string, key: Key, scope: Scope): Burst {
  const chars = Array.from(input);
  if (chars.length < 2 || key.ctrl || key.meta) return {keys: input};
  const at = chars.findIndex((char) => openerOf(char, key, scope) !== undefined);
  const opener = at < 0 ? undefined : openerOf(chars[at] ?? '', key, scope);
  if (opener === undefined || at + 1 >= chars.length) return {keys: input};
  const [line = '', ...rest] = chars.slice(at + 1).join('').split(/[\r\n]/);
  return {
    keys: chars.slice(0, at + 1).join(''),
    field: {opener, text: stripControls(line), submitted: rest.length > 0},
  };
}
