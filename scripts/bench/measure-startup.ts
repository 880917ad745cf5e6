/**
 * Start-up: spawn → first drawn frame of `wazo-tui --demo` on a pty, spawn → exit of
 * `wazo-tui --version`, and a bare `node -e 0` as the yardstick. The runs are interleaved so
 * that a busy moment of the machine hits every kind alike; each ratio pairs the runs of one round.
 */
import type {BenchContext} from './context.js';
import {PtySession, withTimeout} from './pty.js';
import {metric, type Metric} from './stats.js';
import {timedRun} from './timed-spawn.js';

const SECTION = 'Start-up (spawn → first frame / exit)';
const COLS = 80;
const ROWS = 24;

/** Measure `runs` rounds after one discarded warm-up round. */
export async function measureStartup(context: BenchContext, runs: number): Promise<Metric[]> {
  const bare: number[] = [];
  const version: number[] = [];
  const wrapper: number[] = [];
  const frame: number[] = [];
  for (let round = 0; round <= runs; round++) {
    const baseline = (await timedRun(context.node, ['-e', '0'])).ms;
    const versionRun = await timedRun(context.app[0]!, [...context.app.slice(1), '--version']);
    if (!/^\d+\.\d+\.\d+/.test(versionRun.stdout)) throw new Error(`--version printed ${JSON.stringify(versionRun.stdout)}`);
    const wrapped = await wrapperRun(context);
    const first = await firstFrame(context);
    if (round === 0) continue;
    bare.push(baseline);
    version.push(versionRun.ms);
    wrapper.push(wrapped);
    frame.push(first);
  }
  const ratio = (samples: number[]) => samples.map((value, index) => value / bare[index]!);
  return [
    metric({id: 'startup.node', section: SECTION, label: 'node -e 0 (yardstick)', unit: 'ms'}, bare),
    metric({id: 'startup.version', section: SECTION, label: 'wazo-tui --version → exit', unit: 'ms'}, version),
    metric({id: 'startup.version.ratio', section: SECTION, label: '  ÷ node -e 0 (same round)', unit: 'x'}, ratio(version)),
    metric(
      {id: 'startup.frame', section: SECTION, label: `wazo-tui --demo → first frame (${COLS}x${ROWS} pty)`, unit: 'ms', budget: {max: 100}},
      frame,
    ),
    metric({id: 'startup.frame.ratio', section: SECTION, label: '  ÷ node -e 0 (same round)', unit: 'x'}, ratio(frame)),
    metric({id: 'startup.wrapper', section: SECTION, label: 'pty wrapper alone: script+stty+node -e 0', unit: 'ms'}, wrapper),
  ];
}

/** spawn → first output with visible text after the switch to the alternate screen of `app --demo`. */
export async function firstFrame(context: BenchContext, app: readonly string[] = context.app): Promise<number> {
  const session = new PtySession({
    cols: COLS,
    rows: ROWS,
    command: [...app, '--demo', '--config-dir', context.configDir()],
  });
  try {
    // The first bytes of the frame count, not its end: midFrame.
    const at = await session.waitFor('the first frame', (screen) => screen.alternate && screen.hasVisibleText(), 15_000, true);
    return at - session.startedAt;
  } finally {
    // Nothing to clean up in the app (its config directory is ours): do not wait for a graceful exit.
    await session.close(true);
  }
}

/** What the pty wrapper itself costs: the same `script` + `stty` running `node -e 0`, spawn → exit. */
async function wrapperRun(context: BenchContext): Promise<number> {
  const session = new PtySession({cols: COLS, rows: ROWS, command: [context.node, '-e', '0']});
  try {
    const code = await withTimeout(session.exited, 10_000, 'script + node -e 0');
    if (code !== 0 || session.exitedAt === undefined) throw new Error(`script + node -e 0 ended with ${code}`);
    return session.exitedAt - session.startedAt;
  } finally {
    await session.close(true);
  }
}
