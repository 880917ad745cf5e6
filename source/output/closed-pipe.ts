/**
 * A reader that stops early (`wazo-tui users | head -1`) closes the pipe under our feet. That is
 * the reader's choice, not an error: the command goes on quietly (and so still revokes its token)
 * instead of dying on an unhandled EPIPE with a stack trace.
 */
export function tolerateClosedPipe(stream: NodeJS.WriteStream = process.stdout): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') return;
    throw error;
  });
}
