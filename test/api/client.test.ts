import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {createClient, type ClientOptions} from '../../source/api/client.js';
import type {WazoClient} from '../../source/api/contract.js';
import {ApiError, isApiError, type ApiErrorKind} from '../../source/api/errors.js';
import type {Token} from '../../source/api/schemas.js';
import {parseServer} from '../../source/api/target.js';
import {CertificateError} from '../../source/api/tls/trust-errors.js';
import type {Pin} from '../../source/api/tls/types.js';
import {generateCertificate, type GeneratedCertificate} from '../../source/demo/certificate.js';
import {DEMO_TENANT_UUIDS, startDemoServer, type DemoServer, type DemoServerOptions} from '../../source/demo/server.js';
import {withDemoServer} from '../helpers/demo.js';

const UTF8_USER = {username: 'zoé', password: 'pässwörd-€-日本', acl: ['#']};

/** Every error a test met, checked at the end for leaked secrets. */
const seenErrors: ApiError[] = [];
const secrets = new Set<string>();

function pinFor(server: DemoServer): Pin {
  return {hostPort: server.hostPort, pem: server.certPem, fingerprint256: server.fingerprint256, trustedAt: new Date().toISOString()};
}

function clientFor(server: DemoServer, options: ClientOptions = {}): WazoClient {
  return createClient(parseServer(server.hostPort), {pin: pinFor(server)}, {userAgent: 'wazo-tui/9.9.9', ...options});
}

async function failure(promise: Promise<unknown>, kind: ApiErrorKind): Promise<ApiError> {
  const error = await promise.then(
    () => assert.fail(`expected an ApiError ${kind}`),
    (caught: unknown) => caught,
  );
  assert.ok(isApiError(error), `expected an ApiError, got ${String(error)}`);
  assert.equal(error.kind, kind, error.message);
  seenErrors.push(error);
  return error;
}

/** A small demo server of its own, for tests that change its clock, limits or faults. */
function withServer(options: DemoServerOptions, body: (server: DemoServer) => Promise<void>): Promise<void> {
  return withDemoServer({users: 120, lines: 140, certificate: sharedCertificate, ...options}, async (demo) => {
    for (const account of demo.accounts) secrets.add(account.password);
    await body(demo);
  });
}

let sharedCertificate: GeneratedCertificate;
let server: DemoServer;
let client: WazoClient;
let admin: Token;

before(async () => {
  sharedCertificate = generateCertificate();
  server = await startDemoServer({users: 300, lines: 350, accounts: [UTF8_USER], certificate: sharedCertificate});
  for (const account of server.accounts) secrets.add(account.password);
  client = clientFor(server);
  admin = await client.auth.createToken({username: server.username, password: server.password, expiration: 600});
  secrets.add(admin.token);
});

after(async () => {
  client.close();
  await server.close();
  for (const error of seenErrors) {
    const text = [error.message, error.hint, error.serverMessage, error.request].join('\n');
    for (const secret of secrets) assert.ok(!text.includes(secret), `a message leaked a secret: ${error.message}`);
  }
});

const authed = () => ({token: admin.token});

