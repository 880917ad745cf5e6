/**
 * A framed list drawn in place of the main area: help, the token's ACL, the tenant picker.
 * Lines are SafeText, so a caller cannot hand it raw server data; the selected one (if any) is inverse with `›`.
 * A list longer than the frame scrolls: around the selection, or from `top` when nothing is selected.
 */
import {Box, Text} from 'ink';
import type {SafeText} from '../text/sanitize.js';
import {truncate} from '../text/width.js';
import {useTheme} from '../theme.js';

export interface ListOverlayProps {
  title: string;
  lines: readonly SafeText[];
  selected?: number;
  /** First line shown when there is no selection (help, ACL); clamped to the list. */
  top?: number;
  width: number;
  height: number;
  footer?: string;
}

/** How many list lines a frame of `height` shows: borders, title and footer take the rest. */
export function overlayRows(height: number, hasFooter: boolean): number {
  return Math.max(1, height - 3 - (hasFooter ? 1 : 0));
}

export function ListOverlay({title, lines, selected, top: wantedTop = 0, width, height, footer}: ListOverlayProps) {
  const theme = useTheme();
  const inner = Math.max(1, width - 4);
  const rows = overlayRows(height, footer !== undefined);
  const lastTop = Math.max(0, lines.length - rows);
  const top = Math.max(0, Math.min(selected === undefined ? wantedTop : selected - Math.floor(rows / 2), lastTop));
  const position = lines.length > rows ? ` (${top + 1}–${Math.min(top + rows, lines.length)} of ${lines.length}, ↑↓ PgUp/PgDn)` : '';
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle="round" paddingX={1} overflow="hidden">
      <Text bold {...theme.accent}>
        {truncate(title + position, inner)}
      </Text>
      {lines.slice(top, top + rows).map((line, offset) => {
        const index = top + offset;
        const isSelected = selected !== undefined && index === selected;
        return (
          <Text key={index} inverse={isSelected}>
            {truncate((selected === undefined ? '' : isSelected ? '› ' : '  ') + line, inner)}
          </Text>
        );
      })}
      <Box flexGrow={1} />
      {footer ? <Text {...theme.dim}>{truncate(footer, inner)}</Text> : null}
    </Box>
  );
}
