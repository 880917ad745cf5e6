/**
 * The terminal writer: it owns the screen while the dashboard runs. Ink renders each frame to a
 * string (see ink-output.ts); the writer diffs it against what the screen shows and writes only
 * the rows that changed, each at an absolute position, after shifting a moved block with the
 * terminal's scroll region. Autowrap is off while it runs, so no row can spill into the next.
 */
import {frameLines} from './frame-lines.js';
import {
  AUTOWRAP_OFF,
  AUTOWRAP_ON,
  BEGIN_SYNC,
  cursorTo,
  END_SYNC,
  ENTER_ALTERNATE,
  HIDE_CURSOR,
  HOME_AND_CLEAR,
  LEAVE_ALTERNATE,
  RESET_SCROLL_REGION,
  RESET_STYLE,
  SHOW_CURSOR,
} from './sequences.js';

/** Where the bytes go and how big the screen is. */
export interface WriterTerminal {
  write(data: string): unknown;
  readonly columns: number;
  readonly rows: number;
}

/** Options of {@link TerminalWriter}. */
export interface WriterOptions {
  /** `$TERM`: `dumb` gets whole frames, no scroll regions. */
  term?: string;
  /** Called after each frame that wrote something (the idle collector's cue). */
  afterFrame?: () => void;
}

/** See the module comment. */
export class TerminalWriter {
  private shown: string[] | undefined;
  private pending: string | undefined;
  private scheduled = false;
  private running = false;
  private readonly dumb: boolean;
  private readonly afterFrame: (() => void) | undefined;
  /**
   * The diff, loaded after the splash: it measures text with string-width, whose loading alone
   * (ICU's grapheme rules) took 40 ms of start-up. Frames that come before it wait for it.
   */
  private updater: typeof import('./frame-update.js') | undefined;
  private loading: Promise<void> | undefined;

  constructor(
    private readonly terminal: WriterTerminal,
    options: WriterOptions = {},
  ) {
    this.dumb = options.term === 'dumb';
    this.afterFrame = options.afterFrame;
  }

  /** Take the screen: alternate screen, hidden cursor, no autowrap, cleared. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.shown = undefined;
    this.send(ENTER_ALTERNATE + HIDE_CURSOR + AUTOWRAP_OFF + HOME_AND_CLEAR);
    this.loading ??= import('./frame-update.js').then((module) => {
      this.updater = module;
      this.flush();
    });
  }

  /** Resolves once frames can be drawn (the diff is loaded). */
  ready(): Promise<void> {
    return this.loading ?? Promise.resolve();
  }

  /** A new frame from Ink; frames that arrive together are drawn once, the last one. */
  frame(text: string): void {
    if (!this.running) return;
    this.pending = text;
    if (this.scheduled) return;
    this.scheduled = true;
    // React commits a burst of keys in one go, several renders in one tick: draw after them, but
    // before the tasks the commit queued (its effects start the next page's request).
    queueMicrotask(() => this.flush());
  }

  /**
   * Draw `text` at once on the cleared screen, as it is: the splash, written before anything that
   * measures text has run (string-width's first call alone compiles its emoji patterns).
   */
  show(text: string): void {
    if (!this.running) return;
    const lines = frameLines(text, Math.max(1, this.terminal.rows));
    this.shown = lines;
    this.send(HOME_AND_CLEAR + lines.map((line, row) => (line === '' ? '' : cursorTo(row + 1) + line)).join('') + RESET_STYLE);
  }

  /** Draw the pending frame now. */
  flush(): void {
    this.scheduled = false;
    const text = this.pending;
    const updater = this.updater;
    if (text === undefined || !this.running || updater === undefined) return;
    this.pending = undefined;
    const rows = Math.max(1, this.terminal.rows);
    const cols = Math.max(1, this.terminal.columns);
    if (this.dumb) {
      if (this.shown?.join('\n') === text) return;
      this.shown = text.split('\n');
      this.send(updater.fullFrame(text, rows));
      this.afterFrame?.();
      return;
    }
    const full = this.shown === undefined;
    const update = updater.frameUpdate(this.shown, text, {rows, cols, scrolling: true});
    this.shown = update.shown;
    if (update.bytes === '') return;
    // A full redraw is the one frame big enough to tear on a slow link.
    this.send(full ? BEGIN_SYNC + update.bytes + END_SYNC : update.bytes);
    this.afterFrame?.();
  }

  /** The screen no longer shows what we think (a resize): the next frame redraws everything. */
  invalidate(): void {
    this.shown = undefined;
  }

  /** A sequence that is not a frame (Ink's bracketed-paste switches): straight to the terminal. */
  passThrough(data: string): void {
    if (this.running) this.send(data);
  }

  /** Give the screen back as it was: scroll region, style, autowrap, cursor, main screen. */
  stop(): void {
    if (!this.running) return;
    this.running = false;
    this.pending = undefined;
    this.send(RESET_SCROLL_REGION + RESET_STYLE + AUTOWRAP_ON + SHOW_CURSOR + LEAVE_ALTERNATE);
  }

  private send(data: string): void {
    this.terminal.write(data);
  }
}