describe('client against the demo server: tokens', () => {
  it('logs in with Basic auth (UTF-8), a JSON body and the client headers', async () => {
    const before = server.requests.length;
    const token = await client.auth.createToken({username: UTF8_USER.username, password: UTF8_USER.password, expiration: 120});
    secrets.add(token.token);
    assert.match(token.token, /^[\da-f-]{36}$/);
    assert.deepEqual(token.acl, ['#']);
    const sent = server.requests[before];
    assert.equal(sent?.method, 'POST');
    assert.equal(sent?.url, '/api/auth/0.1/token');
    assert.equal(sent?.headers['user-agent'], 'wazo-tui/9.9.9');
    assert.equal(sent?.headers.accept, 'application/json');
    assert.equal(sent?.headers['content-type'], 'application/json');
    const basic = String(sent?.headers.authorization).replace(/^Basic /, '');
    assert.equal(Buffer.from(basic, 'base64').toString('utf8'), `${UTF8_USER.username}:${UTF8_USER.password}`);
  });

  it('checks and revokes a token; a revoked token checks false and ends the session', async () => {
    const token = await client.auth.createToken({username: server.username, password: server.password, expiration: 60});
    secrets.add(token.token);
    assert.equal(token.metadata?.tenant_uuid, DEMO_TENANT_UUIDS.acme);
    assert.equal(await client.auth.checkToken(token.token), true);
    await client.auth.revokeToken(token.token);
    assert.equal(await client.auth.checkToken(token.token), false);
    await failure(client.confd.list('users', {limit: 1}, {token: token.token}), 'token-expired');
    await client.auth.revokeToken(token.token);
  });

  it('refreshes with the refresh token, and fails once the refresh token is deleted', async () => {
    const clientId = 'wazo-tui-test';
    const first = await client.auth.createToken({
      username: server.username,
      password: server.password,
      expiration: 60,
      accessType: 'offline',
      clientId,
    });
    const refreshToken = first.refresh_token ?? assert.fail('an offline login returns a refresh token');
    secrets.add(first.token);
    secrets.add(refreshToken);
    const renewed = await client.auth.refreshToken({refreshToken, clientId, expiration: 60});
    secrets.add(renewed.token);
    assert.notEqual(renewed.token, first.token);
    assert.equal(await client.auth.checkToken(renewed.token), true);

    await client.auth.deleteRefreshToken(clientId, {token: renewed.token});
    const refused = await failure(client.auth.refreshToken({refreshToken, clientId, expiration: 60}), 'auth-failed');
    assert.match(refused.message, /log in again/);
  });

  it('sees a token expire when the server clock passes its expiry', async () => {
    await withServer({}, async (demo) => {
      const local = clientFor(demo);
      try {
        const token = await local.auth.createToken({username: demo.username, password: demo.password, expiration: 30});
        secrets.add(token.token);
        assert.equal(await local.auth.checkToken(token.token), true);
        demo.setClockOffset(31_000);
        assert.equal(await local.auth.checkToken(token.token), false);
        await failure(local.confd.infos({token: token.token}), 'token-expired');
      } finally {
        local.close();
      }
    });
  });

  it('lists tenants', async () => {
    const page = await client.auth.listTenants(authed());
    assert.ok(page.items.some((tenant) => tenant.uuid === DEMO_TENANT_UUIDS.acme));
    assert.equal(page.total, page.items.length);
  });

  it('says "Wrong username or password" without echoing either', async () => {
    const error = await failure(client.auth.createToken({username: server.username, password: 'not-the-password', expiration: 60}), 'auth-failed');
    secrets.add('not-the-password');
    assert.equal(error.message, 'Wrong username or password');
    assert.equal(error.status, 401);
  });

  it('maps 429 to too-many-sessions when the user has too many sessions', async () => {
    await withServer({maxSessions: 2}, async (demo) => {
      const local = clientFor(demo);
      try {
        for (let index = 0; index < 2; index++) {
          secrets.add((await local.auth.createToken({username: demo.username, password: demo.password, expiration: 60})).token);
        }
        const error = await failure(local.auth.createToken({username: demo.username, password: demo.password, expiration: 60}), 'too-many-sessions');
        assert.match(error.message, /too many sessions/);
      } finally {
        local.close();
      }
    });
  });
});

