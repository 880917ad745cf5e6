/**
 * Terminal traffic and responsiveness per key in the main table of `--demo`: bytes written for a
 * no-op key, a one-row move inside the window, a one-row move that scrolls it and a page move,
 * and the time from key to the first byte of the frame. Every key's effect on the screen is checked,
 * so a number is never taken from a key that did something else.
 */
import {ClockGuard, type GuardedResult} from './clock-guard.js';
import type {BenchContext} from './context.js';
import {KEYS, loginDemo, selectedLine, tableWindow, type TableWindow} from './flows.js';
import {PtySession} from './pty.js';
import type {Screen} from './screen.js';
import {metric, type Metric} from './stats.js';

/** A frame is over after this long without output (Ink draws at most every 16 ms). */
const QUIET_MS = 50;
/** A no-op key is one that drew nothing within this long. */
const NOOP_WAIT_MS = 250;
/** A key that must draw gets this long for its first byte (a loaded machine can stall that long). */
const FIRST_BYTE_MS = 3000;
/** Samples lost to a clock tick are retaken, up to this many times per kind. */
const EXTRA_ATTEMPTS = 4;

/** Where the table is: its window and the selection's screen line. */
interface Position {
  window: TableWindow;
  line: number;
}

/** Measure `samples` clean keys of each kind at `cols`x`rows`. */
export async function measureKeys(context: BenchContext, cols: number, rows: number, samples: number): Promise<Metric[]> {
  const session = new PtySession({cols, rows, command: [...context.app, '--demo', '--config-dir', context.configDir()]});
  const guard = new ClockGuard(session);
  try {
    const first = await loginDemo(session);
    if (first.start !== 1) throw new Error(`the table starts at row ${first.start}`);
    // Let the post-login redraws (tenant name, prefetch) settle.
    await session.waitQuiet(300, 3000);
    // Right after login the selection is on row 1, the table's first line.
    const firstLine = position(session.screen).line;
    const size = `${cols}x${rows}`;
    const section = `Keys at ${size} (--demo, ${first.total} rows, ${first.end - first.start + 1} visible)`;
    const visible = first.end - first.start + 1;
    if (visible < samples + EXTRA_ATTEMPTS + 2) throw new Error(`only ${visible} rows visible at ${size}`);

    const sample = async (
      kind: string,
      keys: string,
      expect: (before: Position, after: Position, result: GuardedResult) => string | undefined,
      options: {noop?: boolean; prepare?: (position: Position) => Promise<void>} = {},
    ): Promise<GuardedResult[]> => {
      const {noop, prepare} = options;
      const results: GuardedResult[] = [];
      for (let attempt = 0; results.length < samples && attempt < samples + EXTRA_ATTEMPTS; attempt++) {
        if (prepare) await prepare(position(session.screen));
        const before = position(session.screen);
        const result = await guard.press(keys, {quietMs: QUIET_MS, firstByteMs: noop ? NOOP_WAIT_MS : FIRST_BYTE_MS});
        const problem = expect(before, position(session.screen), result);
        if (problem) throw new Error(`${kind} at ${size}: ${problem} (${session.describe()})`);
        if (result.clean) results.push(result);
      }
      if (results.length < samples) throw new Error(`${kind} at ${size}: only ${results.length} samples clear of the clock`);
      return results;
    };

    const noop = await sample('k at the first row', KEYS.up, (before, after) => (same(before, after) ? undefined : 'the selection moved'), {
      noop: true,
    });
    const down = await sample('j inside the window', KEYS.down, (before, after, result) =>
      after.line === before.line + 1 && after.window.start === before.window.start && result.bytes > 0
        ? undefined
        : 'the selection did not move down one line',
    );

    // Bring the selection to the last visible row: the next j scrolls.
    const bottomLine = firstLine + visible - 1;
    session.send(KEYS.down.repeat(bottomLine - position(session.screen).line));
    await session.waitFor('the selection on the last visible row', (screen) => selectedLine(screen) === bottomLine, 5000);
    const scroll = await sample('j scrolling the window', KEYS.down, (before, after) =>
      after.window.start === before.window.start + 1 && after.line === before.line ? undefined : 'the window did not scroll by one row',
    );

    // What the rows a PgDn brings show, as text: the budget for the bytes it may cost.
    const pageText: number[] = [];
    const page = await sample(
      'PgDn',
      KEYS.pageDown,
      (before, after, result) => {
        if (after.window.start !== before.window.end + 1) return 'the window did not move by one page';
        if (result.clean) pageText.push(rowsText(session.screen, firstLine, visible));
        return undefined;
      },
      {
        prepare: async (at) => {
          // Near the end, go back to the top so that every PgDn moves a whole page.
          if (at.window.end + visible <= at.window.total) return;
          session.send(KEYS.first);
          await session.waitFor('the first row', (screen) => tableWindow(screen)?.start === 1, 5000);
        },
      },
    );

    const bytes = (results: GuardedResult[]) => results.map((result) => result.bytes);
    const latency = (results: GuardedResult[]) =>
      results.map((result) => {
        if (result.latencyMs === undefined) throw new Error(`a key that changed the screen drew nothing at ${size}`);
        return result.latencyMs;
      });
    const scrollBudget = {max: cols === 80 && rows === 24 ? 300 : 500};
    const rowBudget = cols === 80 && rows === 24 ? {max: 300} : undefined;
    const frameBudget = {max: cols === 200 && rows === 50 ? 10 : 16};
    const id = `keys.${size}`;
    return [
      metric({id: `${id}.noop.bytes`, section, label: 'k at the first row (no-op): bytes', unit: 'B', budget: {max: 0}}, bytes(noop)),
      metric({id: `${id}.down.bytes`, section, label: 'j inside the window: bytes', unit: 'B', budget: rowBudget}, bytes(down)),
      metric({id: `${id}.scroll.bytes`, section, label: 'j scrolling the window: bytes', unit: 'B', budget: scrollBudget}, bytes(scroll)),
      metric({id: `${id}.page.bytes`, section, label: 'PgDn: bytes', unit: 'B'}, bytes(page)),
      metric({id: `${id}.page.text`, section, label: '  text of the rows it shows', unit: 'B'}, pageText),
      metric(
        {id: `${id}.page.ratio`, section, label: '  bytes ÷ that text', unit: 'x', budget: {max: 1}},
        bytes(page).map((value, index) => value / (pageText[index] ?? Infinity)),
      ),
      metric({id: `${id}.down.latency`, section, label: 'j inside the window: key → frame', unit: 'ms', budget: frameBudget}, latency(down)),
      metric({id: `${id}.scroll.latency`, section, label: 'j scrolling the window: key → frame', unit: 'ms', budget: frameBudget}, latency(scroll)),
      metric({id: `${id}.page.latency`, section, label: 'PgDn: key → frame', unit: 'ms', budget: frameBudget}, latency(page)),
    ];
  } finally {
    guard.dispose();
    await session.close();
  }
}

function position(screen: Screen): Position {
  const window = tableWindow(screen);
  const line = selectedLine(screen);
  if (!window || line < 0) throw new Error(`the table is not on screen:\n${screen.text()}`);
  return {window, line};
}

/** Bytes of the text of the table's `visible` rows from screen line `firstLine` (trailing blanks left out). */
function rowsText(screen: Screen, firstLine: number, visible: number): number {
  return screen
    .lines()
    .slice(firstLine, firstLine + visible)
    .reduce((sum, line) => sum + Buffer.byteLength(line.trimEnd()), 0);
}

function same(a: Position, b: Position): boolean {
  return a.line === b.line && a.window.start === b.window.start && a.window.end === b.window.end;
}
