/**
 * Renewal while wazo-auth is down, against the demo server with wazo-confd on its own port (so
 * that auth's port can refuse connections while confd answers): the failure and the next attempt
 * show in the snapshot, the token runs out, and once wazo-auth listens again the refresh token
 * brings the session back without the password.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {createClient} from '../../source/api/client.js';
import {parseServer} from '../../source/api/target.js';
import type {Pin} from '../../source/api/tls/types.js';
import {startDemoServer} from '../../source/demo/server.js';
import {Session} from '../../source/session/session.js';
import {settled} from './fakes.js';

async function waitFor(what: string, condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

test('wazo-auth unreachable: retried with the refresh token past expiry, back without the password', async () => {
  const server = await startDemoServer({users: 5, lines: 5, splitConfd: {}});
  const target = parseServer(server.hostPort, {confdUrl: server.confdUrl});
  const pins = new Map<string, Pin>(
    server.endpoints.map((endpoint) => [
      endpoint.hostPort,
      {hostPort: endpoint.hostPort, pem: endpoint.certPem, fingerprint256: endpoint.fingerprint256, trustedAt: new Date().toISOString()},
    ]),
  );
  const client = createClient(target, (hostPort) => ({pin: pins.get(hostPort)}), {timeoutMs: 3000});
  const session = new Session(client, {clientId: 'wazo-tui-renewal-test', expiration: 3, revokeTimeoutMs: 1000});
  const logins = () => server.requests.filter((request) => String(request.headers.authorization ?? '').startsWith('Basic ')).length;
  try {
    await session.login(server.username, server.password);
    assert.deepEqual(client.hosts, [server.hostPort, server.confd.hostPort]);
    await server.setFaults([{fault: {kind: 'auth-down', mode: 'refused'}}]);
    await waitFor('a failed renewal', () => session.snapshot.retry !== undefined, 6000);
    const retry = session.snapshot.retry;
    assert.equal(retry?.error.kind, 'unreachable');
    assert.ok(retry.retryAt > Date.now(), 'the next attempt is ahead');
    assert.match(retry.error.message, new RegExp(server.hostPort.replace(/\./g, '\\.')), 'the message names wazo-auth’s address');

    await waitFor('expiry', () => session.snapshot.state === 'expired', 6000);
    assert.ok(session.snapshot.retry, 'still retrying past expiry');
    const waiting = session.withToken((token) => client.confd.list('users', {limit: 2}, {token}));
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(await settled(waiting), false, 'a call waits for the session to come back');

    await server.setFaults([]);
    await waitFor('the refresh token to renew the session', () => session.snapshot.state === 'active', 15_000);
    assert.equal(session.snapshot.retry, undefined);
    assert.equal((await waiting).items.length, 2);
    assert.equal(logins(), 1, 'the password was sent once, at the login');
  } finally {
    await session.end();
    client.close();
    await server.close();
  }
});
