/** Where things are: the project root, the built CLI, the Node binary, the bench's scratch directory. */
import {mkdirSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {atExit} from './processes.js';

/** What every measurement needs to start the app. */
export interface BenchContext {
  root: string;
  /** The Node running the bench (24); the app runs on the same binary. */
  node: string;
  /** `dist/cli.js`. */
  cli: string;
  /** How a user runs the app: `dist/cli.js` itself, so its shebang's V8 flags apply (npm puts Node 24 first in PATH). */
  app: string[];
  /** `.bench/last.json`. */
  historyFile: string;
  /** A fresh directory, removed by `dispose` (or at exit, whatever the cause). */
  scratch: string;
  /** A new empty config directory under `scratch`. */
  configDir(): string;
  dispose(): void;
}

/** Resolve the paths from this file's location and create the scratch directory. */
export function createContext(): BenchContext {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const scratch = mkdtempSync(join(tmpdir(), 'wazo-tui-bench-'));
  const dispose = () => rmSync(scratch, {recursive: true, force: true});
  atExit(dispose);
  let count = 0;
  return {
    root,
    node: process.execPath,
    cli: join(root, 'dist', 'cli.js'),
    app: [join(root, 'dist', 'cli.js')],
    historyFile: join(root, '.bench', 'last.json'),
    scratch,
    configDir() {
      count += 1;
      const dir = join(scratch, `config-${count}`);
      mkdirSync(dir, {mode: 0o700});
      return dir;
    },
    dispose,
  };
}
