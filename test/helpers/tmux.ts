/**
 * Drives the built binary in a real pseudo-terminal, as a person would: tmux gives a terminal
 * of a fixed size, send-keys types, capture-pane reads the screen. (node-pty is a native addon
 * that npm builds for the system Node, not the Node 24 the tests run on; tmux has no such trap.)
 */
import {execFile, execFileSync} from 'node:child_process';
import {randomBytes} from 'node:crypto';
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';

const run = promisify(execFile);
export const cliPath = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export interface TerminalOptions {
  columns?: number;
  rows?: number;
  env?: Record<string, string>;
  /** What to run instead of `node dist/cli.js` (the single executable, `npx wazo-tui`); `args` follow it. */
  command?: string[];
  /** The program's working directory. */
  cwd?: string;
  /** Append every byte the program writes to this file (tmux pipe-pane), from its first one. */
  record?: string;
}

export interface Terminal {
  /** The screen as text, one string per row, escape sequences removed by tmux. */
  screen(): Promise<string>;
  /**
   * The screen with the rows scrolled off above it. A program that prints and exits at once can
   * lose its first row from the screen: tmux resizes the fresh pane (its status bar turned off)
   * and pushes that row into the scrollback.
   */
  withScrollback(): Promise<string>;
  /** Type literal text. */
  type(text: string): Promise<void>;
  /** Press tmux key names: `Enter`, `Escape`, `Down`, `PageDown`, `Tab`, `C-c`, `End`, `Home`… */
  press(...keys: string[]): Promise<void>;
  /** Poll the screen until it matches; fails with the last screen. */
  waitFor(pattern: string | RegExp, timeoutMs?: number): Promise<string>;
  /** Wait for the program to end; its exit status. */
  waitForExit(timeoutMs?: number): Promise<number>;
  /** Resize the terminal, as a user dragging the window would. */
  resize(columns: number, rows: number): Promise<void>;
  /** Whether the terminal is still on the alternate screen. */
  alternateScreen(): Promise<boolean>;
  signal(name: 'TERM' | 'HUP' | 'INT'): Promise<void>;
  close(): Promise<void>;
}

function quote(word: string): string {
  return `'${word.replaceAll("'", "'\\''")}'`;
}

/** Start `node dist/cli.js ...args` (or `command ...args`) in a fresh tmux server of the given size. */
export async function startTerminal(args: string[], options: TerminalOptions = {}): Promise<Terminal> {
  const socket = `wazo-tui-test-${randomBytes(4).toString('hex')}`;
  const tmux = (...words: string[]) => run('tmux', ['-L', socket, ...words], {encoding: 'utf8'});
  const env = {TERM: 'xterm-256color', LANG: 'C.UTF-8', ...options.env};
  // The shell around the program writes its exit status to a file: tmux's own record of a dead
  // pane's status can lag behind. `env -u CI`: Ink must see a real terminal, whatever CI says.
  const work = mkdtempSync(join(tmpdir(), 'wazo-tui-tmux-'));
  const statusFile = join(work, 'status');
  const pidFile = join(work, 'pid');
  const goFile = join(work, 'go');
  const program = ['env', '-u', 'CI', ...Object.entries(env).map(([k, v]) => `${k}=${v}`), ...(options.command ?? [process.execPath, cliPath]), ...args];
  // The inner shell records its pid and execs the program (env execs node): that pid is the app's.
  // With a recording, the program waits until tmux's pipe is attached, so no byte is missed.
  const wait = options.record ? `while [ ! -e ${quote(goFile)} ]; do sleep 0.02; done; ` : '';
  const inner = ['sh', '-c', `${wait}echo $$ > ${quote(pidFile)}; exec "$@"`, 'sh', ...program];
  const command = ['sh', '-c', `"$@"; echo $? > ${quote(statusFile)}`, 'sh', ...inner].map(quote).join(' ');
  await tmux(
    'new-session', '-d', '-s', 'main', ...(options.cwd ? ['-c', options.cwd] : []),
    '-x', String(options.columns ?? 80), '-y', String(options.rows ?? 24),
    command,
  );
  await tmux('set-option', '-t', 'main', 'remain-on-exit', 'on');
  await tmux('set-option', '-t', 'main', 'status', 'off');
  if (options.record) {
    await tmux('pipe-pane', '-o', '-t', 'main', `cat >> ${quote(options.record)}`);
    writeFileSync(goFile, '');
  }

  const display = async (format: string) => (await tmux('display-message', '-p', '-t', 'main', format)).stdout.trim();
  const terminal: Terminal = {
    async screen() {
      return (await tmux('capture-pane', '-p', '-t', 'main')).stdout;
    },
    async withScrollback() {
      return (await tmux('capture-pane', '-p', '-S', '-200', '-t', 'main')).stdout;
    },
    async type(text) {
      await tmux('send-keys', '-t', 'main', '-l', text);
    },
    async press(...keys) {
      for (const key of keys) await tmux('send-keys', '-t', 'main', key);
    },
    async waitFor(pattern, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      let last = '';
      while (Date.now() < deadline) {
        last = await terminal.screen();
        if (typeof pattern === 'string' ? last.includes(pattern) : pattern.test(last)) return last;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${String(pattern)}. Last screen:\n${last}`);
    },
    async waitForExit(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (existsSync(statusFile)) {
          const status = readFileSync(statusFile, 'utf8').trim();
          if (status !== '') return Number(status);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`The program did not exit within ${timeoutMs} ms. Last screen:\n${await terminal.screen()}`);
    },
    async resize(columns, rows) {
      await tmux('resize-window', '-t', 'main', '-x', String(columns), '-y', String(rows));
    },
    async alternateScreen() {
      return (await display('#{alternate_on}')) === '1';
    },
    async signal(name) {
      process.kill(Number(readFileSync(pidFile, 'utf8').trim()), `SIG${name}`);
    },
    async close() {
      try {
        execFileSync('tmux', ['-L', socket, 'kill-server'], {stdio: 'ignore'});
      } catch {
        // Already gone.
      }
      rmSync(work, {recursive: true, force: true});
    },
  };
  return terminal;
}
