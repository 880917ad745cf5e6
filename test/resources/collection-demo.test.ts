import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {createClient} from '../../source/api/client.js';
import type {WazoClient} from '../../source/api/contract.js';
import type {User} from '../../source/api/schemas.js';
import {parseServer} from '../../source/api/target.js';
import {DEMO_TENANT_UUIDS, startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {Collection, type PageFetcher} from '../../source/resources/collection.js';
import {usersDescriptor} from '../../source/resources/users.js';
import {waitUntil} from './fake-confd.js';

const USERS = 1000;
const PAGE = 50;

describe('Collection over the real client and the demo server', () => {
  let server: DemoServer;
  let client: WazoClient;
  let token: string;

  before(async () => {
    server = await startDemoServer({
      users: USERS,
      lines: 1200,
      accounts: [{username: 'globex-admin', password: 'globex', acl: ['#'], tenantUuid: DEMO_TENANT_UUIDS.globex}],
    });
    client = createClient(parseServer(server.url), {
      pin: {hostPort: server.hostPort, pem: server.certPem, fingerprint256: server.fingerprint256, trustedAt: new Date().toISOString()},
    });
    token = (await client.auth.createToken({username: server.username, password: server.password, expiration: 600})).token;
  });

  after(async () => {
    client?.close();
    await server?.close();
  });

  /** Pages of users straight from the client, with a fixed token. */
  function fetchUsers(withToken: () => string): PageFetcher<User> {
    return (query, signal) => client.confd.list('users', query, {token: withToken(), signal});
  }

  function users(options: {recurse?: boolean; search?: string} = {}): Collection<User> {
    return new Collection(fetchUsers(() => token), {
      pageSize: PAGE,
      order: usersDescriptor.defaultOrder,
      ...options,
    });
  }

  async function loaded(collection: Collection<User>, offset: number): Promise<void> {
    await waitUntil(
      () => collection.getSnapshot().status.kind !== 'loading' && collection.getSnapshot().total !== undefined,
      () => `rows at ${offset} never arrived`,
      10_000,
    );
    const {status} = collection.getSnapshot();
    if (status.kind === 'error') throw status.error;
  }

  /** Walks a collection page by page as PgDn would, returning the ids in display order. */
  async function walk(collection: Collection<User>): Promise<number[]> {
    collection.ensure(0, PAGE);
    await loaded(collection, 0);
    const total = collection.getSnapshot().total ?? 0;
    const seen: number[] = [];
    for (let offset = 0; offset < total; offset += PAGE) {
      collection.ensure(offset, PAGE);
      await loaded(collection, offset);
      for (const row of collection.getSnapshot().rows(offset, Math.min(PAGE, total - offset))) {
        assert.ok(row, `row ${seen.length} missing`);
        seen.push(row.id ?? assert.fail(`row ${seen.length} has no id`));
      }
      assert.ok(collection.getSnapshot().pages.length <= 5, 'only pages near the view are kept');
    }
    return seen;
  }

  test('walking every page of the 1 000 users shows each user once, with no gap, in the server order', async () => {
    // The admin sees Acme and its sub-tenant (recurse); Globex stands apart and needs its own account.
    const globexToken = (await client.auth.createToken({username: 'globex-admin', password: 'globex', expiration: 600})).token;
    const acme = users({recurse: true});
    const globex = new Collection(fetchUsers(() => globexToken), {pageSize: PAGE, order: 'lastname'});
    try {
      const acmeIds = await walk(acme);
      const globexIds = await walk(globex);
      assert.ok(acmeIds.length > PAGE * 10 && globexIds.length > PAGE, `${acmeIds.length} + ${globexIds.length}`);
      const everyone = [...acmeIds, ...globexIds];
      assert.equal(everyone.length, USERS);
      assert.equal(new Set(everyone).size, USERS, 'no user listed twice');
      const whole = await client.confd.list('users', {order: 'lastname', recurse: true}, {token});
      assert.deepEqual(acmeIds, whole.items.map((user) => user.id), 'the pages join into the one-request order');
    } finally {
      acme.dispose();
      globex.dispose();
    }
  });

  test("searching 'emilie' finds an Émilie, ignoring accents and case", async () => {
    const collection = users();
    try {
      collection.ensure(0, 20);
      await loaded(collection, 0);
      const everyone = collection.getSnapshot().total ?? 0;
      collection.setSearch('emilie');
      collection.ensure(0, 20);
      await loaded(collection, 0);
      const snapshot = collection.getSnapshot();
      assert.ok((snapshot.total ?? 0) >= 1 && (snapshot.total ?? 0) < everyone, `total ${snapshot.total} of ${everyone}`);
      const names = snapshot.rows(0, Math.min(20, snapshot.total ?? 0)).map((user) => (user ? usersDescriptor.columns[0]?.value(user) : undefined));
      assert.ok(names.some((name) => typeof name === 'string' && name.startsWith('Émilie')), `names: ${names.join(', ')}`);
      const searched = server.requests.filter((request) => request.url.includes('search=emilie'));
      assert.match(searched[0]?.url ?? '(no search request)', /[?&]offset=0(&|$)/, 'a new search starts at the first row');
    } finally {
      collection.dispose();
    }
  });
});
