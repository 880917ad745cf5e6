import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {startDemoServer, DEMO_TENANT_UUIDS, type DemoServer} from '../../source/demo/server.js';
import {basicAuth, demoRequest, login, type DemoHttpResponse} from '../helpers/demo.js';

const TOKEN_FIELDS = [
  'token', 'auth_id', 'xivo_user_uuid', 'xivo_uuid', 'issued_at', 'expires_at', 'utc_issued_at', 'utc_expires_at',
  'acl', 'metadata', 'session_uuid', 'remote_addr', 'user_agent',
];
const PY_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$/;

type Json = Record<string, unknown>;
const data = (response: DemoHttpResponse): Json => (response.json as {data: Json}).data;

function createToken(server: DemoServer, body: unknown, auth: string | null = basicAuth('admin', 'secret'), headers: Record<string, string> = {}) {
  return demoRequest(server, {
    method: 'POST',
    path: '/api/auth/0.1/token',
    headers: {...(auth ? {authorization: auth} : {}), 'content-type': 'application/json', ...headers},
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

function assertLegacyError(response: DemoHttpResponse, status: number, reason?: string | RegExp): void {
  assert.equal(response.status, status, response.text);
  const body = response.json as {reason: unknown; timestamp: unknown; status_code: unknown};
  assert.deepEqual(Object.keys(body), ['reason', 'timestamp', 'status_code']);
  assert.equal(body.status_code, status);
  assert.ok(Array.isArray(body.reason) && body.reason.length === 1 && typeof body.reason[0] === 'string');
  assert.ok(Array.isArray(body.timestamp) && typeof body.timestamp[0] === 'number');
  if (typeof reason === 'string') assert.equal(body.reason[0], reason);
  else if (reason) assert.match(body.reason[0] as string, reason);
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('wazo-auth tokens', () => {
  let server: DemoServer;
  before(async () => {
    server = await startDemoServer({users: 20, lines: 20, accounts: [
      {username: 'limited', password: 'pw', acl: ['confd.users.read']},
      {username: 'phone', password: 'pw', acl: ['confd.#'], purpose: 'user'},
      {username: 'Jérôme', password: 'mot de passe: é', acl: []},
    ]});
  });
  after(() => server.close());

  test('an online login returns exactly the real token fields', async () => {
    const before = Date.now();
    const response = await createToken(server, {expiration: 3600}, basicAuth('admin', 'secret'), {'user-agent': 'wazo-tui-test/1'});
    assert.equal(response.status, 200);
    assert.deepEqual(Object.keys(response.json as Json), ['data']);
    const token = data(response);
    assert.deepEqual(Object.keys(token), TOKEN_FIELDS);
    assert.match(token.token as string, /^[0-9a-f-]{36}$/);
    assert.deepEqual(token.acl, ['#']);
    assert.equal(token.remote_addr, '127.0.0.1');
    assert.equal(token.user_agent, 'wazo-tui-test/1');
    for (const field of ['issued_at', 'expires_at', 'utc_issued_at', 'utc_expires_at']) assert.match(token[field] as string, PY_DATETIME);
    const issued = Date.parse(`${token.utc_issued_at as string}Z`);
    const expires = Date.parse(`${token.utc_expires_at as string}Z`);
    assert.ok(Math.abs(issued - before) < 60_000);
    assert.equal(expires - issued, 3600 * 1000);
    const metadata = token.metadata as Json;
    assert.deepEqual(Object.keys(metadata), ['uuid', 'tenant_uuid', 'auth_id', 'pbx_user_uuid', 'xivo_uuid', 'purpose']);
    assert.equal(metadata.tenant_uuid, DEMO_TENANT_UUIDS.acme);
    assert.equal(metadata.uuid, token.auth_id);
    assert.equal(metadata.purpose, 'external_api');
    assert.equal(metadata.pbx_user_uuid, null);
    assert.equal(token.xivo_user_uuid, null);
    assert.equal(metadata.xivo_uuid, token.xivo_uuid);
  });

  test('the default expiration is 7200 s', async () => {
    const token = data(await createToken(server, {}));
    assert.equal(Date.parse(`${token.utc_expires_at as string}Z`) - Date.parse(`${token.utc_issued_at as string}Z`), 7_200_000);
  });

  test('a user-purpose account is bound to a confd user of its tenant', async () => {
    const token = data(await createToken(server, {}, basicAuth('phone', 'pw')));
    const metadata = token.metadata as Json;
    assert.equal(metadata.purpose, 'user');
    assert.equal(metadata.pbx_user_uuid, token.auth_id);
    assert.equal(token.xivo_user_uuid, token.auth_id);
    const user = await demoRequest(server, {path: `/api/confd/1.1/users/${token.auth_id as string}`, headers: {'x-auth-token': token.token as string}});
    assert.equal(user.status, 200);
    assert.equal((user.json as Json).uuid, token.auth_id);
  });

  test('Basic credentials are decoded as UTF-8 and the password may contain colons', async () => {
    const response = await createToken(server, {}, basicAuth('Jérôme', 'mot de passe: é'));
    assert.equal(response.status, 200, response.text);
    assert.deepEqual(data(response).acl, []);
  });

  test('bad credentials, unknown users and missing Basic auth all give the same 401', async () => {
    for (const auth of [basicAuth('admin', 'wrong'), basicAuth('nobody', 'secret'), null, 'Bearer abc']) {
      assertLegacyError(await createToken(server, {}, auth), 401, 'Authentication Failed');
    }
  });

  test('an empty or non-JSON body is a 400, even with good credentials', async () => {
    assertLegacyError(await createToken(server, ''), 400);
    assertLegacyError(await createToken(server, '{not json'), 400);
    assertLegacyError(await createToken(server, '[]'), 400, "{'_schema': ['Invalid input type.']}");
  });

  test('expiration must be an integer in 1..315360000', async () => {
    for (const expiration of ['soon', 0, -5, 315360001, true, null]) {
      assertLegacyError(await createToken(server, {expiration}), 400, /expiration/);
    }
    assert.equal((await createToken(server, {expiration: 315360000})).status, 200);
    assert.equal((await createToken(server, {expiration: 1})).status, 200);
  });

  test('access_type and client_id are validated with marshmallow-style messages', async () => {
    assertLegacyError(await createToken(server, {access_type: 'forever'}), 400, /access_type.*online, offline/);
    assertLegacyError(await createToken(server, {access_type: 'offline'}), 400, /"client_id" must be specified when using "access_type" is "offline"/);
    assertLegacyError(await createToken(server, {client_id: ''}), 400, /client_id.*Length must be between 1 and 1024/);
    assertLegacyError(await createToken(server, {client_id: 'x'.repeat(1025)}), 400, /client_id/);
    assertLegacyError(await createToken(server, {access_type: 'offline', client_id: 'a', refresh_token: 'r'}), 400, /cannot use the "access_type" "offline" with a refresh token/);
    assertLegacyError(await createToken(server, {refresh_token: 'r'}, null), 400, /"client_id" must be specified when using a "refresh_token"/);
  });

  test('offline logins return one refresh token per (user, client_id); refreshing needs no Basic auth', async () => {
    const first = data(await createToken(server, {access_type: 'offline', client_id: 'tui-a'}));
    const second = data(await createToken(server, {access_type: 'offline', client_id: 'tui-a'}));
    const other = data(await createToken(server, {access_type: 'offline', client_id: 'tui-b'}));
    assert.equal(typeof first.refresh_token, 'string');
    assert.equal(second.refresh_token, first.refresh_token);
    assert.notEqual(other.refresh_token, first.refresh_token);
    assert.notEqual(second.token, first.token);

    const refreshed = await createToken(server, {refresh_token: first.refresh_token, client_id: 'tui-a', expiration: 120}, null);
    assert.equal(refreshed.status, 200, refreshed.text);
    const token = data(refreshed);
    assert.equal('refresh_token' in token, false, 'a refresh response carries no refresh_token');
    assert.deepEqual(Object.keys(token), TOKEN_FIELDS);
    assert.equal(token.auth_id, first.auth_id);
    assert.notEqual(token.token, first.token);
    assert.equal(Date.parse(`${token.utc_expires_at as string}Z`) - Date.parse(`${token.utc_issued_at as string}Z`), 120_000);

    assertLegacyError(await createToken(server, {refresh_token: first.refresh_token, client_id: 'tui-b'}, null), 401, 'Authentication Failed');
    assertLegacyError(await createToken(server, {refresh_token: crypto.randomUUID(), client_id: 'tui-a'}, null), 401, 'Authentication Failed');
    // With both keys present the refresh IdP takes over, whatever the Basic credentials say.
    assertLegacyError(await createToken(server, {refresh_token: 'bogus', client_id: 'tui-a'}), 401);
  });

  test('DELETE /users/me/tokens/{client_id} forgets the refresh token but not the sessions', async () => {
    const login = data(await createToken(server, {access_type: 'offline', client_id: 'to-forget'}));
    const deleted = await demoRequest(server, {
      method: 'DELETE',
      path: '/api/auth/0.1/users/me/tokens/to-forget',
      headers: {'x-auth-token': login.token as string},
    });
    assert.equal(deleted.status, 204);
    assert.equal(deleted.text, '');
    assertLegacyError(await createToken(server, {refresh_token: login.refresh_token, client_id: 'to-forget'}, null), 401);
    const head = await demoRequest(server, {method: 'HEAD', path: `/api/auth/0.1/token/${login.token as string}`});
    assert.equal(head.status, 204);
    const again = data(await createToken(server, {access_type: 'offline', client_id: 'to-forget'}));
    assert.notEqual(again.refresh_token, login.refresh_token);
  });

  test('protected wazo-auth routes answer 401 APIException bodies', async () => {
    const missing = await demoRequest(server, {method: 'DELETE', path: '/api/auth/0.1/users/me/tokens/x'});
    assert.equal(missing.status, 401);
    const body = missing.json as Json;
    assert.deepEqual(Object.keys(body), ['message', 'error_id', 'details', 'timestamp']);
    assert.equal(body.message, 'Unauthorized');
    assert.equal(body.error_id, 'unauthorized');
    assert.deepEqual(body.details, {invalid_token: '', reason: 'not_found_or_expired', required_access: 'auth.users.me.tokens.x.delete'});
    assert.equal(typeof body.timestamp, 'number');

    const limited = await login(server, {username: 'limited', password: 'pw'});
    const denied = await demoRequest(server, {path: '/api/auth/0.1/tenants', headers: {'x-auth-token': limited}});
    assert.equal(denied.status, 401);
    assert.deepEqual((denied.json as Json).details, {
      invalid_token: limited,
      reason: 'missing_permission_or_invalid_tenant',
      required_access: 'auth.tenants.read',
      tenant_uuid: null,
    });
  });
});

describe('wazo-auth token checks', () => {
  let server: DemoServer;
  let token: string;
  before(async () => {
    server = await startDemoServer({users: 10, lines: 10, accounts: [{username: 'globex', password: 'pw', acl: ['confd.users.read'], tenantUuid: DEMO_TENANT_UUIDS.globex}]});
    token = await login(server, {username: 'reader', password: 'reader'});
  });
  after(() => server.close());

  test('HEAD is 204 for a live token and 404 for an unknown one; a non-UUID segment is a routing 404', async () => {
    assert.equal((await demoRequest(server, {method: 'HEAD', path: `/api/auth/0.1/token/${token}`})).status, 204);
    assert.equal((await demoRequest(server, {method: 'HEAD', path: `/api/auth/0.1/token/${crypto.randomUUID()}`})).status, 404);
    const notUuid = await demoRequest(server, {path: '/api/auth/0.1/token/not-a-uuid'});
    assert.equal(notUuid.status, 404);
    assert.match((notUuid.json as {message: string}).message, /requested URL was not found/);
  });

  test('HEAD and GET with ?scope check the ACL (403), ?tenant the subtree (403)', async () => {
    const head = (query: string) => demoRequest(server, {method: 'HEAD', path: `/api/auth/0.1/token/${token}?${query}`});
    assert.equal((await head('scope=confd.users.read')).status, 204);
    assert.equal((await head('scope=confd.users.42.read')).status, 204);
    assert.equal((await head('scope=confd.lines.read')).status, 403);
    assert.equal((await head(`tenant=${DEMO_TENANT_UUIDS.acmeLab}`)).status, 204);
    assert.equal((await head(`tenant=${DEMO_TENANT_UUIDS.globex}`)).status, 403);
    const get = await demoRequest(server, {path: `/api/auth/0.1/token/${token}?scope=confd.lines.read`});
    assertLegacyError(get, 403, 'Unauthorized for confd.lines.read');
    const tenant = await demoRequest(server, {path: `/api/auth/0.1/token/${token}?tenant=${DEMO_TENANT_UUIDS.globex}`});
    assertLegacyError(tenant, 403, `Unauthorized for tenant ${DEMO_TENANT_UUIDS.globex}`);
  });

  test('GET returns the token dict, 404 with the legacy body for unknown tokens', async () => {
    const response = await demoRequest(server, {path: `/api/auth/0.1/token/${token}`});
    assert.equal(response.status, 200);
    assert.equal(data(response).token, token);
    assert.deepEqual(Object.keys(data(response)), TOKEN_FIELDS);
    assertLegacyError(await demoRequest(server, {path: `/api/auth/0.1/token/${crypto.randomUUID()}`}), 404, 'No such token');
  });

  test('POST /token/{token}/scopes/check answers a map', async () => {
    const response = await demoRequest(server, {
      method: 'POST',
      path: `/api/auth/0.1/token/${token}/scopes/check`,
      body: {scopes: ['confd.users.read', 'confd.lines.read']},
    });
    assert.equal(response.status, 200);
    assert.deepEqual(response.json, {scopes: {'confd.users.read': true, 'confd.lines.read': false}});
  });

  test('DELETE revokes, and answers 200 success even for unknown tokens', async () => {
    const doomed = await login(server);
    const revoke = (value: string) => demoRequest(server, {method: 'DELETE', path: `/api/auth/0.1/token/${value}`});
    const first = await revoke(doomed);
    assert.equal(first.status, 200);
    assert.deepEqual(first.json, {data: {message: 'success'}});
    assert.equal((await demoRequest(server, {method: 'HEAD', path: `/api/auth/0.1/token/${doomed}`})).status, 404);
    const again = await revoke(doomed);
    assert.equal(again.status, 200);
    assert.deepEqual(again.json, {data: {message: 'success'}});
  });

  test('GET /tenants lists the token tenant subtree, scoped by Wazo-Tenant', async () => {
    const response = await demoRequest(server, {path: '/api/auth/0.1/tenants', headers: {'x-auth-token': token}});
    assert.equal(response.status, 200);
    const body = response.json as {total: number; filtered: number; items: Array<{uuid: string; name: string; parent_uuid: string | null; slug: string}>};
    assert.equal(body.total, 2);
    assert.equal(body.filtered, 2);
    assert.deepEqual(body.items.map((tenant) => tenant.name), ['Acme', 'Acme Lab']);
    assert.equal(body.items[1]?.parent_uuid, DEMO_TENANT_UUIDS.acme);
    const lab = await demoRequest(server, {path: '/api/auth/0.1/tenants', headers: {'x-auth-token': token, 'wazo-tenant': DEMO_TENANT_UUIDS.acmeLab}});
    assert.deepEqual((lab.json as typeof body).items.map((tenant) => tenant.name), ['Acme Lab']);
    const outside = await demoRequest(server, {path: '/api/auth/0.1/tenants', headers: {'x-auth-token': token, 'wazo-tenant': DEMO_TENANT_UUIDS.globex}});
    assert.equal(outside.status, 401);
    assert.equal(((outside.json as Json).details as Json).tenant_uuid, DEMO_TENANT_UUIDS.globex);
    const searched = await demoRequest(server, {path: '/api/auth/0.1/tenants?search=lab', headers: {'x-auth-token': token}});
    assert.deepEqual([(searched.json as typeof body).total, (searched.json as typeof body).filtered], [2, 1]);
  });

  test('a Globex account logs into Globex', async () => {
    const response = await createToken(server, {}, basicAuth('globex', 'pw'));
    assert.equal((data(response).metadata as Json).tenant_uuid, DEMO_TENANT_UUIDS.globex);
  });
});

describe('token expiry and clock', () => {
  test('a 1 s token expires everywhere, like an unknown one', async () => {
    const server = await startDemoServer({users: 5, lines: 5});
    try {
      const token = await login(server, undefined, {expiration: 1});
      const users = () => demoRequest(server, {path: '/api/confd/1.1/users', headers: {'x-auth-token': token}});
      assert.equal((await users()).status, 200);
      await until(async () => (await demoRequest(server, {method: 'HEAD', path: `/api/auth/0.1/token/${token}`})).status === 404, 5000);
      const expired = await users();
      assert.equal(expired.status, 401);
      assert.deepEqual(expired.json, [`('${token}', 'confd.users.read')`]);
      assertLegacyError(await demoRequest(server, {path: `/api/auth/0.1/token/${token}`}), 404, 'No such token');
    } finally {
      await server.close();
    }
  });

  test('setClockOffset skews issued/expires fields and expiry checks', async () => {
    const server = await startDemoServer({users: 5, lines: 5});
    try {
      const token = await login(server, undefined, {expiration: 600});
      server.setClockOffset(3_600_000);
      const skewed = data(await createToken(server, {expiration: 600}));
      const issued = Date.parse(`${skewed.utc_issued_at as string}Z`);
      assert.ok(Math.abs(issued - (Date.now() + 3_600_000)) < 60_000, `issued ${skewed.utc_issued_at as string}`);
      assert.equal((await demoRequest(server, {method: 'HEAD', path: `/api/auth/0.1/token/${token}`})).status, 404);
      assert.equal((await demoRequest(server, {method: 'HEAD', path: `/api/auth/0.1/token/${skewed.token as string}`})).status, 204);
    } finally {
      await server.close();
    }
  });

  test('more than maxSessions live tokens for one user is a 429; other users are not affected', async () => {
    const server = await startDemoServer({users: 5, lines: 5, maxSessions: 3});
    try {
      const tokens = [await login(server), await login(server), await login(server)];
      assertLegacyError(await createToken(server, {}), 429, /^User [0-9a-f-]{36} has exceeded the maximum number of active sessions$/);
      assert.equal((await createToken(server, {}, basicAuth('reader', 'reader'))).status, 200);
      await demoRequest(server, {method: 'DELETE', path: `/api/auth/0.1/token/${tokens[0] ?? ''}`});
      assert.equal((await createToken(server, {})).status, 200);
    } finally {
      await server.close();
    }
  });

  test('revokeAllTokens ends every session but keeps refresh tokens', async () => {
    const server = await startDemoServer({users: 5, lines: 5});
    try {
      const offline = data(await createToken(server, {access_type: 'offline', client_id: 'keep'}));
      server.revokeAllTokens();
      assert.equal((await demoRequest(server, {method: 'HEAD', path: `/api/auth/0.1/token/${offline.token as string}`})).status, 404);
      assert.equal((await createToken(server, {refresh_token: offline.refresh_token, client_id: 'keep'}, null)).status, 200);
    } finally {
      await server.close();
    }
  });
});
