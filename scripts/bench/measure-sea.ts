/**
 * The single executable (`npm run sea`): its size, and the same start-up measures as the npm
 * bundle's (spawn → exit of `--version`, spawn → first frame of `--demo`), interleaved with
 * `node -e 0` the same way. Nothing is measured, and the report says so, when it is not built.
 */
import {existsSync, statSync} from 'node:fs';
import {join} from 'node:path';
import type {BenchContext} from './context.js';
import {firstFrame} from './measure-startup.js';
import {metric, type Metric} from './stats.js';
import {timedRun} from './timed-spawn.js';

const SECTION = 'Single executable (dist/wazo-tui-linux-x64)';

export async function measureSea(context: BenchContext, runs: number, note: (text: string) => void): Promise<Metric[]> {
  const executable = join(context.root, 'dist', 'wazo-tui-linux-x64');
  if (!existsSync(executable)) {
    note('no dist/wazo-tui-linux-x64: run npm run sea to measure it');
    return [];
  }
  const bare: number[] = [];
  const version: number[] = [];
  const frame: number[] = [];
  for (let round = 0; round <= runs; round++) {
    const baseline = (await timedRun(context.node, ['-e', '0'])).ms;
    const versionRun = await timedRun(executable, ['--version']);
    if (!/^\d+\.\d+\.\d+/.test(versionRun.stdout)) throw new Error(`--version printed ${JSON.stringify(versionRun.stdout)}`);
    const first = await firstFrame(context, [executable]);
    if (round === 0) continue;
    bare.push(baseline);
    version.push(versionRun.ms);
    frame.push(first);
  }
  const ratio = (samples: number[]) => samples.map((ms, index) => ms / bare[index]!);
  return [
    metric({id: 'sea.size', section: SECTION, label: 'size', unit: 'MB'}, [statSync(executable).size / 1e6]),
    metric({id: 'sea.version', section: SECTION, label: '--version → exit', unit: 'ms'}, version),
    metric({id: 'sea.version.ratio', section: SECTION, label: '  ÷ node -e 0 (same round)', unit: 'x'}, ratio(version)),
    metric({id: 'sea.frame', section: SECTION, label: '--demo → first frame (80x24 pty)', unit: 'ms', budget: {max: 100}}, frame),
    metric({id: 'sea.frame.ratio', section: SECTION, label: '  ÷ node -e 0 (same round)', unit: 'x'}, ratio(frame)),
  ];
}
