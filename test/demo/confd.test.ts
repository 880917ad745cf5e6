import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {startDemoServer, DEMO_TENANT_UUIDS, type DemoServer} from '../../source/demo/server.js';
import {confdGet, demoRequest, login} from '../helpers/demo.js';

type Item = Record<string, unknown> & {id: number};
type Page = {total: number; items: Item[]};

/** The test's own accent/case folding, independent of the server's. */
const fold = (text: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ø/g, 'o').replace(/ß/g, 'ss').replace(/þ/g, 'th').replace(/ı/g, 'i');

describe('wazo-confd lists', () => {
  let server: DemoServer;
  let admin: string;
  let reader: string;
  const list = async (path: string, headers: Record<string, string> = {}, token = admin): Promise<Page> => {
    const response = await confdGet(server, token, path, headers);
    assert.equal(response.status, 200, `${path}: ${response.text}`);
    assert.deepEqual(Object.keys(response.json as object), ['total', 'items']);
    return response.json as Page;
  };

  before(async () => {
    server = await startDemoServer({
      users: 300,
      lines: 360,
      accounts: [{username: 'globex', password: 'pw', acl: ['confd.#', 'auth.tenants.read'], tenantUuid: DEMO_TENANT_UUIDS.globex}],
    });
    admin = await login(server);
    reader = await login(server, {username: 'reader', password: 'reader'});
  });
  after(() => server.close());

  test('no limit returns everything of the token tenant; total counts them', async () => {
    const page = await list('/users');
    assert.equal(page.total, page.items.length);
    assert.ok(page.total > 150);
    assert.ok(page.items.every((user) => user.tenant_uuid === DEMO_TENANT_UUIDS.acme));
  });

  test('paging walks the whole list with no gap and no duplicate, total unchanged', async () => {
    const all = await list('/users?recurse=true');
    const seen: number[] = [];
    for (let offset = 0; offset < all.total + 37; offset += 37) {
      const page = await list(`/users?recurse=true&limit=37&offset=${offset}`);
      assert.equal(page.total, all.total);
      assert.ok(page.items.length <= 37);
      seen.push(...page.items.map((user) => user.id));
    }
    assert.deepEqual(seen, all.items.map((user) => user.id));
    assert.equal(new Set(seen).size, seen.length);
    const beyond = await list(`/users?recurse=true&limit=10&offset=${all.total}`);
    assert.deepEqual([beyond.total, beyond.items.length], [all.total, 0]);
  });

  test('users are ordered by lastname by default: case- and accent-insensitive, empty last', async () => {
    const {items} = await list('/users');
    const lastnames = items.map((user) => (user.lastname as string | null) ?? '');
    const firstEmpty = lastnames.indexOf('');
    assert.ok(firstEmpty > 0, 'some users have an empty lastname');
    assert.ok(lastnames.slice(firstEmpty).every((name) => name === ''), 'empty lastnames come last');
    const keys = lastnames.slice(0, firstEmpty).map(fold);
    for (let index = 1; index < keys.length; index++) {
      assert.ok((keys[index - 1] ?? '') <= (keys[index] ?? ''), `${keys[index - 1]} before ${keys[index]}`);
    }
  });

  test('direction=desc is the exact reverse of asc; bad directions are refused', async () => {
    for (const order of ['lastname', 'firstname', 'email', 'id', 'exten']) {
      const asc = await list(`/users?order=${order}`);
      const desc = await list(`/users?order=${order}&direction=desc`);
      assert.deepEqual(desc.items.map((u) => u.id), asc.items.map((u) => u.id).reverse(), order);
    }
    const ids = (await list('/users?order=id')).items.map((user) => user.id);
    assert.deepEqual(ids, [...ids].sort((a, b) => a - b));
    const bad = await confdGet(server, admin, '/users?direction=up');
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.json, ["Input Error - direction: must be 'asc' or 'desc'"]);
  });

  test('an unknown order column is a 400 with confd message', async () => {
    const response = await confdGet(server, admin, '/users?order=shoe_size');
    assert.equal(response.status, 400);
    assert.deepEqual(response.json, ["Input Error - order: column 'shoe_size' was not found"]);
    assert.equal((await confdGet(server, admin, '/lines?order=lastname')).status, 400);
  });

  test('limit and offset are validated like confd', async () => {
    const zero = await confdGet(server, admin, '/users?limit=0');
    assert.equal(zero.status, 400);
    assert.deepEqual(zero.json, ["Input Error - field 'limit': wrong type. Should be a positive number"]);
    const negative = await confdGet(server, admin, '/users?limit=-1');
    assert.deepEqual(negative.json, [
      "Input Error - limit: [{'constraint_id': 'range', 'constraint': {'min': 0}, 'message': 'Must be greater than or equal to 0.'}]",
    ]);
    const text = await confdGet(server, admin, '/users?limit=ten&offset=-2');
    assert.equal(text.status, 400);
    assert.deepEqual(text.json, [
      "Input Error - limit: [{'message': 'Not a valid integer.', 'constraint_id': 'type', 'constraint': 'integer'}]",
      "Input Error - offset: [{'constraint_id': 'range', 'constraint': {'min': 0}, 'message': 'Must be greater than or equal to 0.'}]",
    ]);
    const recurse = await confdGet(server, admin, '/users?recurse=maybe');
    assert.equal(recurse.status, 400);
    assert.match((recurse.json as string[])[0] ?? '', /^Input Error - recurse: .*Not a valid boolean/);
  });

  test("search is an accent- and case-insensitive substring: 'emilie' finds Émilie", async () => {
    for (const term of ['emilie', 'EMILIE', 'Émilie', 'milie']) {
      const page = await list(`/users?search=${encodeURIComponent(term)}`);
      assert.ok(page.items.some((user) => user.firstname === 'Émilie'), term);
      assert.equal(page.total, page.items.length);
      for (const user of page.items) {
        const haystack = [`${user.firstname as string} ${user.lastname as string}`, user.email, user.username, user.caller_id, user.description]
          .filter((value) => typeof value === 'string')
          .map((value) => fold(value as string));
        assert.ok(haystack.some((value) => value.includes(fold(term))), `${term} in ${JSON.stringify(haystack)}`);
      }
    }
    const tremblay = await list('/users?search=tremblay');
    assert.ok(tremblay.items.some((user) => user.firstname === 'Émilie' && user.lastname === 'Tremblay'));
  });

  test('total is counted after search, before limit/offset', async () => {
    const all = await list('/users?search=e');
    const page = await list('/users?search=e&limit=5&offset=3');
    assert.equal(page.total, all.total);
    assert.deepEqual(page.items.map((u) => u.id), all.items.slice(3, 8).map((u) => u.id));
    const none = await list('/users?search=zzqqxx-nothing');
    assert.deepEqual(none, {total: 0, items: []});
  });

  test('search covers non-Latin scripts and the main extension', async () => {
    const japanese = await list('/users?search=%E5%B1%B1%E7%94%B0&recurse=true');
    assert.ok(japanese.items.every((user) => `${user.firstname as string} ${user.lastname as string}`.includes('山田')));
    const withExten = (await list('/users')).items.find((user) => (user.lines as Item[]).length > 0 && ((user.lines as Item[])[0]?.extensions as Item[]).length > 0);
    const exten = (((withExten?.lines as Item[])[0]?.extensions as Item[])[0]?.exten ?? '') as string;
    const found = await list(`/users?search=${exten}`);
    assert.ok(found.items.some((user) => user.id === withExten?.id));
  });

  test('any column is an exact-match filter; uuid takes a comma list', async () => {
    const emilies = await list('/users?firstname=%C3%89milie');
    assert.ok(emilies.total > 0);
    assert.ok(emilies.items.every((user) => user.firstname === 'Émilie'));
    assert.equal((await list('/users?firstname=emilie')).total, 0, 'exact filters are case- and accent-sensitive');
    assert.equal((await list('/users?id=abc')).total, 0);
    const disabled = await list('/users?enabled=false');
    assert.ok(disabled.items.every((user) => user.enabled === false));
    const first = emilies.items[0];
    const byId = await list(`/users?id=${first?.id ?? 0}`);
    assert.deepEqual(byId.items.map((u) => u.id), [first?.id]);
    const pair = (await list('/users?limit=2')).items.map((user) => user.uuid as string);
    const byUuids = await list(`/users?uuid=${pair.join(',')}`);
    assert.deepEqual(new Set(byUuids.items.map((user) => user.uuid)), new Set(pair));
    const extens = await list('/extensions?exten=1001&recurse=true');
    assert.ok(extens.total >= 2, 'each tenant has its own 1001');
    assert.ok(extens.items.every((extension) => extension.exten === '1001'));
    const users1001 = await list('/users?exten=1001');
    assert.ok(users1001.items.every((user) => ((user.lines as Item[])[0]?.extensions as Item[])[0]?.exten === '1001'));
    const incalls = await list('/extensions?type=incall');
    assert.ok(incalls.total > 0 && incalls.items.every((extension) => extension.type === 'incall'));
  });

  test('Wazo-Tenant scopes a list, recurse adds sub-tenants', async () => {
    const acme = await list('/users');
    const lab = await list('/users', {'wazo-tenant': DEMO_TENANT_UUIDS.acmeLab});
    const both = await list('/users?recurse=true');
    assert.ok(lab.total > 0);
    assert.ok(lab.items.every((user) => user.tenant_uuid === DEMO_TENANT_UUIDS.acmeLab));
    assert.equal(both.total, acme.total + lab.total);
    const labRecurse = await list('/users?recurse=true', {'wazo-tenant': DEMO_TENANT_UUIDS.acmeLab});
    assert.equal(labRecurse.total, lab.total);
  });

  test('a Wazo-Tenant outside the token subtree is a 401', async () => {
    const response = await confdGet(server, admin, '/users', {'wazo-tenant': DEMO_TENANT_UUIDS.globex});
    assert.equal(response.status, 401);
    assert.deepEqual(response.json, [`('${admin}', 'confd.users.read', '${DEMO_TENANT_UUIDS.globex}')`]);
  });

  test('the hostile user lives in Acme Lab, off the default first page', async () => {
    const firstPage = await list('/users?limit=50');
    assert.ok(firstPage.items.every((user) => !(user.firstname as string).includes('\u001b')));
    const lab = await list('/users?search=evil', {'wazo-tenant': DEMO_TENANT_UUIDS.acmeLab});
    const evil = lab.items.find((user) => (user.firstname as string).startsWith('Evil'));
    assert.equal(evil?.firstname, 'Evil\u001b[31mRed');
    assert.equal(evil?.lastname, '\u202Egnp.exe');
  });

  test('lines: default order by name, nulls last, protocols sip/sccp/custom/null', async () => {
    const {items, total} = await list('/lines?recurse=true');
    assert.ok(total > 200 && total < 360, 'Globex lines are not visible to an Acme token');
    const names = items.map((line) => line.name as string | null);
    const firstNull = names.indexOf(null);
    assert.ok(firstNull > 0 && names.slice(firstNull).every((name) => name === null));
    const protocols = new Set(items.map((line) => line.protocol));
    assert.deepEqual(protocols, new Set(['sip', 'sccp', 'custom', null]));
    const userCounts = new Set(items.map((line) => Math.min((line.users as Item[]).length, 2)));
    const extensionCounts = new Set(items.map((line) => Math.min((line.extensions as Item[]).length, 2)));
    assert.deepEqual(userCounts, new Set([0, 1, 2]));
    assert.deepEqual(extensionCounts, new Set([0, 1, 2]));
  });

  test('users have 0, 1 or several lines, embedded with their extensions and users', async () => {
    const {items} = await list('/users?recurse=true');
    const lineCounts = new Set(items.map((user) => Math.min((user.lines as Item[]).length, 2)));
    assert.deepEqual(lineCounts, new Set([0, 1, 2]));
    const withLine = items.find((user) => (user.lines as Item[]).length > 0);
    const line = (withLine?.lines as Item[])[0];
    assert.ok((line?.users as Array<{uuid: string}>).some((user) => user.uuid === withLine?.uuid));
  });

  test('extensions: default order by exten, with their lines', async () => {
    const {items} = await list('/extensions');
    const extens = items.map((extension) => extension.exten as string);
    assert.deepEqual(extens, [...extens].sort());
    const internal = items.find((extension) => extension.type === 'internal');
    assert.equal((internal?.lines as Item[]).length, 1);
  });

  test('links use the Host the request came to', async () => {
    const response = await confdGet(server, admin, '/users?limit=1', {host: `localhost:${server.port}`});
    const user = (response.json as Page).items[0];
    assert.deepEqual(user?.links, [{rel: 'users', href: `https://localhost:${server.port}/api/confd/1.1/users/${user?.id}`}]);
  });

  test('view=summary returns the summary shape', async () => {
    const {items} = await list('/users?view=summary&limit=3');
    assert.deepEqual(Object.keys(items[0] ?? {}), [
      'id', 'uuid', 'firstname', 'lastname', 'email', 'extension', 'context', 'provisioning_code', 'protocol', 'enabled',
      'subscription_type', 'is_webrtc',
    ]);
  });

  test('reader lacks the lines ACLs but can read users and extensions', async () => {
    assert.equal((await list('/users', {}, reader)).total > 0, true);
    assert.equal((await list('/extensions', {}, reader)).total > 0, true);
    const lines = await confdGet(server, reader, '/lines');
    assert.equal(lines.status, 401);
    assert.deepEqual(lines.json, [`('${reader}', 'confd.lines.read', None)`]);
    const line = await confdGet(server, reader, '/lines/5');
    assert.deepEqual(line.json, [`('${reader}', 'confd.lines.5.read', None)`]);
  });

  test('missing or unknown tokens get the invalid-token body', async () => {
    const missing = await confdGet(server, '', '/users');
    assert.equal(missing.status, 401);
    const unknown = await confdGet(server, "it's-not-a-token", '/users');
    assert.deepEqual(unknown.json, [`("it's-not-a-token", 'confd.users.read')`]);
  });

  test('a Globex token only sees Globex', async () => {
    const globex = await login(server, {username: 'globex', password: 'pw'});
    const page = await list('/users?recurse=true', {}, globex);
    assert.ok(page.total > 0 && page.items.every((user) => user.tenant_uuid === DEMO_TENANT_UUIDS.globex));
  });
});

