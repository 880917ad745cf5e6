/**
 * The README's first command, `wazo-tui --demo`, end to end: the embedded server starts, its
 * address, credentials and fingerprint show, and the demo password logs in after the certificate.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {startTerminal} from '../helpers/tmux.js';

test('--demo starts its own server, shows how to reach it, and logs in', async () => {
  const terminal = await startTerminal(['--demo']);
  try {
    const certificate = await terminal.waitFor('SHA-256 fingerprint', 20_000);
    const fingerprint = (certificate.match(/[0-9A-F]{2}(?::[0-9A-F]{2})+/g) ?? []).filter((run) => run.length > 8).join(':');
    assert.match(fingerprint, /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    await terminal.press('o');
    const connect = await terminal.waitFor('Demo server');
    assert.match(connect, /user admin {2}password secret/);
    assert.ok(connect.includes(`SHA256 ${fingerprint.slice(0, 20)}`), 'the Connect screen shows the same certificate');
    await terminal.press('Enter');
    await terminal.waitFor(/Users\s+rows 1–\d+ of \d+/);
    await terminal.press('q');
    assert.equal(await terminal.waitForExit(), 0);
  } finally {
    await terminal.close();
  }
});
