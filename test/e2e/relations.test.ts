/**
 * Issue "Browse all of confd", end to end: the real binary at 80x24 against the demo server. Open
 * a user, follow her group, open a member, follow its line to the device, and come back with Esc
 * to the user's row; the path taken is over the record at each step.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {startDemoServer} from '../../source/demo/server.js';
import {startTerminal, type Terminal} from '../helpers/tmux.js';

function selectedRow(screen: string): string {
  return screen.split('\n').find((line) => line.startsWith('›')) ?? '';
}

/**
 * Presses Down until the selected line matches `pattern`; returns that line. Each press waits for
 * the cursor to move, so a busy machine cannot make it overshoot.
 */
async function downUntil(terminal: Terminal, pattern: RegExp): Promise<string> {
  for (let step = 0; step < 40; step++) {
    const screen = await terminal.screen();
    const before = selectedRow(screen);
    if (pattern.test(before)) return before;
    await terminal.press('Down');
    const deadline = Date.now() + 3000;
    while (selectedRow(await terminal.screen()) === before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 30));
  }
  assert.fail(`no selected line matching ${pattern}:\n${await terminal.screen()}`);
}

/** Waits until the selected line is `line` (Esc brought the cursor back to it); returns the screen. */
async function waitForSelected(terminal: Terminal, line: string): Promise<string> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const screen = await terminal.screen();
    if (selectedRow(screen) === line) return screen;
    if (Date.now() > deadline) assert.fail(`the cursor is not back on ${JSON.stringify(line)}:\n${screen}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('user → group → member → line → device, and Esc back to the user row', async () => {
  const configDir = mkdtempSync(join(tmpdir(), 'wazo-tui-e2e-'));
  const server = await startDemoServer({users: 300, lines: 360});
  const terminal = await startTerminal([server.hostPort, '--config-dir', configDir, '--username', 'admin']);
  try {
    await terminal.waitFor('SHA-256 fingerprint');
    await terminal.press('o');
    await terminal.waitFor('Password');
    await terminal.type(server.password);
    await terminal.press('Enter');
    await terminal.waitFor(/Users\s+rows 1–\d+ of \d+/, 20_000);

    await terminal.type('/');
    await terminal.type('emilie');
    await terminal.press('Enter');
    await terminal.waitFor(/search “emilie”: \d+ match/);
    // User 1 is her tenant's first user: in its second group, her main line on a device.
    const userRow = await downUntil(terminal, /Émilie.*\s1\s*$/);

    await terminal.press('Enter');
    await terminal.waitFor(/^User Émilie/m);
    await terminal.waitFor(/^ {2}id +1$/m);
    const groupLine = await downUntil(terminal, /^› Group {2}/);
    await terminal.press('Enter');
    await terminal.waitFor(/^User Émilie .*› Group /m);
    await terminal.waitFor(/^ {2}id +\d+$/m);

    const memberLine = await downUntil(terminal, /^› Member {2}Émilie/);
    await terminal.press('Enter');
    await terminal.waitFor(/› Member Émilie/);
    await terminal.waitFor(/^ {2}id +1$/m);

    await downUntil(terminal, /^› Line {2}/);
    await terminal.press('Enter');
    await terminal.waitFor(/› Line \S+\s*$/m);
    await terminal.waitFor(/^ {2}id +\d+$/m);
    await downUntil(terminal, /^› Device {2}/);
    await terminal.press('Enter');
    const device = await terminal.waitFor(/^ {2}mac +\S+/m);
    assert.match(device, /› Line \S+ › Device \S+/, 'the path ends with the line and its device');

    await terminal.press('Escape');
    await terminal.waitFor(/› Line \S+\s*$/m);
    await terminal.press('Escape');
    // The member's own title ends with her (each Escape waits for its screen: two in a row would read as Alt+Esc).
    await terminal.waitFor(/› Member Émilie[^›]*$/m);
    await terminal.press('Escape');
    const group = await waitForSelected(terminal, memberLine);
    assert.match(group, /› Group /);
    await terminal.press('Escape');
    await waitForSelected(terminal, groupLine);
    await terminal.press('Escape');
    const back = await terminal.waitFor(/search “emilie”/);
    assert.equal(selectedRow(back), userRow, "back on the user's row");

    await terminal.press('q');
    assert.equal(await terminal.waitForExit(), 0);
  } finally {
    await terminal.close();
    await server.close();
    rmSync(configDir, {recursive: true, force: true});
  }
});
