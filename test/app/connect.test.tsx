/**
 * Connecting and logging in through the whole App against the real demo server: wrong
 * credentials, too many sessions, an unreachable address, and a first-time certificate that must
 * be confirmed before any credential leaves the machine.
 */
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {X509Certificate} from 'node:crypto';
import {createServer} from 'node:net';
import {PinStore} from '../../source/config/pins.js';
import {pinnedHostPorts} from '../config/pins-on-disk.js';
import {ProfileStore} from '../../source/config/profiles.js';
import {MIN_HEIGHT, MIN_WIDTH} from '../../source/components/layout.js';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {login, withDemoServer} from '../helpers/demo.js';
import {frameLines, KEYS, press, waitForText} from '../helpers/ink.js';
import {credentialRequests, pinDemo, startApp, waitUntil, type AppHarness, using} from './harness.js';

let server: DemoServer;

before(async () => {
  server = await startDemoServer({users: 30, lines: 30});
});

after(() => server.close());


function fieldLine(harness: AppHarness, label: string): string {
  const line = frameLines(harness.app).find((each) => each.replace(/^[ ›]+/, '').startsWith(label));
  assert.ok(line !== undefined, `no ${label} field in:\n${harness.app.lastFrame()}`);
  return line;
}

function statusLine(harness: AppHarness): string {
  return frameLines(harness.app).find((line) => line.trimStart().startsWith('✗')) ?? '';
}

/** A port on which nothing listens: bound, then released. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  assert.ok(address !== null && typeof address === 'object');
  return address.port;
}

describe('Login', () => {
  test('a wrong password or username gives one message that does not say which; the password is cleared, the username kept', async () => {
    const statuses: string[] = [];
    for (const [username, password] of [
      ['admin', 'not-the-password'],
      ['nobody', server.password],
    ] as const) {
      await using(startApp({server: server.hostPort, username, prepare: (dir) => pinDemo(dir, server)}), async (harness) => {
        await waitForText(harness.app, '› Password');
        await press(harness.app, password);
        await waitForText(harness.app, '•'.repeat(password.length));
        await press(harness.app, KEYS.enter);
        await waitForText(harness.app, 'Wrong username or password');
        await waitUntil(() => !fieldLine(harness, 'Password').includes('•'), () => `the password field is emptied:\n${harness.app.lastFrame()}`);
        assert.match(fieldLine(harness, 'Password'), /^ *› /, 'and has the focus');
        assert.match(fieldLine(harness, 'Username'), new RegExp(`Username\\s+${username}\\b`));
        statuses.push(statusLine(harness));
        // Typing again after the failure logs in.
        if (username === 'admin') {
          await press(harness.app, server.password, KEYS.enter);
          await waitForText(harness.app, /Users {2}rows 1–/, 8000);
        }
      });
    }
    assert.equal(statuses[0], statuses[1], 'the same words for a wrong username and a wrong password');
    assert.doesNotMatch(statuses[0] ?? '', /unknown user|no such user|not found|password is (wrong|incorrect)/i);
  });

  test('429 from wazo-auth says that the user has too many sessions', async () => {
    await withDemoServer({users: 5, lines: 5, maxSessions: 1}, async (limited) => {
      await login(limited);
      await using(startApp({server: limited.hostPort, username: 'admin', prepare: (dir) => pinDemo(dir, limited)}), async (harness) => {
        await waitForText(harness.app, '› Password');
        await press(harness.app, limited.password, KEYS.enter);
        await waitForText(harness.app, /too many sessions/);
        assert.ok(limited.requests.some((request) => request.method === 'POST' && request.url.endsWith('/token')));
      });
    });
  });

  test('an unreachable server: the message names the address that failed', async () => {
    const port = await closedPort();
    await using(startApp({server: `127.0.0.1:${port}`, username: 'admin'}), async (harness) => {
      await waitForText(harness.app, `Cannot connect to 127.0.0.1:${port}`, 8000);
      assert.match(harness.app.lastFrame() ?? '', /Server\s+127\.0\.0\.1:\d+/);
      // At the minimum size the long message gives way; the form is never drawn over.
      harness.resize(MIN_WIDTH, MIN_HEIGHT);
      const frame = await waitForText(harness.app, /Token lifetime \(s\)\s+3600/);
      assert.ok(frame.split('\n').length <= MIN_HEIGHT);
      assert.match(frame, /^ {4}Server {14}127\.0\.0\.1:\d+$/m);
      assert.match(frame, /^ {4}Username {12}admin$/m);
      assert.match(frame, /^ {2}› Password/m);
      assert.match(frame, /^ {2}✗ Cannot connect to 127\.0\.0\.1:\d+/m);
    });
  });
});

describe('First contact with a self-signed certificate', () => {
  /** The server is remembered (username) but not pinned, as after a trust-once: the password is typed first. */
  const remembered = (dir: string) => new ProfileStore(dir).remember({server: server.hostPort, username: 'admin', expiration: 3600});

  test('the Certificate screen comes before any credential is sent; y logs in and pins', async () => {
    const mark = server.requests.length;
    await using(startApp({prepare: remembered}), async (harness) => {
      await waitForText(harness.app, '› Password');
      assert.match(fieldLine(harness, 'Server'), new RegExp(server.hostPort.replace(/\./g, '\\.')));
      await press(harness.app, server.password, KEYS.enter);
      await waitForText(harness.app, 'is not trusted yet', 8000);
      assert.deepEqual(credentialRequests(server.requests.slice(mark)), [], 'no credential before the decision');
      assert.equal(server.requests.length, mark, 'not even an HTTP request: the handshake stopped');
      assert.equal(new PinStore(harness.configDir).get(server.hostPort), undefined);

      await press(harness.app, 'y');
      await waitForText(harness.app, /Users {2}rows 1–/, 8000);
      const pin = new PinStore(harness.configDir).get(server.hostPort);
      assert.equal(pin?.fingerprint256, server.fingerprint256, 'the pin is stored');
      assert.equal(new X509Certificate(pin?.pem ?? '').fingerprint256, server.fingerprint256, 'the PEM itself is the server’s');
      const posts = server.requests.slice(mark).filter((request) => request.method === 'POST' && request.url.endsWith('/token'));
      assert.equal(posts.length, 1, 'the pending login went on after y');
    });
  });

  test('o trusts for this run only: the login works, nothing is stored', async () => {
    await using(startApp({server: server.hostPort, username: 'admin'}), async (harness) => {
      // With the server on the command line, the certificate is checked right away, as ssh does.
      await waitForText(harness.app, 'is not trusted yet', 8000);
      await press(harness.app, 'o');
      await waitForText(harness.app, `Trusted ${server.hostPort} for this run only`);
      await press(harness.app, server.password, KEYS.enter);
      await waitForText(harness.app, /Users {2}rows 1–/, 8000);
      assert.equal(new PinStore(harness.configDir).get(server.hostPort), undefined);
      assert.deepEqual(pinnedHostPorts(harness.configDir), []);
    });
  });

  for (const [name, key] of [
    ['n', 'n'],
    ['Esc', KEYS.escape],
  ] as const) {
    test(`${name} refuses: back to the form, nothing was sent and nothing stored`, async () => {
      const mark = server.requests.length;
      await using(startApp({prepare: remembered}), async (harness) => {
        await waitForText(harness.app, '› Password');
        await press(harness.app, server.password, KEYS.enter);
        await waitForText(harness.app, 'is not trusted yet', 8000);
        await press(harness.app, key);
        await waitForText(harness.app, `Certificate of ${server.hostPort} refused: nothing was sent to it.`);
        await waitForText(harness.app, 'connect to a Wazo server');
        // Nothing happens later either: the password was dropped with the decision.
        await new Promise((resolve) => setTimeout(resolve, 100));
        assert.equal(server.requests.length, mark, 'no HTTP request reached the server');
        assert.deepEqual(pinnedHostPorts(harness.configDir), []);
      });
    });
  }

  test('other keys make no choice: the screen waits, and nothing reaches the server', async () => {
    const mark = server.requests.length;
    await using(startApp({server: server.hostPort, username: 'admin'}), async (harness) => {
      await waitForText(harness.app, 'is not trusted yet', 8000);
      await press(harness.app, 'x', 'Y', KEYS.enter, ' ', 'O');
      // Had any of them been taken as a choice, n would now be typed into the form instead.
      await press(harness.app, 'n');
      await waitForText(harness.app, `Certificate of ${server.hostPort} refused: nothing was sent to it.`);
      assert.equal(server.requests.length, mark);
    });
  });
});

