/**
 * The one way out of the dashboard. Keys and signals ask for a quit with an exit code; the
 * App registers the work to do first (revoke the token, time-limited) and how to unmount.
 */
export interface Quitter {
  /** Ask to quit; the first request wins, later ones are ignored while it runs. */
  quit(code: number): void;
  /** The App's cleanup: called once, then the exit. */
  register(handler: () => Promise<void>): void;
  code(): number;
  /** What must happen even after a crash (revoke the token); replaced by each login. */
  track(cleanup: (() => Promise<void>) | undefined): void;
  /** Run the tracked cleanup (once). */
  cleanup(): Promise<void>;
  readonly quitting: boolean;
}

export function createQuitter(): Quitter {
  let handler: (() => Promise<void>) | undefined;
  let exitCode = 0;
  let quitting = false;
  let tracked: (() => Promise<void>) | undefined;
  return {
    quit(code) {
      if (quitting) return;
      quitting = true;
      exitCode = code;
      void handler?.();
    },
    register(next) {
      handler = next;
      // A signal that came while the dashboard was still loading is honoured now.
      if (quitting) void next();
    },
    code: () => exitCode,
    track(cleanup) {
      tracked = cleanup;
    },
    async cleanup() {
      const run = tracked;
      tracked = undefined;
      await run?.();
    },
    get quitting() {
      return quitting;
    },
  };
}
