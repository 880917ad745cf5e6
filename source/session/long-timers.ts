/**
 * Named timers for instants that may lie days ahead (a token asked for with a long expiration):
 * setTimeout takes at most 2^31-1 ms, so a longer wait is re-armed until its instant has come,
 * and a timer that fires early (a clock change) waits again instead of acting.
 */

/** Whatever the injected timer functions return. */
export type TimerHandle = unknown;

/** The clock and timers the session runs on; tests inject a fake one. */
export interface Clock {
  now(): number;
  setTimer(callback: () => void, ms: number): TimerHandle;
  clearTimer(handle: TimerHandle): void;
}

const MAX_TIMER_MS = 2_147_483_647;

/** At most one pending timer per slot; arming a slot replaces its timer. */
export class LongTimers<Slot extends string> {
  readonly #clock: Clock;
  readonly #timers = new Map<Slot, TimerHandle>();

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  /** Run `action` once the clock reaches `due` (epoch ms); at once when it is past. */
  arm(slot: Slot, due: number, action: () => void): void {
    this.cancel(slot);
    const delay = Math.min(Math.max(0, due - this.#clock.now()), MAX_TIMER_MS);
    const handle = this.#clock.setTimer(() => {
      this.#timers.delete(slot);
      if (this.#clock.now() < due) this.arm(slot, due, action);
      else action();
    }, delay);
    // These timers must not keep a forgotten session's process alive for an hour.
    if (typeof handle === 'object' && handle !== null && 'unref' in handle && typeof handle.unref === 'function') handle.unref();
    this.#timers.set(slot, handle);
  }

  cancel(slot: Slot): void {
    const handle = this.#timers.get(slot);
    if (handle === undefined) return;
    this.#clock.clearTimer(handle);
    this.#timers.delete(slot);
  }

  cancelAll(): void {
    for (const slot of [...this.#timers.keys()]) this.cancel(slot);
  }
}
