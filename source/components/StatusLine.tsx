/**
 * The one status line: progress, information, warnings and errors. The level shows as a symbol
 * as well as a style; an error's hint (e.g. how to retry) stays visible when the text is cut.
 */
import {memo} from 'react';
import {displayWidth, truncate} from '../text/width.js';
import type {Status, StatusLevel} from '../resources/error-status.js';
import {useTheme, type Theme} from '../theme.js';
import {Line, type Segment} from './Segments.js';


/** Props of {@link StatusLine}. */
export interface StatusLineProps {
  width: number;
  /** Nothing to report when absent: a blank line keeps the layout still. */
  status?: Status;
}

/** Symbol in front of each level. */
export const statusPrefix: Readonly<Record<StatusLevel, string>> = {info: '', progress: '… ', warn: '! ', error: '✗ '};

/** The status line (see the module comment). */
export const StatusLine = memo(function StatusLine({width, status}: StatusLineProps) {
  const theme = useTheme();
  if (status === undefined) return <Line segments={[]} width={width} />;
  const prefix = statusPrefix[status.level];
  // The message keeps at least half the line: a long hint is cut before the message is.
  const hintRoom = Math.max(0, width - displayWidth(prefix) - Math.min(displayWidth(status.text), Math.ceil(width / 2)));
  const hint = status.hint === undefined ? '' : truncate(` — ${status.hint}`, hintRoom);
  const textWidth = Math.max(0, width - displayWidth(prefix) - displayWidth(hint));
  const segments: Segment[] = [
    {text: prefix + truncate(status.text, textWidth), style: levelStyle(status.level, theme)},
    {text: hint, style: {bold: true}},
  ];
  return <Line segments={segments} width={width} />;
});

function levelStyle(level: StatusLevel, theme: Theme): Segment['style'] {
  if (level === 'error') return theme.danger;
  if (level === 'warn') return theme.warn;
  if (level === 'progress') return theme.dim;
  return {};
}
