// An esbuild plugin: patches that keep pages of the Node binary out of the app's resident set.
//
// The Node binary is mapped, not read: a page of it counts in RSS once something touches it
// (/proc/PID/pagemap against the binary's symbols and ICU's table of contents), and so does what a
// built-in module allocates when it loads. Each figure is RSS, anonymous and file, measured after
// `tls` and `https` are loaded:
// - The first Intl.ListFormat touches 4.7 MB of ICU's data (V8 checks the locales it could serve,
//   one resource bundle each). @sindresorhus/is (got's argument checks) makes two when it loads,
//   for the text of a failed check; they are made when that text is first needed.
// - got and decompress-response ask `node:zlib` whether it has zstd when they load, which loads
//   zlib (1.6 MB) for answers that are mostly not compressed: they ask process.versions.zstd, as
//   got itself does for its accept-encoding header (zlib has zstd where Node is built with it).
//   zlib then loads with the first compressed answer (scripts/builtin-require.mjs).
// - signal-exit (Ink's) checks its callback with `node:assert` (0.6 MB): a plain check instead.
//
// Each patch fails the build if the source no longer has the expected shape.
import {patch, read} from './source-patch.mjs';

const IS = /[\\/]@sindresorhus[\\/]is[\\/]distribution[\\/]index\.js$/;
const ZSTD_QUESTION = /[\\/](got[\\/]dist[\\/]source[\\/]core[\\/]utils[\\/]decompress-response|decompress-response[\\/]index)\.js$/;
const SIGNAL_EXIT = /[\\/]signal-exit[\\/]index\.js$/;

/** @returns {import('esbuild').Plugin} */
export function residentPatches() {
  return {
    name: 'resident-patches',
    setup(build) {
      build.onLoad({filter: IS}, async ({path}) => ({
        contents: patch(
          path,
          await read(path),
          [
            ["const andFormatter = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });", "const andFormatter = listFormatOnFirstUse('conjunction');"],
            ["const orFormatter = new Intl.ListFormat('en', { style: 'long', type: 'disjunction' });", "const orFormatter = listFormatOnFirstUse('disjunction');"],
          ],
          `
function listFormatOnFirstUse(type) {
    let format;
    return {format: (list) => (format ??= new Intl.ListFormat('en', {style: 'long', type})).format(list)};
}
`,
        ),
        loader: 'js',
      }));
      build.onLoad({filter: ZSTD_QUESTION}, async ({path}) => ({
        contents: patch(path, await read(path), [["typeof zlib.createZstdDecompress === 'function'", "typeof process.versions.zstd === 'string'"]]),
        loader: 'js',
      }));
      build.onLoad({filter: SIGNAL_EXIT}, async ({path}) => ({
        contents: patch(path, await read(path), [
          ["  var assert = require('assert')\n", ''],
          [
            "    assert.equal(typeof cb, 'function', 'a callback must be provided for exit handler')",
            "    if (typeof cb !== 'function') throw new TypeError('a callback must be provided for exit handler')",
          ],
        ]),
        loader: 'js',
      }));
    },
  };
}
