/**
 * Keys typed ahead, end to end: the built binary in tmux, a whole sequence sent in one
 * `send-keys -l` (as a password manager or a slow SSH link delivers it), and a multi-line
 * paste, which the app must have asked to receive bracketed.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {startDemoServer} from '../../source/demo/server.js';
import {confdGet, login} from '../helpers/demo.js';
import {startTerminal} from '../helpers/tmux.js';

test('username⇥password⏎/search⏎j⏎ in one send-keys: logged in as admin, the second match open; a paste is text', async () => {
  const configDir = mkdtempSync(join(tmpdir(), 'wazo-tui-e2e-'));
  const server = await startDemoServer({users: 300, lines: 30});
  const token = await login(server);
  const matches = (await confdGet(server, token, '/users?search=an&order=lastname&direction=asc&limit=2')).json as {items: Array<{id: number}>};
  const second = matches.items[1]?.id;
  assert.ok(second !== undefined);
  const terminal = await startTerminal([server.hostPort, '--config-dir', configDir]);
  try {
    await terminal.waitFor('SHA-256 fingerprint');
    await terminal.press('o');
    await terminal.waitFor(/› Username/);
    await terminal.type(`${server.username}\t${server.password}\r/an\rj\r`);
    const record = await terminal.waitFor(new RegExp(`^  id\\s+${second}\\s*$`, 'm'), 15_000);
    assert.match(record, new RegExp(`· ${server.username} ·`), 'logged in as admin');

    await terminal.press('Escape');
    await terminal.waitFor(/search “an”/);
    await terminal.type('/');
    await terminal.waitFor(/^Users {2}\/an/m);
    await terminal.paste(' emilie\ntremblay\n');
    // Bracketed, the line breaks are text: one line in the field, nothing submitted.
    await terminal.waitFor(/^Users {2}\/an emilie tremblay/m);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.match(await terminal.screen(), /^Users {2}\/an emilie tremblay/m, 'the field is still open');

    await terminal.press('C-c');
    assert.equal(await terminal.waitForExit(), 130);
    assert.equal(await terminal.alternateScreen(), false);
    const revoked = server.requests.filter((request) => request.method === 'DELETE' && request.url.startsWith('/api/auth/0.1/token/'));
    assert.ok(revoked.length > 0, 'Ctrl-C revoked the token');
  } finally {
    await terminal.close();
    await server.close();
    rmSync(configDir, {recursive: true, force: true});
  }
});
