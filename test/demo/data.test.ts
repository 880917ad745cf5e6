import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {generateDemoData} from '../../source/demo/data.js';
import {buildCollections} from '../../source/demo/collections.js';
import {DEMO_TENANT_UUIDS} from '../../source/demo/tenants.js';
import {confdGet, login, withDemoServer} from '../helpers/demo.js';

const ALL_TENANTS = new Set(Object.values(DEMO_TENANT_UUIDS));

describe('generated data', () => {
  test('is identical for a seed and different for another one', () => {
    const strip = (data: ReturnType<typeof generateDemoData>) => JSON.stringify([data.xivoUuid, data.users, data.lines, data.extensions]);
    const first = generateDemoData({users: 200, lines: 240, seed: 7});
    assert.equal(strip(first), strip(generateDemoData({users: 200, lines: 240, seed: 7})));
    assert.notEqual(strip(first), strip(generateDemoData({users: 200, lines: 240, seed: 8})));
  });

  test('two servers with one seed serve the same users', async () => {
    const page = (seed: number) =>
      withDemoServer({users: 60, lines: 70, seed}, async (server) => {
        const response = await confdGet(server, await login(server), '/users?recurse=true');
        return response.text.replaceAll(`:${server.port}/`, ':PORT/');
      });
    const [first, second, other] = [await page(3), await page(3), await page(4)];
    assert.equal(first, second);
    assert.notEqual(first, other);
  });

  test('has the requested counts, tenants and the mandatory characters', () => {
    const data = generateDemoData({users: 500, lines: 600, seed: 1});
    assert.equal(data.users.length, 500);
    assert.equal(data.lines.length, 600);
    const perTenant = (uuid: string) => data.users.filter((user) => user.tenantUuid === uuid).length;
    assert.ok(perTenant(DEMO_TENANT_UUIDS.acme) > 300, 'most users are in Acme');
    assert.ok(perTenant(DEMO_TENANT_UUIDS.acmeLab) > 0 && perTenant(DEMO_TENANT_UUIDS.globex) > 0);
    assert.ok(data.users.some((user) => user.firstname === 'Émilie' && user.tenantUuid === DEMO_TENANT_UUIDS.acme));
    const scripts = [/\p{Script=Han}|\p{Script=Hiragana}/u, /\p{Script=Arabic}/u, /\p{Script=Greek}/u, /\p{Script=Cyrillic}/u];
    for (const script of scripts) assert.ok(data.users.some((user) => script.test(`${user.firstname} ${user.lastname ?? ''}`)), String(script));
    assert.ok(data.users.some((user) => user.firstname.length > 60 || (user.lastname ?? '').length > 60), 'very long values');
    assert.ok(data.users.some((user) => user.email === null));
    assert.ok(data.users.some((user) => user.lastname === ''));
    assert.ok(data.users.some((user) => user.description === null));
    const hostile = data.users.find((user) => user.firstname === 'Evil\u001b[31mRed');
    assert.equal(hostile?.lastname, '\u202Egnp.exe');
    assert.equal(hostile?.tenantUuid, DEMO_TENANT_UUIDS.acmeLab);
    assert.deepEqual(new Set(data.lines.map((line) => line.protocol)), new Set(['sip', 'sccp', 'custom', null]));
  });

  test('relations are consistent both ways and stay inside one tenant', () => {
    const data = generateDemoData({users: 300, lines: 400, seed: 2});
    for (const user of data.users) {
      for (const id of user.lineIds) {
        const line = data.linesById.get(id);
        assert.ok(line?.userIds.includes(user.id));
        assert.equal(line?.tenantUuid, user.tenantUuid);
      }
    }
    for (const line of data.lines) {
      for (const id of line.extensionIds) {
        const extension = data.extensionsById.get(id);
        assert.deepEqual(extension?.lineIds, [line.id]);
        assert.equal(extension?.context, line.context);
      }
    }
    const contexts = new Set(data.extensions.map((extension) => `${extension.tenantUuid} ${extension.exten} ${extension.context}`));
    assert.equal(contexts.size, data.extensions.length, 'exten@context is unique');
  });

  test('100 000 users build, list and search correctly', () => {
    const data = generateDemoData({users: 100_000, lines: 120_000, seed: 1});
    const collections = buildCollections(data);
    const page = collections.users.list(collections.users.parse(new URLSearchParams('limit=100&offset=50000')), ALL_TENANTS);
    assert.equal(page.total, 100_000);
    assert.equal(page.items.length, 100);
    const searched = collections.users.list(collections.users.parse(new URLSearchParams('search=emilie&limit=10')), ALL_TENANTS);
    assert.ok(searched.total > 100);
    assert.ok(searched.items.every((user) => `${user.firstname} ${user.lastname}`.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().includes('emilie')
      || (user.email ?? '').includes('emilie') || (user.username ?? '').includes('emilie')));
    const desc = collections.users.list(collections.users.parse(new URLSearchParams('order=firstname&direction=desc&limit=5')), ALL_TENANTS);
    assert.equal(desc.items.length, 5);
    const lines = collections.lines.list(collections.lines.parse(new URLSearchParams('search=sccp&limit=5')), ALL_TENANTS);
    assert.ok(lines.items.every((line) => line.protocol === 'sccp' || JSON.stringify(line).toLowerCase().includes('sccp')));
  });
});
