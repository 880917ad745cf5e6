/**
 * The wazo-auth account endpoints of the client against the demo server: typed answers, the
 * taxonomy for a duplicate, an unknown user and a missing ACL, and no password or token in any
 * message.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {createClient} from '../../source/api/client.js';
import type {AuthedOptions, WazoClient} from '../../source/api/contract.js';
import {isApiError, type ApiError} from '../../source/api/errors.js';
import {parseServer} from '../../source/api/target.js';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';

let server: DemoServer;
let client: WazoClient;
let admin: AuthedOptions;
const PASSWORD = 'n3w-account-päss';

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => assert.fail('expected an ApiError'),
    (caught: unknown) => caught,
  );
  assert.ok(isApiError(error), String(error));
  for (const secret of [PASSWORD, admin.token]) assert.ok(!`${error.message} ${error.hint ?? ''} ${error.serverMessage ?? ''}`.includes(secret), error.message);
  return error;
}

before(async () => {
  server = await startDemoServer({users: 10, lines: 10});
  client = createClient(parseServer(server.hostPort), {
    pin: {hostPort: server.hostPort, pem: server.certPem, fingerprint256: server.fingerprint256, trustedAt: new Date().toISOString()},
  });
  admin = {token: (await client.auth.createToken({username: server.username, password: server.password, expiration: 600})).token};
});
after(async () => {
  client.close();
  await server.close();
});

describe('account endpoints', () => {
  it('create a user and a policy, attach, read them back, delete', async () => {
    const user = await client.accounts.createUser({username: 'api-one', password: PASSWORD}, admin);
    assert.equal(user.purpose, 'external_api');
    const policy = await client.accounts.createPolicy({name: 'api-one', acl: ['confd.users.read'], description: 'test'}, admin);
    assert.deepEqual(policy.acl, ['confd.users.read']);
    await client.accounts.attachPolicy(user.uuid, policy.uuid, admin);
    const held = await client.accounts.userPolicies(user.uuid, admin);
    assert.deepEqual(held.items.map((item) => item.name), ['api-one']);
    const found = await client.accounts.listUsers({filters: {purpose: 'external_api', username: 'api-one'}, recurse: true}, admin);
    assert.equal(found.total, 1);
    assert.equal((await client.accounts.getUser(user.uuid, admin)).username, 'api-one');
    await client.accounts.deleteUser(user.uuid, admin);
    await client.accounts.deletePolicy(policy.uuid, admin);
    assert.equal((await failure(client.accounts.getUser(user.uuid, admin))).kind, 'not-found');
  });

  it('a taken username is a refusal that says so; a reader lacks auth.users.read and is told', async () => {
    const taken = await failure(client.accounts.createUser({username: 'reader', password: PASSWORD}, admin));
    assert.equal(taken.status, 409);
    assert.match(taken.message, /wazo-auth refused POST \/users \(409\)/);
    const reader = {token: (await client.auth.createToken({username: 'reader', password: 'reader', expiration: 60})).token};
    const denied = await failure(client.accounts.listUsers({}, reader));
    assert.equal(denied.requiredAcl, 'auth.users.read');
  });

  it('sessions and refresh tokens: list, delete one session, delete a refresh token', async () => {
    const offline = await client.auth.createToken({username: server.username, password: server.password, expiration: 60, accessType: 'offline', clientId: 'api-test'});
    const me = offline.auth_id;
    const mine = await client.accounts.userSessions(me, {}, admin);
    assert.ok(mine.items.some((session) => session.uuid === offline.session_uuid));
    const refresh = await client.accounts.refreshTokens('me', {}, {token: offline.token});
    assert.deepEqual(refresh.items.map((item) => item.client_id), ['api-test']);
    assert.ok((await client.accounts.listSessions({}, admin)).items.length >= 2);
    await client.accounts.deleteSession(String(offline.session_uuid), admin, me);
    assert.equal(await client.auth.checkToken(offline.token), false);
    await client.accounts.deleteUserRefreshToken('me', 'api-test', admin);
    assert.equal((await failure(client.accounts.deleteUserRefreshToken('me', 'api-test', admin))).kind, 'not-found');
  });
});