describe('client against the demo server: confd', () => {
  it('walks users page by page with no duplicate and no gap', async () => {
    const all = await client.confd.list('users', {order: 'id'}, authed());
    const ids: number[] = [];
    let total = -1;
    for (let offset = 0; total < 0 || offset < total; offset += 37) {
      const page = await client.confd.list('users', {limit: 37, offset, order: 'id'}, authed());
      total = page.total;
      assert.ok(page.items.length <= 37);
      ids.push(...page.items.map((user) => user.id ?? assert.fail('the demo sends user ids')));
    }
    assert.ok(total > 37 * 2, 'several pages');
    assert.equal(new Set(ids).size, ids.length, 'no duplicate');
    assert.equal(ids.length, total, 'no gap');
    assert.deepEqual(ids, all.items.map((user) => user.id));
  });

  it('searches regardless of accents and case', async () => {
    const accented = await client.confd.list('users', {search: 'Hélène'}, authed());
    const plain = await client.confd.list('users', {search: 'helene'}, authed());
    assert.ok(accented.total > 0);
    assert.deepEqual(
      plain.items.map((user) => user.id),
      accented.items.map((user) => user.id),
    );
    assert.ok(plain.items.some((user) => user.firstname === 'Hélène'));
    const none = await client.confd.list('users', {search: 'zzzz-no-such-name'}, authed());
    assert.deepEqual(none, {total: 0, items: []});
  });

  it('sorts in both directions', async () => {
    const ascending = await client.confd.list('users', {order: 'firstname', direction: 'asc'}, authed());
    const descending = await client.confd.list('users', {order: 'firstname', direction: 'desc'}, authed());
    assert.deepEqual(
      descending.items.map((user) => user.id),
      ascending.items.map((user) => user.id).reverse(),
    );
    const byId = await client.confd.list('users', {order: 'id', direction: 'desc', limit: 5}, authed());
    const ids = byId.items.map((user) => user.id ?? assert.fail('the demo sends user ids'));
    assert.deepEqual(ids, [...ids].sort((a, b) => b - a));
  });

  it('scopes lists with the Wazo-Tenant header, and recurse adds sub-tenants', async () => {
    const acme = await client.confd.list('users', {}, authed());
    const lab = await client.confd.list('users', {}, {...authed(), tenant: DEMO_TENANT_UUIDS.acmeLab});
    const both = await client.confd.list('users', {recurse: true}, authed());
    assert.ok(acme.total > 0 && lab.total > 0);
    assert.ok(acme.items.every((user) => user.tenant_uuid === DEMO_TENANT_UUIDS.acme));
    assert.ok(lab.items.every((user) => user.tenant_uuid === DEMO_TENANT_UUIDS.acmeLab));
    assert.equal(both.total, acme.total + lab.total);
    const sent = server.requests.filter((request) => request.headers['wazo-tenant'] === DEMO_TENANT_UUIDS.acmeLab);
    assert.ok(sent.length > 0);
    assert.ok(server.requests.some((request) => /[?&]recurse=true/.test(request.url)));
  });

  it('refuses a tenant outside the token\'s reach as forbidden, naming the tenant', async () => {
    const reader = server.accounts.find((account) => account.username === 'reader') ?? assert.fail('the reader account');
    const token = await client.auth.createToken({username: reader.username, password: reader.password, expiration: 60});
    secrets.add(token.token);
    const error = await failure(client.confd.list('users', {}, {token: token.token, tenant: DEMO_TENANT_UUIDS.globex}), 'forbidden');
    assert.ok(error.message.includes(DEMO_TENANT_UUIDS.globex));
  });

  it('gets one user by id and by uuid, a line and an extension, and infos', async () => {
    const first = (await client.confd.list('users', {limit: 1}, authed())).items[0] ?? assert.fail('a user');
    const byId = await client.confd.get('users', first.id ?? assert.fail('a user id'), authed());
    const byUuid = await client.confd.get('users', first.uuid ?? assert.fail('a user uuid'), authed());
    assert.equal(byId.uuid, first.uuid);
    assert.equal(byUuid.id, first.id);
    const line = (await client.confd.list('lines', {limit: 1}, authed())).items[0] ?? assert.fail('a line');
    assert.equal((await client.confd.get('lines', line.id ?? assert.fail('a line id'), authed())).id, line.id);
    const extension = (await client.confd.list('extensions', {limit: 1}, authed())).items[0] ?? assert.fail('an extension');
    assert.equal((await client.confd.get('extensions', extension.id ?? assert.fail('an extension id'), authed())).exten, extension.exten);
    assert.equal((await client.confd.infos(authed())).wazo_version, '25.14');
  });

  it('maps an unknown token to token-expired', async () => {
    const fake = '00000000-0000-4000-8000-000000000000';
    secrets.add(fake);
    await failure(client.confd.list('users', {}, {token: fake}), 'token-expired');
  });

  it('maps a missing ACL to forbidden naming confd.lines.read', async () => {
    const reader = server.accounts.find((account) => account.username === 'reader') ?? assert.fail('the reader account');
    const token = await client.auth.createToken({username: reader.username, password: reader.password, expiration: 60});
    secrets.add(token.token);
    assert.ok((await client.confd.list('users', {limit: 1}, {token: token.token})).total > 0);
    const error = await failure(client.confd.list('lines', {}, {token: token.token}), 'forbidden');
    assert.equal(error.requiredAcl, 'confd.lines.read');
    assert.match(error.message, /confd\.lines\.read/);
  });

  it('maps 404 with the server message', async () => {
    const error = await failure(client.confd.get('users', 999_999, authed()), 'not-found');
    assert.equal(error.status, 404);
    assert.match(error.message, /User was not found/);
  });

  it('maps 400 (limit=0, unknown order) with the server message', async () => {
    const limit = await failure(client.confd.list('users', {limit: 0}, authed()), 'bad-request');
    assert.match(limit.message, /limit/);
    assert.match(limit.serverMessage ?? '', /positive number/);
    const order = await failure(client.confd.list('users', {order: 'nope'}, authed()), 'bad-request');
    assert.match(order.message, /order: column 'nope' was not found/);
  });

  it('cancels a request through its AbortSignal', async () => {
    server.setLatency(2000);
    try {
      const controller = new AbortController();
      const pending = client.confd.list('users', {limit: 1}, {...authed(), signal: controller.signal});
      setImmediate(() => controller.abort());
      await failure(pending, 'cancelled');
    } finally {
      server.setLatency(0);
    }
  });
});

