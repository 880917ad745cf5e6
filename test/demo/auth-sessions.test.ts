import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {startDemoServer, DEMO_TENANT_UUIDS, type DemoServer} from '../../source/demo/server.js';
import {confdGet, login} from '../helpers/demo.js';
import {assertApiError, assertLegacy, assertMissingAcl, auth, createAccount, tokenData, tokenRequest, type Json} from './auth-helpers.js';

type Page = {total: number; filtered: number; items: Json[]};
const SESSION_KEYS = ['uuid', 'mobile', 'tenant_uuid', 'user_uuid'];
const REFRESH_KEYS = ['client_id', 'created_at', 'mobile', 'user_uuid', 'tenant_uuid', 'metadata'];

describe('wazo-auth sessions', () => {
  let server: DemoServer;
  let admin: string;
  let operator: {uuid: string; credentials: {username: string; password: string}};
  before(async () => {
    server = await startDemoServer({
      users: 10,
      lines: 10,
      accounts: [
        {username: 'lab', password: 'pw', acl: [], tenantUuid: DEMO_TENANT_UUIDS.acmeLab},
        {username: 'globex', password: 'pw', acl: [], tenantUuid: DEMO_TENANT_UUIDS.globex},
      ],
    });
    admin = await login(server);
    const {user} = await createAccount(server, admin, {
      username: 'operator',
      password: 'pw',
      acl: ['confd.users.read', 'auth.users.me.sessions.read', 'auth.users.me.sessions.*.delete'],
    });
    operator = {uuid: String(user.uuid), credentials: {username: 'operator', password: 'pw'}};
  });
  after(() => server.close());

  test('every login is a session of its user, listed with exactly {uuid, mobile, tenant_uuid, user_uuid}', async () => {
    const first = tokenData(await tokenRequest(server, operator.credentials));
    const second = tokenData(await tokenRequest(server, operator.credentials, {}, {'wazo-session-type': 'mobile'}));
    const response = await auth(server, first.token as string, 'GET', `/users/${operator.uuid}/sessions`);
    assert.equal(response.status, 200, response.text);
    const page = response.json as Page;
    assert.deepEqual([page.total, page.filtered], [2, 2]);
    assert.deepEqual(Object.keys(page.items[0] ?? {}), SESSION_KEYS);
    assert.deepEqual(
      page.items.map((item) => [item.uuid, item.mobile, item.tenant_uuid, item.user_uuid]),
      [
        [first.session_uuid, false, DEMO_TENANT_UUIDS.acme, operator.uuid],
        [second.session_uuid, true, DEMO_TENANT_UUIDS.acme, operator.uuid],
      ],
    );
    const byMobile = (await auth(server, admin, 'GET', `/users/${operator.uuid}/sessions?order=mobile&direction=desc&limit=1`)).json as Page;
    assert.deepEqual([byMobile.total, byMobile.items.map((item) => item.mobile)], [2, [true]]);
  });

  test('deleting a session of the user ends its token: wazo-auth and confd then refuse it', async () => {
    const kept = tokenData(await tokenRequest(server, operator.credentials));
    const doomed = tokenData(await tokenRequest(server, operator.credentials));
    const deleted = await auth(server, kept.token as string, 'DELETE', `/users/${operator.uuid}/sessions/${String(doomed.session_uuid)}`);
    assert.equal(deleted.status, 204, deleted.text);
    assert.equal((await auth(server, null, 'HEAD', `/token/${String(doomed.token)}`)).status, 404);
    assert.equal((await confdGet(server, doomed.token as string, '/users')).status, 401);
    assert.equal((await confdGet(server, kept.token as string, '/users')).status, 200);
    const listed = (await auth(server, kept.token as string, 'GET', `/users/${operator.uuid}/sessions`)).json as Page;
    assert.ok(!listed.items.some((item) => item.uuid === doomed.session_uuid));
    const again = await auth(server, kept.token as string, 'DELETE', `/users/${operator.uuid}/sessions/${String(doomed.session_uuid)}`);
    assert.equal(again.status, 204, 'an unknown session is not an error');
  });

  test('GET /sessions lists the tenant (recurse: and below) and DELETE /sessions/{uuid} ends one', async () => {
    const lab = tokenData(await tokenRequest(server, {username: 'lab', password: 'pw'}));
    const globex = tokenData(await tokenRequest(server, {username: 'globex', password: 'pw'}));
    const page = (await auth(server, admin, 'GET', '/sessions')).json as Page;
    assert.deepEqual(Object.keys(page), ['filtered', 'total', 'items']);
    assert.ok(page.items.every((item) => item.tenant_uuid === DEMO_TENANT_UUIDS.acme));
    const below = (await auth(server, admin, 'GET', '/sessions?recurse=true')).json as Page;
    assert.ok(below.items.some((item) => item.uuid === lab.session_uuid));
    assert.ok(!below.items.some((item) => item.uuid === globex.session_uuid));
    assert.equal(below.total, page.total + 1);
    assert.equal((await auth(server, admin, 'DELETE', `/sessions/${String(globex.session_uuid)}`)).status, 204);
    assert.equal((await auth(server, null, 'HEAD', `/token/${String(globex.token)}`)).status, 204, 'a session outside the tenant is left alone');
    assert.equal((await auth(server, admin, 'DELETE', `/sessions/${String(lab.session_uuid)}`)).status, 204);
    assert.equal((await auth(server, null, 'HEAD', `/token/${String(lab.token)}`)).status, 404);
    const paged = (await auth(server, admin, 'GET', '/sessions?limit=1&offset=1')).json as Page;
    assert.equal(paged.items.length, 1);
    assertApiError(await auth(server, admin, 'GET', '/sessions?order=uuid'), 400, 'invalid-list-param', 'users');
  });

  test('ACLs: other users\' sessions, and the tenant list, need their own ACL; the reader has none', async () => {
    const token = tokenData(await tokenRequest(server, operator.credentials)).token as string;
    const adminUuid = server.accounts[0]?.uuid ?? '';
    assertMissingAcl(await auth(server, token, 'GET', `/users/${adminUuid}/sessions`), `auth.users.${adminUuid}.sessions.read`);
    assertMissingAcl(await auth(server, token, 'GET', '/sessions'), 'auth.sessions.read');
    const session = crypto.randomUUID();
    assertMissingAcl(await auth(server, token, 'DELETE', `/sessions/${session}`), `auth.sessions.${session}.delete`);
    const reader = await login(server, {username: 'reader', password: 'reader'});
    const readerUuid = server.accounts[1]?.uuid ?? '';
    assertMissingAcl(await auth(server, reader, 'GET', `/users/${readerUuid}/sessions`), `auth.users.${readerUuid}.sessions.read`);
    assertMissingAcl(await auth(server, reader, 'GET', '/sessions'), 'auth.sessions.read');
    assertApiError(await auth(server, admin, 'GET', `/users/${crypto.randomUUID()}/sessions`), 404, 'unknown-user', 'users');
  });
});

