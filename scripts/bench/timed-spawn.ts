/** Wall time of a process from spawn to exit. */
import {spawn} from 'node:child_process';
import {forget, track} from './processes.js';

/** What `timedRun` observed. */
export interface TimedRun {
  ms: number;
  stdout: string;
}

/** Spawn `command`, resolve with spawn → exit time; rejects on a non-zero exit or after `timeoutMs`. */
export function timedRun(command: string, args: readonly string[], timeoutMs = 10_000): Promise<TimedRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, {stdio: ['ignore', 'pipe', 'pipe']});
    const pid = child.pid;
    if (pid !== undefined) track(pid);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (data: Buffer) => (stdout += data.toString()));
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', reject);
    let ms = 0;
    // The time is taken at exit; the result waits for 'close' so stdout is complete.
    child.once('exit', () => (ms = performance.now() - started));
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (pid !== undefined) forget(pid);
      if (code === 0) resolve({ms, stdout});
      else reject(new Error(`${[command, ...args].join(' ')} exited with ${code ?? signal}: ${stderr.trim()}`));
    });
  });
}
