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

// No heap cap: `--max-old-space-size` aborts the process (SIGABRT) on any workload that needs more,
// a legitimate one included. What keeps memory flat is collecting sooner, which never aborts: a 4 MB
// young generation, and an old generation that grows by 20 % over the live heap after each major GC
// instead of V8's default factor (up to 4x), which the 128 MB cap used to lower as a side effect.
// Measured by npm run bench while paging 100 000 users: the same RSS as with the cap (about 125 MB at
// most, 61 MB of it the Node binary's own pages) and no change in key latency; without these flags
// RSS reached 145 MB; with them a heap of 150 MB live (which the cap aborted) runs to the end.
export const heapFlags = ['--max-semi-space-size=4', '--heap-growing-percent=20', '--memory-saver-mode'];

export const mallocSettings = ['MALLOC_ARENA_MAX=1', 'MALLOC_TRIM_THRESHOLD_=65536', 'MALLOC_MMAP_THRESHOLD_=16384'];
