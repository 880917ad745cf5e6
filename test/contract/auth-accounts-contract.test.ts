/**
 * The wazo-auth account endpoints of the demo server (users, policies, user policies, sessions,
 * refresh tokens) against `auth.yml`: every request below is checked against the operation's
 * declared parameters and body schema before it is sent, and every answer against the schema the
 * spec gives for its status. Where wazo-auth's source and the spec disagree, the rule or exception
 * is listed here with its reason, and a test proves the spec really rejects that body.
 */
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {parse} from 'yaml';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {login, type DemoHttpResponse} from '../helpers/demo.js';
import {auth, tokenData, tokenRequest, type Json} from '../demo/auth-helpers.js';
import {createSpecValidator, describeErrors, SPEC_DIR, SPEC_SKIP, type SpecValidator} from './spec.js';

const skip = SPEC_SKIP ?? false;

type Node = {[key: string]: unknown};
interface Parameter {
  name: string;
  in: string;
  type?: string;
  enum?: string[];
  schema?: {$ref?: string};
  required?: boolean;
}

/**
 * Query keys the spec does not declare but wazo-auth reads: each list schema keeps its
 * `searchable_columns` as exact filters (`wazo_auth/schemas.py` UserListSchema,
 * `plugins/http/tokens/schemas.py` RefreshTokenListSchema).
 */
const UNDECLARED_FILTERS: Record<string, readonly string[]> = {
  '/users': ['purpose', 'username', 'uuid', 'firstname', 'lastname', 'email_address'],
  '/users/{user_uuid_or_me}/tokens': ['client_id', 'mobile', 'created_at'],
  '/tokens': ['client_id', 'mobile', 'created_at'],
};

/**
 * Answers the spec does not document for that status, and the schema they follow: conflicts raised
 * by `UserService.new_user` (409) and the policy schema's `InvalidInputException` (legacy 400).
 */
const UNDOCUMENTED: Record<string, string> = {
  'POST /users 409': 'APIError',
  'POST /policies 400': 'Error',
};

/**
 * The verifier's 401 and `unknown-user` 404 are xivo APIExceptions on every route, whatever schema
 * the spec names (often the legacy `Error`, whose timestamp is a list): NOTES §3.
 */
const isApiException = (body: unknown): boolean => typeof body === 'object' && body !== null && 'error_id' in body;

/** `invalid-list-param` carries marshmallow's error dict as its message, where APIError says string. */
const LIST_PARAM_MESSAGE_IS_A_DICT = 'InvalidListParamException(e.messages): message is a dict of field errors';

