/**
 * `npm run bench`: measures the performance budget of DESIGN.md on the built app (dist/cli.js)
 * and prints one table with the previous run's numbers beside this run's. A number over budget
 * is reported, not fatal; a measurement that could not be taken makes the exit code 1.
 */
import {cpus, loadavg} from 'node:os';
import {createContext} from './bench/context.js';
import {loadPrevious, saveRun} from './bench/history.js';
import {measureKeys} from './bench/measure-keys.js';
import {measureExport} from './bench/measure-export.js';
import {measureMemory} from './bench/measure-memory.js';
import {measurePrefetch} from './bench/measure-prefetch.js';
import {measureSea} from './bench/measure-sea.js';
import {measureServer} from './bench/measure-server.js';
import {measureStartup} from './bench/measure-startup.js';
import {killAll} from './bench/processes.js';
import {startServerProcess, type RemoteServer} from './bench/remote-server.js';
import {renderTable} from './bench/report.js';
import type {Metric} from './bench/stats.js';

const STARTUP_RUNS = 7;
const KEY_SAMPLES = 6;
const SERVER_RUNS = 7;
const PREFETCH_SAMPLES = 5;
const USERS = 100_000;
const PAGING_TIME_LIMIT_MS = 60_000;
const EXPORT_TIME_LIMIT_MS = 240_000;
/** Hard stop, far above the ~4 minutes a run takes (the export alone 1–2): a hung measurement must not hang `npm run bench`. */
const WATCHDOG_MS = 10 * 60_000;

async function main(): Promise<number> {
  const context = createContext();
  const started = performance.now();
  const previous = loadPrevious(context.historyFile);
  const metrics: Metric[] = [];
  const failures: string[] = [];
  const progress = (text: string) => process.stderr.write(`bench ${((performance.now() - started) / 1000).toFixed(1)}s: ${text}\n`);
  const step = async (name: string, measure: () => Promise<Metric[]>) => {
    progress(name);
    try {
      metrics.push(...(await measure()));
    } catch (error) {
      failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      progress(`${name} FAILED`);
    }
  };

  let server: RemoteServer | undefined;
  try {
    await step('start-up', () => measureStartup(context, STARTUP_RUNS));
    await step('single executable start-up', () => measureSea(context, STARTUP_RUNS, progress));
    await step('keys at 80x24', () => measureKeys(context, 80, 24, KEY_SAMPLES));
    await step('keys at 200x50', () => measureKeys(context, 200, 50, KEY_SAMPLES));
    progress(`starting the demo server with ${USERS} users (its own process)`);
    server = await startServerProcess(USERS, Math.round(USERS * 1.2));
    const target = server;
    const yardstick = metrics.find((each) => each.id === 'startup.node')?.stats.median;
    await step('demo server latency', () => measureServer(target, USERS, SERVER_RUNS, yardstick));
    await step('prefetch', () => measurePrefetch(context, target, 200, 50, PREFETCH_SAMPLES));
    await step('memory while paging', () => measureMemory(context, target, 200, 50, PAGING_TIME_LIMIT_MS));
    await step('memory of an export', () => measureExport(context, target, EXPORT_TIME_LIMIT_MS));
  } finally {
    await server?.close();
    killAll();
    context.dispose();
  }

  const now = new Date();
  process.stdout.write(
    `wazo-tui bench — ${now.toISOString()} — Node ${process.version}, ${cpus().length} CPUs, load ${loadavg()
      .map((load) => load.toFixed(2))
      .join(' ')}\n` +
      `previous run: ${previous?.at ?? 'none'}; PASS/OVER judge the median (or the max where marked); ` +
      `took ${((performance.now() - started) / 1000).toFixed(0)} s\n\n`,
  );
  process.stdout.write(`${renderTable(metrics, previous)}\n`);
  if (metrics.length > 0) saveRun(context.historyFile, metrics, now);
  if (failures.length > 0) {
    process.stdout.write(`\nMeasurements that failed:\n${failures.map((failure) => `- ${failure}`).join('\n')}\n`);
    return 1;
  }
  return 0;
}

const watchdog = setTimeout(() => {
  process.stderr.write(`bench: still running after ${WATCHDOG_MS / 1000} s, giving up\n`);
  killAll();
  process.exit(1);
}, WATCHDOG_MS);
watchdog.unref();

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
