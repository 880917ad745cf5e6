/**
 * Issue "Log in and keep the token alive", end to end: confirm the certificate, log in, watch
 * `expires in` count down, quit, and the token is no longer valid on the server. Then the other
 * ways out (SIGTERM, SIGHUP, Ctrl-C) give their exit codes, restore the terminal and revoke too;
 * none leaves an access token or a refresh token on the server.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {demoRequest} from '../helpers/demo.js';
import {liveTokens} from '../helpers/live-tokens.js';
import {startTerminal, type Terminal} from '../helpers/tmux.js';

/** The access tokens the app used against confd, in order. */
function tokensUsed(server: DemoServer): string[] {
  const tokens = server.requests.map((request) => request.headers['x-auth-token']).filter((t): t is string => typeof t === 'string');
  return [...new Set(tokens)];
}

async function isValid(server: DemoServer, token: string): Promise<boolean> {
  const response = await demoRequest(server, {method: 'HEAD', path: `/api/auth/0.1/token/${token}`});
  return response.status === 204;
}

function remaining(screen: string): number {
  const match = /expires in (?:(\d+):)?(\d+):(\d\d)/.exec(screen);
  assert.ok(match, `no countdown on the screen:\n${screen}`);
  return Number(match[1] ?? 0) * 3600 + Number(match[2]) * 60 + Number(match[3]);
}

function launch(server: DemoServer, configDir: string): Promise<Terminal> {
  return startTerminal([server.hostPort, '--config-dir', configDir, '--username', 'admin']);
}

async function logIn(terminal: Terminal, server: DemoServer): Promise<void> {
  await terminal.waitFor('SHA-256 fingerprint');
  await terminal.press('y');
  await terminal.waitFor('Password');
  await terminal.type(server.password);
  await terminal.press('Enter');
  await terminal.waitFor(/Users\s+rows 1–\d+ of \d+/);
}

test('log in, the countdown runs, q revokes the token and restores the terminal', async () => {
  const configDir = mkdtempSync(join(tmpdir(), 'wazo-tui-e2e-'));
  const server = await startDemoServer({users: 50, lines: 50});
  const terminal = await launch(server, configDir);
  try {
    await logIn(terminal, server);
    const before = remaining(await terminal.screen());
    assert.ok(before > 3500 && before <= 3600, `a fresh 3600 s token, got ${before}`);
    await new Promise((resolve) => setTimeout(resolve, 2200));
    const after = remaining(await terminal.screen());
    assert.ok(after < before, `the countdown went down (${before} → ${after})`);

    const [token] = tokensUsed(server);
    assert.ok(token, 'the app used a token against confd');
    assert.equal(await isValid(server, token), true);
    await terminal.press('q');
    assert.equal(await terminal.waitForExit(), 0);
    assert.equal(await terminal.alternateScreen(), false, 'the terminal left the alternate screen');
    assert.equal(await isValid(server, token), false, 'the token was revoked on quit');
    assert.deepEqual(await liveTokens(server, 'admin'), {sessions: 0, refreshTokens: []}, 'no access token and no refresh token left');

    for (const file of readdirSync(configDir, {recursive: true, withFileTypes: true})) {
      if (!file.isFile()) continue;
      const text = readFileSync(join(file.parentPath, file.name), 'utf8');
      assert.ok(!text.includes(server.password), `${file.name} does not contain the password`);
      assert.ok(!text.includes(token), `${file.name} does not contain the token`);
    }
  } finally {
    await terminal.close();
    await server.close();
    rmSync(configDir, {recursive: true, force: true});
  }
});

for (const [how, code] of [
  ['TERM', 143],
  ['HUP', 129],
  ['C-c', 130],
] as const) {
  test(`${how} revokes the token, restores the terminal and exits ${code}`, async () => {
    const configDir = mkdtempSync(join(tmpdir(), 'wazo-tui-e2e-'));
    const server = await startDemoServer({users: 20, lines: 20});
    const terminal = await launch(server, configDir);
    try {
      await logIn(terminal, server);
      const [token] = tokensUsed(server);
      assert.ok(token);
      if (how === 'C-c') await terminal.press('C-c');
      else await terminal.signal(how);
      assert.equal(await terminal.waitForExit(), code);
      assert.equal(await terminal.alternateScreen(), false);
      assert.equal(await isValid(server, token), false);
      assert.deepEqual(await liveTokens(server, 'admin'), {sessions: 0, refreshTokens: []}, 'the refresh token is deleted too');
    } finally {
      await terminal.close();
      await server.close();
      rmSync(configDir, {recursive: true, force: true});
    }
  });
}
