/**
 * The bundle's squashTextNodes cleans a text of escapes once, and not at all when there is nothing
 * to clean (scripts/ink-patches.mjs, patch 1): built here with and without the build's plugins and
 * fed the same generated texts (SGR, other escapes, controls, C1, combining marks after styles,
 * long texts, repeats), both must give the same text.
 */
import {before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {build, type Plugin} from 'esbuild';
import {root} from './process.js';

type Squash = (node: {childNodes: Array<{nodeName: string; nodeValue: string}>}) => string;

async function bundleSquash(dir: string, name: string, plugins: Plugin[]): Promise<Squash> {
  const outfile = join(dir, `${name}.mjs`);
  await build({entryPoints: [join(root, 'node_modules', 'ink', 'build', 'squash-text-nodes.js')], bundle: true, format: 'esm', platform: 'node', outfile, plugins, logLevel: 'warning'});
  return ((await import(pathToFileURL(outfile).href)) as {default: Squash}).default;
}

const PIECES = [
  'a', 'Zoë ', 'é', '\u0301', '\u0308', '中', '👍🏽', ' ', '  ', '\t', '\n', '\r\n', '\r', '\u0007', '\u007f', '\u0085', '\u009b', '\u009d',
  '\u001b[7m', '\u001b[m', '\u001b[0m', '\u001b[1;36m', '\u001b[2m', '\u001b[22m', '\u001b[38;5;12m', '\u001b[38:5:1m', '\u001b[4:3m',
  '\u001b[2J', '\u001b[H', '\u001b]8;;https://x\u0007', '\u001b]8;;\u001b\\', '\u001b[', '\u001b', '\u001bc',
];

function generated(seed: number): string {
  let state = seed;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const length = next() < 0.1 ? 400 + Math.floor(next() * 400) : Math.floor(next() * 30);
  // Mostly SGR and text, as the table's body is; the rest now and then.
  const pool = next() < 0.5 ? PIECES.slice(0, 7).concat(PIECES.slice(19, 25)) : PIECES;
  let text = '';
  for (let i = 0; i < length; i++) text += pool[Math.floor(next() * pool.length)];
  return text;
}

describe("the bundle's squashTextNodes", () => {
  let dir = '';
  let ink: Squash;
  let patched: Squash;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wazo-tui-squash-'));
    // @ts-expect-error: build scripts are plain JavaScript modules, without types.
    const {inkPatches} = (await import('../../scripts/ink-patches.mjs')) as {inkPatches: () => Plugin};
    ink = await bundleSquash(dir, 'ink', []);
    patched = await bundleSquash(dir, 'patched', [inkPatches()]);
    rmSync(dir, {recursive: true, force: true});
  });

  test('gives Ink’s own text for 5 000 generated texts, each twice', () => {
    let untouched = 0;
    for (let seed = 1; seed <= 5000; seed++) {
      const text = generated(seed);
      const node = {childNodes: [{nodeName: '#text', nodeValue: text}]};
      const expected = ink(node);
      if (expected === text) untouched += 1;
      assert.equal(patched(node), expected, JSON.stringify(text));
      assert.equal(patched(node), expected, `again: ${JSON.stringify(text)}`);
    }
    // Both kinds were met: texts with nothing to clean, and texts that needed it.
    assert.ok(untouched > 500 && untouched < 4500, `${untouched} of 5000 untouched`);
  });
});
