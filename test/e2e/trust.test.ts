/**
 * Issue "Trust the server as SSH does", end to end: the real binary in a real terminal (tmux,
 * 80x24) against the demo server. First contact shows the fingerprint the server really serves,
 * `y` pins it and leads to the login form; after the server restarts with a new certificate the
 * Changed screen shows and nothing reaches the server.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {startDemoServer} from '../../source/demo/server.js';
import {startTerminal} from '../helpers/tmux.js';

/** The fingerprint as it stands on the screen, wrapped lines joined back together. */
function fingerprintOnScreen(screen: string): string {
  return (screen.match(/[0-9A-F]{2}(?::[0-9A-F]{2})+/g) ?? []).filter((run) => run.length > 8).join(':');
}

test('first contact, pin, then a changed certificate is refused before any byte is sent', async () => {
  const configDir = mkdtempSync(join(tmpdir(), 'wazo-tui-e2e-'));
  let server = await startDemoServer({users: 20, lines: 20});
  const port = server.port;
  try {
    const first = await startTerminal([server.hostPort, '--config-dir', configDir, '--username', 'admin']);
    try {
      const screen = await first.waitFor('SHA-256 fingerprint');
      assert.equal(fingerprintOnScreen(screen), server.fingerprint256, 'the whole fingerprint is on the screen at 80x24');
      assert.match(screen, /openssl x509 -noout -fingerprint -sha256/);
      assert.equal(server.requests.length, 0, 'no HTTP request reaches the server before its certificate is trusted');
      await first.press('y');
      await first.waitFor('Password');
      await first.press('C-c');
      assert.equal(await first.waitForExit(), 130);
    } finally {
      await first.close();
    }

    await server.close();
    server = await startDemoServer({port, users: 20, lines: 20});
    const second = await startTerminal([server.hostPort, '--config-dir', configDir, '--username', 'admin']);
    try {
      const screen = await second.waitFor('HAS CHANGED');
      assert.equal(server.requests.length, 0, 'nothing reached the server');
      assert.match(screen, /Type replace/);
      await second.press('y', 'Enter');
      await second.waitFor('type the whole word');
      await second.press('Escape');
      await second.waitFor('refused');
      await second.press('C-c');
      assert.equal(await second.waitForExit(), 130);
      assert.equal(server.requests.length, 0, 'still nothing reached the server');
    } finally {
      await second.close();
    }
  } finally {
    await server.close();
    rmSync(configDir, {recursive: true, force: true});
  }
});
