/**
 * Drives the whole App in ink-testing-library against a real demo server: a private config
 * directory, an explicit terminal size, and a quitter whose cleanup (token revocation, client
 * close) the test can await, so nothing is left running.
 */
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {App} from '../../source/app/App.js';
import {createQuitter, type Quitter} from '../../source/app/quit.js';
import type {TuiCommand} from '../../source/cli/args.js';
import {ProfileStore} from '../../source/config/profiles.js';
import {PinStore} from '../../source/config/pins.js';
import type {DemoServer, RecordedRequest} from '../../source/demo/server.js';
import {KEYS, press, renderApp, waitForText, type Rendered} from '../helpers/ink.js';

/** A rendered App and what the test needs around it. */
export interface AppHarness {
  app: Rendered;
  configDir: string;
  /** Render again at another terminal size, as a resize does. */
  resize(columns: number, rows: number): void;
  /** Quit as `q` would (revokes the token), wait for the cleanup, unmount, remove the config dir. */
  close(): Promise<void>;
}

/** What the App starts with, as from the command line, and the terminal size (default 80×24). */
export interface AppOptions {
  server?: string;
  username?: string;
  /** `-p NAME`. */
  profile?: string;
  columns?: number;
  rows?: number;
  /** Prepare the config dir (pins, profiles) before the App reads it. */
  prepare?(configDir: string): void;
}

/** A quitter that lets the test await the App's quit handler. */
function awaitableQuitter(): {quitter: Quitter; done(): Promise<void>} {
  const base = createQuitter();
  let running: Promise<void> = Promise.resolve();
  const quitter: Quitter = {
    quit: (code) => base.quit(code),
    register: (handler) => base.register(() => (running = handler())),
    code: () => base.code(),
    track: (cleanup) => base.track(cleanup),
    cleanup: () => base.cleanup(),
    get quitting() {
      return base.quitting;
    },
  };
  return {quitter, done: () => running};
}

/** Render the App in a fresh config directory at `columns`×`rows` (default 80×24). */
export function startApp(options: AppOptions = {}): AppHarness {
  const configDir = mkdtempSync(join(tmpdir(), 'wazo-tui-app-test-'));
  options.prepare?.(configDir);
  const profiles = new ProfileStore(configDir);
  const command: TuiCommand = {
    kind: 'tui',
    demo: false,
    caFiles: [],
    noColor: false,
    ...(options.server === undefined ? {} : {server: options.server}),
    ...(options.username === undefined ? {} : {username: options.username}),
    ...(options.profile === undefined ? {} : {profile: options.profile}),
  };
  const {quitter, done} = awaitableQuitter();
  const element = (columns: number, rows: number) => (
    <App command={command} configDir={configDir} profiles={profiles} color={false} quitter={quitter} size={{columns, rows}} />
  );
  const app = renderApp(element(options.columns ?? 80, options.rows ?? 24));
  return {
    app,
    configDir,
    resize: (columns, rows) => app.rerender(element(columns, rows)),
    async close() {
      quitter.quit(0);
      await done();
      app.unmount();
      rmSync(configDir, {recursive: true, force: true});
    },
  };
}

/** Pin the demo server's certificate in `configDir`, as `wazo-tui trust` would. */
export function pinDemo(configDir: string, server: DemoServer): void {
  new PinStore(configDir).set({
    hostPort: server.hostPort,
    pem: server.certPem,
    fingerprint256: server.fingerprint256,
    trustedAt: new Date().toISOString(),
  });
}

/** Requests that carried a credential: Basic auth, a token, or a token creation. */
export function credentialRequests(requests: readonly RecordedRequest[]): RecordedRequest[] {
  return requests.filter(
    (request) =>
      request.headers.authorization !== undefined ||
      request.headers['x-auth-token'] !== undefined ||
      (request.method === 'POST' && /\/token(\?|$)/.test(request.url)),
  );
}

/** Polls `condition` until true; fails with `describe()` otherwise. */
export async function waitUntil(condition: () => boolean, describe: () => string, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) assert.fail(`timed out: ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Start the App on a pinned demo server and log in; resolves once the users table shows rows. */
export async function loginApp(
  server: DemoServer,
  account: {username: string; password: string} = {username: server.username, password: server.password},
  options: Omit<AppOptions, 'server' | 'username' | 'prepare'> = {},
): Promise<AppHarness> {
  const harness = startApp({...options, server: server.hostPort, username: account.username, prepare: (dir) => pinDemo(dir, server)});
  try {
    await waitForText(harness.app, '› Password', 8000);
    await press(harness.app, account.password, KEYS.enter);
    await waitForText(harness.app, /Users {2}rows 1–/, 8000);
  } catch (error) {
    await harness.close();
    throw error;
  }
  return harness;
}

/** Run `run` on the harness and always close it (quitting like `q`). */
export async function using(harness: AppHarness, run: (harness: AppHarness) => Promise<void>): Promise<void> {
  try {
    await run(harness);
  } finally {
    await harness.close();
  }
}
