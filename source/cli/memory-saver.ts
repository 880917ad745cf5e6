/**
 * V8's memory saver mode: smaller steps for the heap's growth, more compaction (about 10 MB less
 * RSS at most while paging, npm run bench; the other heap flags are in the shebang, see
 * scripts/esbuild-options.mjs). Set at run time rather than in the shebang because V8 12 (Node 22)
 * does not know the flag and Node refuses to start with it; V8 reads it whenever it sizes the heap.
 */
import {setFlagsFromString} from 'node:v8';

/** The V8 version from which the flag exists (Node 24's is 13.6). */
const SINCE_V8 = 13;

export function enableMemorySaver(): void {
  if (Number(process.versions.v8.split('.')[0]) >= SINCE_V8) setFlagsFromString('--memory-saver-mode');
}
