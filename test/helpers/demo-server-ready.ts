/** Waiting for a `demo-server` child process to say it is ready, as the command and packaging tests start it. */
import type {ChildProcess} from 'node:child_process';

/** What the server printed up to "Press Ctrl-C to stop.", and a reader of everything printed so far. */
export interface ReadyOutput {
  ready: string;
  output(): string;
}

/** Resolves once `child` prints that it is ready; rejects if it exits first or takes over 20 s. */
export function demoServerReady(child: ChildProcess): Promise<ReadyOutput> {
  let stdout = '';
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    let ready = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`demo-server did not get ready\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, 20_000);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (ready || !stdout.includes('Press Ctrl-C to stop.\n')) return;
      ready = true;
      clearTimeout(timer);
      resolve({ready: stdout, output: () => stdout});
    });
    child.once('close', (code) => {
      if (ready) return;
      clearTimeout(timer);
      reject(new Error(`demo-server exited with ${code} before it was ready\nstdout: ${stdout}\nstderr: ${stderr}`));
    });
  });
}
