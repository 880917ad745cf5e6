/**
 * What the app shows instead of its screens when the terminal is smaller than the minimum: the
 * size it needs and the size it has, centred. It redraws on resize like any other screen.
 */
import {Box, Text} from 'ink';
import {Frame} from './Frame.js';
import {MIN_HEIGHT, MIN_WIDTH} from './layout.js';

/** Props of {@link TooSmall}. */
export interface TooSmallProps {
  /** Current terminal size. */
  width: number;
  height: number;
  minWidth?: number;
  minHeight?: number;
}

/** Whether a terminal of `width` × `height` is too small for the UI. */
export function isTooSmall(width: number, height: number, minWidth = MIN_WIDTH, minHeight = MIN_HEIGHT): boolean {
  return width < minWidth || height < minHeight;
}

/** "terminal too small: need at least W×H (now w×h)", centred in the terminal. */
export function TooSmall({width, height, minWidth = MIN_WIDTH, minHeight = MIN_HEIGHT}: TooSmallProps) {
  return (
    <Frame width={width} height={height}>
      <Box flexGrow={1} flexDirection="column" justifyContent="center" alignItems="center">
        <Text bold>terminal too small:</Text>
        <Text>
          need at least {minWidth}×{minHeight} (now {width}×{height})
        </Text>
      </Box>
    </Frame>
  );
}
