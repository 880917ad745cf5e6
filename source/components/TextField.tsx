/**
 * A single-line text input: typing and pasting append at the end, Backspace deletes a character,
 * Ctrl-U clears, Ctrl-W deletes a word, Enter submits, Esc cancels. Only a focused field reads
 * keys. A masked field shows one `•` per character and never echoes its value anywhere.
 */
import {useRef} from 'react';
import {Text, useInput, usePaste} from 'ink';
import {stripControls} from '../text/control-chars.js';
import {sanitize} from '../text/sanitize.js';
import {graphemes, truncate, truncateStart} from '../text/width.js';
import {useTheme} from '../theme.js';

/** Props of {@link TextField}. */
export interface TextFieldProps {
  value: string;
  onChange: (value: string) => void;
  onSubmit?: (value: string) => void;
  /** Esc. */
  onCancel?: () => void;
  /** Tab (completion): the value it returns replaces the text. */
  onTab?: (value: string) => string;
  /** Show `•` instead of the characters (passwords). */
  mask?: boolean;
  /** Shown dimmed while the value is empty. */
  placeholder?: string;
  /** Only the focused field receives keys. */
  focus: boolean;
  /** Columns available; a longer value shows its end. */
  width: number;
}

const lineBreak = /[\r\n]/u;

/** The text field (see the module comment). */
export function TextField({value, onChange, onSubmit, onCancel, onTab, mask = false, placeholder = '', focus, width}: TextFieldProps) {
  const theme = useTheme();
  // Several keys can arrive before the parent re-renders with the new value: edit the latest one.
  const latest = useRef(value);
  const seen = useRef(value);
  if (seen.current !== value) {
    seen.current = value;
    latest.current = value;
  }
  const change = (next: string) => {
    latest.current = next;
    onChange(next);
  };

  useInput(
    (input, key) => {
      const current = latest.current;
      if (key.return) onSubmit?.(current);
      else if (key.escape) onCancel?.();
      else if (key.tab && !key.shift && onTab) {
        const completed = onTab(current);
        if (completed !== current) change(completed);
      }
      else if (key.backspace || key.delete) change(graphemes(current).slice(0, -1).join(''));
      else if (key.ctrl && input === 'u') change('');
      // A masked value has no visible words: Ctrl-W clears it rather than reveal where spaces are.
      else if (key.ctrl && input === 'w') change(mask ? '' : current.replace(/\s+$/u, '').replace(/\S+$/u, ''));
      else if (!key.ctrl && !key.meta && !key.tab && input !== '') {
        // Without bracketed paste a pasted line arrives as typed text: a line break submits it.
        const [typed = '', ...rest] = input.split(lineBreak);
        const next = current + stripControls(typed);
        if (next !== current) change(next);
        if (rest.length > 0) onSubmit?.(next);
      }
    },
    {isActive: focus},
  );

  usePaste(
    (text) => {
      const pasted = stripControls(text);
      if (pasted !== '') change(latest.current + pasted);
    },
    {isActive: focus},
  );

  const shown = mask ? '•'.repeat(graphemes(value).length) : sanitize(value);
  const room = Math.max(0, width - (focus ? 1 : 0));
  return (
    <Text wrap="truncate-end">
      {truncateStart(shown, room)}
      {focus ? <Text inverse> </Text> : null}
      {value === '' && placeholder !== '' ? <Text {...theme.dim}>{truncate(placeholder, room)}</Text> : null}
    </Text>
  );
}
