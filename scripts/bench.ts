/**
 * `npm run bench`: measures the performance budget of DESIGN.md on the built app (dist/cli.js)
 * and prints one table with the previous run's numbers beside this run's. A number over budget
 * is reported, not fatal; a measurement that could not be taken makes the exit code 1.
 */
import {cpus, loadavg} from 'node:os';
import {createContext, type BenchContext} from './bench/context.js';
import {loadPrevious, saveRun} from './bench/history.js';
import {measureKeys} from './bench/measure-keys.js';
import {measureExport} from './bench/measure-export.js';
import {measureMemoryAtScale} from './bench/measure-memory-scale.js';
import {measurePrefetch} from './bench/measure-prefetch.js';
import {measureSea} from './bench/measure-sea.js';
import {measureServer} from './bench/measure-server.js';
import {measureStartup} from './bench/measure-startup.js';
import {measureWire} from './bench/measure-wire.js';
import {killAll} from './bench/processes.js';
import {startServerProcess, type RemoteServer} from './bench/remote-server.js';
import {renderTable} from './bench/report.js';
import type {Metric} from './bench/stats.js';

const STARTUP_RUNS = 7;
const KEY_SAMPLES = 6;
const SERVER_RUNS = 7;
const PREFETCH_SAMPLES = 5;
const USERS = 100_000;
/** Far more than paging through 100 000 users takes (about 15 s in light pages on the busy 2-core machine). */
const PAGING_TIME_LIMIT_MS = 120_000;
/** Far more than exporting the users takes (70 s on the busy 2-core machine). */
const EXPORT_TIME_LIMIT_MS = 240_000;
/** Hard stop, far above the ~4 minutes a run takes (the export 1–2): a hung measurement must not hang `npm run bench`. */
const WATCHDOG_MS = 10 * 60_000;

/** What a measurement gets: the context, the metrics so far, and the shared server if it asked for one. */
interface StepInputs {
  context: BenchContext;
  metrics: readonly Metric[];
  server?: RemoteServer;
  progress: (text: string) => void;
}

/** One measurement of the report. */
interface Step {
  name: string;
  /** Runs against the demo server of USERS users in its own process (started once for all of them). */
  server?: boolean;
  measure(inputs: StepInputs): Promise<Metric[]>;
}

/**
 * The report's measurements, in order. A new one (bytes on the wire per page, RSS while paging
 * 100 000 users…) is one more entry here and a `measure-*.ts` beside the others.
 */
const STEPS: readonly Step[] = [
  {name: 'start-up', measure: ({context}) => measureStartup(context, STARTUP_RUNS)},
  {name: 'single executable start-up', measure: ({context, progress}) => measureSea(context, STARTUP_RUNS, progress)},
  {name: 'keys at 80x24', measure: ({context}) => measureKeys(context, 80, 24, KEY_SAMPLES)},
  {name: 'keys at 200x50', measure: ({context}) => measureKeys(context, 200, 50, KEY_SAMPLES)},
  {
    name: 'demo server latency',
    server: true,
    measure: ({server, metrics}) => measureServer(needServer(server), USERS, SERVER_RUNS, metrics.find((each) => each.id === 'startup.node')?.stats.median),
  },
  {name: 'prefetch', server: true, measure: ({context, server}) => measurePrefetch(context, needServer(server), 200, 50, PREFETCH_SAMPLES)},
  {name: 'bytes on the wire per page', server: true, measure: ({server}) => measureWire(needServer(server), SERVER_RUNS)},
  {name: 'memory of an export', server: true, measure: ({context, server}) => measureExport(context, needServer(server), EXPORT_TIME_LIMIT_MS)},
  {name: 'memory while paging 100 000 users', measure: ({context}) => measureMemoryAtScale(context, 200, 50, PAGING_TIME_LIMIT_MS)},
];

function needServer(server: RemoteServer | undefined): RemoteServer {
  if (!server) throw new Error('this measurement needs the demo server');
  return server;
}

async function main(): Promise<number> {
  const context = createContext();
  const started = performance.now();
  const previous = loadPrevious(context.historyFile);
  const metrics: Metric[] = [];
  const failures: string[] = [];
  const progress = (text: string) => process.stderr.write(`bench ${((performance.now() - started) / 1000).toFixed(1)}s: ${text}\n`);
  // `npm run bench -- keys start-up`: only the steps whose names contain one of the words.
  const only = process.argv.slice(2);
  const wanted = (name: string) => only.length === 0 || only.some((word) => name.includes(word));
  const run = async ({name, measure}: Step, inputs: StepInputs) => {
    progress(name);
    try {
      metrics.push(...(await measure(inputs)));
    } catch (error) {
      failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      progress(`${name} FAILED`);
    }
  };

  let server: RemoteServer | undefined;
  try {
    const steps = STEPS.filter((each) => wanted(each.name));
    for (const each of steps.filter((step) => !step.server)) await run(each, {context, metrics, progress});
    if (steps.some((step) => step.server)) {
      progress(`starting the demo server with ${USERS} users (its own process)`);
      server = await startServerProcess(USERS, Math.round(USERS * 1.2));
      for (const each of steps.filter((step) => step.server)) await run(each, {context, metrics, server, progress});
    }
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
  // A partial run keeps the previous numbers of the steps it skipped.
  if (metrics.length > 0) saveRun(context.historyFile, metrics, now, only.length > 0 ? previous : undefined);
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