describe('Split hosts: wazo-confd on another host with its own certificate', () => {
  test('each host has its own Certificate screen and pin, before any credential or token goes to it', async () => {
    await withDemoServer({users: 5, lines: 5, splitConfd: {}}, async (split) => {
      const confdPort = split.confd.port;
      await using(startApp({server: split.hostPort, username: 'admin', confdUrl: split.confdUrl}), async (harness) => {
        await waitForText(harness.app, `The certificate of ${split.hostPort} is not trusted yet`, 8000);
        assert.ok(harness.app.lastFrame()?.includes(split.fingerprint256.slice(0, 23)), harness.app.lastFrame());
        await press(harness.app, 'y');
        await waitForText(harness.app, `The certificate of ${split.confd.hostPort} is not trusted yet`, 8000);
        assert.deepEqual(credentialRequests(split.requests), [], 'no credential before both decisions');
        assert.equal(split.requests.filter((request) => request.port === confdPort).length, 0, 'nothing reached confd yet');
        await press(harness.app, 'y');
        await waitForText(harness.app, `Pinned ${split.confd.hostPort}`);
        await press(harness.app, split.password, KEYS.enter);
        await waitForText(harness.app, /Users {2}rows 1–/, 8000);
        const pins = new PinStore(harness.configDir);
        assert.equal(pins.get(split.hostPort)?.fingerprint256, split.fingerprint256);
        assert.equal(pins.get(split.confd.hostPort)?.fingerprint256, split.confd.fingerprint256);
        assert.deepEqual(pinnedHostPorts(harness.configDir).sort(), [split.hostPort, split.confd.hostPort].sort());
      });
    });
  });

  test('with wazo-auth pinned, a password typed first waits for the confd decision, then logs in', async () => {
    await withDemoServer({users: 5, lines: 5, splitConfd: {}}, async (split) => {
      const harness = startApp({server: split.hostPort, username: 'admin', confdUrl: split.confdUrl, prepare: (dir) => pinDemo(dir, split)});
      await using(harness, async () => {
        await waitForText(harness.app, `The certificate of ${split.confd.hostPort} is not trusted yet`, 8000);
        await press(harness.app, 'n');
        await waitForText(harness.app, `Certificate of ${split.confd.hostPort} refused`);
        await press(harness.app, split.password, KEYS.enter);
        await waitForText(harness.app, `The certificate of ${split.confd.hostPort} is not trusted yet`, 8000);
        assert.deepEqual(credentialRequests(split.requests), [], 'the password waits for the decision');
        await press(harness.app, 'y');
        await waitForText(harness.app, /Users {2}rows 1–/, 8000);
        assert.equal(credentialRequests(split.requests).filter((request) => request.url.endsWith('/token')).length, 1);
      });
    });
  });
});
