/**
 * A crash on purpose, for the end-to-end tests of the crash path: `WAZO_TUI_TEST_CRASH=render`,
 * `timer` or `promise`, read once at start, throws a second after the main screen shows, in a
 * render, in a timer, or as a rejection nobody handles. Nothing in the interface can reach it; the
 * variable is the only switch, as a real bug has none.
 */
import {useEffect, useState} from 'react';

export type TestCrashKind = 'render' | 'timer' | 'promise';

const KINDS: readonly TestCrashKind[] = ['render', 'timer', 'promise'];

/** The crash the environment asks for, read when the module loads. */
export const testCrash: TestCrashKind | undefined = KINDS.find((kind) => kind === process.env.WAZO_TUI_TEST_CRASH);

const DELAY_MS = 1000;

function crashError(kind: TestCrashKind): Error {
  return new Error(`WAZO_TUI_TEST_CRASH=${kind}: a crash on purpose`);
}

export function TestCrash({kind}: {kind: TestCrashKind}) {
  const [thrown, setThrown] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => {
      if (kind === 'render') setThrown(true);
      else if (kind === 'timer') throw crashError(kind);
      else void Promise.reject(crashError(kind));
    }, DELAY_MS);
    return () => clearTimeout(timer);
  }, [kind]);
  if (thrown) throw crashError(kind);
  return null;
}
