/**
 * The demo server's real answers validate against wazo-auth's and wazo-confd's own specs
 * (shared/wazo-api). Skipped, with the reason, where that folder is absent.
 */
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {basicAuth, confdGet, demoRequest, login} from '../helpers/demo.js';
import {createSpecValidator, describeErrors, KNOWN_DISCREPANCIES, SPEC_SKIP, type SpecName, type SpecValidator} from './spec.js';

const skip = SPEC_SKIP ?? false;

describe('demo server answers match the Wazo specs', () => {
  let server: DemoServer;
  let token: string;
  let validator: SpecValidator;

  before(async () => {
    if (SPEC_SKIP) return;
    validator = createSpecValidator();
    server = await startDemoServer({users: 120, lines: 150});
    token = await login(server);
  });
  after(async () => {
    if (!SPEC_SKIP) await server.close();
  });

  const assertValid = (spec: SpecName, definition: string, value: unknown) => {
    const errors = validator.validate(spec, definition, value);
    assert.equal(errors.length, 0, `${definition}:\n${describeErrors(errors)}`);
  };

  test('token create (offline, with refresh_token, remote_addr, user_agent) is a Token', {skip}, async () => {
    const response = await demoRequest(server, {
      method: 'POST',
      path: '/api/auth/0.1/token',
      headers: {authorization: basicAuth('admin', 'secret')},
      body: {access_type: 'offline', client_id: 'contract', expiration: 600},
    });
    assert.equal(response.status, 200);
    assertValid('auth', 'Token', response.json);
    const item = await demoRequest(server, {path: `/api/auth/0.1/token/${token}`});
    assertValid('auth', 'Token', item.json);
  });

  test('token errors (401, 400, 404) are Errors', {skip}, async () => {
    const denied = await demoRequest(server, {method: 'POST', path: '/api/auth/0.1/token', headers: {authorization: basicAuth('admin', 'no')}, body: {}});
    assert.equal(denied.status, 401);
    assertValid('auth', 'Error', denied.json);
    const invalid = await demoRequest(server, {method: 'POST', path: '/api/auth/0.1/token', headers: {authorization: basicAuth('admin', 'secret')}, body: {expiration: 'x'}});
    assert.equal(invalid.status, 400);
    assertValid('auth', 'Error', invalid.json);
    const unknown = await demoRequest(server, {path: `/api/auth/0.1/token/${crypto.randomUUID()}`});
    assert.equal(unknown.status, 404);
    assertValid('auth', 'Error', unknown.json);
  });

  test('tenants list is a TenantList', {skip}, async () => {
    const response = await demoRequest(server, {path: '/api/auth/0.1/tenants', headers: {'x-auth-token': token}});
    assertValid('auth', 'TenantList', response.json);
  });

  test('users list and user item', {skip}, async () => {
    const list = await confdGet(server, token, '/users?recurse=true');
    assert.equal(list.status, 200);
    assertValid('confd', 'UserItems', list.json);
    const first = (list.json as {items: Array<{id: number}>}).items[0];
    const item = await confdGet(server, token, `/users/${first?.id ?? 0}`);
    assertValid('confd', 'User', item.json);
  });

  test('lines list and line item', {skip}, async () => {
    const list = await confdGet(server, token, '/lines?recurse=true');
    assertValid('confd', 'LineItems', list.json);
    const item = await confdGet(server, token, '/lines/1');
    assertValid('confd', 'LineView', item.json);
  });

  test('extensions list and item, infos', {skip}, async () => {
    assertValid('confd', 'ExtensionItems', (await confdGet(server, token, '/extensions?recurse=true')).json);
    assertValid('confd', 'Extension', (await confdGet(server, token, '/extensions/1')).json);
    assertValid('confd', 'Info', (await confdGet(server, token, '/infos')).json);
  });

  test('confd 404, 400 and 401 bodies are Errors (string lists)', {skip}, async () => {
    const notFound = await confdGet(server, token, '/users/999999');
    assert.equal(notFound.status, 404);
    assertValid('confd', 'Error', notFound.json);
    const badRequest = await confdGet(server, token, '/users?limit=0');
    assert.equal(badRequest.status, 400);
    assertValid('confd', 'Error', badRequest.json);
    const unauthorized = await confdGet(server, 'nope', '/users');
    assert.equal(unauthorized.status, 401);
    assertValid('confd', 'Error', unauthorized.json);
  });

  test('the validators do reject wrong shapes', {skip}, async () => {
    const user = (await confdGet(server, token, '/users/1')).json as Record<string, unknown>;
    assert.ok(validator.validate('confd', 'User', {...user, id: 'one'}).length > 0);
    assert.ok(validator.validate('confd', 'User', {...user, firstname: undefined}).length > 0, 'firstname is required');
    assert.ok(validator.validate('confd', 'UserItems', {items: []}).length > 0, 'total is required');
    assert.ok(validator.validate('auth', 'Token', {data: {acl: 'everything'}}).length > 0);
    assert.ok(validator.validate('confd', 'Error', {message: 'x'}).length > 0);
  });

  test('each known discrepancy is real: the unpatched spec rejects exactly there', {skip}, async () => {
    const strict = createSpecValidator({patched: false});
    const error = await demoRequest(server, {method: 'POST', path: '/api/auth/0.1/token', body: {}});
    const errorPaths = strict.validate('auth', 'Error', error.json).map((e) => e.instancePath);
    assert.ok(errorPaths.includes('/timestamp/0'), KNOWN_DISCREPANCIES[0]?.reason);
    const lines = (await confdGet(server, token, '/lines?recurse=true&protocol=sccp')).json;
    const linePaths = strict.validate('confd', 'LineItems', lines).map((e) => e.instancePath);
    assert.ok(linePaths.some((path) => path.endsWith('/protocol')), KNOWN_DISCREPANCIES[1]?.reason);
    // The other errors are only the enclosing `anyOf` (nullable) wrappers of those protocol fields.
    const protocolPaths = linePaths.filter((path) => path.endsWith('/protocol'));
    assert.ok(
      linePaths.every((path) => protocolPaths.some((protocol) => protocol.startsWith(path))),
      linePaths.join(', '),
    );
  });
});
