// An esbuild plugin with two measured patches to what the bundle takes from Ink and Yoga.
//
// 1. Ink's per-frame text caches are kept from one frame to the next.
// Ink lays out every frame from scratch: each line of text is split into styled characters
// (a grapheme segmenter and a regular expression per character) and each text node measured,
// every time, even when the line has not changed. At 200x50 that was two thirds of the CPU a key
// costs (npm run bench, CPU profile). The caches Ink builds per frame are keyed by the text and
// their values are never mutated, so one set shared across frames gives the same frames; it is
// started afresh when it grows past a bound, so a long session cannot grow it without end.
//
// 2. Yoga's loader decodes its embedded WebAssembly directly instead of through fetch(): in a
// bundle it takes itself for a browser, and the first use of fetch loads Node's undici, about
// 15 ms of start-up before the first frame (CPU profile of wazo-tui --demo).
//
// Each patch fails the build if the source no longer has the expected shape.

const OUTPUT = /[\\/]ink[\\/]build[\\/]output\.js$/;
const RENDER = /[\\/]ink[\\/]build[\\/]render-node-to-output\.js$/;
const YOGA = /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/;
// Lines kept: about ten frames of 50 lines. A line's styled characters are an object each, so the
// bound is small (RSS while paging grew by 30 MB with 5000).
const LIMIT = 500;

/** @returns {import('esbuild').Plugin} */
export function inkPatches() {
  return {
    name: 'ink-patches',
    setup(build) {
      build.onLoad({filter: OUTPUT}, async ({path}) => ({
        contents: patch(path, await read(path), '    caches = new OutputCaches();', '    caches = sharedOutputCaches();', `
let shared;
function sharedOutputCaches() {
    if (shared === undefined || shared.styledChars.size > ${LIMIT} || shared.widths.size > ${LIMIT * 8})
        shared = new OutputCaches();
    return shared;
}
`),
        loader: 'js',
      }));
      build.onLoad({filter: RENDER}, async ({path}) => ({
        contents: patch(path, await read(path), '            const currentWidth = widestLine(text);', '            const currentWidth = cachedWidestLine(text);', `
const widths = new Map();
function cachedWidestLine(text) {
    let width = widths.get(text);
    if (width === undefined) {
        if (widths.size > ${LIMIT}) widths.clear();
        width = widestLine(text);
        widths.set(text, width);
    }
    return width;
}
`),
        loader: 'js',
      }));
      build.onLoad({filter: YOGA}, async ({path}) => ({
        contents: patch(path, await read(path), 'function ya(){return w||"function"!=typeof fetch?', 'function ya(){return true?', ''),
        loader: 'js',
      }));
    },
  };
}

async function read(path) {
  const {readFile} = await import('node:fs/promises');
  return readFile(path, 'utf8');
}

function patch(path, source, from, to, helpers) {
  if (!source.includes(from)) throw new Error(`ink-patches: ${path} no longer contains ${JSON.stringify(from.trim())}`);
  return source.replace(from, to) + helpers;
}
