/**
 * Runs the built binary (`dist/cli.js`, built by `npm test`'s pretest) as a child process, the
 * way a script would: pipes for stdin, stdout and stderr, and a fresh config directory per test.
 */
import {spawn, type ChildProcessWithoutNullStreams} from 'node:child_process';
import {mkdtempSync, readdirSync, readFileSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

/** The built binary. */
export const cliPath = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/** How a finished run ended and what it printed. */
export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Input, environment and time limit of one run. */
export interface CliOptions {
  /** Written to stdin, which is then closed (closed at once when absent). */
  input?: string;
  /** Added to the environment; `undefined` removes a variable. */
  env?: Record<string, string | undefined>;
  /** Kill the child and fail after this long; default 20 s (a hung command must not hang the suite). */
  timeoutMs?: number;
}

/** The environment of every child: no colour, and no config dir inherited from the developer's shell. */
export function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {...process.env, NO_COLOR: '1'};
  delete env.WAZO_TUI_CONFIG_DIR;
  // A command run without --config-dir must not touch the real ~/.config.
  env.XDG_CONFIG_HOME = join(tmpdir(), 'wazo-tui-tests-nowhere');
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return env;
}

/** Start `node dist/cli.js ...args` with piped stdio. */
export function spawnCli(args: string[], env: Record<string, string | undefined> = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [cliPath, ...args], {env: childEnv(env), stdio: 'pipe'});
}

/** Run the binary to its end. */
export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  const child = spawnCli(args, options.env);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  // A child that exits before reading its stdin makes the write fail with EPIPE: that is not the test's concern.
  child.stdin.on('error', () => {});
  child.stdin.end(options.input);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`wazo-tui ${args.join(' ')} did not finish\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, options.timeoutMs ?? 20_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({code, signal, stdout, stderr});
    });
  });
}

/** A fresh empty directory inside `parent` (default: the system temp dir). */
export function tempDir(parent: string = tmpdir()): string {
  return mkdtempSync(join(parent, 'wazo-tui-cmd-'));
}

/** Every regular file below `dir`, with its content and mode. */
export function filesBelow(dir: string): Array<{path: string; text: string; mode: number}> {
  const found: Array<{path: string; text: string; mode: number}> = [];
  for (const entry of readdirSync(dir, {withFileTypes: true, recursive: true})) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    found.push({path, text: readFileSync(path, 'utf8'), mode: statSync(path).mode & 0o777});
  }
  return found;
}
