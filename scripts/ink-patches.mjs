// An esbuild plugin with three measured patches to what the bundle takes from Ink and Yoga.
//
// 1. A text is measured once, and Ink's per-frame text caches are kept from one frame to the next.
// Ink lays out every frame from scratch: each line of text is split into styled characters
// (a grapheme segmenter and a regular expression per character) and each text node measured,
// every time, even when the line has not changed. At 200x50 that was two thirds of the CPU a key
// costs (npm run bench, CPU profile). The caches Ink builds per frame are keyed by the text and
// their values are never mutated, so one set shared across frames gives the same frames; it is
// started afresh when it grows past a bound, so a long session cannot grow it without end. Drawing
// a text takes its width from the layout's own cache (measureText, bounded by Ink), which has
// measured it already, instead of measuring it again. Widths are string-width's, without its
// grapheme segmenter for text in which no code point joins another (most text: 4 ms of a page of
// new rows at 200x50 went to segmenting them); and a text Ink cleans of escapes (it does so
// for the layout and again for the drawing, every frame) is cleaned once.
// Ink's measure cache keeps 500 lines, not 4096, each as a copy of its own: a line split from
// the table's body is a slice that keeps the whole body alive (149 bodies, 2.5 MB, in a heap
// snapshot taken while paging).
//
// 2. Ink's frame is assembled row by row, and a row that plain writes cover side by side is their
// text placed at its columns. Ink builds every frame as a grid of one object per cell (10 000 at
// 200x50), writes every text into it character by character and turns each row back into a
// string: 5 ms of the 15 a page move cost at 200x50 (CPU profile), and most of the garbage that
// grew the heap while paging. The grid is still built, for the rows that need it: where writes
// overlap, are clipped, carry a style from one line to the next, or hold characters Ink drops or
// counts its own way.
//
// 3. Yoga's loader decodes its embedded WebAssembly directly instead of through fetch(): in a
// bundle it takes itself for a browser, and the first use of fetch loads Node's undici, about
// 15 ms of start-up before the first frame (CPU profile of wazo-tui --demo).
//
// Each patch fails the build if the source no longer has the expected shape.

import {fileURLToPath} from 'node:url';
import {patch, read} from './source-patch.mjs';

const OUTPUT = /[\\/]ink[\\/]build[\\/]output\.js$/;
const RENDER = /[\\/]ink[\\/]build[\\/]render-node-to-output\.js$/;
const MEASURE = /[\\/]ink[\\/]build[\\/]measure-text\.js$/;
const SQUASH = /[\\/]ink[\\/]build[\\/]squash-text-nodes\.js$/;
const YOGA = /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/;
// Our string-width without the segmenter where it is not needed (source/text/width.ts).
const WIDTH = JSON.stringify(fileURLToPath(new URL('../source/text/width.ts', import.meta.url)));
// How the writer reads SGR (source/terminal/cells.ts).
const CELLS = JSON.stringify(fileURLToPath(new URL('../source/terminal/cells.ts', import.meta.url)));
// Lines kept: about ten frames of 50 lines. A line's styled characters are an object each, so the
// bound is small (RSS while paging grew by 30 MB with 5000).
const LIMIT = 500;
// Characters kept in all, because a key may be a whole text of many lines (the table's body): its
// styled characters are 9 000 objects at 200x50.
const CHARACTERS = LIMIT * 200;
// A text longer than this is not kept in a cache of many texts, only as the last one measured (or
// cleaned): the layout asks for it again in the same frame, the next frame has another one.
const LONG = 1000;

