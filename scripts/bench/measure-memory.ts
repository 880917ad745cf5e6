/**
 * Memory: the app's resident set (VmRSS) while paging through the user collection with PgDn, in
 * bursts of keys sent at once (each burst is drawn as one frame) or one key at a time, waiting for
 * the loaded frame after each: a frame per key, as when PgDn is held. Only pages near the view, and
 * bounded caches, should be kept.
 */
import type {BenchContext} from './context.js';
import {hasPlaceholders, KEYS, startOnServer, tableWindow, type LoginTarget} from './flows.js';
import {delay} from './pty.js';
import {residentBytes} from './processes.js';
import {residentParts} from './resident-parts.js';
import {metric, type Metric} from './stats.js';

const MB = 1024 * 1024;

/** How to page: `burst` keys at a time, for at most `keys` keys (default: to the last row) or `timeLimitMs`. */
export interface Paging {
  burst: number;
  keys?: number;
  timeLimitMs: number;
  /** Prefix of the metrics' ids. */
  id: string;
}

/** Page from the first row on, sampling RSS after every burst. */
export async function measureMemory(context: BenchContext, server: LoginTarget, cols: number, rows: number, paging: Paging): Promise<Metric[]> {
  const {burst, keys = Infinity, timeLimitMs, id} = paging;
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
    let sent = 0;
    while (window.end < window.total && sent < keys && performance.now() - started < timeLimitMs) {
      const from = window.start;
      session.send(KEYS.pageDown.repeat(burst));
      sent += burst;
      await session.waitFor(
        `the table to move past row ${from} with rows loaded`,
        (screen) => (tableWindow(screen)?.start ?? 0) > from && !hasPlaceholders(screen),
        10_000,
      );
      if (burst > 1) {
        // The burst may still be arriving: wait until the frame is final and loaded.
        await session.waitQuiet(60, 2000);
        await session.waitFor('the rows of the final window', (screen) => !hasPlaceholders(screen), 10_000);
      }
      const next = tableWindow(session.screen);
      if (!next) throw new Error(`no table after a burst (${session.describe()})`);
      window = next;
      readings.push(rss());
    }
    const seconds = (performance.now() - started) / 1000;
    await delay(200);
    const after = rss();
    const parts = residentParts(pid);
    const how = burst > 1 ? `PgDn in bursts of ${burst}` : 'PgDn one key at a time';
    const section = `Memory (${cols}x${rows}, ${how}, ${window.end} of ${window.total} rows in ${seconds.toFixed(1)} s)`;
    if (readings.length === 0) throw new Error('no burst was measured');
    const each = burst > 1 ? 'RSS after each burst' : 'RSS after each key';
    // Every 10th reading of a walk key by key: the same maximum, a report of a sensible size.
    const sampled = burst > 1 ? readings : readings.filter((_, index) => index % 10 === 9 || index === readings.length - 1);
    return [
      metric({id: `${id}.login`, section, label: 'RSS after login', unit: 'MB'}, [atLogin]),
      metric({id: `${id}.paging`, section, label: each, unit: 'MB', budget: {max: 100, worst: true}}, sampled),
      metric({id: `${id}.end`, section, label: `RSS after paging to row ${window.end}`, unit: 'MB', budget: {max: 100}}, [after]),
      ...(parts
        ? [
            metric({id: `${id}.end.anon`, section, label: '  of which the process’s own (anonymous)', unit: 'MB'}, [parts.anonMB]),
            metric({id: `${id}.end.file`, section, label: '  of which mapped files (the Node binary)', unit: 'MB'}, [parts.fileMB]),
          ]
        : []),
    ];
  } finally {
    await session.close();
  }
}
