/**
 * The stdout Ink renders to. Ink runs in its `debug` mode, in which every render is written as
 * one whole frame with no cursor movement; this stream hands each frame to the writer instead of
 * the terminal, and looks like the terminal to Ink (size, resize events, a TTY).
 */
import {Writable} from 'node:stream';
import {BRACKETED_PASTE} from './sequences.js';
import type {TerminalWriter} from './writer.js';

/** The real terminal's output: its size and resize events. */
export interface TerminalOutput {
  readonly columns: number;
  readonly rows: number;
  on(event: 'resize', listener: () => void): unknown;
  off(event: 'resize', listener: () => void): unknown;
}

/** See the module comment. */
export class InkOutput extends Writable {
  readonly isTTY = true;
  private readonly onResize = () => {
    // The terminal may have reflowed or cleared the screen: redraw all of the next frame.
    this.writer.invalidate();
    this.emit('resize');
  };

  constructor(
    private readonly terminal: TerminalOutput,
    private readonly writer: TerminalWriter,
  ) {
    super({decodeStrings: false});
    terminal.on('resize', this.onResize);
  }

  get columns(): number {
    return this.terminal.columns;
  }

  get rows(): number {
    return this.terminal.rows;
  }

  /** Stop following the terminal's resizes. */
  detach(): void {
    this.terminal.off('resize', this.onResize);
  }

  override _write(chunk: unknown, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    const text = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk);
    if (text === '') {
      // Ink's flush barrier.
    } else if (BRACKETED_PASTE.test(text)) this.writer.passThrough(text);
    else this.writer.frame(text);
    callback();
  }
}