/** @returns {import('esbuild').Plugin} */
export function inkPatches() {
  return {
    name: 'ink-patches',
    setup(build) {
      build.onLoad({filter: OUTPUT}, async ({path}) => ({
        contents: replaceGet(
          path,
          patch(
            path,
            await read(path),
            [
              ['            cached = stringWidth(text);', '            cached = stringWidthOf(text);'],
              ['    caches = new OutputCaches();', '    caches = sharedOutputCaches();'],
            ],
            `
import {stringWidthOf} from ${WIDTH};
let shared;
function sharedOutputCaches() {
    if (shared === undefined || shared.styledChars.size > ${LIMIT} || shared.widths.size > ${LIMIT * 8} || keptCharacters(shared) > ${CHARACTERS})
        shared = new OutputCaches();
    return shared;
}
function keptCharacters(caches) {
    let characters = 0;
    for (const text of caches.styledChars.keys()) characters += text.length;
    for (const text of caches.blockWidths.keys()) characters += text.length;
    return characters;
}
`,
          ),
        ),
        loader: 'js',
      }));
      build.onLoad({filter: RENDER}, async ({path}) => ({
        contents: patch(path, await read(path), [['            const currentWidth = widestLine(text);', '            const currentWidth = measureText(text).width;']], `
import measureText from './measure-text.js';
`),
        loader: 'js',
      }));
      build.onLoad({filter: MEASURE}, async ({path}) => ({
        contents: patch(
          path,
          await read(path),
          [
            ['    const width = widestLine(text);', '    const width = widestLineOf(text);'],
            ['const cache = new QuickLRU({ maxSize: 4096 });', `const cache = new QuickLRU({ maxSize: ${LIMIT} });`],
            ['    cache.set(text, dimensions);', `    if (text.length <= ${LONG}) cache.set(ownCopy(text), dimensions);\n    else lastLong = {text, dimensions};`],
            ['    const cachedDimensions = cache.get(text);', '    if (lastLong?.text === text) return lastLong.dimensions;\n    const cachedDimensions = cache.get(text);'],
          ],
          `
import {stringWidthOf} from ${WIDTH};
function widestLineOf(text) {
    let width = 0;
    for (const line of text.split('\\n')) width = Math.max(width, stringWidthOf(line));
    return width;
}
let lastLong;
// A line split from a text is a slice that keeps the whole text alive: the cache keeps a copy of
// its own (the concatenation is flattened into a new string before it is sliced; V8 copies a
// slice shorter than 13 characters anyway).
function ownCopy(text) {
    return text.length < 13 ? text : (' ' + text).slice(1);
}
`,
        ),
        loader: 'js',
      }));
      build.onLoad({filter: SQUASH}, async ({path}) => ({
        contents: patch(path, await read(path), [["    text = sanitizeAnsi(text.replaceAll('\\r\\n', '\\n'));", '    text = cachedSanitizeAnsi(text);']], `
const sanitized = new Map();
let lastLong;
// What sanitizeAnsi would change: a control character (tab and newline aside), an escape that is
// not SGR, an SGR its tokenizer would move after the combining marks that follow it. Text with
// none of these is its own clean form: the table's body, whose selected and dim lines carry SGR,
// was tokenized whole on every key (2 % of a walk's CPU and a copy of the body).
const UNCLEAN = /[\\u0000-\\u0008\\u000b-\\u001a\\u001c-\\u001f\\u007f-\\u009f]|\\u001b(?!\\[[\\d;]*m)|\\u001b\\[[\\d;]*m\\p{M}/u;
function cachedSanitizeAnsi(text) {
    if (!UNCLEAN.test(text)) return text;
    if (lastLong?.text === text) return lastLong.clean;
    let clean = sanitized.get(text);
    if (clean === undefined) {
        clean = sanitizeAnsi(text.replaceAll('\\r\\n', '\\n'));
        if (text.length > ${LONG}) {
            lastLong = {text, clean};
            return clean;
        }
        if (sanitized.size > ${LIMIT * 2}) sanitized.clear();
        sanitized.set(text, clean);
    }
    return clean;
}
`),
        loader: 'js',
      }));
      build.onLoad({filter: YOGA}, async ({path}) => ({
        contents: patch(path, await read(path), [['function ya(){return w||"function"!=typeof fetch?', 'function ya(){return true?']], ''),
        loader: 'js',
      }));
    },
  };
}

