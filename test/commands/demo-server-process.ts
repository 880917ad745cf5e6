/** `wazo-tui demo-server` as a child process for the command tests: start it, read what it printed, see what it serves. */
import assert from 'node:assert/strict';
import type {X509Certificate} from 'node:crypto';
import {connect} from 'node:tls';
import type {ChildProcessWithoutNullStreams} from 'node:child_process';
import {demoServerReady} from '../helpers/demo-server-ready.js';
import {spawnCli} from './cli.js';

export interface Running {
  child: ChildProcessWithoutNullStreams;
  /** What it printed up to "Press Ctrl-C to stop.". */
  stdout: string;
  /** Everything printed so far. */
  output(): string;
  exit: Promise<{code: number | null; signal: NodeJS.Signals | null}>;
}

/** Start the demo server and wait until it says it is ready; stdin is closed unless `keepStdin`. */
export async function startCommand(args: string[], options: {keepStdin?: boolean} = {}): Promise<Running> {
  const child = spawnCli(['demo-server', ...args]);
  if (!options.keepStdin) child.stdin.end();
  const exit = new Promise<{code: number | null; signal: NodeJS.Signals | null}>((resolve) =>
    child.on('close', (code, signal) => resolve({code, signal})),
  );
  const {ready, output} = await demoServerReady(child);
  return {child, stdout: ready, output, exit};
}

export function printed(stdout: string, pattern: RegExp): string {
  const value = pattern.exec(stdout)?.[1];
  assert.ok(value, `${pattern} not in:\n${stdout}`);
  return value;
}

/** The certificate the server presents, read without verifying it: the test then checks it against the printed fingerprint. */
export function presentedCertificate(port: number): Promise<X509Certificate> {
  return new Promise((resolve, reject) => {
    const socket = connect({host: '127.0.0.1', port, servername: 'localhost', rejectUnauthorized: false}, () => {
      const certificate = socket.getPeerX509Certificate();
      socket.destroy();
      if (certificate) resolve(certificate);
      else reject(new Error('no peer certificate'));
    });
    socket.on('error', reject);
  });
}

