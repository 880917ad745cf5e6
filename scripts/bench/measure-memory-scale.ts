/**
 * RSS while paging 100 000 users in one table: the bench's shared server holds 100 000 users over
 * three tenants (about 80 000 in Acme, where the admin's table is), so this measurement starts its
 * own server, large enough that Acme alone holds 100 000, and pages through all of them.
 */
import type {BenchContext} from './context.js';
import {inkFloorMB} from './measure-floor.js';
import {measureMemory} from './measure-memory.js';
import {startServerProcess} from './remote-server.js';
import {metric, type Metric} from './stats.js';

/** The table's rows to page through. */
export const PAGED_USERS = 100_000;
/** PgDn pressed one at a time, each drawn before the next: a frame per key, as when PgDn is held. */
const KEY_BY_KEY = 600;
/** Acme's share of the demo's users (`pickTenant` in source/demo/data.ts), with a margin for the dice. */
const ACME_SHARE = 0.79;

/** Page through at least {@link PAGED_USERS} users at `cols`x`rows`, sampling RSS. */
export async function measureMemoryAtScale(context: BenchContext, cols: number, rows: number, timeLimitMs: number): Promise<Metric[]> {
  const users = Math.ceil(PAGED_USERS / ACME_SHARE);
  const server = await startServerProcess(users, Math.round(users * 1.2));
  try {
    const metrics = await measureMemory(context, server, cols, rows, {burst: 50, timeLimitMs, id: 'memory'});
    const paged = /(\d+) of (\d+) rows/.exec(metrics[0]?.section ?? '');
    if (!paged || Number(paged[2]) < PAGED_USERS) throw new Error(`the table held ${paged?.[2] ?? 'no'} users, fewer than ${PAGED_USERS}`);
    const floor = await inkFloorMB(context, cols, rows);
    const section = metrics[0]!.section;
    const keyByKey = await measureMemory(context, server, cols, rows, {burst: 1, keys: KEY_BY_KEY, timeLimitMs, id: 'memory.keys'});
    return [...metrics, metric({id: 'memory.floor', section, label: 'yardstick: RSS of a bare Ink app (one word, TLS context)', unit: 'MB'}, [floor]), ...keyByKey];
  } finally {
    await server.close();
  }
}
