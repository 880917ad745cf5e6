/**
 * Keeps key measurements clear of the header's once-a-second token countdown: keys are sent just
 * after a tick, and a sample whose header line changed (a tick landed inside it) is flagged.
 */
import type {KeyOptions, KeyResult, PtySession} from './pty.js';

/** A key's result, and whether nothing but the key drew during it. */
export interface GuardedResult extends KeyResult {
  clean: boolean;
}

/** Ticks come every 1000 ms: a key sent within this long after one has the terminal to itself. */
const SAFE_AFTER_TICK_MS = 600;
/** Silence required before a key is sent. */
const QUIET_BEFORE_KEY_MS = 30;
/** Wait at most this long for a tick (there may be no countdown on screen). */
const TICK_WAIT_MS = 1300;

/** Sends keys between countdown ticks. */
export class ClockGuard {
  private lastIdleChunk = 0;
  private busy = false;
  private readonly stop: () => void;

  constructor(private readonly session: PtySession) {
    // Output that arrives while no key is being measured is the clock (or another background redraw).
    this.stop = session.onChunk((chunk) => {
      if (!this.busy) this.lastIdleChunk = chunk.at;
    });
  }

  /** Send `keys` shortly after a tick and measure what they draw. */
  async press(keys: string, options: KeyOptions): Promise<GuardedResult> {
    await this.afterTick();
    // Let the tick's own frame finish (it may come in several chunks).
    await this.session.waitQuiet(QUIET_BEFORE_KEY_MS, TICK_WAIT_MS);
    const header = this.session.screen.lines()[0];
    this.busy = true;
    try {
      const result = await this.session.key(keys, options);
      return {...result, clean: this.session.screen.lines()[0] === header};
    } finally {
      this.busy = false;
    }
  }

  /** Stop listening. */
  dispose(): void {
    this.stop();
  }

  private async afterTick(): Promise<void> {
    if (performance.now() - this.lastIdleChunk < SAFE_AFTER_TICK_MS) return;
    const seen = this.lastIdleChunk;
    const deadline = performance.now() + TICK_WAIT_MS;
    while (this.lastIdleChunk === seen && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