describe('wazo-auth account endpoints match auth.yml, requests and answers', () => {
  let server: DemoServer;
  let validator: SpecValidator;
  let spec: Node;
  let admin: string;

  before(async () => {
    if (SPEC_SKIP) return;
    validator = createSpecValidator();
    spec = parse(readFileSync(`${SPEC_DIR}auth.yml`, 'utf8')) as Node;
    server = await startDemoServer({users: 10, lines: 10});
    admin = await login(server);
  });
  after(async () => {
    if (!SPEC_SKIP) await server.close();
  });

  const operation = (method: string, template: string): {op: Node; parameters: Parameter[]} => {
    const pathItem = (spec.paths as Node)[template] as Node | undefined;
    const op = pathItem?.[method.toLowerCase()] as Node | undefined;
    assert.ok(pathItem && op, `auth.yml has no ${method} ${template}`);
    const resolve = (parameter: Node): Parameter => {
      const ref = parameter.$ref;
      return (typeof ref === 'string' ? (spec.parameters as Node)[ref.replace('#/parameters/', '')] : parameter) as Parameter;
    };
    const declared = [...((pathItem.parameters as Node[] | undefined) ?? []), ...((op.parameters as Node[] | undefined) ?? [])];
    return {op, parameters: declared.map(resolve)};
  };

  const definitionOf = (schema: unknown): string => {
    const ref = (schema as {$ref?: string} | undefined)?.$ref;
    assert.ok(typeof ref === 'string', `no $ref schema: ${JSON.stringify(schema)}`);
    return ref.replace('#/definitions/', '');
  };

  const assertValid = (definition: string, value: unknown, what: string) => {
    const errors = validator.validate('auth', definition, value);
    assert.equal(errors.length, 0, `${what} is not a ${definition}:\n${describeErrors(errors)}\n${JSON.stringify(value)}`);
  };

  /** Check a request against the operation, send it, check the answer; returns it. */
  const exchange = async (
    method: string,
    template: string,
    path: string,
    options: {query?: Record<string, string>; body?: object; token?: string | null; headers?: Record<string, string>} = {},
  ): Promise<DemoHttpResponse> => {
    const {op, parameters} = operation(method, template);
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`);
    assert.match(path, pattern, `${path} does not fill ${template}`);
    for (const [key, value] of Object.entries(options.query ?? {})) {
      const parameter = parameters.find((candidate) => candidate.in === 'query' && candidate.name === key);
      if (!parameter) {
        assert.ok(UNDECLARED_FILTERS[template]?.includes(key), `${method} ${template} declares no query parameter ${key}`);
        continue;
      }
      if (parameter.type === 'integer') assert.match(value, /^\d+$/, `${key} must be an integer`);
      if (parameter.type === 'boolean') assert.match(value, /^(true|false)$/, `${key} must be a boolean`);
      if (parameter.enum) assert.ok(parameter.enum.includes(value), `${key} must be one of ${parameter.enum.join(', ')}`);
    }
    for (const name of Object.keys(options.headers ?? {})) {
      assert.ok(parameters.some((candidate) => candidate.in === 'header' && candidate.name.toLowerCase() === name), `${template} declares no header ${name}`);
    }
    const bodyParameter = parameters.find((candidate) => candidate.in === 'body');
    if (options.body !== undefined) {
      assert.ok(bodyParameter, `${method} ${template} takes no body`);
      assertValid(definitionOf(bodyParameter.schema), options.body, `the ${method} ${template} request body`);
    } else assert.ok(!bodyParameter?.required, `${method} ${template} requires a body`);

    const query = new URLSearchParams(options.query).toString();
    const response = await auth(server, options.token === undefined ? admin : options.token, method, query ? `${path}?${query}` : path, options.body, options.headers);
    const key = `${method} ${template} ${response.status}`;
    const documented = (op.responses as Node)[String(response.status)] as Node | undefined;
    const definition = documented ? (documented.schema === undefined ? null : definitionOf(documented.schema)) : UNDOCUMENTED[key];
    assert.ok(definition !== undefined, `${key} is not in auth.yml: ${response.text}`);
    if (definition === null) assert.equal(response.text, '', `${key} documents no body`);
    else if (isApiException(response.json) && definition === 'Error') assertValid('APIError', response.json, key);
    else if ((response.json as Json | undefined)?.error_id === 'invalid-list-param') {
      const {message, ...rest} = response.json as Json;
      assert.equal(typeof message, 'object', LIST_PARAM_MESSAGE_IS_A_DICT);
      assertValid(definition, rest, key);
    } else assertValid(definition, response.json, key);
    return response;
  };

  test('users: create, duplicate, invalid, list, get, unknown', {skip}, async () => {
    const body = {
      username: 'contract-api',
      password: 'pw',
      purpose: 'external_api',
      firstname: 'Contract',
      lastname: 'Api',
      enabled: true,
      email_address: 'contract@example.com',
    };
    const created = await exchange('POST', '/users', '/users', {body});
    assert.equal(created.status, 200);
    assert.equal((await exchange('POST', '/users', '/users', {body})).status, 409);
    assert.equal((await exchange('POST', '/users', '/users', {body: {username: 'x', email_address: 'not-an-email'}})).status, 400);
    const query = {purpose: 'external_api', recurse: 'true', order: 'username', direction: 'asc', limit: '10', offset: '0', search: 'contract'};
    assert.equal((await exchange('GET', '/users', '/users', {query})).status, 200);
    const uuid = String((created.json as Json).uuid);
    assert.equal((await exchange('GET', '/users/{user_uuid}', `/users/${uuid}`)).status, 200);
    assert.equal((await exchange('GET', '/users/{user_uuid}', `/users/${crypto.randomUUID()}`)).status, 404);
    const reader = await login(server, {username: 'reader', password: 'reader'});
    assert.equal((await exchange('GET', '/users/{user_uuid}', `/users/${uuid}`, {token: reader})).status, 401);
  });

  test('policies and user policies: create, duplicate, refused, list, get, attach, detach, delete', {skip}, async () => {
    const user = String(((await exchange('POST', '/users', '/users', {body: {username: 'holder', password: 'pw', purpose: 'external_api'}})).json as Json).uuid);
    const body = {name: 'contract-browse', slug: 'contract-browse', description: 'browse', acl: ['confd.users.read'], shared: false};
    const created = await exchange('POST', '/policies', '/policies', {body});
    assert.equal(created.status, 200);
    const policy = String((created.json as Json).uuid);
    assert.equal((await exchange('POST', '/policies', '/policies', {body})).status, 409);
    assert.equal((await exchange('POST', '/policies', '/policies', {body: {name: ''}})).status, 400);
    const holderToken = tokenData(await tokenRequest(server, {username: 'holder', password: 'pw'})).token as string;
    assert.equal((await exchange('POST', '/policies', '/policies', {body: {name: 'sneaky', acl: ['#']}, token: holderToken})).status, 401);
    assert.equal((await exchange('GET', '/policies', '/policies', {query: {search: 'contract', order: 'name', direction: 'desc', limit: '5', offset: '0', recurse: 'false'}})).status, 200);
    assert.equal((await exchange('GET', '/policies/{policy_uuid}', `/policies/${policy}`)).status, 200);
    assert.equal((await exchange('GET', '/policies/{policy_uuid}', `/policies/${crypto.randomUUID()}`)).status, 404);
    assert.equal((await exchange('PUT', '/users/{user_uuid}/policies/{policy_uuid}', `/users/${user}/policies/${policy}`)).status, 204);
    assert.equal((await exchange('PUT', '/users/{user_uuid}/policies/{policy_uuid}', `/users/${crypto.randomUUID()}/policies/${policy}`)).status, 404);
    assert.equal((await exchange('PUT', '/users/{user_uuid}/policies/{policy_uuid}', `/users/${user}/policies/${crypto.randomUUID()}`)).status, 404);
    assert.equal((await exchange('GET', '/users/{user_uuid}/policies', `/users/${user}/policies`, {query: {order: 'name', limit: '5'}})).status, 200);
    assert.equal((await exchange('DELETE', '/users/{user_uuid}/policies/{policy_uuid}', `/users/${user}/policies/${policy}`)).status, 204);
    assert.equal((await exchange('DELETE', '/policies/{policy_uuid}', `/policies/${policy}`)).status, 204);
    assert.equal((await exchange('DELETE', '/policies/{policy_uuid}', `/policies/${policy}`)).status, 404);
    assert.equal((await exchange('DELETE', '/users/{user_uuid}', `/users/${user}`)).status, 204);
    assert.equal((await exchange('DELETE', '/users/{user_uuid}', `/users/${user}`)).status, 404);
  });

  test('sessions and refresh tokens: list, delete, and the 404 of a deleted refresh token', {skip}, async () => {
    const offline = tokenData(await tokenRequest(server, {username: 'admin', password: 'secret'}, {access_type: 'offline', client_id: 'contract-tui'}));
    const me = String(offline.auth_id);
    const other = tokenData(await tokenRequest(server, {username: 'admin', password: 'secret'}));
    assert.equal((await exchange('GET', '/users/{user_uuid}/sessions', `/users/${me}/sessions`, {query: {limit: '10', offset: '0'}})).status, 200);
    assert.equal((await exchange('GET', '/sessions', '/sessions', {query: {recurse: 'true', limit: '10', offset: '0'}})).status, 200);
    const tokensQuery = {order: 'created_at', direction: 'asc', limit: '10', offset: '0', search: 'contract'};
    assert.equal((await exchange('GET', '/users/{user_uuid_or_me}/tokens', '/users/me/tokens', {query: tokensQuery})).status, 200);
    assert.equal((await exchange('GET', '/users/{user_uuid_or_me}/tokens', `/users/${me}/tokens`, {query: {client_id: 'contract-tui'}})).status, 200);
    assert.equal((await exchange('GET', '/tokens', '/tokens', {query: {recurse: 'true', ...tokensQuery}})).status, 200);
    assert.equal((await exchange('GET', '/tokens', '/tokens', {query: {recurse: 'false'}, headers: {'wazo-tenant': server.tenants[0]?.uuid ?? ''}})).status, 200);
    const path = '/users/{user_uuid_or_me}/tokens/{client_id}';
    assert.equal((await exchange('DELETE', path, '/users/me/tokens/contract-tui', {token: offline.token as string})).status, 204);
    assert.equal((await exchange('DELETE', path, '/users/me/tokens/contract-tui', {token: offline.token as string})).status, 404);
    assert.equal((await exchange('DELETE', '/users/{user_uuid}/sessions/{session_uuid}', `/users/${me}/sessions/${String(other.session_uuid)}`)).status, 204);
    assert.equal((await exchange('DELETE', '/sessions/{session_uuid}', `/sessions/${String(offline.session_uuid)}`)).status, 204);
  });

  test('each exception to the spec is real: the spec rejects exactly those bodies', {skip}, async () => {
    const reader = await login(server, {username: 'reader', password: 'reader'});
    const denied = await auth(server, reader, 'GET', `/users/${crypto.randomUUID()}`);
    const paths = validator.validate('auth', 'Error', denied.json).map((error) => error.instancePath);
    assert.ok(paths.includes('/timestamp'), 'an APIException is not a legacy Error: its timestamp is a number');
    const badList = await auth(server, admin, 'GET', '/tokens?limit=x');
    assert.equal(badList.status, 400);
    const listPaths = validator.validate('auth', 'APIError', badList.json).map((error) => error.instancePath);
    assert.ok(listPaths.includes('/message'), LIST_PARAM_MESSAGE_IS_A_DICT);
    const conflict = await auth(server, admin, 'POST', '/users', {username: 'admin'});
    assert.equal(conflict.status, 409);
    assert.equal(((spec.paths as Node)['/users'] as {post: {responses: Node}}).post.responses['409'], undefined, 'POST /users documents no 409');
  });
});
