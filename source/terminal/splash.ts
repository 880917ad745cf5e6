/**
 * The first frame, drawn by the writer before Ink, React and Yoga have even loaded (they take
 * most of the start-up): the same text the Boot screen then renders, so taking over costs no byte.
 */

/** Boot's splash as Ink lays it out: one blank line, then the name and what is starting, indented by two. */
export function splashFrame(demo: boolean): string {
  return ['', '  \u001B[1mwazo-tui\u001B[22m', `  ${demo ? 'Starting the embedded demo server…' : 'Starting…'}`].join('\n');
}
