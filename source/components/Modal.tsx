/**
 * A bordered box drawn over the middle of the screen (password prompt, help, ACL list, tenant
 * picker). It blanks what is under it, is at most `maxWidth` wide and never wider than the screen.
 */
import type {ReactNode} from 'react';
import {Box, Text} from 'ink';
import {sanitize} from '../text/sanitize.js';
import {truncate} from '../text/width.js';
import {useTheme} from '../theme.js';

/** Props of {@link Modal}. */
export interface ModalProps {
  /** Size of the screen the modal is centred in. */
  width: number;
  height: number;
  title: string;
  /** Widest the box may be, border included. */
  maxWidth?: number;
  children?: ReactNode;
}

/** Columns the content of a modal has, for children that cut their own text. */
export function modalContentWidth(width: number, maxWidth = 72): number {
  return Math.max(0, Math.min(maxWidth, width) - 4);
}

/**
 * The modal box, positioned over its parent (which should be the screen's `Frame`): render it
 * after the screen's content so it is drawn on top.
 */
export function Modal({width, height, title, maxWidth = 72, children}: ModalProps) {
  const theme = useTheme();
  const boxWidth = Math.min(maxWidth, width);
  const inner = modalContentWidth(width, maxWidth);
  // Spaces under the content hide the screen behind; the box clips them to its own height.
  const blank = Array.from({length: height}, () => ' '.repeat(inner + 2)).join('\n');
  return (
    <Box position="absolute" top={0} left={0} width={width} height={height} justifyContent="center" alignItems="center">
      <Box width={boxWidth} maxHeight={height} flexDirection="column" borderStyle="round" paddingX={1} overflow="hidden">
        <Box position="absolute" top={0} left={0} width={inner + 2} height="100%" overflow="hidden">
          <Text>{blank}</Text>
        </Box>
        <Text bold wrap="truncate-end" {...theme.accent}>
          {truncate(sanitize(title), inner)}
        </Text>
        {children}
      </Box>
    </Box>
  );
}
