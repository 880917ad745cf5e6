import {afterEach, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {Collection} from '../../source/resources/collection.js';
import {disposeOpened, expected, FakeConfd, flush, open, PAGE, people, waitUntil, type Person} from './fake-confd.js';

afterEach(disposeOpened);

describe('Collection errors, refresh and dispose', () => {
  test('an error keeps the rows already shown, is not retried by itself, and refresh() recovers', async () => {
    const server = new FakeConfd(people(200));
    const collection = open(server, {prefetch: false});
    collection.ensure(0, 10);
    await flush();
    const failure = new Error('server down');
    server.failWith = failure;
    collection.ensure(20, 10);
    await flush();
    let snapshot = collection.getSnapshot();
    assert.deepEqual(snapshot.status, {kind: 'error', error: failure});
    assert.deepEqual(snapshot.rows(20, 5), expected(server, 20, 5), 'page 0 rows still shown');
    assert.equal(snapshot.rowAt(25), undefined);
    const asked = server.requests.length;
    collection.ensure(21, 10);
    await flush();
    assert.equal(server.requests.length, asked, 'no request storm against a failing server');
    server.failWith = undefined;
    collection.refresh();
    await flush();
    snapshot = collection.getSnapshot();
    assert.equal(snapshot.status.kind, 'idle');
    assert.deepEqual(snapshot.rows(21, 10), expected(server, 21, 10));
  });

  test('a failed prefetch does not block the page once it comes into view', async () => {
    const server = new FakeConfd(people(200), {hold: true});
    const collection = open(server);
    collection.ensure(0, 10);
    server.requests[0]?.release();
    await waitUntil(() => server.requests.length === 2, () => `offsets ${server.offsets()}`);
    server.requests[1]?.reject(new Error('flaky'));
    await flush();
    assert.equal(collection.getSnapshot().status.kind, 'idle', 'a prefetch failure is not shown');
    collection.ensure(25, 10);
    assert.deepEqual(server.offsets(), [0, 25, 25]);
    server.requests[2]?.release();
    await flush();
    assert.deepEqual(collection.getSnapshot().rows(25, 10), expected(server, 25, 10));
  });

  test('refresh keeps the old rows visible until fresh ones replace them', async () => {
    const server = new FakeConfd(people(100), {hold: true, rejectOnAbort: false});
    const collection = open(server, {prefetch: false});
    collection.ensure(0, 10);
    server.requests[0]?.release();
    await flush();
    const oldFirst = collection.getSnapshot().rowAt(0);
    server.rows = server.rows.map((row) => ({...row, firstname: `${row.firstname}!`}));
    collection.refresh();
    assert.equal(collection.getSnapshot().status.kind, 'loading');
    assert.equal(collection.getSnapshot().rowAt(0), oldFirst, 'still shown while reloading');
    assert.equal(collection.getSnapshot().queryVersion, 0, 'a refresh does not move the view');
    server.requests[1]?.release();
    await flush();
    assert.match(collection.getSnapshot().rowAt(0)?.firstname ?? '', /!$/);
  });

  test('a refresh that finds fewer rows forgets the pages past the new end', async () => {
    const server = new FakeConfd(people(100));
    const collection = open(server, {prefetch: false});
    collection.ensure(60, 30);
    await flush();
    assert.deepEqual(collection.getSnapshot().pages, [2, 3]);
    server.rows = server.rows.slice(0, 70);
    collection.refresh();
    await flush();
    assert.equal(collection.getSnapshot().total, 70);
    assert.deepEqual(collection.getSnapshot().pages, [2]);
  });

  test('dispose aborts pending requests and notifies nobody afterwards', async () => {
    const server = new FakeConfd(people(100), {hold: true, rejectOnAbort: false});
    const collection = open(server);
    let notified = 0;
    collection.subscribe(() => (notified += 1));
    collection.ensure(0, 10);
    const before = notified;
    collection.dispose();
    assert.equal(server.requests[0]?.signal.aborted, true);
    server.requests[0]?.release();
    await flush();
    collection.ensure(30, 10);
    assert.equal(notified, before);
    assert.equal(server.requests.length, 1);
  });

  test('a fetcher that throws synchronously becomes an error status', async () => {
    const failure = new TypeError('bad query');
    const collection = new Collection<Person>(() => {
      throw failure;
    }, {pageSize: PAGE, order: 'lastname'});
    try {
      collection.ensure(0, 10);
      await flush();
      assert.deepEqual(collection.getSnapshot().status, {kind: 'error', error: failure});
    } finally {
      collection.dispose();
    }
  });

  test('pageSize must be a positive integer', () => {
    const server = new FakeConfd([]);
    assert.throws(() => open(server, {pageSize: 0}), RangeError);
    assert.throws(() => open(server, {pageSize: 2.5}), RangeError);
  });
});
