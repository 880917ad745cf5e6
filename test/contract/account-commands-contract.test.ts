/**
 * The requests `account create|list|delete`, `token` and `revoke` send (recorded by the demo
 * server as they arrive) against `auth.yml`: each is a declared operation, with declared query
 * parameters (or a filter wazo-auth's list schemas keep, see UNDECLARED_FILTERS) and headers; the
 * bodies the client builds are valid `UserCreate` and `Policy`; and each GET answer, asked again,
 * is valid against the schema the spec gives for its status.
 */
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {readFileSync, rmSync} from 'node:fs';
import {parse} from 'yaml';
import {policyCreateBody, userCreateBody} from '../../source/api/accounts.js';
import {startDemoServer, type DemoServer, type RecordedRequest} from '../../source/demo/server.js';
import {browsePreset} from '../../source/resources/browse-acl.js';
import {login} from '../helpers/demo.js';
import {auth} from '../demo/auth-helpers.js';
import {runCli, tempDir} from '../commands/cli.js';
import {createSpecValidator, describeErrors, SPEC_DIR, SPEC_SKIP, type SpecValidator} from './spec.js';

const skip = SPEC_SKIP ?? false;
const AUTH = '/api/auth/0.1';

type Node = {[key: string]: unknown};
interface Parameter {
  name: string;
  in: string;
  type?: string;
}

/** Exact filters wazo-auth's `UserListSchema` keeps from its searchable columns, which auth.yml does not list. */
const UNDECLARED_FILTERS: Record<string, readonly string[]> = {'/users': ['purpose', 'username']};
/** Headers every request carries that are HTTP's, not the operation's. */
const TRANSPORT_HEADERS = new Set(['host', 'connection', 'user-agent', 'accept', 'accept-encoding', 'content-type', 'content-length', 'x-auth-token', 'authorization']);

