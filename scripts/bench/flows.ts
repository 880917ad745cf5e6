/**
 * How the bench reads the app's screens and walks it to the main table: the demo flow
 * (trust once, log in with the prefilled password) and the flow against the bench's own server.
 */
import type {Screen} from './screen.js';
import {PtySession} from './pty.js';
import type {BenchContext} from './context.js';
import {timedRun} from './timed-spawn.js';

/** Keys as the terminal sends them. */
export const KEYS = {down: 'j', up: 'k', pageDown: '\u001B[6~', first: 'g', enter: '\r', tab: '\t'} as const;

/** The table's visible window, from its title `rows S–E of T`. */
export interface TableWindow {
  start: number;
  end: number;
  total: number;
}

const TITLE = /rows (\d+)–(\d+) of (\d+)/;
const PLACEHOLDER = /^[ ›] …$/;

/** The window the title line shows, if the main table is on screen. */
export function tableWindow(screen: Screen): TableWindow | undefined {
  for (const line of screen.lines()) {
    const match = TITLE.exec(line);
    if (match) return {start: Number(match[1]), end: Number(match[2]), total: Number(match[3])};
  }
  return undefined;
}

/** Whether some row of the table is still a loading placeholder. */
export function hasPlaceholders(screen: Screen): boolean {
  return screen.lines().some((line) => PLACEHOLDER.test(line));
}

/** Screen line of the selection marker `›`, or -1. */
export function selectedLine(screen: Screen): number {
  return screen.lines().findIndex((line) => line.startsWith('›'));
}

/** The main table with every visible row loaded. */
export function tableReady(screen: Screen): boolean {
  return tableWindow(screen) !== undefined && !hasPlaceholders(screen) && selectedLine(screen) >= 0 && screen.text().includes('expires');
}

/** `--demo`: accept the demo certificate once (`o`), log in with the prefilled password, wait for the loaded table. */
export async function loginDemo(session: PtySession): Promise<TableWindow> {
  await session.waitFor('the certificate screen', (screen) => screen.text().includes('is not trusted yet'), 20_000);
  await pressUntil(session, 'o', 'the connect form', (screen) => !screen.text().includes('is not trusted yet') && screen.text().includes(FORM_MARK));
  await pressUntil(session, KEYS.enter, 'the login to start', (screen) => !screen.text().includes(FORM_MARK));
  return waitForTable(session);
}

/** A server pinned beforehand: the connect form has the server filled in; type the credentials. */
export async function loginServer(session: PtySession, username: string, password: string): Promise<TableWindow> {
  await session.waitFor('the connect form', (screen) => screen.text().includes(FORM_MARK), 20_000);
  const field = (screen: Screen, label: string) => screen.lines().find((line) => line.includes(label)) ?? '';
  await pressUntil(session, username, 'the username typed', (screen) => field(screen, 'Username').includes(username));
  await pressUntil(session, KEYS.tab, 'the password field focused', (screen) => field(screen, 'Password').trimStart().startsWith('›'));
  const empty = field(session.screen, 'Password');
  await pressUntil(session, password, 'the password typed', (screen) => field(screen, 'Password') !== empty);
  await pressUntil(session, KEYS.enter, 'the login to start', (screen) => !screen.text().includes(FORM_MARK));
  return waitForTable(session);
}

/** Only the connect form shows this field. */
const FORM_MARK = 'Token lifetime';

/**
 * Send `keys` once the screen has been still for a moment, and again if `predicate` does not hold
 * soon: keys that arrive before a new screen has attached its input handler are lost.
 */
async function pressUntil(session: PtySession, keys: string, what: string, predicate: (screen: Screen) => boolean): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await session.waitQuiet(100, 2000);
    session.send(keys);
    try {
      await session.waitFor(what, predicate, 2000);
      return;
    } catch (error) {
      if (attempt === 4 || !session.alive) throw error;
    }
  }
}

/** Wait until the main table shows loaded rows. */
export async function waitForTable(session: PtySession): Promise<TableWindow> {
  await session.waitFor('the main table with loaded rows', tableReady, 30_000);
  const window = tableWindow(session.screen);
  if (!window) throw new Error(`no table window (${session.describe()})`);
  return window;
}

/** A server the app can log in to. */
export interface LoginTarget {
  hostPort: string;
  fingerprint256: string;
  username: string;
  password: string;
}

/** Pin `target`'s certificate in a fresh config directory, start the app on it at `cols`x`rows` and log in. */
export async function startOnServer(
  context: BenchContext,
  target: LoginTarget,
  cols: number,
  rows: number,
): Promise<{session: PtySession; window: TableWindow}> {
  const configDir = context.configDir();
  await timedRun(context.app[0]!, [...context.app.slice(1), 'trust', target.hostPort, '--fingerprint', target.fingerprint256, '--config-dir', configDir]);
  const session = new PtySession({cols, rows, command: [...context.app, target.hostPort, '--config-dir', configDir]});
  try {
    return {session, window: await loginServer(session, target.username, target.password)};
  } catch (error) {
    await session.close(true);
    throw error;
  }
}
