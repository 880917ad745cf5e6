/** A frame as the screen's rows. */

/** The frame's text cut or filled to exactly `rows` lines. */
export function frameLines(frame: string, rows: number): string[] {
  const lines = frame.split('\n');
  if (lines.length > rows) lines.length = rows;
  while (lines.length < rows) lines.push('');
  return lines;
}
