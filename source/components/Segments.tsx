/**
 * One line of differently styled pieces, cut to a width by display columns. Header, Footer and
 * StatusLine build their line from segments so that no line can wrap.
 */
import {Text} from 'ink';
import type {TextProps} from 'ink';
import {displayWidth, truncate} from '../text/width.js';

/** A piece of a line and its style. Text must be sanitised already. */
export interface Segment {
  text: string;
  style?: Omit<TextProps, 'children' | 'wrap'>;
}

/** Keeps the leading segments that fit in `width` columns, cutting the first that does not with `…`. */
export function fitSegments(segments: readonly Segment[], width: number): Segment[] {
  const kept: Segment[] = [];
  let left = width;
  for (const segment of segments) {
    if (left <= 0) break;
    const segmentWidth = displayWidth(segment.text);
    kept.push(segmentWidth <= left ? segment : {...segment, text: truncate(segment.text, left)});
    left -= segmentWidth;
  }
  return kept;
}

/** Total display width of `segments`. */
export function segmentsWidth(segments: readonly Segment[]): number {
  return segments.reduce((sum, segment) => sum + displayWidth(segment.text), 0);
}

/** Props of {@link Line}. */
export interface LineProps {
  segments: readonly Segment[];
  width: number;
}

/** Renders `segments` as one line of at most `width` columns (a blank line when empty). */
export function Line({segments, width}: LineProps) {
  const fitted = fitSegments(segments, width);
  if (fitted.length === 0) return <Text> </Text>;
  return (
    <Text wrap="truncate-end">
      {fitted.map((segment, index) => (
        <Text key={index} {...segment.style}>
          {segment.text}
        </Text>
      ))}
    </Text>
  );
}
