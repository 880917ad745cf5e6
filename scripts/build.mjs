// Bundles cli.tsx into dist/ with esbuild: importing ink unbundled costs ~220 ms of start-up,
// the bundle brings the first frame under the 150 ms budget (notes/ink.md).
// Code splitting keeps the demo server (node-forge) out of the path of a normal start.
import {build} from 'esbuild';
import {chmod, readdir, rename, rm} from 'node:fs/promises';
import {join} from 'node:path';
import {appOptions, heapFlags, mallocSettings, root} from './esbuild-options.mjs';
import {builtinRequire} from './builtin-require.mjs';
import {inkPatches} from './ink-patches.mjs';
import {residentPatches} from './resident-patches.mjs';

const outdir = join(root, 'dist');

// Build beside dist/ and swap it in, so a test or a running app never sees a half-written dist/.
const staging = `${outdir}.${process.pid}`;
await build({
  ...appOptions,
  outdir: staging,
  splitting: true,
  sourcemap: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  banner: {
    js: `#!/usr/bin/env -S ${mallocSettings.join(' ')} node ${heapFlags.join(' ')}\nimport {createRequire as __cr} from 'node:module';const require=__cr(import.meta.url);`,
  },
  plugins: [inkPatches(), residentPatches(), builtinRequire()],
  logLevel: 'warning',
});
await chmod(join(staging, 'cli.js'), 0o755);
// The single executable (npm run sea) is built from the same sources but not by this script:
// carry it over, so rebuilding the bundle (npm test does) does not throw a release away.
for (const name of await readdir(outdir).catch(() => [])) {
  if (name.startsWith('wazo-tui-')) await rename(join(outdir, name), join(staging, name));
}
const old = `${outdir}.old.${process.pid}`;
await rename(outdir, old).catch(() => {});
await rename(staging, outdir);
await rm(old, {recursive: true, force: true});
