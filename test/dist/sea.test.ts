/**
 * The single executable (`npm run sea`, dist/wazo-tui-linux-x64) on a machine with no Node: every
 * run goes through `env -i`, so there is no PATH, no HOME and no NODE_OPTIONS, only the file.
 * Skipped, saying so, until the executable is built (CI builds it before the suite).
 */
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {existsSync, mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {startTerminal} from '../helpers/tmux.js';
import {root, run, startDemoServerProcess, type DemoServerProcess, version} from './process.js';

const executable = join(root, 'dist', 'wazo-tui-linux-x64');
const skip = existsSync(executable) ? false : 'dist/wazo-tui-linux-x64 is not built: `npm run sea` builds it (CI does, before the suite)';
// What a terminal needs and nothing else; the tmux helper adds its own TERM outside `env -i`.
const bare = ['env', '-i', 'TERM=xterm-256color', 'LANG=C.UTF-8', executable];

describe('the single executable with an empty environment', {skip}, () => {
  let config: string;
  before(() => {
    config = mkdtempSync(join(tmpdir(), 'wazo-tui-sea-'));
  });
  after(() => rmSync(config, {recursive: true, force: true}));

  test('--version prints the package version and nothing else', async () => {
    const result = await run('env', ['-i', executable, '--version']);
    assert.deepEqual(result, {code: 0, stdout: `${version}\n`, stderr: ''});
  });

  test('a NODE_OPTIONS meant for another Node does not reach it', async () => {
    const result = await run('env', ['-i', 'NODE_OPTIONS=--no-such-flag', executable, '--version']);
    assert.deepEqual(result, {code: 0, stdout: `${version}\n`, stderr: ''});
  });

  describe('against its own demo-server on a free port', () => {
    let server: DemoServerProcess;
    before(async () => {
      server = await startDemoServerProcess(['env', '-i', executable], ['--users', '30']);
    });
    after(async () => {
      assert.equal(await server.stop(), 143, 'demo-server ends on SIGTERM with 143');
    });

    test('script mode pins the certificate and lists users as JSON', async () => {
      const dir = join(config, 'script');
      const trust = await run('env', ['-i', executable, 'trust', server.hostPort, '--fingerprint', server.fingerprint, '--config-dir', dir]);
      assert.equal(trust.code, 0, trust.stderr);
      const users = await run(
        'env',
        ['-i', executable, 'users', server.hostPort, '--username', 'admin', '--password-stdin', '--json', '--limit', '5', '--config-dir', dir],
        {input: 'secret\n'},
      );
      assert.equal(users.code, 0, users.stderr);
      const listed = JSON.parse(users.stdout) as {total: number; items: Array<{uuid?: unknown}>};
      assert.equal(listed.items.length, 5);
      assert.ok(listed.total > 5, `total ${listed.total}`);
      assert.ok(listed.items.every((user) => typeof user.uuid === 'string'), 'every user has its uuid');
    });

    test('the dashboard in a terminal: first contact, login, the users, quit', async () => {
      const terminal = await startTerminal([server.hostPort, '--username', 'admin', '--config-dir', join(config, 'tui')], {command: bare});
      try {
        await terminal.waitFor('SHA-256 fingerprint', 20_000);
        await terminal.press('y');
        await terminal.waitFor('Password');
        await terminal.type('secret');
        await terminal.press('Enter');
        await terminal.waitFor(/Users\s+rows 1–\d+ of \d+/);
        await terminal.press('q');
        assert.equal(await terminal.waitForExit(), 0);
      } finally {
        await terminal.close();
      }
    });
  });

  test('--demo starts the embedded server and logs in to it', async () => {
    const terminal = await startTerminal(['--demo'], {command: bare});
    try {
      await terminal.waitFor('SHA-256 fingerprint', 20_000);
      await terminal.press('o');
      await terminal.waitFor('Demo server');
      await terminal.press('Enter');
      await terminal.waitFor(/Users\s+rows 1–\d+ of \d+/);
      await terminal.press('q');
      assert.equal(await terminal.waitForExit(), 0);
    } finally {
      await terminal.close();
    }
  });
});
