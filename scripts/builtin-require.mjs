// An esbuild plugin: the bundle takes Node's built-in modules with require(), not import.
//
// An ESM import of a built-in makes Node build the module's ESM facade, which reads every one of
// its exports, the lazy ones too: `node:util` (for parseArgs) loaded TextDecoder, the diff and
// colour modules and opened stderr, and the imports of fs, stream, os and path cost about as much
// again; together about 8 ms of the start before the first frame (median of 21 runs of each).
// require() hands over the module object itself, whose lazy exports load when they are used.
// Each chunk's banner defines `require` (scripts/build.mjs).
import {builtinModules} from 'node:module';

const NAMESPACE = 'builtin-require';
const names = new Set(builtinModules.map((name) => name.replace(/^node:/, '')));
const escape = (name) => name.replace(/[/\\^$*+?.()|[\]{}]/g, '\\$&');
const FILTER = new RegExp(`^(node:)?(${[...names].map(escape).join('|')})$`);

/** @returns {import('esbuild').Plugin} */
export function builtinRequire() {
  return {
    name: NAMESPACE,
    setup(build) {
      build.onResolve({filter: FILTER}, ({path, namespace}) =>
        // The require() inside the module made below is Node's own.
        namespace === NAMESPACE ? {path, external: true} : {path: `node:${path.replace(/^node:/, '')}`, namespace: NAMESPACE},
      );
      build.onLoad({filter: /.*/, namespace: NAMESPACE}, ({path}) => ({
        contents: `module.exports = require(${JSON.stringify(path)});`,
        loader: 'js',
      }));
    },
  };
}
