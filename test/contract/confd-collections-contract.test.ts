/**
 * Every confd collection the demo serves beyond users, lines and extensions: its list and item
 * answers validate against confd.yml, and carry every property the spec's schema names (so a client
 * that follows `members.users`, `destination` or `trunks` finds them). Users' `view=summary` and
 * `view=directory` pages validate too, and a summary page of 100 users stays under 40 KB. Skipped,
 * with the reason, where ../shared/wazo-api is absent.
 */
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {confdGet, login} from '../helpers/demo.js';
import {SERVED, RUNTIME_NAMES} from './confd-paths.js';
import {definitionProperties} from './generate.js';
import {createSpecValidator, describeErrors, SPEC_SKIP, type SpecValidator} from './spec.js';

const skip = SPEC_SKIP ?? false;

type Item = Record<string, unknown>;

describe('demo server collections match confd.yml', () => {
  let server: DemoServer;
  let token: string;
  let validator: SpecValidator;

  before(async () => {
    if (SPEC_SKIP) return;
    validator = createSpecValidator();
    server = await startDemoServer({users: 300, lines: 360});
    token = await login(server);
  });
  after(async () => {
    if (!SPEC_SKIP) await server.close();
  });

  const assertValid = (definition: string, value: unknown, where: string) => {
    const errors = validator.validate('confd', definition, value);
    assert.equal(errors.length, 0, `${where} as ${definition}:\n${describeErrors(errors)}`);
  };

  for (const {path, list, item, key} of SERVED) {
    test(`${path}: list and item validate and name every property of ${item}`, {skip}, async () => {
      const response = await confdGet(server, token, `/${path}?recurse=true`);
      assert.equal(response.status, 200, response.text);
      const page = response.json as {total: number; items: Item[]};
      if (list) assertValid(list, page, `GET /${path}`);
      else {
        assert.equal(typeof page.total, 'number');
        for (const [index, entry] of page.items.entries()) assertValid(item, entry, `GET /${path} items[${index}]`);
      }
      assert.ok(page.items.length > 0, `${path} has records`);
      assert.equal(page.total, page.items.length);

      const names = [...definitionProperties(item).keys()].map((name) => RUNTIME_NAMES[item]?.[name] ?? name);
      for (const entry of page.items) {
        const missing = names.filter((name) => !(name in entry));
        assert.deepEqual(missing, [], `${path} item lacks spec properties`);
      }
      const first = page.items[0] as Item;
      const single = await confdGet(server, token, `/${path}/${String(first[key])}`);
      assert.equal(single.status, 200, single.text);
      assertValid(item, single.json, `GET /${path}/{${key}}`);
      assert.deepEqual(single.json, first, 'the item answer is the list entry');
    });
  }

  test('users: view=summary and view=directory pages are UserItems', {skip}, async () => {
    for (const view of ['summary', 'directory']) {
      const response = await confdGet(server, token, `/users?recurse=true&view=${view}&limit=100`);
      assertValid('UserItems', response.json, `users view=${view}`);
    }
  });

  test('users and extensions name their new relations as the spec does', {skip}, async () => {
    const users = (await confdGet(server, token, '/users?recurse=true')).json as {items: Item[]};
    assertValid('UserItems', users, 'GET /users');
    const userProperties = [...definitionProperties('User').keys()].filter((name) => name !== 'is_webrtc');
    for (const user of users.items) assert.deepEqual(userProperties.filter((name) => !(name in user)), [], `user ${String(user.id)}`);
    const extensions = (await confdGet(server, token, '/extensions?recurse=true')).json as {items: Item[]};
    assertValid('ExtensionItems', extensions, 'GET /extensions');
    const extensionProperties = [...definitionProperties('Extension').keys()];
    for (const extension of extensions.items) assert.deepEqual(extensionProperties.filter((name) => !(name in extension)), []);
  });

  test('each runtime name is a real discrepancy: the spec names the other one', {skip}, () => {
    for (const [definition, renames] of Object.entries(RUNTIME_NAMES)) {
      const properties = definitionProperties(definition);
      for (const [specName, runtimeName] of Object.entries(renames)) {
        assert.ok(properties.has(specName) && !properties.has(runtimeName), `${definition}.${specName} vs ${runtimeName}`);
      }
    }
  });

  test('404s of the new collections are confd Errors', {skip}, async () => {
    for (const {path, key} of SERVED) {
      const id = key === 'uuid' ? '00000000-0000-4000-8000-000000000000' : path === 'devices' ? 'nosuchdevice' : '999999';
      const response = await confdGet(server, token, `/${path}/${id}`);
      assert.equal(response.status, 404, `${path}: ${response.text}`);
      assertValid('Error', response.json, `404 of ${path}`);
    }
  });
});

describe('light pages', () => {
  test('a summary page of 100 users is at most 40 KB on the wire, the full one is several times that', {skip}, async () => {
    const server = await startDemoServer({users: 2000, lines: 2400});
    try {
      const token = await login(server);
      const summary = await confdGet(server, token, '/users?recurse=true&limit=100&view=summary');
      const full = await confdGet(server, token, '/users?recurse=true&limit=100');
      const bytes = (text: string) => Buffer.byteLength(text);
      assert.equal((summary.json as {items: unknown[]}).items.length, 100);
      assert.ok(bytes(summary.text) <= 40 * 1024, `summary page: ${bytes(summary.text)} B`);
      assert.ok(bytes(full.text) > 4 * bytes(summary.text), `full ${bytes(full.text)} B vs summary ${bytes(summary.text)} B`);
    } finally {
      await server.close();
    }
  });
});
