/**
 * Writing an export of any size to stdout: each write waits while the pipe is full, so memory
 * holds at most what the reader has not taken yet, and a reader that hangs up (`| head`) is
 * noticed, so the export stops asking the server for rows nobody reads.
 */
import {once} from 'node:events';

export interface StreamWriter {
  /** Write, and wait for the pipe to take it when its buffer is full. Does nothing once closed. */
  write(text: string): Promise<void>;
  /** The reader hung up (EPIPE): nothing more will be read. */
  readonly closed: boolean;
}

export function streamWriter(stream: NodeJS.WritableStream = process.stdout): StreamWriter {
  let closed = false;
  // A closed pipe is the reader's choice, not an error (closed-pipe.ts keeps it from throwing).
  const hangUp = (error?: NodeJS.ErrnoException) => {
    if (error === undefined || error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') closed = true;
  };
  stream.on('error', hangUp);
  stream.on('close', () => hangUp());
  return {
    async write(text) {
      if (closed || text === '') return;
      if (stream.write(text)) return;
      // Wait for the reader, or for the pipe to close; an 'error' also ends the wait.
      const abort = new AbortController();
      await Promise.race([once(stream, 'drain', {signal: abort.signal}), once(stream, 'close', {signal: abort.signal})]).catch(() => {});
      abort.abort();
    },
    get closed() {
      return closed;
    },
  };
}