describe('the account commands speak auth.yml', () => {
  let server: DemoServer;
  let validator: SpecValidator;
  let spec: Node;
  let root = '';
  const recorded: RecordedRequest[] = [];

  before(async () => {
    if (SPEC_SKIP) return;
    validator = createSpecValidator();
    spec = parse(readFileSync(`${SPEC_DIR}auth.yml`, 'utf8')) as Node;
    server = await startDemoServer({users: 10, lines: 10});
    root = tempDir();
    const configDir = tempDir(root);
    const cli = async (args: string[], input: string) => {
      const start = server.requests.length;
      const result = await runCli([...args, '--config-dir', configDir], {input});
      assert.ok(result.code === 0, `${args.join(' ')}: ${result.stderr}`);
      recorded.push(...server.requests.slice(start));
      return result;
    };
    await cli(['trust', server.hostPort, '--fingerprint', server.fingerprint256], '');
    const admin = ['-u', 'admin', '--password-stdin', '--tenant', server.tenants[0]?.uuid ?? ''];
    await cli(['account', 'create', 'contract-bot', server.hostPort, ...admin], 'secret\n');
    await cli(['account', 'list', server.hostPort, ...admin], 'secret\n');
    const token = (await cli(['token', server.hostPort, '-u', 'admin', '--password-stdin', '--expiration', '60'], 'secret\n')).stdout.trim();
    await cli(['revoke', token, server.hostPort], '');
    await cli(['account', 'delete', 'contract-bot', server.hostPort, ...admin], 'secret\n');
  });
  after(async () => {
    if (SPEC_SKIP) return;
    await server.close();
    rmSync(root, {recursive: true, force: true});
  });

  /** The spec's template and operation for a request path (below the auth prefix). */
  const operationOf = (method: string, path: string): {template: string; op: Node; parameters: Parameter[]} => {
    const paths = spec.paths as Node;
    // Literal segments win over `{…}` ones, as a router does (`/users/me/tokens` before `/users/{uuid}/…`).
    const templates = Object.keys(paths).sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0));
    const template = templates.find((candidate) => new RegExp(`^${candidate.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path));
    assert.ok(template, `${method} ${path} is no path of auth.yml`);
    const item = paths[template] as Node;
    const op = item[method.toLowerCase()] as Node | undefined;
    assert.ok(op, `auth.yml has no ${method} ${template}`);
    const resolve = (parameter: Node): Parameter => {
      const ref = parameter.$ref;
      return (typeof ref === 'string' ? (spec.parameters as Node)[ref.replace('#/parameters/', '')] : parameter) as Parameter;
    };
    const declared = [...((item.parameters as Node[] | undefined) ?? []), ...((op.parameters as Node[] | undefined) ?? [])];
    return {template, op, parameters: declared.map(resolve)};
  };

  test('every request is a declared operation with declared query parameters and headers', {skip}, () => {
    const seen = new Set<string>();
    for (const request of recorded) {
      const url = new URL(request.url, server.url);
      assert.ok(url.pathname.startsWith(`${AUTH}/`), `only wazo-auth is asked: ${request.url}`);
      const {template, parameters} = operationOf(request.method, url.pathname.slice(AUTH.length));
      seen.add(`${request.method} ${template}`);
      for (const [key, value] of url.searchParams) {
        const parameter = parameters.find((candidate) => candidate.in === 'query' && candidate.name === key);
        if (!parameter) {
          assert.ok(UNDECLARED_FILTERS[template]?.includes(key), `${request.method} ${template} declares no query parameter ${key}`);
          continue;
        }
        if (parameter.type === 'integer') assert.match(value, /^\d+$/, `${key} is an integer`);
        if (parameter.type === 'boolean') assert.match(value, /^(true|false)$/, `${key} is a boolean`);
      }
      for (const name of Object.keys(request.headers)) {
        if (TRANSPORT_HEADERS.has(name)) continue;
        assert.ok(parameters.some((candidate) => candidate.in === 'header' && candidate.name.toLowerCase() === name), `${template} declares no header ${name}`);
      }
    }
    for (const expected of [
      'POST /token',
      'GET /users',
      'POST /users',
      'GET /policies',
      'POST /policies',
      'PUT /users/{user_uuid}/policies/{policy_uuid}',
      'GET /users/{user_uuid}/policies',
      'DELETE /users/{user_uuid}',
      'DELETE /policies/{policy_uuid}',
      'HEAD /token/{token}',
      'DELETE /token/{token}',
    ]) {
      assert.ok(seen.has(expected), `the commands sent ${expected}`);
    }
  });

  test('the bodies the client builds are a UserCreate and a Policy', {skip}, () => {
    for (const [definition, body] of [
      ['UserCreate', userCreateBody({username: 'bot', password: 'pw', firstname: 'Bot'})],
      ['Policy', policyCreateBody({name: 'bot', acl: browsePreset(), description: 'wazo-tui account bot (browse)'})],
    ] as const) {
      const errors = validator.validate('auth', definition, body);
      assert.equal(errors.length, 0, `${definition}: ${describeErrors(errors)}`);
    }
  });

  test('each GET answer, asked again, is what auth.yml documents for its status', {skip}, async () => {
    const token = await login(server);
    const gets = recorded.filter((request) => request.method === 'GET');
    assert.ok(gets.length >= 4);
    for (const request of gets) {
      const url = new URL(request.url, server.url);
      const {template, op} = operationOf('GET', url.pathname.slice(AUTH.length));
      const answer = await auth(server, token, 'GET', `${url.pathname.slice(AUTH.length)}${url.search}`);
      const documented = (op.responses as Node)[String(answer.status)] as {schema?: {$ref?: string}} | undefined;
      const definition = documented?.schema?.$ref?.replace('#/definitions/', '');
      assert.ok(definition, `GET ${template} ${answer.status} documents a schema`);
      const errors = validator.validate('auth', definition, answer.json);
      assert.equal(errors.length, 0, `GET ${template} ${answer.status} is not a ${definition}: ${describeErrors(errors)}`);
    }
  });
});
