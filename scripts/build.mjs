// Bundles cli.tsx into dist/ with esbuild: importing ink unbundled costs ~220 ms of start-up,
// the bundle brings the first frame under the 150 ms budget (notes/ink.md).
// Code splitting keeps the demo server (node-forge) out of the path of a normal start.
import {build} from 'esbuild';
import {chmod, rename, rm} from 'node:fs/promises';
import {fileURLToPath} from 'node:url';
import {dirname, join} from 'node:path';
import {readFileSync} from 'node:fs';
import {inkPatches} from './ink-patches.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist');
const {version} = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

// Build beside dist/ and swap it in, so a test or a running app never sees a half-written dist/.
const staging = `${outdir}.${process.pid}`;
await build({
  entryPoints: [join(root, 'cli.tsx')],
  outdir: staging,
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  minify: true,
  sourcemap: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  define: {'process.env.NODE_ENV': '"production"', WAZO_TUI_VERSION: JSON.stringify(version)},
  // react-devtools-core is an optional import of ink that is never used in production.
  alias: {'react-devtools-core': join(root, 'scripts', 'devtools-stub.mjs')},
  // V8 otherwise lets a busy heap grow towards gigabytes before collecting: paging through 100 000
  // users reached 330 MB of RSS with 50 MB live. A 4 MB young generation and a 128 MB old space
  // keep it near 150 MB (measured by npm run bench) with room to spare and no cost in key latency.
  banner: {
    js: "#!/usr/bin/env -S node --max-old-space-size=128 --max-semi-space-size=4\nimport {createRequire as __cr} from 'node:module';const require=__cr(import.meta.url);",
  },
  plugins: [inkPatches()],
  logLevel: 'warning',
});
await chmod(join(staging, 'cli.js'), 0o755);
const old = `${outdir}.old.${process.pid}`;
await rename(outdir, old).catch(() => {});
await rename(staging, outdir);
await rm(old, {recursive: true, force: true});
