/**
 * Prefetch: with the server answering 100 ms late, PgDn after a pause must show the new rows
 * without waiting for the network. Only the PgDns whose new window reaches into a server page
 * (100 rows) that was not in view before count: the others never need the network anyway.
 */
import type {BenchContext} from './context.js';
import {hasPlaceholders, KEYS, startOnServer, tableWindow, type LoginTarget} from './flows.js';
import {delay} from './pty.js';
import {metric, type Metric} from './stats.js';

const LATENCY_MS = 100;
const PAUSE_MS = 400;
const SERVER_PAGE = 100;

/** The server the app talks to, whose latency the bench controls. */
export interface LatencyServer extends LoginTarget {
  setLatency(ms: number): Promise<void>;
}

/** Press PgDn after a pause until `samples` of them entered a new server page. */
export async function measurePrefetch(
  context: BenchContext,
  server: LatencyServer,
  cols: number,
  rows: number,
  samples: number,
): Promise<Metric[]> {
  const {session, window: first} = await startOnServer(context, server, cols, rows);
  try {
    await server.setLatency(LATENCY_MS);
    const crossing: number[] = [];
    let window = first;
    for (let press = 0; crossing.length < samples; press++) {
      if (press >= samples * 6) throw new Error(`only ${crossing.length} PgDn entered a new server page in ${press} presses`);
      await delay(PAUSE_MS);
      const expected = window.end + 1;
      const sentAt = session.send(KEYS.pageDown);
      const shownAt = await session.waitFor(
        `rows from ${expected} with no placeholder`,
        (screen) => tableWindow(screen)?.start === expected && !hasPlaceholders(screen),
        5000,
      );
      const next = tableWindow(session.screen);
      if (!next) throw new Error(`the table disappeared (${session.describe()})`);
      if (Math.floor((next.end - 1) / SERVER_PAGE) > Math.floor((window.end - 1) / SERVER_PAGE)) crossing.push(shownAt - sentAt);
      window = next;
    }
    const section = `Prefetch (${cols}x${rows}, server latency ${LATENCY_MS} ms, ${PAUSE_MS} ms pause before each PgDn)`;
    return [
      metric(
        {id: 'prefetch.pgdn', section, label: 'PgDn into a new server page → rows shown', unit: 'ms', budget: {max: LATENCY_MS, strict: true}},
        crossing,
      ),
    ];
  } finally {
    await server.setLatency(0);
    await session.close();
  }
}
