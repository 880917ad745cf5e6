// An esbuild plugin: the bundle takes Node's built-in modules with require(), not import, and a few
// of them only when they are first used.
//
// An ESM import of a built-in makes Node build the module's ESM facade, which reads every one of
// its exports, the lazy ones too: `node:util` (for parseArgs) loaded TextDecoder, the diff and
// colour modules and opened stderr, and the imports of fs, stream, os and path cost about as much
// again; together about 8 ms of the start before the first frame (median of 21 runs of each).
// require() hands over the module object itself, whose lazy exports load when they are used.
// Each chunk's banner defines `require` (scripts/build.mjs).
import {builtinModules, createRequire} from 'node:module';

const NAMESPACE = 'builtin-require';
const names = new Set(builtinModules.map((name) => name.replace(/^node:/, '')));
const escape = (name) => name.replace(/[/\\^$*+?.()|[\]{}]/g, '\\$&');
const FILTER = new RegExp(`^(node:)?(${[...names].map(escape).join('|')})$`);

/**
 * Built-ins that a dependency imports but the app uses rarely or never, each resident set measured
 * after `tls` and `https` (RssAnon + RssFile of a `node -e` that requires it): they are loaded on
 * the first use of one of their exports. A key listed with a module is plain data its importer reads
 * at load time; the bundle holds a copy of it, taken from the Node that builds.
 */
const ON_FIRST_USE = new Map([
  // got's own HTTP/2 client, which our client never enables (`http2: false`): 5.4 MB.
  ['http2', ['constants']],
  // Ink's terminal-size, for its fallbacks when the output is not a terminal: 0.6 MB.
  ['child_process', []],
  // got, to decompress an answer, which most servers do not compress: 1.6 MB (and see
  // scripts/resident-patches.mjs).
  ['zlib', []],
]);

/** A module whose exports load `node:${name}` when first read. */
function onFirstUse(name, copied) {
  const real = createRequire(import.meta.url)(`node:${name}`);
  const keys = Object.getOwnPropertyNames(real).filter((key) => !copied.includes(key));
  const copies = copied.map((key) => `facade[${JSON.stringify(key)}] = ${JSON.stringify(real[key])};`).join('\n');
  return `let loaded;
const real = () => (loaded ??= require(${JSON.stringify(`node:${name}`)}));
const facade = {};
for (const key of ${JSON.stringify(keys)}) {
  Object.defineProperty(facade, key, {get: () => real()[key], enumerable: true, configurable: true});
}
${copies}
module.exports = facade;`;
}

/** @returns {import('esbuild').Plugin} */
export function builtinRequire() {
  return {
    name: NAMESPACE,
    setup(build) {
      build.onResolve({filter: FILTER}, ({path, namespace}) =>
        // The require() inside the module made below is Node's own.
        namespace === NAMESPACE ? {path, external: true} : {path: `node:${path.replace(/^node:/, '')}`, namespace: NAMESPACE},
      );
      build.onLoad({filter: /.*/, namespace: NAMESPACE}, ({path}) => {
        const name = path.replace(/^node:/, '');
        const copied = ON_FIRST_USE.get(name);
        return {contents: copied ? onFirstUse(name, copied) : `module.exports = require(${JSON.stringify(path)});`, loader: 'js'};
      });
    },
  };
}
