/**
 * The bundle assembles Ink's frames with its own Output.get() (scripts/ink-patches.mjs, patch 2):
 * rows of side-by-side plain writes are their texts placed at their columns, the rest goes through
 * Ink's cell grid. Both Outputs are built here, Ink's as published and the patched one, and fed the
 * same generated writes and clips; every row must hold the same cells (characters and styles, as
 * the terminal writer reads them), whatever the text: styles, wide and zero-width characters, emoji
 * sequences, several lines, overlapping writes, clips.
 */
import {before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {build, type Plugin} from 'esbuild';
import {parseLine, styleAt, textAt} from '../../source/terminal/cells.js';
import {root} from './process.js';

interface Clip {
  x1?: number;
  x2?: number;
  y1?: number;
  y2?: number;
}

interface OutputLike {
  write(x: number, y: number, text: string, options: {transformers: Array<(line: string, index: number) => string>}): void;
  clip(clip: Clip): void;
  unclip(): void;
  get(): {output: string; height: number};
}

type OutputClass = new (options: {width: number; height: number}) => OutputLike;

/** Ink's Output module bundled to a file, with `plugins` (the build's own, or none), and loaded. */
async function bundleOutput(dir: string, name: string, plugins: Plugin[]): Promise<OutputClass> {
  const outfile = join(dir, `${name}.mjs`);
  await build({entryPoints: [join(root, 'node_modules', 'ink', 'build', 'output.js')], bundle: true, format: 'esm', platform: 'node', outfile, plugins, logLevel: 'warning'});
  return ((await import(pathToFileURL(outfile).href)) as {default: OutputClass}).default;
}

let InkOutput: OutputClass;
let PatchedOutput: OutputClass;

before(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wazo-tui-ink-output-'));
  try {
    const {inkPatches} = (await import(pathToFileURL(join(root, 'scripts', 'ink-patches.mjs')).href)) as {inkPatches: () => Plugin};
    InkOutput = await bundleOutput(dir, 'ink', []);
    PatchedOutput = await bundleOutput(dir, 'patched', [inkPatches()]);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});

/** A small deterministic generator (mulberry32), so a failure names a seed that replays it. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'Alice', 'Noël Åberg', 'noel.aberg41@acme.example.com', '1024@ctx-acme', ' ', '   ', '› ', '…', '▲', '·', '─', '⚠',
  '漢字', '한국어', 'Ａ', '👍🏽', '👨‍👩‍👧', '🇫🇷', '1️⃣', 'e\u0301', '\u0301', '\u200d', '\u200b', '\u00ad', 'ᄀ\u1161', '\u1161',
  'שלום', 'مرحبا', 'क्ष', 'กำ', '\ufe0f', 'x'.repeat(40),
];
const STYLES: Array<[string, string]> = [
  ['\u001b[7m', '\u001b[27m'],
  ['\u001b[1m', '\u001b[22m'],
  ['\u001b[2m', '\u001b[22m'],
  ['\u001b[36m', '\u001b[39m'],
  ['\u001b[4m', '\u001b[24m'],
];

/** What a Text's style does to each of its lines (as chalk does it: a close inside re-opens), and a change of text. */
const TRANSFORMERS: Array<(line: string, index: number) => string> = [
  ...STYLES.map(([open, close]) => (line: string) => open + line.replaceAll(close, close + open) + close),
  (line: string) => line.replaceAll('e', 'é'),
  (line: string, index: number) => `${index}:${line}`,
];

function text(next: () => number): string {
  let out = '';
  const count = 1 + Math.floor(next() * 4);
  for (let index = 0; index < count; index++) {
    let piece = PIECES[Math.floor(next() * PIECES.length)]!;
    if (next() < 0.3) {
      const [open, close] = STYLES[Math.floor(next() * STYLES.length)]!;
      piece = open + piece + close;
    }
    out += piece;
    if (next() < 0.15) out += '\n';
  }
  // A style over several lines, as a Text with colour around children that hold line breaks.
  if (next() < 0.1) {
    const [open, close] = STYLES[Math.floor(next() * STYLES.length)]!;
    out = open + out + close;
  }
  return out;
}

/** The same frame of generated operations, written to `output`. */
function frame(output: OutputLike, seed: number, width: number, height: number): void {
  const next = random(seed);
  const operations = 5 + Math.floor(next() * 40);
  let clips = 0;
  for (let index = 0; index < operations; index++) {
    const roll = next();
    if (roll < 0.08) {
      const x1 = Math.floor(next() * width);
      const y1 = Math.floor(next() * height);
      output.clip(next() < 0.5 ? {x1, x2: x1 + Math.floor(next() * width), y1, y2: y1 + Math.floor(next() * height)} : {x1: 0, x2: width});
      clips += 1;
    } else if (roll < 0.12 && clips > 0) {
      output.unclip();
      clips -= 1;
    } else {
      const transformers = Array.from({length: Math.floor(next() * 3)}, () => TRANSFORMERS[Math.floor(next() * TRANSFORMERS.length)]!);
      // Rows side by side mostly, as a Box with several Texts lays them out; overlaps now and then.
      const x = next() < 0.7 ? Math.floor(next() * 4) * Math.floor(width / 4) : Math.floor(next() * width);
      output.write(x, Math.floor(next() * (height + 2)) - 1, text(next), {transformers});
    }
  }
  while (clips-- > 0) output.unclip();
}

/** Each row as the writer reads it: its cells. */
function cells(output: OutputLike): Array<Array<{text: string; style: string}>> {
  return output
    .get()
    .output.split('\n')
    .map((line) => {
      const parsed = parseLine(line);
      return trimBlank(Array.from({length: parsed.width}, (_, col) => ({text: textAt(parsed, col), style: styleAt(parsed, col)})));
    });
}

function trimBlank<T extends {text: string; style: string}>(row: T[]): T[] {
  let end = row.length;
  while (end > 0 && row[end - 1]!.text === ' ' && row[end - 1]!.style === '') end -= 1;
  return row.slice(0, end);
}

describe("the bundle's Output.get()", () => {
  test('gives every row the cells of Ink’s own, over 2 000 generated frames', () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const [width, height] = seed % 3 === 0 ? [200, 50] : [80, 24];
      const ink = new InkOutput({width, height});
      const patched = new PatchedOutput({width, height});
      frame(ink, seed, width, height);
      frame(patched, seed, width, height);
      assert.deepEqual(cells(patched), cells(ink), `seed ${seed} at ${width}x${height}`);
    }
  });

  test('keeps the row count of the frame, blank rows included', () => {
    const patched = new PatchedOutput({width: 10, height: 4});
    patched.write(2, 1, 'ab', {transformers: []});
    assert.deepEqual(patched.get(), {output: '\n  ab\n\n', height: 4});
  });

  test('takes apart the lines of a write whose lines close their styles, and sends the others to the grid', () => {
    const text = 'one\n\u001b[7m\u001b[7mtwo\u001b[27m\nthree';
    const patched = new PatchedOutput({width: 10, height: 3});
    patched.write(0, 0, text, {transformers: []});
    assert.equal(patched.get().output, text, 'line by line, as written (the grid writes a doubled SGR once)');
    const carried = new PatchedOutput({width: 10, height: 3});
    carried.write(0, 0, '\u001b[1mone\ntwo\u001b[22m', {transformers: []});
    const ink = new InkOutput({width: 10, height: 3});
    ink.write(0, 0, '\u001b[1mone\ntwo\u001b[22m', {transformers: []});
    assert.deepEqual(cells(carried), cells(ink));
    assert.equal(cells(carried)[1]?.[0]?.style, '1', 'the bold carried over the line break');
  });

  test('places side-by-side writes of one row at their columns, without the grid', () => {
    const bold = (line: string) => `\u001b[1m${line}\u001b[22m`;
    const row = (output: OutputLike) => {
      output.write(20, 0, '\u001b[1mright\u001b[22m', {transformers: [bold]});
      output.write(0, 0, 'left', {transformers: []});
      return output.get().output;
    };
    // The doubled SGR is still there, where Ink's grid writes it once: the row did not go through it.
    assert.equal(row(new PatchedOutput({width: 30, height: 1})), `left${' '.repeat(16)}\u001b[1m\u001b[1mright\u001b[22m\u001b[22m`);
    assert.doesNotMatch(row(new InkOutput({width: 30, height: 1})), /\u001b\[1m\u001b\[1m/);
  });
});
