/**
 * Colour policy and the few text styles the screens use. Ink colours through chalk, which ignores
 * `NO_COLOR`, so the decision is made here and components ask the theme for their styles. Nothing
 * may depend on colour alone: selection is inverse plus a `›` marker, warnings carry words or `!`.
 */
import {createContext, useContext} from 'react';
import type {TextProps} from 'ink';

/** Command-line switches that decide colour, already parsed. */
export interface ColorFlags {
  /** `--no-color` was given. */
  noColor?: boolean;
}

/**
 * Whether to use colour. Precedence: `--no-color`, then `FORCE_COLOR` (`0` = off,
 * any other value = on, as chalk reads it), then `NO_COLOR` (non-empty = off, per no-color.org),
 * then `TERM=dumb` (off). Otherwise on.
 */
export function colorEnabled(env: Readonly<Record<string, string | undefined>>, flags: ColorFlags = {}): boolean {
  if (flags.noColor === true) return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force !== 'false';
  if ((env['NO_COLOR'] ?? '') !== '') return false;
  return env['TERM'] !== 'dumb';
}

/** Ink `<Text>` props for one role; empty when colour is off. */
export type TextStyle = Pick<TextProps, 'color' | 'dimColor' | 'bold'>;

/** What components read from the theme. */
export interface Theme {
  color: boolean;
  /** Keys in hints, titles, the sort column. */
  accent: TextStyle;
  /** Token expiring soon, non-fatal problems. */
  warn: TextStyle;
  /** Errors, expired token, full-access token. */
  danger: TextStyle;
  /** Secondary text: placeholders, loading rows, separators. */
  dim: TextStyle;
}

/** Builds the theme for a colour decision. */
export function makeTheme(color: boolean): Theme {
  if (!color) return {color, accent: {}, warn: {}, danger: {}, dim: {}};
  return {
    color,
    accent: {color: 'cyan'},
    warn: {color: 'yellow'},
    danger: {color: 'red', bold: true},
    dim: {dimColor: true},
  };
}

/** Provides the theme to components; the default is colour on. */
export const ThemeContext = createContext<Theme>(makeTheme(true));

/** The current theme. */
export function useTheme(): Theme {
  return useContext(ThemeContext);
}
