/**
 * Issue 13, profiles like k9s contexts, end to end: two demo servers with different data, a
 * profile for each; `wazo-tui -p one` logs in to the first and shows its users, `:ctx two` logs
 * out of it (its tokens revoked on that server), trusts the second one's certificate, logs in,
 * and shows the second server's users, without leaving the program.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PinStore} from '../../source/config/pins.js';
import {ProfileStore} from '../../source/config/profiles.js';
import {startDemoServer} from '../../source/demo/server.js';
import {startTerminal} from '../helpers/tmux.js';

function selectedRow(screen: string): string {
  const row = screen.split('\n').find((line) => line.startsWith('›'));
  assert.ok(row, `no selected row on the screen:\n${screen}`);
  return row;
}

test(':ctx switches between two demo servers: log out of one, trust and log in to the other', async () => {
  const configDir = mkdtempSync(join(tmpdir(), 'wazo-tui-e2e-'));
  const one = await startDemoServer({seed: 11, username: 'alice', password: 'one-secret'});
  const two = await startDemoServer({seed: 22, username: 'bob', password: 'two-secret'});
  const profiles = new ProfileStore(configDir);
  profiles.add('one', {server: one.hostPort, username: 'alice'});
  profiles.add('two', {server: two.hostPort, username: 'bob', collection: 'users'});
  // The first server is pinned already; the second is a first contact, trusted on the way.
  new PinStore(configDir).set({hostPort: one.hostPort, pem: one.certPem, fingerprint256: one.fingerprint256, trustedAt: new Date().toISOString()});
  const terminal = await startTerminal(['-p', 'one', '--config-dir', configDir]);
  try {
    await terminal.waitFor(/Username\s+alice/);
    await terminal.waitFor('› Password');
    await terminal.type(one.password);
    await terminal.press('Enter');
    const first = await terminal.waitFor(/Users\s+rows 1–/, 20_000);
    assert.ok(first.includes(one.hostPort), `the header names the first server:\n${first}`);
    assert.ok(first.includes(`wazo-tui one · ${one.hostPort}`), `the header names the profile before its server:\n${first}`);
    const firstRow = selectedRow(first);

    const deletesBefore = one.requests.filter((request) => request.method === 'DELETE').length;
    await terminal.type(':ctx two');
    await terminal.press('Enter');
    // Logged out of the first server, then the second one's certificate is checked at once.
    await terminal.waitFor('SHA-256 fingerprint', 15_000);
    const revoked = one.requests.slice().filter((request) => request.method === 'DELETE').length - deletesBefore;
    assert.ok(revoked >= 2, `the access token and the refresh token were revoked on the first server (${revoked} DELETE)`);
    await terminal.press('y');
    await terminal.waitFor(/Username\s+bob/);
    await terminal.waitFor(`Pinned ${two.hostPort}`);
    await terminal.type(two.password);
    await terminal.press('Enter');
    const second = await terminal.waitFor(/Users\s+rows 1–/, 20_000);
    assert.ok(second.includes(two.hostPort) && !second.includes(one.hostPort), `the header names the second server only:\n${second}`);
    assert.ok(second.includes(`wazo-tui two · ${two.hostPort}`), `the header names the second profile:\n${second}`);
    assert.notEqual(selectedRow(second), firstRow, 'the second server has other users');
    assert.equal(two.requests.filter((request) => request.method === 'POST' && request.url.endsWith('/token')).length, 1);

    // Back to the first, through the picker this time: `:ctx` alone lists the profiles.
    await terminal.type(':ctx');
    await terminal.press('Enter');
    await terminal.waitFor(/Profiles[\s\S]*two\s+\(current\)/);
    // Most recently used first: two (current, selected), then one.
    await terminal.press('Down');
    await terminal.press('Enter');
    await terminal.waitFor(/Username\s+alice/, 15_000);
    await terminal.type(one.password);
    await terminal.press('Enter');
    const again = await terminal.waitFor(/Users\s+rows 1–/, 20_000);
    assert.equal(selectedRow(again), firstRow, 'the first server’s users again');

    await terminal.press('q');
    assert.equal(await terminal.waitForExit(), 0);
    const file = readFileSync(join(configDir, 'profiles.yaml'), 'utf8');
    assert.match(file, /^current: one$/m, 'the profile used last is current');
    assert.ok(!file.includes('secret'), 'no password in the profiles file');
    assert.deepEqual(new PinStore(configDir).list().map((pin) => pin.hostPort).sort(), [one.hostPort, two.hostPort].sort());
  } finally {
    await terminal.close();
    await one.close();
    await two.close();
    rmSync(configDir, {recursive: true, force: true});
  }
});

test('-p with a profile that does not exist says so and which exist, before anything connects', async () => {
  const configDir = mkdtempSync(join(tmpdir(), 'wazo-tui-e2e-'));
  new ProfileStore(configDir).add('prod', {server: '127.0.0.1:9'});
  const terminal = await startTerminal(['-p', 'staging', '--config-dir', configDir], {columns: 120});
  try {
    assert.equal(await terminal.waitForExit(), 2);
    assert.equal(await terminal.alternateScreen(), false);
    assert.match((await terminal.withScrollback()).replace(/\s+/g, ' '), /no profile named staging \(profiles: prod\)/);
  } finally {
    await terminal.close();
    rmSync(configDir, {recursive: true, force: true});
  }
});
