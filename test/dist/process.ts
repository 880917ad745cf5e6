/**
 * Runs the shipped artifacts (the single executable, npm, npx) as a user would, with exactly the
 * environment a test gives: the point of these tests is what they need from the machine.
 */
import {execFile, spawn} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {demoServerReady} from '../helpers/demo-server-ready.js';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const version: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {version: string}).version;

export interface Finished {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  input?: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

/** Run to the end; rejects only if the program could not start or overran its time. */
export function run(file: string, args: string[], options: RunOptions = {}): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      file,
      args,
      {cwd: options.cwd, env: options.env, timeout: options.timeoutMs ?? 60_000, encoding: 'utf8'},
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(new Error(`${file} ${args.join(' ')}: ${error.message}\nstdout: ${stdout}\nstderr: ${stderr}`));
          return;
        }
        resolve({code: error ? Number(error.code) : 0, stdout, stderr});
      },
    );
    child.stdin?.on('error', () => {});
    child.stdin?.end(options.input);
  });
}

export interface DemoServerProcess {
  hostPort: string;
  fingerprint: string;
  /** SIGTERM, then its exit code. */
  stop(): Promise<number | null>;
}

/** Start `command... demo-server --port 0` and read where it listens and what it serves. */
export async function startDemoServerProcess(command: string[], extra: string[] = []): Promise<DemoServerProcess> {
  const [file, ...args] = command;
  const child = spawn(file!, [...args, 'demo-server', '--port', '0', ...extra], {stdio: ['ignore', 'pipe', 'pipe']});
  const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const {ready: stdout} = await demoServerReady(child);
  const hostPort = /listening on https:\/\/(\S+)/.exec(stdout)?.[1];
  const fingerprint = /fingerprint: ([0-9A-F:]+)/.exec(stdout)?.[1];
  if (!hostPort || !fingerprint) throw new Error(`demo-server printed no address or fingerprint:\n${stdout}`);
  return {
    hostPort,
    fingerprint,
    stop() {
      child.kill('SIGTERM');
      return closed;
    },
  };
}
