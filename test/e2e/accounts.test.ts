/**
 * Issue "least-privilege API accounts", end to end: the built binary creates an account with the
 * default preset, the dashboard logs in as it in tmux and browses users and lines, `a` shows no
 * `#`, `:accounts` is refused with the missing ACL named; once deleted, the next login fails.
 * Then `:sessions` lists two sessions after two logins, and revoking the other one ends it.
 */
import {after, before, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {browsePreset} from '../../source/resources/browse-acl.js';
import {tokenData, tokenRequest} from '../demo/auth-helpers.js';
import {demoRequest} from '../helpers/demo.js';
import {startTerminal, type Terminal} from '../helpers/tmux.js';
import {runCli} from '../commands/cli.js';

let server: DemoServer;
let configDir = '';

before(async () => {
  server = await startDemoServer({users: 200, lines: 200});
  configDir = mkdtempSync(join(tmpdir(), 'wazo-tui-e2e-accounts-'));
  const pinned = await runCli(['trust', server.hostPort, '--fingerprint', server.fingerprint256, '--config-dir', configDir]);
  assert.equal(pinned.code, 0, pinned.stderr);
});

after(async () => {
  await server.close();
  rmSync(configDir, {recursive: true, force: true});
});

async function dashboard(username: string, password: string, expect: string | RegExp = /Users\s+rows 1–/): Promise<Terminal> {
  const terminal = await startTerminal([server.hostPort, '--config-dir', configDir, '--username', username]);
  await terminal.waitFor('Password');
  await terminal.type(password);
  await terminal.press('Enter');
  await terminal.waitFor(expect, 15_000);
  return terminal;
}

async function command(terminal: Terminal, text: string): Promise<void> {
  await terminal.type(':');
  await terminal.type(text);
  await terminal.press('Enter');
}

test('an account made with the default preset browses, holds no #, is refused :accounts, and cannot log in once deleted', async () => {
  const created = await runCli(['account', 'create', 'e2e-bot', server.hostPort, '-u', 'admin', '--password-stdin', '--config-dir', configDir], {
    input: `${server.password}\n`,
  });
  assert.equal(created.code, 0, created.stderr);
  const password = created.stdout.trim();

  const terminal = await dashboard('e2e-bot', password);
  try {
    const users = await terminal.screen();
    assert.match(users, /e2e-bot/);
    assert.doesNotMatch(users, /full access/);
    await terminal.press('2');
    await terminal.waitFor(/Lines\s+rows 1–/);
    await terminal.press('a');
    const acl = await terminal.waitFor(`Token ACL (${browsePreset().length})`);
    assert.match(acl, /confd\.lines\.read/);
    assert.doesNotMatch(acl, /#/);
    await terminal.press('Escape');
    // Closed before the next key: an Escape followed at once by `:` reads as Alt-:.
    await terminal.waitFor(/Lines\s+rows 1–/);
    await command(terminal, 'accounts');
    const refused = (await terminal.waitFor('not available')).replace(/[│\n ]+/g, ' ');
    assert.match(refused, /lacks the ACL auth\.users\.read/);
    await terminal.press('Escape');
    await terminal.waitFor(/Lines\s+rows 1–/);
    await terminal.press('q');
    assert.equal(await terminal.waitForExit(), 0);
  } finally {
    await terminal.close();
  }

  const deleted = await runCli(['account', 'delete', 'e2e-bot', server.hostPort, '-u', 'admin', '--password-stdin', '--config-dir', configDir], {
    input: `${server.password}\n`,
  });
  assert.equal(deleted.code, 0, deleted.stderr);
  const again = await dashboard('e2e-bot', password, 'Wrong username or password');
  await again.close();
});

test(':sessions lists two sessions after two logins, and revoking the other one ends it on the server', async () => {
  const other = tokenData(await tokenRequest(server, {username: 'admin', password: server.password}));
  const terminal = await dashboard('admin', server.password);
  try {
    await command(terminal, 'sessions');
    const screen = await terminal.waitFor(/◀ ours/);
    const sessions = screen.split('\n').filter((line) => /^│ [› ] session /.test(line));
    assert.equal(sessions.length, 2, screen);
    assert.equal(sessions.filter((line) => line.includes('◀ ours')).length, 1);
    const index = sessions.findIndex((line) => line.includes(String(other.session_uuid)));
    assert.ok(index >= 0, screen);
    for (let step = 0; step < index; step++) await terminal.press('j');
    await terminal.press('d');
    await terminal.waitFor('Type revoke');
    await terminal.type('revoke');
    await terminal.press('Enter');
    await terminal.waitFor(`Revoked the session ${String(other.session_uuid)}`);
    const check = await demoRequest(server, {method: 'HEAD', path: `/api/auth/0.1/token/${String(other.token)}`});
    assert.equal(check.status, 404, 'the other session is over');
    await terminal.waitFor(/◀ ours/);
    await terminal.press('q');
    assert.equal(await terminal.waitForExit(), 0);
  } finally {
    await terminal.close();
  }
});
