// The esbuild options the npm bundle (build.mjs) and the single executable (sea.mjs) share, so the
// two artifacts are built from the same defines, the same stub and the same target.
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const {version} = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

export const appOptions = {
  entryPoints: [join(root, 'cli.tsx')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  minify: true,
  define: {'process.env.NODE_ENV': '"production"', WAZO_TUI_VERSION: JSON.stringify(version)},
  // react-devtools-core is an optional import of ink that is never used in production.
  alias: {'react-devtools-core': join(root, 'scripts', 'devtools-stub.mjs')},
  logLevel: 'warning',
};

// V8 otherwise lets a busy heap grow towards gigabytes before collecting: paging through 100 000
// users reached 330 MB of RSS with 50 MB live. A 4 MB young generation and a 128 MB old space
// keep it near 150 MB (measured by npm run bench) with room to spare and no cost in key latency.
export const heapFlags = ['--max-old-space-size=128', '--max-semi-space-size=4'];