// Output.get(), rows of side-by-side plain writes first (patch 2). A row is `undefined` (blank), the
// list of its writes, or `null`: it goes through Ink's grid, replayed with the same clips.
const FAST_GET = `    get() {
        const rows = new Array(this.height);
        const clips = [];
        for (const operation of this.operations) {
            if (operation.type === 'clip') clips.push(intersectClips(clips.at(-1), operation.clip));
            else if (operation.type === 'unclip') clips.pop();
            else placeWrite(this, rows, operation, clips.at(-1));
        }
        const grid = new Array(this.height);
        let gridRows = 0;
        for (let y = 0; y < this.height; y++) {
            if (rows[y] !== null) continue;
            gridRows++;
            grid[y] = Array.from({length: this.width}, () => ({type: 'char', value: ' ', fullWidth: false, styles: []}));
        }
        if (gridRows > 0) {
            clips.length = 0;
            for (const operation of this.operations) {
                if (operation.type === 'clip') clips.push(intersectClips(clips.at(-1), operation.clip));
                else if (operation.type === 'unclip') clips.pop();
                else this.applyWriteOperation(grid, operation, clips.at(-1));
            }
        }
        const lines = new Array(this.height);
        for (let y = 0; y < this.height; y++) {
            const row = rows[y];
            if (row === null) lines[y] = styledCharsToString(grid[y].filter(item => item !== undefined)).trimEnd();
            else if (row === undefined) lines[y] = '';
            else lines[y] = placedText(row).trimEnd();
        }
        return {output: lines.join('\\n'), height: this.height};
    }
}
// Characters Ink's grid gives a cell of its own though they have no width (or drops): the columns
// of a write that holds one are Ink's to count. Escapes aside: every styled text has them.
const SGR = /\\u001b\\[[\\d;]*m/g;
const GRID_ONLY = /[[\\p{Default_Ignorable_Code_Point}\\p{Mn}\\p{Me}\\p{Cc}\\p{Cf}\\u1160-\\u11ff]--[\\u001b]]/v;
import measureText from './measure-text.js';
import {closesItsStyles} from ${CELLS};
// Record the lines of a write on their rows, styled by its transformers (a Text's colours are
// one) as Ink does it, or send the rows it touches to the grid.
function placeWrite(output, rows, operation, clip) {
    const {x, y, text, transformers} = operation;
    const lines = text.split('\\n');
    const placed = [];
    for (let index = 0; index < lines.length; index++) {
        const line = placedLine(lines[index], x, y + index, index, transformers, clip, lines.length > 1);
        if (line === undefined) break;
        placed.push(line);
    }
    if (placed.length < lines.length) {
        for (let row = Math.max(0, y); row < Math.min(output.height, y + lines.length); row++) rows[row] = null;
        return;
    }
    for (const [index, line] of placed.entries()) {
        const row = y + index;
        // Nothing visible (an empty line): nothing to place.
        if (line.width === 0 || row < 0 || row >= output.height || rows[row] === null) continue;
        const writes = rows[row] ?? (rows[row] = []);
        // Side by side only: a write over another one (an overlay) needs the grid's cells.
        if (writes.some(other => line.x < other.x + other.width && other.x < line.x + line.width)) rows[row] = null;
        else writes.push(line);
    }
}
// One line of a write as it lands on its row, or undefined where only the grid knows. Ink carries a
// style left open at the end of a line on to the next one: the lines of a write are taken apart
// only when each one closes what it opens.
function placedLine(text, x, y, index, transformers, clip, several) {
    if (x < 0 || GRID_ONLY.test(text) || (several && !closesStyles(text))) return undefined;
    const width = measureText(text).width;
    if (clip !== undefined && !((clip.x1 === undefined || x >= clip.x1) && (clip.x2 === undefined || x + width <= clip.x2) &&
        (clip.y1 === undefined || y >= clip.y1) && (clip.y2 === undefined || y < clip.y2))) return undefined;
    let line = text;
    for (const transformer of transformers) line = transformer(line, index);
    // A style adds escapes only; a transformer that changed the text is measured again.
    if (line.replace(SGR, '') !== text.replace(SGR, '') && (measureText(line).width !== width || GRID_ONLY.test(line))) return undefined;
    return {x, width, text: line};
}
// What the writer draws of a line's styles is what counts (source/terminal/cells.ts); a write with an
// escape other than SGR goes to the grid.
function closesStyles(text) {
    if (!text.includes('\\u001b')) return true;
    return !text.replace(SGR, '').includes('\\u001b') && closesItsStyles(text);
}
function placedText(writes) {
    writes.sort((a, b) => a.x - b.x);
    let line = '';
    let column = 0;
    for (const {x, width, text} of writes) {
        line += ' '.repeat(x - column) + text;
        column = x + width;
    }
    return line;
}
`;

/** Swap Output's get() for {@link FAST_GET}: the method is the last one of the class. */
function replaceGet(path, source) {
  const start = source.indexOf('    get() {');
  const end = source.indexOf('\n}\n', start);
  if (start === -1 || end === -1 || !source.slice(start, end).includes('const generatedOutput = output')) {
    throw new Error(`ink-patches: ${path} no longer ends its Output class with get()`);
  }
  return source.slice(0, start) + FAST_GET + source.slice(end + 3);
}
