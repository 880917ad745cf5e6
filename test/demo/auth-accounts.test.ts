import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {startDemoServer, DEMO_TENANT_UUIDS, type DemoServer} from '../../source/demo/server.js';
import {confdGet, login} from '../helpers/demo.js';
import {assertApiError, assertLegacy, assertMissingAcl, auth, createAccount, tokenData, tokenRequest, type Json} from './auth-helpers.js';

const USER_KEYS = ['username', 'uuid', 'enabled', 'emails', 'firstname', 'lastname', 'purpose', 'tenant_uuid', 'authentication_method'];
const CREATED_KEYS = ['uuid', 'username', 'firstname', 'lastname', 'purpose', 'emails', 'enabled', 'tenant_uuid', 'authentication_method'];
const POLICY_KEYS = ['uuid', 'tenant_uuid', 'name', 'slug', 'description', 'acl', 'read_only', 'shared'];

describe('wazo-auth users', () => {
  let server: DemoServer;
  let admin: string;
  before(async () => {
    server = await startDemoServer({
      users: 10,
      lines: 10,
      accounts: [
        {username: 'lab-admin', password: 'pw', acl: ['auth.#'], tenantUuid: DEMO_TENANT_UUIDS.acmeLab},
        {username: 'globex-admin', password: 'pw', acl: ['#'], tenantUuid: DEMO_TENANT_UUIDS.globex},
      ],
    });
    admin = await login(server);
  });
  after(() => server.close());

  test('POST /users answers 200 with the created user, without its password nor a created_at', async () => {
    const response = await auth(server, admin, 'POST', '/users', {
      username: 'api-one',
      password: 'pw-one',
      purpose: 'external_api',
      firstname: 'Api',
      lastname: 'One',
      enabled: true,
      email_address: 'api.one@example.com',
    });
    assert.equal(response.status, 200, response.text);
    const user = response.json as Json;
    assert.deepEqual(Object.keys(user), CREATED_KEYS);
    assert.equal(user.purpose, 'external_api');
    assert.equal(user.authentication_method, 'native');
    assert.equal(user.tenant_uuid, DEMO_TENANT_UUIDS.acme);
    assert.equal(user.enabled, true);
    const emails = user.emails as Json[];
    assert.deepEqual(emails.map((email) => [email.address, email.confirmed, email.main]), [['api.one@example.com', true, true]]);
    assert.ok(!response.text.includes('pw-one'));

    const fetched = await auth(server, admin, 'GET', `/users/${String(user.uuid)}`);
    assert.equal(fetched.status, 200);
    assert.deepEqual(Object.keys(fetched.json as Json), USER_KEYS);
    assert.equal((fetched.json as Json).username, 'api-one');
  });

  test('the defaults: purpose user with the tenant authentication method; Wazo-Tenant picks the tenant', async () => {
    const response = await auth(server, admin, 'POST', '/users', {username: 'lab-person'}, {'wazo-tenant': DEMO_TENANT_UUIDS.acmeLab});
    const user = response.json as Json;
    assert.equal(user.purpose, 'user');
    assert.equal(user.authentication_method, 'default');
    assert.equal(user.tenant_uuid, DEMO_TENANT_UUIDS.acmeLab);
    const outside = await auth(server, admin, 'POST', '/users', {username: 'nope'}, {'wazo-tenant': DEMO_TENANT_UUIDS.globex});
    assert.deepEqual(assertApiError(outside, 401, 'unauthorized-tenant').details, {tenant_uuid: DEMO_TENANT_UUIDS.globex});
  });

  test('a taken username (whatever its case) or email is a 409 conflict, as wazo-auth words it', async () => {
    const taken = await auth(server, admin, 'POST', '/users', {username: 'ADMIN', password: 'x'});
    const body = assertApiError(taken, 409, 'conflict', 'users');
    assert.equal(body.message, 'Conflict detected');
    assert.deepEqual(body.details, {username: {constraint_id: 'unique', message: 'The login "ADMIN" is already used'}});
    const email = await auth(server, admin, 'POST', '/users', {username: 'other', email_address: 'API.ONE@example.com'});
    assert.deepEqual(assertApiError(email, 409, 'conflict', 'users').details, {
      email_address: {constraint_id: 'unique', message: 'The login "API.ONE@example.com" is already used'},
    });
  });

  test('invalid fields are 400 invalid-data naming the first one', async () => {
    const purpose = assertApiError(await auth(server, admin, 'POST', '/users', {username: 'x1', purpose: 'robot'}), 400, 'invalid-data', 'users');
    assert.equal(purpose.message, 'Must be one of: user, internal, external_api.');
    assert.deepEqual(Object.keys(purpose.details as Json), ['purpose']);
    const email = assertApiError(await auth(server, admin, 'POST', '/users', {username: 'x2', email_address: 'not-an-email'}), 400, 'invalid-data', 'users');
    assert.equal(email.message, 'Not a valid email address.');
    const first = assertApiError(await auth(server, admin, 'POST', '/users', {username: '', purpose: 'robot'}), 400, 'invalid-data', 'users');
    assert.deepEqual(Object.keys(first.details as Json), ['username']);
    assert.equal((await auth(server, admin, 'POST', '/users', '{not json')).status, 400);
  });

  test('GET /users lists the tenant with total and filtered; search, filters, order and paging', async () => {
    const list = async (query: string, headers: Record<string, string> = {}) => {
      const response = await auth(server, admin, 'GET', `/users${query}`, undefined, headers);
      assert.equal(response.status, 200, response.text);
      const body = response.json as {total: number; filtered: number; items: Json[]};
      assert.deepEqual(Object.keys(body), ['filtered', 'total', 'items']);
      return body;
    };
    const all = await list('');
    assert.deepEqual(all.items.map((user) => user.username), ['admin', 'api-one', 'reader']);
    assert.deepEqual(Object.keys(all.items[0] ?? {}), USER_KEYS);
    assert.equal((await list('?recurse=true')).total, 5);
    const searched = await list('?search=API%20ONE');
    assert.deepEqual([searched.total, searched.filtered, searched.items.map((user) => user.username)], [3, 1, ['api-one']]);
    assert.deepEqual((await list('?search=example.com')).items.map((user) => user.username), ['api-one']);
    assert.deepEqual((await list('?purpose=external_api&recurse=true')).items.map((user) => user.username), ['admin', 'api-one', 'lab-admin', 'reader']);
    assert.deepEqual((await list('?order=username&direction=desc&limit=2')).items.map((user) => user.username), ['reader', 'api-one']);
    assert.deepEqual((await list('?offset=2')).items.map((user) => user.username), ['reader']);
    assert.deepEqual((await list('', {'wazo-tenant': DEMO_TENANT_UUIDS.acmeLab})).items.map((user) => user.username), ['lab-admin', 'lab-person']);
  });

  test('bad list parameters are 400 invalid-list-param with marshmallow messages as the message', async () => {
    const response = await auth(server, admin, 'GET', '/users?order=email&limit=-1');
    const body = assertApiError(response, 400, 'invalid-list-param', 'users');
    assert.deepEqual(body.message, {
      order: [{constraint_id: 'enum', constraint: {choices: ['username', 'firstname', 'lastname']}, message: 'Must be one of: username, firstname, lastname.'}],
      limit: [{constraint_id: 'range', constraint: {min: 0}, message: 'Must be greater than or equal to 0.'}],
    });
    assert.deepEqual(body.details, {});
  });

  test('a user outside the scoping subtree, or unknown, is 404 unknown-user', async () => {
    const globex = await login(server, {username: 'globex-admin', password: 'pw'});
    const adminUuid = server.accounts[0]?.uuid ?? '';
    const hidden = assertApiError(await auth(server, globex, 'GET', `/users/${adminUuid}`), 404, 'unknown-user', 'users');
    assert.equal(hidden.message, `No such user: "${adminUuid}"`);
    assert.deepEqual(hidden.details, {uuid: adminUuid});
    assert.equal((await auth(server, globex, 'DELETE', `/users/${adminUuid}`)).status, 404);
    assert.equal((await auth(server, admin, 'GET', `/users/${crypto.randomUUID()}`)).status, 404);
  });

  test('the reader account lacks every account ACL; the missing one is named', async () => {
    const reader = await login(server, {username: 'reader', password: 'reader'});
    const readerUuid = server.accounts[1]?.uuid ?? '';
    assertMissingAcl(await auth(server, reader, 'GET', '/users'), 'auth.users.read');
    assertMissingAcl(await auth(server, reader, 'POST', '/users', {username: 'sneaky'}), 'auth.users.create');
    assertMissingAcl(await auth(server, reader, 'GET', `/users/${readerUuid}`), `auth.users.${readerUuid}.read`);
    assertMissingAcl(await auth(server, reader, 'GET', '/policies'), 'auth.policies.read');
    assertMissingAcl(await auth(server, reader, 'POST', '/policies', {name: 'mine', acl: []}), 'auth.policies.create');
    assertMissingAcl(await auth(server, reader, 'GET', `/users/${readerUuid}/policies`), `auth.users.${readerUuid}.policies.read`);
  });
});

