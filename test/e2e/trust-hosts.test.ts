/**
 * Issue 9, end to end in tmux (80x24): a leaf issued by a CA this machine does not know is pinned
 * with `y` and then works (partial-chain trust), and with wazo-confd on another host each host's
 * certificate gets its own screen and pin before the login.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PinStore} from '../../source/config/pins.js';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {startTerminal} from '../helpers/tmux.js';

async function withServer(server: DemoServer, run: (configDir: string) => Promise<void>): Promise<void> {
  const configDir = mkdtempSync(join(tmpdir(), 'wazo-tui-e2e-'));
  try {
    await run(configDir);
  } finally {
    await server.close();
    rmSync(configDir, {recursive: true, force: true});
  }
}

test('a leaf from an unknown CA: y pins it, the login works, and the pin is the leaf', async () => {
  const server = await startDemoServer({users: 20, lines: 20, certificates: 'ca'});
  await withServer(server, async (configDir) => {
    const terminal = await startTerminal([server.hostPort, '--config-dir', configDir, '--username', 'admin']);
    try {
      const screen = await terminal.waitFor('SHA-256 fingerprint');
      assert.match(screen, /Wazo Demo CA/);
      assert.equal(server.requests.length, 0);
      await terminal.press('y');
      await terminal.waitFor(`Pinned ${server.hostPort}`);
      await terminal.type(server.password);
      await terminal.press('Enter');
      const main = await terminal.waitFor(/Users +rows 1–/, 15_000);
      assert.doesNotMatch(main, /refused|Nothing can be trusted/);
      assert.equal(new PinStore(configDir).get(server.hostPort)?.fingerprint256, server.fingerprint256);
      await terminal.press('q');
      assert.equal(await terminal.waitForExit(), 0);
    } finally {
      await terminal.close();
    }
  });
});

test('split hosts: one Certificate screen per host, each naming its host, then the login', async () => {
  const server = await startDemoServer({users: 20, lines: 20, splitConfd: {}});
  await withServer(server, async (configDir) => {
    const args = [server.hostPort, '--confd-url', server.confdUrl, '--config-dir', configDir, '--username', 'admin'];
    const terminal = await startTerminal(args);
    try {
      // Each screen is waited for whole (its footer is drawn last) before the key that answers it.
      await terminal.waitFor(new RegExp(`certificate of ${server.hostPort}[^]*n/Esc refuse`));
      await terminal.press('y');
      await terminal.waitFor(new RegExp(`certificate of ${server.confd.hostPort}[^]*n/Esc refuse`));
      assert.equal(server.requests.filter((request) => request.port === server.confd.port).length, 0, 'nothing reached confd');
      await terminal.press('y');
      await terminal.waitFor(`Pinned ${server.confd.hostPort}`);
      await terminal.type(server.password);
      await terminal.press('Enter');
      await terminal.waitFor(/Users +rows 1–/, 15_000);
      const pins = new PinStore(configDir);
      assert.equal(pins.get(server.hostPort)?.fingerprint256, server.fingerprint256);
      assert.equal(pins.get(server.confd.hostPort)?.fingerprint256, server.confd.fingerprint256);
      await terminal.press('q');
      assert.equal(await terminal.waitForExit(), 0);
    } finally {
      await terminal.close();
    }
  });
});