describe('wazo-confd items', () => {
  let server: DemoServer;
  let admin: string;
  before(async () => {
    server = await startDemoServer({users: 200, lines: 240});
    admin = await login(server);
  });
  after(() => server.close());

  test('a user by id and by uuid, including in a sub-tenant', async () => {
    const lab = (await confdGet(server, admin, '/users?limit=1', {'wazo-tenant': DEMO_TENANT_UUIDS.acmeLab})).json as Page;
    const user = lab.items[0];
    assert.ok(user);
    const byId = await confdGet(server, admin, `/users/${user.id}`);
    assert.equal(byId.status, 200);
    assert.deepEqual(byId.json, user);
    const byUuid = await confdGet(server, admin, `/users/${user.uuid as string}`);
    assert.deepEqual(byUuid.json, user);
    const head = await demoRequest(server, {method: 'HEAD', path: `/api/confd/1.1/users/${user.id}`, headers: {'x-auth-token': admin}});
    assert.deepEqual([head.status, head.text], [200, '']);
    const headMissing = await demoRequest(server, {method: 'HEAD', path: '/api/confd/1.1/users/999999', headers: {'x-auth-token': admin}});
    assert.equal(headMissing.status, 404);
  });

  test('an item outside the visible tenants, or unknown, is confd 404', async () => {
    const missing = await confdGet(server, admin, '/users/999999');
    assert.equal(missing.status, 404);
    assert.deepEqual(missing.json, ["Resource Not Found - User was not found ('id': 999999)"]);
    assert.deepEqual((await confdGet(server, admin, '/lines/999999')).json, ["Resource Not Found - Line was not found ('id': 999999)"]);
    assert.deepEqual((await confdGet(server, admin, '/extensions/999999')).json, [
      "Resource Not Found - Extension was not found ('id': 999999)",
    ]);
    const everyone = (await confdGet(server, admin, '/users?recurse=true')).json as Page;
    const visible = new Set(everyone.items.map((user) => user.id));
    const hidden = Array.from({length: 200}, (_, index) => index + 1).find((id) => !visible.has(id));
    assert.ok(hidden, 'some users are in Globex');
    assert.equal((await confdGet(server, admin, `/users/${hidden}`)).status, 404);
  });

  test('lines and extensions by id; non-numeric ids are routing 404s', async () => {
    const line = await confdGet(server, admin, '/lines/1');
    assert.equal(line.status, 200);
    assert.equal((line.json as Item).id, 1);
    const extension = await confdGet(server, admin, '/extensions/1');
    assert.equal((extension.json as Item).id, 1);
    const word = await confdGet(server, admin, '/lines/abc');
    assert.equal(word.status, 404);
    assert.match((word.json as {message: string}).message, /requested URL was not found/);
  });

  test('/infos', async () => {
    const response = await confdGet(server, admin, '/infos');
    assert.equal(response.status, 200);
    const body = response.json as {uuid: string; wazo_version: string};
    assert.match(body.uuid, /^[0-9a-f-]{36}$/);
    assert.equal(typeof body.wazo_version, 'string');
  });
});