describe('wazo-auth policies', () => {
  let server: DemoServer;
  let admin: string;
  before(async () => {
    server = await startDemoServer({users: 10, lines: 10, accounts: [{username: 'delegate', password: 'pw', acl: ['auth.#', 'confd.users.read', '!confd.users.42.read']}]});
    admin = await login(server);
  });
  after(() => server.close());

  test('create answers 200 with the policy; the slug comes from the name', async () => {
    const response = await auth(server, admin, 'POST', '/policies', {name: 'Browse only!', description: 'read', acl: ['confd.users.read', 'confd.users.read', 'confd.lines.*.read']});
    assert.equal(response.status, 200, response.text);
    const policy = response.json as Json;
    assert.deepEqual(Object.keys(policy), POLICY_KEYS);
    assert.deepEqual(
      [policy.tenant_uuid, policy.name, policy.slug, policy.description, policy.acl, policy.read_only, policy.shared],
      [DEMO_TENANT_UUIDS.acme, 'Browse only!', 'Browseonly', 'read', ['confd.users.read', 'confd.lines.*.read'], false, false],
    );
    const fetched = await auth(server, admin, 'GET', `/policies/${String(policy.uuid)}`);
    assert.deepEqual(fetched.json, policy);
    assert.deepEqual((await auth(server, admin, 'GET', '/policies/Browseonly')).json, policy);
  });

  test('duplicates are 409 and invalid fields 400, in the legacy shape', async () => {
    await auth(server, admin, 'POST', '/policies', {name: 'twice'});
    assertLegacy(await auth(server, admin, 'POST', '/policies', {name: 'twice'}), 409, 'Policy "twice" already exists');
    assertLegacy(await auth(server, admin, 'POST', '/policies', {name: 'other', slug: 'TWICE'}), 409, 'Policy "other" already exists');
    assertLegacy(await auth(server, admin, 'POST', '/policies', {acl: ['x']}), 400, 'Invalid value supplied for field: name');
    assertLegacy(await auth(server, admin, 'POST', '/policies', {name: 'n', slug: 'no spaces'}), 400, 'Invalid value supplied for field: slug');
    assertLegacy(await auth(server, admin, 'POST', '/policies', {name: 'n', acl: 'confd.#'}), 400, 'Invalid value supplied for field: acl');
  });

  test('list: {items, total}, search over name and description, order', async () => {
    const response = await auth(server, admin, 'GET', '/policies?search=demo&order=name&direction=desc');
    const body = response.json as {items: Json[]; total: number};
    assert.deepEqual(Object.keys(body), ['items', 'total']);
    assert.deepEqual(body.items.map((policy) => policy.name), ['demo-reader', 'demo-delegate', 'demo-admin']);
    assert.ok(body.total > body.items.length);
    assert.deepEqual((body.items.find((policy) => policy.name === 'demo-admin') ?? {}).acl, ['#']);
    assertLegacy(await auth(server, admin, 'GET', '/policies?order=read_only'), 400, 'Invalid sort column: read_only');
    const held = (await auth(server, admin, 'GET', `/policies?user_uuid=${server.accounts[0]?.uuid ?? ''}`)).json as {items: Json[]};
    assert.deepEqual(held.items.map((policy) => policy.name), ['demo-admin']);
  });

  test('a caller can only grant the ACLs it holds itself (401 naming the first one it lacks)', async () => {
    const delegate = await login(server, {username: 'delegate', password: 'pw'});
    const refused = await auth(server, delegate, 'POST', '/policies', {name: 'too-much', acl: ['confd.users.read', 'confd.lines.read']});
    const body = assertApiError(refused, 401, 'unauthorized');
    assert.equal(body.message, 'Unauthorized');
    assert.deepEqual(body.details, {invalid_token: delegate, required_access: 'confd.lines.read'});
    // Its own negative entry wins over its wildcard; a negative entry may always be granted.
    assert.equal((await auth(server, delegate, 'POST', '/policies', {name: 'n1', acl: ['confd.users.42.read']})).status, 401);
    const allowed = await auth(server, delegate, 'POST', '/policies', {name: 'enough', acl: ['confd.users.read', '!confd.lines.read']});
    assert.equal(allowed.status, 200, allowed.text);

    const full = (await auth(server, admin, 'POST', '/policies', {name: 'full', acl: ['#']})).json as Json;
    const delegateUuid = server.accounts[2]?.uuid ?? '';
    const attach = await auth(server, delegate, 'PUT', `/users/${delegateUuid}/policies/${String(full.uuid)}`);
    assert.deepEqual(assertApiError(attach, 401, 'unauthorized').details, {invalid_token: delegate, required_access: '#'});
    const remove = await auth(server, delegate, 'DELETE', `/policies/${String(full.uuid)}`);
    assert.deepEqual(assertApiError(remove, 401, 'unauthorized').details, {invalid_token: delegate, required_access: '#'});
    assert.equal((await auth(server, admin, 'GET', `/policies/${String(full.uuid)}`)).status, 200, 'the refused delete changed nothing');
  });

  test('delete answers 204; the policy is then unknown and no user holds it', async () => {
    const {user, policy} = await createAccount(server, admin, {username: 'temp', password: 'pw', acl: ['confd.users.read']});
    assert.equal((await auth(server, admin, 'DELETE', `/policies/${String(policy.uuid)}`)).status, 204);
    assertLegacy(await auth(server, admin, 'GET', `/policies/${String(policy.uuid)}`), 404, `No such policy {'uuid': '${String(policy.uuid)}'}`);
    const held = (await auth(server, admin, 'GET', `/users/${String(user.uuid)}/policies`)).json as {items: Json[]; total: number};
    assert.equal(held.total, 0);
    assert.deepEqual(tokenData(await tokenRequest(server, {username: 'temp', password: 'pw'})).acl, []);
  });

  test('a shared policy is seen read-only from a sub-tenant, and cannot be deleted there', async () => {
    const shared = (await auth(server, admin, 'POST', '/policies', {name: 'everyone', acl: ['confd.infos.read'], shared: true})).json as Json;
    assert.equal(shared.shared, true);
    const lab = {'wazo-tenant': DEMO_TENANT_UUIDS.acmeLab};
    const seen = (await auth(server, admin, 'GET', '/policies?search=everyone', undefined, lab)).json as {items: Json[]};
    assert.deepEqual(seen.items.map((policy) => [policy.tenant_uuid, policy.read_only, policy.shared]), [[DEMO_TENANT_UUIDS.acmeLab, true, false]]);
    const onlyReadOnly = (await auth(server, admin, 'GET', '/policies?read_only=true', undefined, lab)).json as {items: Json[]};
    assert.deepEqual(onlyReadOnly.items.map((policy) => policy.name), ['everyone']);
    assertLegacy(await auth(server, admin, 'DELETE', '/policies/everyone', undefined, lab), 403, `Forbidden policy deletion: "${String(shared.uuid)}"`);
    assertLegacy(await auth(server, admin, 'POST', '/policies', {name: 'everyone'}, lab), 409, 'Policy "everyone" already exists');
  });
});