describe('wazo-auth refresh tokens', () => {
  let server: DemoServer;
  let admin: string;
  let user: {uuid: string; credentials: {username: string; password: string}};
  before(async () => {
    server = await startDemoServer({users: 10, lines: 10});
    admin = await login(server);
    const created = await createAccount(server, admin, {
      username: 'tui',
      password: 'pw',
      acl: ['auth.users.me.tokens.read', 'auth.users.me.tokens.*.delete'],
    });
    user = {uuid: String(created.user.uuid), credentials: {username: 'tui', password: 'pw'}};
  });
  after(() => server.close());

  const offline = (clientId: string, headers: Record<string, string> = {}) =>
    tokenRequest(server, user.credentials, {access_type: 'offline', client_id: clientId}, headers).then(tokenData);

  test('GET /users/me/tokens lists the refresh tokens with their real fields, newest last', async () => {
    const before = Date.now();
    const login = await offline('wazo-tui-one');
    await offline('wazo-tui-two', {'wazo-session-type': 'mobile'});
    const response = await auth(server, login.token as string, 'GET', '/users/me/tokens');
    assert.equal(response.status, 200, response.text);
    const page = response.json as Page;
    assert.deepEqual(Object.keys(page), ['total', 'filtered', 'items']);
    assert.deepEqual([page.total, page.filtered], [2, 2]);
    const [first, second] = page.items;
    assert.deepEqual(Object.keys(first ?? {}), REFRESH_KEYS);
    assert.deepEqual(
      [first?.client_id, first?.mobile, first?.user_uuid, first?.tenant_uuid, first?.metadata],
      ['wazo-tui-one', false, user.uuid, DEMO_TENANT_UUIDS.acme, {}],
    );
    assert.equal(second?.mobile, true);
    assert.match(String(first?.created_at), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?\+00:00$/);
    assert.ok(Math.abs(Date.parse(String(first?.created_at)) - before) < 60_000);
    assert.ok(!response.text.includes(String(login.refresh_token)), 'the list never shows the secret');

    const searched = (await auth(server, login.token as string, 'GET', '/users/me/tokens?search=two')).json as Page;
    assert.deepEqual([searched.total, searched.filtered, searched.items.map((item) => item.client_id)], [2, 1, ['wazo-tui-two']]);
    const desc = (await auth(server, login.token as string, 'GET', '/users/me/tokens?order=client_id&direction=desc')).json as Page;
    assert.deepEqual(desc.items.map((item) => item.client_id), ['wazo-tui-two', 'wazo-tui-one']);
    const byUuid = (await auth(server, admin, 'GET', `/users/${user.uuid}/tokens?client_id=wazo-tui-one`)).json as Page;
    assert.deepEqual(byUuid.items.map((item) => item.client_id), ['wazo-tui-one']);
    const all = (await auth(server, admin, 'GET', '/tokens')).json as Page;
    assert.ok(all.items.filter((item) => item.user_uuid === user.uuid).length === 2);
  });

  test('after DELETE /users/me/tokens/{client_id} refreshing fails as wazo-auth does; issued tokens live on', async () => {
    const login = await offline('to-delete');
    const deleted = await auth(server, login.token as string, 'DELETE', '/users/me/tokens/to-delete');
    assert.equal(deleted.status, 204, deleted.text);
    assert.equal(deleted.text, '');
    assertLegacy(await tokenRequest(server, null, {refresh_token: login.refresh_token, client_id: 'to-delete'}), 401, 'Authentication Failed');
    assert.equal((await auth(server, null, 'HEAD', `/token/${String(login.token)}`)).status, 204);
    const again = await auth(server, login.token as string, 'DELETE', '/users/me/tokens/to-delete');
    const body = assertApiError(again, 404, 'cannot-find-refresh-token-matching-client-id', 'tokens');
    assert.equal(body.message, 'unknown refresh_token for client_id "to-delete"');
    assert.deepEqual(body.details, {client_id: 'to-delete'});
    const listed = (await auth(server, login.token as string, 'GET', '/users/me/tokens?client_id=to-delete')).json as Page;
    assert.equal(listed.filtered, 0);
    assert.equal((await auth(server, admin, 'DELETE', '/users/me/tokens/%E0%A4%A')).status, 404, 'a malformed escape is a plain unknown client_id');
  });

  test('an administrator deletes another user\'s refresh token by uuid; a refresh then fails', async () => {
    const login = await offline('by-admin');
    assert.equal((await auth(server, admin, 'DELETE', `/users/${user.uuid}/tokens/by-admin`)).status, 204);
    assertLegacy(await tokenRequest(server, null, {refresh_token: login.refresh_token, client_id: 'by-admin'}), 401, 'Authentication Failed');
    assertApiError(await auth(server, admin, 'DELETE', `/users/${crypto.randomUUID()}/tokens/by-admin`), 404, 'unknown-user', 'users');
  });

  test('a mobile offline login replaces the user\'s other mobile refresh tokens and ends their sessions', async () => {
    const mobile = {'wazo-session-type': 'mobile'};
    const desktop = await offline('desk');
    const phone = await offline('phone-a', mobile);
    const again = await tokenRequest(server, user.credentials, {access_type: 'offline', client_id: 'desk'});
    assert.equal(tokenData(again).refresh_token, desktop.refresh_token, 'a desktop login gets the same refresh token back');
    assert.equal(again.headers['wazo-sessions-revoked'], '0');
    const second = await tokenRequest(server, user.credentials, {access_type: 'offline', client_id: 'phone-b'}, mobile);
    assert.equal(second.headers['wazo-sessions-revoked'], '1');
    assert.equal((await auth(server, null, 'HEAD', `/token/${String(phone.token)}`)).status, 404);
    assert.equal((await auth(server, null, 'HEAD', `/token/${String(desktop.token)}`)).status, 204);
    assertLegacy(await tokenRequest(server, null, {refresh_token: phone.refresh_token, client_id: 'phone-a'}), 401, 'Authentication Failed');
    const listed = (await auth(server, admin, 'GET', `/users/${user.uuid}/tokens?mobile=true`)).json as Page;
    assert.deepEqual(listed.items.map((item) => item.client_id), ['phone-b']);
    // A refreshed token belongs to its refresh token too: the next mobile login on that client ends it.
    const refreshed = tokenData(await tokenRequest(server, null, {refresh_token: tokenData(second).refresh_token, client_id: 'phone-b'}));
    const third = await tokenRequest(server, user.credentials, {access_type: 'offline', client_id: 'phone-b'}, mobile);
    assert.equal(third.headers['wazo-sessions-revoked'], '2');
    assert.notEqual(tokenData(third).refresh_token, tokenData(second).refresh_token);
    assert.equal((await auth(server, null, 'HEAD', `/token/${String(refreshed.token)}`)).status, 404);
  });

  test('ACLs: the user may not read or delete others\' tokens, nor list the tenant\'s; the reader reads none', async () => {
    const token = (await offline('acl-check')).token as string;
    const adminUuid = server.accounts[0]?.uuid ?? '';
    assertMissingAcl(await auth(server, token, 'GET', '/tokens'), 'auth.tokens.read');
    assertMissingAcl(await auth(server, token, 'GET', `/users/${adminUuid}/tokens`), `auth.users.${adminUuid}.tokens.read`);
    assertMissingAcl(await auth(server, token, 'DELETE', `/users/${adminUuid}/tokens/x.y`), `auth.users.${adminUuid}.tokens.x_y.delete`);
    const reader = await login(server, {username: 'reader', password: 'reader'});
    assertMissingAcl(await auth(server, reader, 'GET', '/users/me/tokens'), 'auth.users.me.tokens.read');
    assertMissingAcl(await auth(server, reader, 'GET', '/tokens'), 'auth.tokens.read');
    // The reader may still forget its own refresh token on quit.
    const readerOffline = tokenData(await tokenRequest(server, {username: 'reader', password: 'reader'}, {access_type: 'offline', client_id: 'reader-tui'}));
    assert.equal((await auth(server, readerOffline.token as string, 'DELETE', '/users/me/tokens/reader-tui')).status, 204);
  });
});
