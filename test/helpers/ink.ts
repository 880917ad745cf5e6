/**
 * Helpers for driving Ink components with ink-testing-library 4. Its fake stdout is 100 columns
 * with no rows, so components under test take their size as props.
 */
import assert from 'node:assert/strict';
import {createElement, type ReactElement} from 'react';
import {render} from 'ink-testing-library';
import {KeyboardProvider, escapeJoinMs, type KeyboardProviderProps} from '../../source/hooks/keyboard.js';
import {displayWidth} from '../../source/text/width.js';

/** A rendered app: what ink-testing-library's `render` returns. */
export type Rendered = ReturnType<typeof render>;

/**
 * Byte sequences of keys as a terminal sends them; each is checked against Ink 8's parser in
 * test/keys.test.ts. A lone `escape` is recognised only after Ink's 20 ms wait, which `press` honours.
 */
export const KEYS = {
  up: '\u001B[A',
  down: '\u001B[B',
  pageDown: '\u001B[6~',
  pageUp: '\u001B[5~',
  home: '\u001B[H',
  end: '\u001B[F',
  enter: '\r',
  escape: '\u001B',
  tab: '\t',
  ctrlC: '\u0003',
  ctrlF: '\u0006',
  ctrlB: '\u0002',
  ctrlU: '\u0015',
  ctrlW: '\u0017',
  backspace: '\u007F',
} as const;

/** Ink waits this long before it takes a lone ESC for the Escape key (ink/build/components/App.js). */
const inkEscapeDelayMs = 20;

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Renders `element` in a fake terminal. */
export function renderApp(element: ReactElement): Rendered {
  return render(element);
}

/** Renders a component that takes keys (`useKeys`) under the keyboard reader, as the App does. */
export function renderWithKeys(element: ReactElement, onInterrupt: () => void = () => {}): Rendered {
  const props: KeyboardProviderProps = {onInterrupt, children: element};
  return render(createElement(KeyboardProvider, props));
}

/**
 * Writes each key to stdin, one tick apart (input listeners attach in an effect, and React must
 * render between keys). After a lone Escape it waits until Ink has flushed it as a key, or the
 * next key would be read as Alt+key, and until the keyboard reader stopped waiting for the rest
 * of a split sequence.
 */
export async function press(instance: Rendered, ...keys: string[]): Promise<void> {
  await tick();
  for (const key of keys) {
    instance.stdin.write(key);
    if (key === KEYS.escape) await new Promise((resolve) => setTimeout(resolve, inkEscapeDelayMs + escapeJoinMs + 10));
    await tick();
  }
}

/** Polls the last frame until it contains `expected`; fails with the last frame otherwise. */
export async function waitForText(instance: Rendered, expected: string | RegExp, timeoutMs = 2000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = instance.lastFrame() ?? '';
    if (typeof expected === 'string' ? frame.includes(expected) : expected.test(frame)) return frame;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${String(expected)} in the frame:\n${frame}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Polls `check` until it returns without throwing; fails with its last error otherwise. */
export async function eventually(check: () => void, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The lines of the last frame. */
export function frameLines(instance: Rendered): string[] {
  return (instance.lastFrame() ?? '').split('\n');
}

/** Asserts that no line of `frame` is wider than `width` columns. */
export function assertFits(frame: string, width: number): void {
  for (const line of frame.split('\n')) {
    assert.ok(displayWidth(line) <= width, `line wider than ${width} (${displayWidth(line)}): ${JSON.stringify(line)}`);
  }
}
