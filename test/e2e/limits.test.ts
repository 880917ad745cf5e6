/**
 * Issue 9 end to end, the binary in tmux: a 50 MB answer is a sentence on the status line and the
 * program goes on (retry, quit with q: exit 0, token revoked, terminal restored); and a crash in a
 * render, a timer or a promise restores the terminal, revokes the token and leaves a private
 * report without secrets, whose path it prints.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {demoRequest} from '../helpers/demo.js';
import {startTerminal, type Terminal} from '../helpers/tmux.js';

const PASSWORD = 'crash-test pässword';

function tokensUsed(server: DemoServer): string[] {
  const tokens = server.requests.map((request) => request.headers['x-auth-token']).filter((t): t is string => typeof t === 'string');
  return [...new Set(tokens)];
}

async function isValid(server: DemoServer, token: string): Promise<boolean> {
  return (await demoRequest(server, {method: 'HEAD', path: `/api/auth/0.1/token/${token}`})).status === 204;
}

async function logIn(terminal: Terminal, loggedIn: RegExp): Promise<void> {
  await terminal.waitFor('SHA-256 fingerprint');
  await terminal.press('y');
  await terminal.waitFor('Password');
  await terminal.type(PASSWORD);
  await terminal.press('Enter');
  await terminal.waitFor(loggedIn);
}

test('a 50 MB answer: a sentence on the status line, r retries, q exits 0, the token revoked, the terminal restored', async () => {
  const configDir = mkdtempSync(join(tmpdir(), 'wazo-tui-e2e-'));
  const server = await startDemoServer({users: 50, lines: 50, password: PASSWORD, faults: [{fault: {kind: 'huge'}, match: /^\/api\/confd\//}]});
  const terminal = await startTerminal([server.hostPort, '--config-dir', configDir, '--username', 'admin']);
  try {
    await logIn(terminal, /The answer of 127\.0\.0\.1:\d+ to GET \/users was 50 MB/);
    await server.setFault({kind: 'none'});
    await terminal.press('r');
    await terminal.waitFor(/Users\s+rows 1–\d+ of \d+/);
    const [token] = tokensUsed(server);
    assert.ok(token);
    await terminal.press('q');
    assert.equal(await terminal.waitForExit(), 0);
    assert.equal(await terminal.alternateScreen(), false);
    assert.equal(await isValid(server, token), false, 'the token was revoked');
  } finally {
    await terminal.close();
    await server.close();
    rmSync(configDir, {recursive: true, force: true});
  }
});

for (const kind of ['render', 'timer', 'promise'] as const) {
  test(`a crash in a ${kind}: terminal restored, token revoked, a 0600 report without secrets, its path printed`, async () => {
    const configDir = mkdtempSync(join(tmpdir(), 'wazo-tui-e2e-'));
    const server = await startDemoServer({users: 20, lines: 20, password: PASSWORD});
    const recording = join(configDir, 'terminal-output');
    const terminal = await startTerminal([server.hostPort, '--config-dir', configDir, '--username', 'admin'], {
      env: {WAZO_TUI_TEST_CRASH: kind},
      record: recording,
    });
    try {
      await logIn(terminal, /Users\s+rows 1–\d+ of \d+/);
      const [token] = tokensUsed(server);
      assert.ok(token);
      assert.equal(await terminal.waitForExit(), 1);
      assert.equal(await terminal.alternateScreen(), false, 'the alternate screen is off');
      // tmux reports a dead pane's cursor as hidden, and the line may have scrolled off: read the bytes.
      const output = readFileSync(recording, 'utf8');
      assert.equal(output.match(/\u001b\[\?25[hl]/g)?.at(-1), '\u001b[?25h', 'the last cursor mode written shows it');
      assert.ok(output.lastIndexOf('\u001b[?1049l') > output.lastIndexOf('\u001b[?1049h'), 'the alternate screen was left');
      assert.equal(await isValid(server, token), false, 'the token was revoked');

      const reportDir = join(configDir, 'crash-reports');
      const [name, ...others] = readdirSync(reportDir);
      assert.ok(name && others.length === 0, 'one report');
      const path = join(reportDir, name);
      assert.equal(statSync(reportDir).mode & 0o777, 0o700);
      assert.equal(statSync(path).mode & 0o777, 0o600);
      const report = readFileSync(path, 'utf8');
      assert.match(report, new RegExp(`origin: +${kind === 'render' ? 'render' : kind === 'timer' ? 'uncaughtException' : 'unhandledRejection'}`));
      assert.match(report, new RegExp(`WAZO_TUI_TEST_CRASH=${kind}: a crash on purpose\\n\\s+at `));
      assert.ok(!report.includes(token) && !report.includes(PASSWORD), 'no secret in the report');

      const line = output.slice(output.lastIndexOf('\u001b[?1049l')).split('\n').find((text) => text.includes('wazo-tui crashed'));
      assert.ok(line, `one line about the crash after the alternate screen:\n${output.slice(-2000)}`);
      assert.match(line, new RegExp(`wazo-tui crashed \\(a bug: WAZO_TUI_TEST_CRASH=${kind}: a crash on purpose\\); the session was ended; crash report: `));
      assert.ok(line.includes(path), `the path is printed: ${line}`);
    } finally {
      await terminal.close();
      await server.close();
      rmSync(configDir, {recursive: true, force: true});
    }
  });
}
