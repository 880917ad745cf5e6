/**
 * Memory: the app's resident set (VmRSS) after paging through the whole user collection with
 * PgDn, in bursts, waiting for the loaded frame between bursts. Only pages near the view should be kept.
 */
import type {BenchContext} from './context.js';
import {hasPlaceholders, KEYS, startOnServer, tableWindow, type LoginTarget} from './flows.js';
import {delay} from './pty.js';
import {residentBytes} from './processes.js';
import {residentParts} from './resident-parts.js';
import {metric, type Metric} from './stats.js';

const BURST = 50;
const MB = 1024 * 1024;

/** Page from the first row to the last (or until `timeLimitMs`), sampling RSS after every burst. */
export async function measureMemory(
  context: BenchContext,
  server: LoginTarget,
  cols: number,
  rows: number,
  timeLimitMs: number,
): Promise<Metric[]> {
  const {session, window: first} = await startOnServer(context, server, cols, rows);
  try {
    const pid = session.appPid();
    const rss = () => {
      const bytes = residentBytes(pid);
      if (bytes === undefined) throw new Error(`the app (pid ${pid}) is gone`);
      return bytes / MB;
    };
    await session.waitQuiet(300, 3000);
    const atLogin = rss();
    const readings: number[] = [];
    const started = performance.now();
    let window = first;
    while (window.end < window.total && performance.now() - started < timeLimitMs) {
      const from = window.start;
      session.send(KEYS.pageDown.repeat(BURST));
      await session.waitFor(
        `the table to move past row ${from} with rows loaded`,
        (screen) => (tableWindow(screen)?.start ?? 0) > from && !hasPlaceholders(screen),
        10_000,
      );
      // The burst may still be arriving: wait until the frame is final and loaded.
      await session.waitQuiet(60, 2000);
      await session.waitFor('the rows of the final window', (screen) => !hasPlaceholders(screen), 10_000);
      const next = tableWindow(session.screen);
      if (!next) throw new Error(`no table after a burst (${session.describe()})`);
      window = next;
      readings.push(rss());
    }
    const seconds = (performance.now() - started) / 1000;
    await delay(200);
    const after = rss();
    const parts = residentParts(pid);
    const section = `Memory (${cols}x${rows}, PgDn in bursts of ${BURST}, ${window.end} of ${window.total} rows in ${seconds.toFixed(1)} s)`;
    if (readings.length === 0) throw new Error('no burst was measured');
    return [
      metric({id: 'memory.login', section, label: 'RSS after login', unit: 'MB'}, [atLogin]),
      metric({id: 'memory.paging', section, label: 'RSS after each burst', unit: 'MB', budget: {max: 100, worst: true}}, readings),
      metric({id: 'memory.end', section, label: `RSS after paging to row ${window.end}`, unit: 'MB', budget: {max: 100}}, [after]),
      ...(parts
        ? [
            metric({id: 'memory.end.anon', section, label: '  of which the process’s own (anonymous)', unit: 'MB'}, [parts.anonMB]),
            metric({id: 'memory.end.file', section, label: '  of which mapped files (the Node binary)', unit: 'MB'}, [parts.fileMB]),
          ]
        : []),
    ];
  } finally {
    await session.close();
  }
}
