/** The demo server in a child process (see server-process.ts), driven from the bench. */
import {fork} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {withTimeout} from './pty.js';
import {forget, track} from './processes.js';

/** What the child reports once it listens. */
export interface ServerReady {
  kind: 'ready';
  hostPort: string;
  authUrl: string;
  confdUrl: string;
  certPem: string;
  fingerprint256: string;
  username: string;
  password: string;
}

/** What the bench asks of the child. */
export type ServerRequest = {kind: 'latency'; id: number; ms: number} | {kind: 'close'};

/** A demo server running in its own process. */
export interface RemoteServer extends Omit<ServerReady, 'kind'> {
  /** Delay every answer by `ms`; resolves once the server applies it. */
  setLatency(ms: number): Promise<void>;
  close(): Promise<void>;
}

/** Fork the server with `users` users and `lines` lines; resolves once it listens. */
export async function startServerProcess(users: number, lines: number): Promise<RemoteServer> {
  const entry = fileURLToPath(new URL('./server-process.ts', import.meta.url));
  // The child inherits the bench's `--import tsx`, so it runs the TypeScript sources directly.
  const child = fork(entry, [String(users), String(lines)], {stdio: ['ignore', 'inherit', 'inherit', 'ipc']});
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not fork the demo server');
  track(pid);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => forget(pid));

  const ready = await withTimeout(
    new Promise<ServerReady>((resolve, reject) => {
      child.once('message', (message: ServerReady) => resolve(message));
      child.once('exit', (code) => reject(new Error(`the demo server process exited with ${code}`)));
    }),
    60_000,
    'the demo server process to listen',
  );
  let nextId = 0;
  const {kind: _kind, ...fields} = ready;
  return {
    ...fields,
    async setLatency(ms) {
      const id = ++nextId;
      const acked = new Promise<void>((resolve) => {
        const onMessage = (message: {ack?: number}) => {
          if (message.ack !== id) return;
          child.off('message', onMessage);
          resolve();
        };
        child.on('message', onMessage);
      });
      child.send({kind: 'latency', id, ms} satisfies ServerRequest);
      await withTimeout(acked, 5000, 'the demo server to change its latency');
    },
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.send({kind: 'close'} satisfies ServerRequest);
      try {
        await withTimeout(exited, 5000, 'the demo server process to exit');
      } catch {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}
