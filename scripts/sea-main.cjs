// The single executable's entry. Node 24 runs only a CommonJS main inside an executable, and Ink
// and yoga use top-level await, which CommonJS cannot hold. So the executable carries the npm
// bundle itself (dist/cli.js and its chunks) as assets, and module hooks serve them to the ESM
// loader from memory: nothing is written to disk, and code splitting keeps start-up as fast as the
// npm package's (one data: URL bundle took 280 ms to print --version; this takes ~50 ms).
const {getAsset} = require('node:sea');
const {registerHooks} = require('node:module');
const {dirname, join} = require('node:path');
const {pathToFileURL} = require('node:url');

// File URLs under a folder beside the executable that never exists on disk: import.meta.url stays
// a file URL (the bundle anchors require() to it) and relative chunk imports resolve as usual.
const base = pathToFileURL(join(dirname(process.execPath), '.wazo-tui-embedded')).href + '/';

registerHooks({
  resolve(specifier, context, nextResolve) {
    const inside = context.parentURL?.startsWith(base) && (specifier.startsWith('./') || specifier.startsWith('../'));
    if (specifier.startsWith(base) || inside) {
      return {url: new URL(specifier, context.parentURL).href, shortCircuit: true};
    }
    return nextResolve(specifier, context);
  },
  load(url, context, nextLoad) {
    if (!url.startsWith(base)) return nextLoad(url, context);
    const source = Buffer.from(getAsset(url.slice(base.length))).toString('utf8');
    return {format: 'module', source, shortCircuit: true};
  },
});

import(`${base}cli.js`).catch((error) => {
  // The app reports its own failures; this is reached only if the embedded bundle cannot load.
  process.stderr.write(`wazo-tui: the embedded application failed to load: ${error?.stack ?? error}\n`);
  process.exitCode = 70;
});
