/**
 * The full-screen box every screen draws in: exactly `width` × `height`, content that does not
 * fit is clipped rather than allowed to grow the frame (a taller frame makes Ink clear the screen).
 */
import type {ReactNode} from 'react';
import {Box} from 'ink';

/** Props of {@link Frame}. */
export interface FrameProps {
  width: number;
  height: number;
  children?: ReactNode;
}

/** A column box of exactly `width` × `height`. */
export function Frame({width, height, children}: FrameProps) {
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      {/* Unshrinkable, so an overfull screen loses its last lines, not squeezed middle ones. */}
      <Box flexDirection="column" flexShrink={0} flexGrow={1}>
        {children}
      </Box>
    </Box>
  );
}
