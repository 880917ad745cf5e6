/**
 * A single-line text input: typing and pasting append at the end, Backspace deletes a character,
 * Ctrl-U clears, Ctrl-W deletes a word, Enter submits, Esc cancels. Only a focused field reads
 * keys, one at a time in the order typed (hooks/keyboard.tsx). A masked field shows one `•` per
 * character and never echoes its value anywhere.
 */
import {Text} from 'ink';
import {useKeys} from '../hooks/keyboard.js';
import type {FooterHint} from '../keys.js';
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

/**
 * A paste is text, never keys: its line breaks do not submit. One line is what a field holds, so
 * trailing breaks go (a password copied with its newline) and inner ones become a space.
 */
export function pastedText(text: string): string {
  return stripControls(text.replace(/[\r\n]+$/u, '').replace(/\r\n|[\r\n]/gu, ' '));
}

/**
 * The footer's hints while a field has the keyboard: its own keys, not those of the screen behind
 * it (a `?` typed there is a character, not help). Without `cancel`, Esc is not offered.
 */
export function textFieldHints(submit: string, cancel?: string): FooterHint[] {
  return [
    {keys: 'Enter', label: submit},
    ...(cancel === undefined ? [] : [{keys: 'Esc', label: cancel}]),
    {keys: 'Ctrl-U', label: 'clear'},
    {keys: 'Ctrl-W', label: 'delete word'},
  ];
}

/** The text field (see the module comment). */
export function TextField({value, onChange, onSubmit, onCancel, onTab, mask = false, placeholder = '', focus, width}: TextFieldProps) {
  const theme = useTheme();
  // Each key comes after the parent re-rendered with the previous one's value (hooks/keyboard.tsx).
  const change = (next: string) => onChange(next);

  useKeys(
    (input, key) => {
      const current = value;
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
        const next = current + stripControls(input);
        if (next !== current) change(next);
      }
    },
    {isActive: focus, takesRuns: true, onPaste: (text) => change(value + pastedText(text))},
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
