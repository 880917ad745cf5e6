/**
 * The idle collector: one young-generation collection once frames stop for IDLE_MS, none while
 * they keep coming; and the `gc` it takes from V8 really runs a minor collection (seen by Node's
 * GC observer, the test allocating nothing meanwhile).
 */
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {constants, PerformanceObserver, type PerformanceEntry} from 'node:perf_hooks';
import {exposedGc, idleCollector, IDLE_MS, type Collect} from '../../source/terminal/idle-collector.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('idleCollector', () => {
  test('collects once, IDLE_MS after the last of a run of frames, and not during it', async () => {
    const calls: Array<{at: number; options: unknown}> = [];
    const collect: Collect = (options) => calls.push({at: Date.now(), options});
    const collector = idleCollector(() => collect);
    let last = 0;
    for (let frame = 0; frame < 10; frame++) {
      collector.schedule();
      last = Date.now();
      await sleep(IDLE_MS / 3);
    }
    assert.equal(calls.length, 0, 'frames a third of IDLE_MS apart: no collection yet');
    await sleep(IDLE_MS * 3);
    assert.equal(calls.length, 1, 'one collection once the frames stopped');
    assert.ok(calls[0]!.at - last >= IDLE_MS - 2, `it came ${calls[0]!.at - last} ms after the last frame`);
    assert.deepEqual(calls[0]!.options, {type: 'minor', execution: 'sync'});
  });

  test('the gc it uses runs a minor collection', async () => {
    const seen: PerformanceEntry[] = [];
    const observer = new PerformanceObserver((list) => seen.push(...list.getEntries()));
    observer.observe({entryTypes: ['gc']});
    try {
      exposedGc()({type: 'minor', execution: 'sync'});
      await sleep(50);
      const kinds = seen.map((entry) => (entry as PerformanceEntry & {detail?: {kind?: number}}).detail?.kind);
      assert.ok(kinds.includes(constants.NODE_PERFORMANCE_GC_MINOR), `GC kinds observed: ${kinds.join(', ')}`);
    } finally {
      observer.disconnect();
    }
  });
});
