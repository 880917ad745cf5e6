/** The session against the real embedded demo server, with short-lived tokens and real time. */
import {after, afterEach, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join, relative} from 'node:path';
import {createClient} from '../../source/api/client.js';
import type {WazoClient} from '../../source/api/contract.js';
import {isApiError} from '../../source/api/errors.js';
import {parseServer} from '../../source/api/target.js';
import {acceptCertificate, checkTrust, logIn, type ConnectContext} from '../../source/app/connect-flow.js';
import {ProfileStore} from '../../source/config/profiles.js';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {confdSource} from '../../source/session/confd-source.js';
import {formatRemaining} from '../../source/session/countdown.js';
import {Session, type SessionOptions} from '../../source/session/session.js';
import {settled} from './fakes.js';

const UNIQUE_PASSWORD = 'Zebra-7c1f-Pa55word';

let server: DemoServer;
const opened: Array<{client: WazoClient; session: Session}> = [];

before(async () => {
  server = await startDemoServer({users: 20, lines: 20, accounts: [{username: 'carol', password: UNIQUE_PASSWORD, acl: ['#']}]});
});

afterEach(async () => {
  server.setFault({kind: 'none'});
  server.setLatency(0);
  server.setClockOffset(0);
  for (const {client, session} of opened.splice(0)) {
    await session.end();
    client.close();
  }
});

after(() => server.close());

function open(options: Partial<SessionOptions> = {}): {client: WazoClient; session: Session} {
  const client = createClient(parseServer(server.hostPort), {
    pin: {hostPort: server.hostPort, pem: server.certPem, fingerprint256: server.fingerprint256, trustedAt: new Date().toISOString()},
  });
  const session = new Session(client, {clientId: 'wazo-tui-session-test', expiration: 3600, revokeTimeoutMs: 1000, ...options});
  const pair = {client, session};
  opened.push(pair);
  return pair;
}

