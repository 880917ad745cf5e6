/**
 * Drives the app on a real pseudo-terminal through util-linux `script`: its stdout carries
 * exactly the bytes the app writes to the terminal, its stdin feeds the terminal's input.
 * Every chunk is timestamped, counted and applied to a virtual Screen.
 */
import {spawn, type ChildProcess} from 'node:child_process';
import {shellWord} from '../../source/text/shell-word.js';
import {Screen} from './screen.js';
import {childrenOf, forget, track} from './processes.js';

/** How to start one app on a pty. */
export interface PtyOptions {
  cols: number;
  rows: number;
  /** The program and its arguments, run with `exec` inside the pty. */
  command: readonly string[];
}

/** One read from the terminal. */
export interface Chunk {
  /** performance.now() when it arrived. */
  at: number;
  bytes: number;
}

/** What one key produced on the terminal. */
export interface KeyResult {
  /** Key written → first byte back; undefined when nothing was written. */
  latencyMs: number | undefined;
  bytes: number;
}

/** Options for `PtySession.key`. */
export interface KeyOptions {
  /** The frame is over after this long without output. */
  quietMs: number;
  /** Give up waiting for a first byte after this long (the key changed nothing). */
  firstByteMs: number;
}

/** A running app on a pty. */
export class PtySession {
  readonly screen: Screen;
  /** performance.now() just before `script` was spawned. */
  readonly startedAt: number;
  /** Resolves with script's exit code once it has exited. */
  readonly exited: Promise<number | null>;
  totalBytes = 0;
  lastChunkAt = 0;
  /** performance.now() when script exited. */
  exitedAt: number | undefined;
  private readonly child: ChildProcess;
  private readonly listeners = new Set<(chunk: Chunk) => void>();
  private running = true;
  private app: number | undefined;
  private stderr = '';

