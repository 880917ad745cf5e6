/**
 * The key-hint strip at the bottom, generated from the key table for the current scope. Hints
 * that do not fit are left out whole, never cut in the middle.
 */
import {memo} from 'react';
import {footerHints, type FooterHint, type Scope} from '../keys.js';
import {displayWidth} from '../text/width.js';
import {useTheme} from '../theme.js';
import {Line, type Segment} from './Segments.js';

/** Props of {@link Footer}. */
export interface FooterProps {
  scope: Scope;
  width: number;
  /** Hints to use instead of the key table's (a screen with its own keys, e.g. a form). */
  hints?: readonly FooterHint[];
}

const hintGap = '  ';

/** One line of key hints for `scope`, at most `width` columns; memoised, as it rarely changes. */
export const Footer = memo(function Footer({scope, width, hints}: FooterProps) {
  const theme = useTheme();
  const segments: Segment[] = [];
  let used = 0;
  for (const hint of hints ?? footerHints(scope)) {
    const gap = segments.length > 0 ? hintGap : '';
    const hintWidth = displayWidth(gap + hint.keys + ' ' + hint.label);
    if (used + hintWidth > width) break;
    segments.push({text: gap}, {text: hint.keys, style: {bold: true, ...theme.accent}}, {text: ` ${hint.label}`, style: theme.dim});
    used += hintWidth;
  }
  return <Line segments={segments} width={width} />;
});
