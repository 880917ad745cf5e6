/**
 * A framed list drawn in place of the main area: help, the token's ACL, the tenant picker.
 * Lines are already sanitised by the caller; the selected one (if any) is inverse with `›`.
 */
import {Box, Text} from 'ink';
import {truncate} from '../text/width.js';
import {useTheme} from '../theme.js';

export interface ListOverlayProps {
  title: string;
  lines: readonly string[];
  selected?: number;
  width: number;
  height: number;
  footer?: string;
}

export function ListOverlay({title, lines, selected, width, height, footer}: ListOverlayProps) {
  const theme = useTheme();
  const inner = Math.max(1, width - 4);
  const body = Math.max(1, height - 2 - (footer ? 1 : 0));
  const cursor = selected ?? 0;
  const top = Math.max(0, Math.min(cursor - Math.floor(body / 2), lines.length - body));
  return (
    <Box flexDirection="column" width={width} height={height} borderStyle="round" paddingX={1} overflow="hidden">
      <Text bold {...theme.accent}>
        {truncate(title, inner)}
      </Text>
      {lines.slice(top, top + body - 1).map((line, offset) => {
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
