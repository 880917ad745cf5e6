/**
 * The bundle's shebang carries V8 flags that keep memory flat (see scripts/esbuild-options.mjs, which
 * the single executable's execArgv shares), and none of them may cap the heap: a cap aborts the
 * process on any workload that needs more, a legitimate one included.
 */
import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {root, run} from './process.js';

/** The V8 flags of `dist/cli.js`'s `#!/usr/bin/env -S [NAME=value…] node …` line. */
function shebangFlags(): string[] {
  const first = readFileSync(join(root, 'dist', 'cli.js'), 'utf8').split('\n', 1)[0] ?? '';
  const match = /^#!\/usr\/bin\/env -S(?: [A-Z_]+=\S+)* node((?: --[\w-]+(?:=\S+)?)*)$/.exec(first);
  assert.ok(match, `not the expected shebang: ${first}`);
  return (match[1] ?? '').trim().split(' ').filter(Boolean);
}

/** V8's heap limit in a Node started with `flags`. */
async function heapLimit(flags: string[]): Promise<number> {
  const result = await run(process.execPath, [...flags, '-e', 'process.stdout.write(String(require("v8").getHeapStatistics().heap_size_limit))']);
  assert.equal(result.code, 0, result.stderr);
  return Number(result.stdout);
}

describe('the heap flags of the bundle', () => {
  test('name no heap cap, and leave V8 its default old generation limit', async () => {
    const flags = shebangFlags();
    assert.ok(flags.length > 0, 'the shebang carries the flags that keep memory flat');
    for (const flag of flags) assert.doesNotMatch(flag, /^--max-(old-space|heap)-size\b/, `a heap cap: ${flag}`);
    // The young generation's size counts in the limit; nothing else may change it.
    const young = flags.filter((flag) => /^--(max|min)-semi-space-size=/.test(flag));
    assert.equal(await heapLimit(flags), await heapLimit(young), 'the flags do not lower the old generation limit');
  });

  test('start on this Node without a word on stderr: every flag is one its V8 knows', async () => {
    // A flag V8 does not know stops Node in the shebang, and is an error message when set at run time.
    const result = await run(process.execPath, [...shebangFlags(), join(root, 'dist', 'cli.js'), '--version']);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, '');
    assert.match(result.stdout, /^\d+\.\d+\.\d+/);
  });
});
