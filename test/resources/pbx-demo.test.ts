/**
 * Every collection of the registry over the real client and the demo server: its default order and
 * search are accepted, its first records open, and every relation a record lists opens too (so
 * following it with Enter never lands on a 404), both ways where confd names the way back.
 */
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {createClient} from '../../source/api/client.js';
import type {ConfdCollection, WazoClient} from '../../source/api/contract.js';
import {ApiError} from '../../source/api/errors.js';
import {parseServer} from '../../source/api/target.js';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {unavailableStatus} from '../../source/resources/error-status.js';
import {descriptorFor, resourceDescriptors} from '../../source/resources/registry.js';
import type {AnyResourceDescriptor, Relation} from '../../source/resources/types.js';

describe('every collection against the demo server', () => {
  let server: DemoServer;
  let client: WazoClient;
  let token: string;

  before(async () => {
    server = await startDemoServer({users: 120, lines: 150, seed: 7});
    client = createClient(parseServer(server.url), {
      pin: {hostPort: server.hostPort, pem: server.certPem, fingerprint256: server.fingerprint256, trustedAt: new Date().toISOString()},
    });
    token = (await client.auth.createToken({username: server.username, password: server.password, expiration: 600})).token;
  });

  after(async () => {
    client?.close();
    await server?.close();
  });

  const get = (collection: ConfdCollection, id: number | string) => client.confd.get(collection, id, {token});

  for (const descriptor of resourceDescriptors as readonly AnyResourceDescriptor[]) {
    test(`${descriptor.name}: lists in every sort column both ways, searches, opens records and follows their relations`, async () => {
      const page = await client.confd.list(descriptor.name, {limit: 5, order: descriptor.defaultOrder}, {token});
      assert.ok(page.total > 0, `the demo serves ${descriptor.name}`);
      for (const order of descriptor.sortColumns) {
        for (const direction of ['asc', 'desc'] as const) {
          await client.confd.list(descriptor.name, {limit: 1, order, direction}, {token});
        }
      }
      for (const column of descriptor.columns) {
        if (column.sortKey) assert.ok(descriptor.sortColumns.includes(column.sortKey), `${descriptor.name}: ${column.id} sorts by a column of sortColumns`);
      }
      const searched = await client.confd.list(descriptor.name, {limit: 5, search: 'zzzz-nothing-matches'}, {token});
      assert.equal(searched.total, 0);
      for (const item of page.items.slice(0, 3)) {
        const {id, uuid} = item as {id?: number | string | null; uuid?: string | null};
        const record = await get(descriptor.name, (id ?? uuid)!);
        assert.equal(descriptor.key(record as never), descriptor.key(item as never));
        for (const relation of descriptor.relations(record as never)) await follow(relation, descriptor.name);
      }
    });
  }

  async function follow(relation: Relation, from: string): Promise<void> {
    if (relation.filter) {
      // A filtered list (a context's extensions): confd answers only the matching rows.
      const {key, value} = relation.filter;
      const page = await client.confd.list(relation.collection, {limit: 1000, filters: {[key]: value}}, {token});
      assert.ok(page.total > 0, `${from} → ${relation.label} ${relation.title} lists rows`);
      for (const item of page.items) assert.equal((item as Record<string, unknown>)[key], value, `${from} → ${relation.label}: only ${key}=${value}`);
      return;
    }
    try {
      const related = await get(relation.collection, relation.id);
      assert.ok(descriptorFor(relation.collection).detail(related as never).length > 0);
    } catch (error) {
      assert.fail(`${from} → ${relation.label} ${relation.title} (${relation.collection}/${relation.id}): ${String(error)}`);
    }
  }

  /** The first record of `collection` whose relations include one to `target`, and that relation. */
  async function findRelated(collection: ConfdCollection, target: ConfdCollection): Promise<{record: unknown; relation: Relation}> {
    const descriptor = descriptorFor(collection) as AnyResourceDescriptor;
    const page = await client.confd.list(collection, {limit: 100}, {token});
    for (const item of page.items) {
      const relation = descriptor.relations(item as never).find((candidate) => candidate.collection === target);
      if (relation) return {record: item, relation};
    }
    assert.fail(`no ${collection} relates to ${target}`);
  }

  test('relations both ways: group → member user → group, trunk → outcall → trunk, line → device, user → voicemail → user', async () => {
    const pairs: Array<[ConfdCollection, ConfdCollection]> = [
      ['groups', 'users'],
      ['trunks', 'outcalls'],
      ['outcalls', 'trunks'],
      ['queues', 'agents'],
      ['agents', 'queues'],
      ['voicemails', 'users'],
      ['lines', 'sip-endpoints'],
      ['sip-endpoints', 'lines'],
    ];
    for (const [from, to] of pairs) {
      const {record, relation} = await findRelated(from, to);
      const back = await get(relation.collection, relation.id);
      const fromKey = descriptorFor(from).key(record as never);
      const returns = (descriptorFor(to) as AnyResourceDescriptor).relations(back as never).filter((candidate) => candidate.collection === from);
      const keys = await Promise.all(returns.map(async (candidate) => descriptorFor(from).key((await get(from, candidate.id)) as never)));
      assert.ok(keys.includes(fromKey), `${from} ${fromKey} → ${to} ${relation.id} leads back to it (${keys.join(', ')})`);
    }
    const {relation: device} = await findRelated('lines', 'devices');
    await follow(device, 'lines');
    for (const target of ['groups', 'queues', 'voicemails', 'agents', 'callpermissions', 'devices'] as const) {
      const {relation} = await findRelated('users', target);
      await follow(relation, 'users');
    }
  });

  test('an incall leads to its destination, whatever its type', async () => {
    const page = await client.confd.list('incalls', {limit: 1000}, {token});
    const types = new Set<string>();
    for (const incall of page.items) {
      for (const relation of descriptorFor('incalls').relations(incall)) {
        if (!relation.label.startsWith('Destination')) continue;
        types.add(relation.collection);
        await follow(relation, 'incalls');
      }
    }
    for (const collection of ['users', 'groups', 'queues', 'ivr', 'voicemails', 'conferences'] as const) assert.ok(types.has(collection), `an incall leads to ${collection}`);
  });

  test('a collection the token may not read is reported with the ACL it needs, not as an error', async () => {
    const reader = (await client.auth.createToken({username: 'reader', password: 'reader', expiration: 60})).token;
    const error = await client.confd.list('lines', {limit: 1}, {token: reader}).then(
      () => assert.fail('the reader may not list lines'),
      (caught: unknown) => caught,
    );
    assert.ok(error instanceof ApiError);
    const status = unavailableStatus(error, descriptorFor('lines'));
    assert.equal(status?.level, 'warn');
    assert.match(String(status?.text), /^confd\.lines\.read needed: this token may not read Lines$/);
    const missing = new ApiError('not-found', 'Not found (GET /callpickups)', {status: 404, request: 'GET /callpickups'});
    assert.match(String(unavailableStatus(missing, descriptorFor('callpickups'))?.text), /Call pickups: this server does not have them \(404 for GET \/callpickups\)/);
    assert.equal(unavailableStatus(new ApiError('server', 'boom'), descriptorFor('groups')), undefined);
  });
});
