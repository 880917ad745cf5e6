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
// a legitimate one included. What keeps memory flat is collecting sooner, which never aborts. Each
// flag measured by npm run bench while paging 100 000 users, one key at a time (the worst case):
// - a 1 MB young generation (semi-space): 2 MB less at all times, no change in key latency;
// - an old generation that grows by 20 % over the live heap after a major GC instead of V8's
//   default factor (up to 4x);
// - V8's memory saver mode (smaller growing steps, more compaction): about 10 MB less at most, set
//   at run time where V8 knows it (source/cli/memory-saver.ts: Node 22 refuses to start with it);
// - incremental marking started once the old generation is a fifth of the way to its limit, not
//   near it: the sawtooth between two major GCs was 10 MB, 5 MB with it (RSS 100 -> 95 MB at
//   most). Started at once (1 %), marking runs all the time and key latency doubles.
// A heap of 150 MB live (which the old cap aborted) runs to the end with them.
export const heapFlags = [
  '--max-semi-space-size=1',
  '--heap-growing-percent=20',
  '--incremental-marking-soft-trigger=20',
  '--incremental-marking-hard-trigger=50',
];

// glibc's malloc, set by the shebang's environment (the single executable has none to set, and
// keeps glibc's defaults): one arena, since each thread's arena kept what V8's compiler threads
// freed (4 arenas of 2.5 MB while paging); and memory given back as it is freed, since the
// thresholds glibc raises by itself kept freed blocks up to 32 MB (`malloc_trim` in gdb released
// 4 MB of 12). Blocks of 16 KB and more (V8's compilation zones, socket buffers) are mapped and
// unmapped on their own. Together 12 -> 9 MB of malloc while paging; no change in key latency.
export const mallocSettings = ['MALLOC_ARENA_MAX=1', 'MALLOC_TRIM_THRESHOLD_=65536', 'MALLOC_MMAP_THRESHOLD_=16384'];