describe('client against the demo server: failures', () => {
  it('maps 5xx, nginx pages, malformed JSON and a hang', async () => {
    await withServer({}, async (demo) => {
      const local = clientFor(demo, {timeoutMs: 300});
      try {
        const token = await local.auth.createToken({username: demo.username, password: demo.password, expiration: 60});
        secrets.add(token.token);
        const options = {token: token.token};

        demo.setFault({kind: 'status', status: 500}, /\/users/);
        const internal = await failure(local.confd.list('users', {}, options), 'server');
        assert.equal(internal.status, 500);
        assert.match(internal.message, /wazo-confd.*500/);

        demo.setFault({kind: 'status', status: 503}, /\/users/);
        const unavailable = await failure(local.confd.list('users', {}, options), 'server');
        assert.equal(unavailable.status, 503);
        assert.match(unavailable.serverMessage ?? '', /Service Temporarily Unavailable/);

        demo.setFault({kind: 'malformed'}, /\/users/);
        await failure(local.confd.list('users', {}, options), 'malformed');

        demo.setFault({kind: 'hang'}, /\/users/);
        const hang = await failure(local.confd.list('users', {}, options), 'timeout');
        assert.match(hang.message, new RegExp(`${demo.hostPort.replace(/[.[\]]/g, '\\$&')}.*0\\.3 s`));

        demo.setFault({kind: 'none'});
        assert.ok((await local.confd.list('users', {limit: 1}, options)).total > 0);
      } finally {
        local.close();
      }
    });
  });

  it('maps a closed port to unreachable, naming the address', async () => {
    let closedPort = 0;
    await withServer({users: 5, lines: 5}, async (demo) => {
      closedPort = demo.port;
    });
    const local = createClient(parseServer(`127.0.0.1:${closedPort}`), {});
    try {
      const error = await failure(local.auth.checkToken('00000000-0000-4000-8000-000000000000'), 'unreachable');
      assert.match(error.message, new RegExp(`127\\.0\\.0\\.1:${closedPort}.*refused`));
    } finally {
      local.close();
    }
  });

  it('maps an unknown host name to name-not-found', async () => {
    const local = createClient(parseServer('pbx.wazo-tui-test.invalid'), {}, {timeoutMs: 5000});
    try {
      const error = await failure(local.confd.infos({token: 'x'}), 'name-not-found');
      assert.match(error.message, /^Cannot find host pbx\.wazo-tui-test\.invalid/);
    } finally {
      local.close();
    }
  });

  it('trusts on first use: untrusted with zero requests sent, then pinned from the probe, then works', async () => {
    await withServer({users: 5, lines: 5}, async (demo) => {
      const local = createClient(parseServer(demo.hostPort), {});
      try {
        const error = await failure(local.auth.createToken({username: demo.username, password: demo.password, expiration: 60}), 'cert-untrusted');
        assert.ok(error instanceof CertificateError);
        assert.equal(error.certificate.fingerprint256, demo.fingerprint256);
        assert.equal(demo.requests.length, 0);
        const probed = await local.probeCertificate();
        assert.equal(probed.fingerprint256, demo.fingerprint256);

        const seen = error.certificate;
        local.setTrust(seen.hostPort, {pin: {hostPort: seen.hostPort, pem: seen.pem, fingerprint256: seen.fingerprint256, trustedAt: new Date().toISOString()}});
        const token = await local.auth.createToken({username: demo.username, password: demo.password, expiration: 60});
        secrets.add(token.token);
        assert.equal(demo.requests.length, 1);
      } finally {
        local.close();
      }
    });
  });
});