  constructor(options: PtyOptions) {
    this.screen = new Screen(options.cols, options.rows);
    const inner = `stty cols ${options.cols} rows ${options.rows}; exec ${options.command.map(shellWord).join(' ')}`;
    const env: NodeJS.ProcessEnv = {...process.env, TERM: 'xterm-256color', LANG: 'C.UTF-8'};
    // Ink renders non-interactively (no incremental frames) when it believes it runs in CI.
    delete env.CI;
    delete env.NO_COLOR;
    this.startedAt = performance.now();
    this.child = spawn('script', ['-qfec', inner, '-E', 'never', '/dev/null'], {stdio: ['pipe', 'pipe', 'pipe'], env});
    const pid = this.child.pid;
    if (pid === undefined) throw new Error('could not spawn script(1)');
    track(pid);
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code) => {
        this.exitedAt = performance.now();
        this.running = false;
        forget(pid);
        if (this.app !== undefined) forget(this.app);
        resolve(code);
      });
    });
    this.child.stdout?.on('data', (data: Buffer) => {
      const chunk = {at: performance.now(), bytes: data.length};
      this.totalBytes += data.length;
      this.lastChunkAt = chunk.at;
      this.screen.write(data);
      for (const listener of [...this.listeners]) listener(chunk);
    });
    this.child.stderr?.on('data', (data: Buffer) => {
      this.stderr = (this.stderr + data.toString()).slice(-2000);
    });
    // A write after the app died must not crash the bench with EPIPE.
    this.child.stdin?.on('error', () => {});
  }

  /** Whether script (and so the app) is still running. */
  get alive(): boolean {
    return this.running;
  }

  /** The app's pid: script's child, which `exec`s the app. */
  appPid(): number {
    if (this.app === undefined) {
      const [pid] = childrenOf(this.child.pid ?? -1);
      if (pid === undefined) throw new Error(`no app process under script (${this.describe()})`);
      this.app = pid;
      track(pid);
    }
    return this.app;
  }

  /** Write `keys` to the terminal's input; returns performance.now() just before the write. */
  send(keys: string): number {
    if (!this.running) throw new Error(`the app is not running (${this.describe()})`);
    const at = performance.now();
    this.child.stdin?.write(keys);
    return at;
  }

  /** Call `listener` for every chunk until the returned function is called. */
  onChunk(listener: (chunk: Chunk) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Resolves with the time the screen first satisfied `predicate`, checked now and after every
   * chunk that completes a frame (never on a half-written synchronized update, unless `midFrame`).
   */
  waitFor(what: string, predicate: (screen: Screen) => boolean, timeoutMs: number, midFrame = false): Promise<number> {
    const holds = () => (midFrame || !this.screen.synchronizing) && predicate(this.screen);
    if (holds()) return Promise.resolve(performance.now());
    return new Promise((resolve, reject) => {
      const stop = this.onChunk((chunk) => {
        if (!holds()) return;
        finish();
        resolve(chunk.at);
      });
      const onExit = () => {
        finish();
        reject(new Error(`the app exited while waiting for ${what} (${this.describe()})`));
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} (${this.describe()})`));
      }, timeoutMs);
      const finish = () => {
        stop();
        clearTimeout(timer);
        this.child.off('exit', onExit);
      };
      this.child.once('exit', onExit);
    });
  }

  /** Resolves once no output arrived for `quietMs` and no frame is half written (or after `maxMs`). */
  waitQuiet(quietMs: number, maxMs: number): Promise<void> {
    return new Promise((resolve) => {
      const deadline = performance.now() + maxMs;
      const check = () => {
        const now = performance.now();
        const quietFor = now - this.lastChunkAt;
        if ((quietFor >= quietMs && !this.screen.synchronizing) || now >= deadline || !this.running) resolve();
        else setTimeout(check, Math.max(1, Math.min(quietMs - quietFor, deadline - now)) + 1);
      };
      check();
    });
  }

  /**
   * Write `keys` and collect what the terminal receives until it has been quiet for `quietMs` with
   * no frame half written (a loaded machine can pause inside a frame).
   */
  key(keys: string, options: KeyOptions): Promise<KeyResult> {
    return new Promise((resolve) => {
      let bytes = 0;
      let first: number | undefined;
      let timer: NodeJS.Timeout | undefined;
      const done = () => {
        if (this.screen.synchronizing && this.running) {
          timer = setTimeout(done, options.quietMs);
          return;
        }
        stop();
        resolve({latencyMs: first === undefined ? undefined : first - sentAt, bytes});
      };
      const stop = this.onChunk((chunk) => {
        bytes += chunk.bytes;
        first ??= chunk.at;
        clearTimeout(timer);
        timer = setTimeout(done, options.quietMs);
      });
      const sentAt = this.send(keys);
      timer = setTimeout(done, options.firstByteMs);
    });
  }

  /** Stop the app: SIGTERM (it restores the terminal and revokes its token), SIGKILL if it lingers or `force`. */
  async close(force = false): Promise<void> {
    if (!this.running) return;
    let app: number | undefined;
    try {
      app = this.appPid();
    } catch {
      app = undefined;
    }
    const signal = (pid: number | undefined, name: NodeJS.Signals) => {
      if (pid === undefined) return;
      try {
        process.kill(pid, name);
      } catch {
        // Already gone.
      }
    };
    if (!force) {
      signal(app, 'SIGTERM');
      try {
        await withTimeout(this.exited, 2000, 'the app to exit');
        return;
      } catch {
        // Lingering: kill it below.
      }
    }
    signal(app, 'SIGKILL');
    signal(this.child.pid, 'SIGKILL');
    await this.exited;
  }

  /** The screen and stderr, for failure messages. */
  describe(): string {
    const stderr = this.stderr.trim() ? `\nstderr: ${this.stderr.trim()}` : '';
    return `screen:\n${this.screen.text()}${stderr}`;
  }
}

/** Resolves after `ms`. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** `promise`, or a rejection naming `what` after `ms` (the timer is cleared either way). */
export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