async function waitFor(what: string, condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const tokenPosts = () => server.requests.filter((request) => request.method === 'POST' && /\/token$/.test(request.url)).length;
const currentToken = (session: Session) => session.withToken(async (token) => token);

describe('Session against the demo server', () => {
  test('the countdown runs down, the token is renewed before expiry, and calls work past the first expiry', async () => {
    const {client, session} = open({expiration: 3});
    await session.login('admin', 'secret');
    assert.equal(session.snapshot.fullAccess, true);
    assert.equal(session.snapshot.hasRefreshToken, true);
    assert.ok(session.snapshot.tenantUuid);
    const first = await currentToken(session);
    const firstExpiry = session.snapshot.expiresAt ?? 0;
    const before = session.remaining();
    await delay(300);
    assert.ok(session.remaining() < before, 'the remaining time decreases');
    await waitFor('the renewal', () => session.snapshot.expiresAt !== firstExpiry && session.snapshot.state === 'active');
    assert.notEqual(await currentToken(session), first, 'the token changed');
    await waitFor('the first token to expire', () => Date.now() > firstExpiry + 200);
    assert.equal(await client.auth.checkToken(first), false, 'the first token is dead on the server');
    const source = confdSource(session, client);
    const page = await source.list('users', {limit: 5});
    assert.equal(page.items.length, 5);
    const tenants = await source.listTenants();
    assert.ok(tenants.total >= 1);
  });

  test('10 calls during a renewal all succeed with one refresh request', async () => {
    const {client, session} = open({expiration: 2});
    await session.login('admin', 'secret');
    const first = await currentToken(session);
    const postsAfterLogin = tokenPosts();
    server.setLatency(300);
    await waitFor('the renewal to start', () => session.snapshot.state === 'renewing');
    const calls = Array.from({length: 10}, () =>
      session.withToken(async (token) => ({token, page: await client.confd.list('users', {limit: 1}, {token})})),
    );
    const results = await Promise.all(calls);
    for (const result of results) {
      assert.notEqual(result.token, first);
      assert.equal(result.page.items.length, 1);
    }
    assert.equal(tokenPosts() - postsAfterLogin, 1, 'one refresh request');
  });

  test('when renewal fails the session expires, a call waits, and relogin resolves it with the same result', async () => {
    const {client, session} = open({expiration: 2});
    await session.login('admin', 'secret');
    const list = () => session.withToken((token) => client.confd.list('users', {limit: 3, offset: 2}, {token}));
    const expected = await list();
    server.setFault({kind: 'status', status: 401}, /\/token$/);
    await waitFor('expiry', () => session.snapshot.state === 'expired');
    assert.equal(session.snapshot.lastError?.kind, 'token-expired');
    assert.equal(session.remaining(), 0);
    const pending = list();
    await delay(200);
    assert.equal(await settled(pending), false, 'the call waits for the password');
    server.setFault({kind: 'none'});
    await session.relogin('secret');
    assert.deepEqual(await pending, expected);
    assert.equal(session.snapshot.state, 'active');
  });

  test('revoked tokens: renewed with the refresh token when it works, reported as ended on the server when not', async () => {
    const {client, session} = open();
    await session.login('admin', 'secret');
    const list = () => session.withToken((token) => client.confd.list('users', {limit: 2, order: 'id'}, {token}));
    const expected = await list();
    server.revokeAllTokens();
    assert.deepEqual(await list(), expected, 'a refresh token revives the session');
    assert.equal(session.snapshot.state, 'active');

    server.revokeAllTokens();
    server.setFault({kind: 'status', status: 401}, /\/token$/);
    const pending = list();
    await waitFor('expired', () => session.snapshot.state === 'expired');
    assert.match(session.snapshot.lastError?.message ?? '', /ended on the server \(token revoked or expired\)/);
    assert.equal(await settled(pending), false);
    server.setFault({kind: 'none'});
    await session.relogin('secret');
    assert.deepEqual(await pending, expected);
  });

  test('end() leaves the token invalid on the server', async () => {
    const {client, session} = open();
    await session.login('admin', 'secret');
    const token = await currentToken(session);
    assert.equal(await client.auth.checkToken(token), true);
    await session.end();
    assert.equal(session.snapshot.state, 'ended');
    assert.equal(session.snapshot.lastError, undefined);
    assert.equal(await client.auth.checkToken(token), false);
  });

  test('end() against a hung server gives up at its time limit and does not throw', async () => {
    const {session} = open({revokeTimeoutMs: 500});
    await session.login('admin', 'secret');
    server.setFault({kind: 'hang'});
    await session.end();
    assert.equal(session.snapshot.state, 'ended');
    assert.equal(session.snapshot.lastError?.kind, 'timeout');
  });

  test('a server clock 10 minutes ahead does not change the countdown', async () => {
    const {session} = open();
    server.setClockOffset(600_000);
    const sent = Date.now();
    await session.login('admin', 'secret');
    const received = Date.now();
    const expiresAt = session.snapshot.expiresAt ?? 0;
    assert.ok(expiresAt >= sent + 3_600_000 && expiresAt <= received + 3_600_000, `expiresAt off by ${expiresAt - received - 3_600_000} ms`);
    assert.match(formatRemaining(session.remaining()), /^(59:5\d|1:00:00)$/);
  });

  test('a missing permission is forbidden, naming the ACL, and the session stays active', async () => {
    const {client, session} = open();
    await session.login('reader', 'reader');
    assert.equal(session.snapshot.fullAccess, false);
    const source = confdSource(session, client);
    await assert.rejects(source.list('lines', {limit: 1}), (error) => isApiError(error, 'forbidden') && /confd\.lines\.read/.test(error.message));
    assert.equal(session.snapshot.state, 'active');
    assert.equal((await source.list('users', {limit: 1})).items.length, 1);
  });

  test('logout forgets the refresh token on the server and revokes the access token', async () => {
    const {client, session} = open();
    await session.login('reader', 'reader');
    const token = await currentToken(session);
    await session.logout();
    assert.equal(session.snapshot.state, 'logged-out');
    assert.equal(await client.auth.checkToken(token), false);
    assert.ok(server.requests.some((request) => request.method === 'DELETE' && request.url.endsWith('/users/me/tokens/wazo-tui-session-test')));
  });

  test('after the real login path and end, no file it wrote holds the password or the token', async () => {
    const configDir = join(mkdtempSync(join(tmpdir(), 'wazo-tui-session-')), 'config');
    const context: ConnectContext = {configDir, caFiles: [], profiles: new ProfileStore(configDir), trusted: new Set()};
    try {
      // What the dashboard does: check the certificate, pin it, log in (which remembers the profile).
      const trust = await checkTrust(context, server.hostPort);
      assert.equal(trust.kind, 'decide', 'the demo certificate is not trusted yet');
      if (trust.kind === 'decide') acceptCertificate(context, trust.error, true);
      const {session, client} = await logIn(context, {server: server.hostPort, username: 'carol', password: UNIQUE_PASSWORD, expiration: 3600});
      opened.push({client, session});
      const token = await currentToken(session);
      await session.end();
      const basic = Buffer.from(`carol:${UNIQUE_PASSWORD}`).toString('base64');
      const files = listFiles(configDir);
      assert.deepEqual(
        files.map((file) => relative(configDir, file)).sort(),
        ['install.json', 'pins.json', 'profiles.yaml'],
        'the install id, the pin and the profile were written',
      );
      assert.ok(readFileSync(join(configDir, 'profiles.yaml'), 'utf8').includes('carol'), 'the profile remembers the username');
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        assert.ok(!text.includes(UNIQUE_PASSWORD) && !text.includes(basic), `${file} holds the password`);
        assert.ok(!text.includes(token), `${file} holds the access token`);
      }
    } finally {
      context.connection?.client.close();
      rmSync(join(configDir, '..'), {recursive: true, force: true});
    }
  });
});

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}