describe('accounts created over the API log in with exactly their policies', () => {
  let server: DemoServer;
  let admin: string;
  before(async () => {
    server = await startDemoServer({users: 10, lines: 10});
    admin = await login(server);
  });
  after(() => server.close());

  const BROWSE = ['confd.users.read', 'confd.users.*.read', 'confd.infos.read', 'auth.users.me.tokens.*.delete'];

  test('create, attach, log in: the token holds the policy ACL and confd answers by it', async () => {
    const {user, policy} = await createAccount(server, admin, {username: 'browser', password: 's3cret', acl: BROWSE});
    const token = tokenData(await tokenRequest(server, {username: 'browser', password: 's3cret'}));
    assert.deepEqual(token.acl, BROWSE);
    assert.equal(token.auth_id, user.uuid);
    assert.equal((token.metadata as Json).purpose, 'external_api');
    assert.equal(token.xivo_user_uuid, null);
    const held = (await auth(server, admin, 'GET', `/users/${String(user.uuid)}/policies`)).json as {items: Json[]; total: number; filtered: number};
    assert.deepEqual([held.total, held.filtered, held.items.map((item) => item.uuid)], [1, 1, [policy.uuid]]);
    assert.equal((await confdGet(server, token.token as string, '/users')).status, 200);
    assert.equal((await confdGet(server, token.token as string, '/lines')).status, 401);
    assert.equal((await tokenRequest(server, {username: 'browser', password: 'wrong'})).status, 401);
    assert.equal((await tokenRequest(server, {username: 'BROWSER', password: 's3cret'})).status, 200, 'logins ignore case');
  });

  test('removing the policy changes what new tokens get; tokens already issued keep their ACL', async () => {
    const {user, policy} = await createAccount(server, admin, {username: 'shrinking', password: 'pw', acl: ['confd.users.read']});
    const before = tokenData(await tokenRequest(server, {username: 'shrinking', password: 'pw'}));
    const path = `/users/${String(user.uuid)}/policies/${String(policy.uuid)}`;
    assert.equal((await auth(server, admin, 'DELETE', path)).status, 204);
    assert.equal((await auth(server, admin, 'DELETE', path)).status, 204, 'a missing association is not an error');
    const afterRemoval = tokenData(await tokenRequest(server, {username: 'shrinking', password: 'pw'}));
    assert.deepEqual(afterRemoval.acl, []);
    assert.equal((await confdGet(server, afterRemoval.token as string, '/users')).status, 401);
    assert.equal((await confdGet(server, before.token as string, '/users')).status, 200);
    assert.equal((await auth(server, admin, 'PUT', path)).status, 204);
    assert.equal((await auth(server, admin, 'PUT', path)).status, 204, 'a repeated association is not an error');
    assert.deepEqual(tokenData(await tokenRequest(server, {username: 'shrinking', password: 'pw'})).acl, ['confd.users.read']);
    assertApiError(await auth(server, admin, 'PUT', `/users/${crypto.randomUUID()}/policies/${String(policy.uuid)}`), 404, 'unknown-user', 'users');
    assertLegacy(await auth(server, admin, 'PUT', `/users/${String(user.uuid)}/policies/no-such-slug`), 404, "No such policy {'slug': 'no-such-slug'}");
  });

  test('a deleted account cannot log in, by password or refresh token; its refresh tokens are gone', async () => {
    const {user} = await createAccount(server, admin, {username: 'doomed', password: 'pw', acl: ['confd.users.read']});
    const offline = tokenData(await tokenRequest(server, {username: 'doomed', password: 'pw'}, {access_type: 'offline', client_id: 'doomed-cli'}));
    assert.equal((await auth(server, admin, 'DELETE', `/users/${String(user.uuid)}`)).status, 204);
    assertLegacy(await tokenRequest(server, {username: 'doomed', password: 'pw'}), 401, 'Authentication Failed');
    assertLegacy(await tokenRequest(server, null, {refresh_token: offline.refresh_token, client_id: 'doomed-cli'}), 401, 'Authentication Failed');
    assert.equal((await auth(server, admin, 'GET', `/users/${String(user.uuid)}`)).status, 404);
    const tokens = (await auth(server, admin, 'GET', '/tokens?client_id=doomed-cli')).json as {filtered: number};
    assert.equal(tokens.filtered, 0);
    assert.equal((await auth(server, admin, 'POST', '/users', {username: 'doomed'})).status, 200, 'the name is free again');
  });

  test('a disabled account cannot log in; a confirmed email address is a login', async () => {
    await auth(server, admin, 'POST', '/users', {username: 'sleeper', password: 'pw', enabled: false});
    assertLegacy(await tokenRequest(server, {username: 'sleeper', password: 'pw'}), 401, 'Authentication Failed');
    await auth(server, admin, 'POST', '/users', {username: 'mailer', password: 'pw', email_address: 'mailer@example.com'});
    assert.equal((await tokenRequest(server, {username: 'Mailer@Example.com', password: 'pw'})).status, 200);
    await auth(server, admin, 'POST', '/users', {username: 'no-password'});
    assert.equal((await tokenRequest(server, {username: 'no-password', password: 'anything'})).status, 401);
  });
});
