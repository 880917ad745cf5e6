/**
 * A young-generation collection while the dashboard is idle, so that the next key does not pay
 * for one. The young generation is kept at 1 MB for memory (scripts/esbuild-options.mjs), and the
 * garbage a page fetched in the background leaves (the prefetch) half fills it: most page moves
 * began with a scavenge. `schedule` is called after each frame; the collection runs once the
 * screen has been still for {@link IDLE_MS}, so never inside a burst of keys.
 */
import {setFlagsFromString} from 'node:v8';
import {runInNewContext} from 'node:vm';

/** Still this long after the last frame: the user is reading, not holding a key. */
export const IDLE_MS = 30;

/** V8's `gc`, as `--expose-gc` gives it. */
export type Collect = (options: {type: 'minor'; execution: 'sync'}) => void;

export interface IdleCollector {
  /** A frame was drawn: collect once the screen stays still. */
  schedule(): void;
}

let exposed: Collect | undefined;

/**
 * V8 gives `gc` only to contexts made after the flag is set: a fresh one, made on first use (not at
 * start-up, where it would delay the first frame). A V8 that gives none gets no collection, not a
 * crash in a timer.
 */
export function exposedGc(): Collect {
  if (!exposed) {
    setFlagsFromString('--expose-gc');
    const found: unknown = runInNewContext('typeof gc === "function" ? gc : undefined');
    exposed = typeof found === 'function' ? (found as Collect) : () => {};
  }
  return exposed;
}

export function idleCollector(collect: () => Collect = exposedGc): IdleCollector {
  let timer: NodeJS.Timeout | undefined;
  return {
    schedule() {
      if (timer) {
        timer.refresh();
        return;
      }
      timer = setTimeout(() => {
        timer = undefined;
        collect()({type: 'minor', execution: 'sync'});
      }, IDLE_MS);
      // A pending collection never keeps the process alive.
      timer.unref();
    },
  };
}
