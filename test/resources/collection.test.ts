import {afterEach, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {disposeOpened, expected, FakeConfd, flush, open, PAGE, people, waitUntil} from './fake-confd.js';

afterEach(disposeOpened);

describe('Collection paging', () => {
  test('pages are aligned to pageSize and the rows match the server', async () => {
    const server = new FakeConfd(people(200));
    const collection = open(server, {prefetch: false});
    collection.ensure(37, 20);
    assert.equal(collection.getSnapshot().status.kind, 'loading');
    await flush();
    assert.deepEqual(server.offsets(), [25, 50]);
    for (const request of server.requests) assert.equal(request.query.limit, PAGE);
    const snapshot = collection.getSnapshot();
    assert.equal(snapshot.status.kind, 'idle');
    assert.equal(snapshot.total, 200);
    assert.deepEqual(snapshot.rows(37, 20), expected(server, 37, 20));
    assert.equal(snapshot.rowAt(24), undefined, 'page 0 was never asked for');
    assert.deepEqual(snapshot.pages, [1, 2]);
  });

  test('the next page is prefetched only after the page in view has loaded', async () => {
    const server = new FakeConfd(people(200), {hold: true});
    const collection = open(server);
    collection.ensure(0, 10);
    await flush();
    assert.deepEqual(server.offsets(), [0], 'no prefetch while the current page is still coming');
    server.requests[0]?.release();
    await waitUntil(() => server.requests.length === 2, () => `offsets ${server.offsets()}`);
    assert.deepEqual(server.offsets(), [0, 25]);
    server.requests[1]?.release();
    await flush();
    // PgDn after a pause: the rows are already here, nothing is requested.
    collection.ensure(25, 10);
    const snapshot = collection.getSnapshot();
    assert.equal(snapshot.status.kind, 'idle');
    assert.deepEqual(snapshot.rows(25, 10), expected(server, 25, 10));
    assert.deepEqual(server.offsets(), [0, 25, 50], 'the page after the new view is prefetched in turn');
  });

  test('no prefetch past the last page, nor when disabled', async () => {
    const server = new FakeConfd(people(30));
    const collection = open(server);
    collection.ensure(25, 5);
    await flush();
    assert.deepEqual(server.offsets(), [25]);
    const quiet = new FakeConfd(people(200));
    open(quiet, {prefetch: false}).ensure(0, 10);
    await flush();
    assert.deepEqual(quiet.offsets(), [0]);
  });

  test('memory stays bounded: at most keepPages pages after walking 100 pages', async () => {
    const server = new FakeConfd(people(100 * PAGE));
    const collection = open(server, {keepPages: 5});
    let largest = 0;
    for (let page = 0; page < 100; page += 1) {
      collection.ensure(page * PAGE, 10);
      await flush(2);
      largest = Math.max(largest, collection.getSnapshot().pages.length);
      assert.ok(collection.getSnapshot().pages.length <= 5, `page ${page}: ${collection.getSnapshot().pages}`);
    }
    await flush();
    const snapshot = collection.getSnapshot();
    assert.equal(largest, 5, 'the cache did fill up to its bound');
    assert.deepEqual(snapshot.pages, [95, 96, 97, 98, 99], 'the pages kept are the ones nearest the view');
    assert.equal(snapshot.rowAt(0), undefined);
    assert.deepEqual(snapshot.rows(99 * PAGE, 10), expected(server, 99 * PAGE, 10));
  });

  test('a view spanning more pages than keepPages keeps them all', async () => {
    const server = new FakeConfd(people(100));
    const collection = open(server, {pageSize: 5, keepPages: 2, prefetch: false});
    collection.ensure(0, 20);
    await flush();
    assert.deepEqual(collection.getSnapshot().pages, [0, 1, 2, 3]);
    assert.deepEqual(collection.getSnapshot().rows(0, 20), server.answer({offset: 0, limit: 20}).items);
  });

  test('moving fast from page 3 to page 9 aborts the requests for pages 4..8 and never repeats one', async () => {
    const server = new FakeConfd(people(1000), {hold: true});
    const collection = open(server);
    collection.ensure(3 * PAGE, 20);
    server.requests[0]?.release();
    await waitUntil(() => server.requests.length === 2, () => `offsets ${server.offsets()}`);
    assert.deepEqual(server.offsets(), [75, 100], 'page 3, then the prefetch of page 4');
    for (let page = 4; page <= 9; page += 1) collection.ensure(page * PAGE, 20);
    assert.deepEqual(server.offsets(), [75, 100, 125, 150, 175, 200, 225], 'page 4 came from the prefetch, not a second request');
    assert.deepEqual(server.abortedOffsets(), [100, 125, 150, 175, 200]);
    assert.deepEqual(server.open().map((request) => request.query.offset), [225]);
    server.open()[0]?.release();
    await flush();
    assert.deepEqual(collection.getSnapshot().rows(225, 20), expected(server, 225, 20));
    assert.equal(collection.getSnapshot().status.kind, 'idle', 'the aborted requests raised no error');
  });

  test('the last page is fetched directly when the total is known', async () => {
    const server = new FakeConfd(people(1000));
    const collection = open(server);
    collection.ensure(0, 10);
    await flush();
    assert.deepEqual(server.offsets(), [0, 25]);
    collection.ensureLast(10);
    await flush();
    assert.deepEqual(server.offsets(), [0, 25, 975]);
    assert.equal(collection.getSnapshot().total, 1000, 'the last row is 999');
    assert.deepEqual(collection.getSnapshot().rows(990, 10), expected(server, 990, 10));
  });

  test('End with an unknown total fetches the first page, then the last, and nothing between', async () => {
    const server = new FakeConfd(people(1001));
    const collection = open(server);
    assert.equal(collection.getSnapshot().total, undefined);
    collection.ensureLast(10);
    await flush();
    assert.deepEqual(server.offsets(), [0, 975, 1000], 'rows 991..1000 sit on the last two pages');
    const snapshot = collection.getSnapshot();
    assert.equal(snapshot.total, 1001);
    assert.deepEqual(snapshot.rows(991, 10), expected(server, 991, 10));
    assert.ok(snapshot.pages.includes(40), 'row 1000 sits on page 40');
  });

  test('a window past the end is clamped to the total', async () => {
    const server = new FakeConfd(people(60));
    const collection = open(server, {prefetch: false});
    collection.ensure(0, 10);
    await flush();
    collection.ensure(500, 10);
    await flush();
    assert.deepEqual(server.offsets(), [0, 50], 'no request for pages beyond the total');
  });

  test('snapshots keep their identity until something changes', async () => {
    const server = new FakeConfd(people(100));
    const collection = open(server);
    let notified = 0;
    collection.subscribe(() => (notified += 1));
    collection.ensure(0, 10);
    await flush();
    const snapshot = collection.getSnapshot();
    const before = notified;
    collection.ensure(0, 10);
    collection.ensure(3, 10);
    assert.equal(collection.getSnapshot(), snapshot, 'moving inside loaded pages changes nothing');
    assert.equal(notified, before);
    assert.equal(server.requests.length, 2, 'page 0 and its prefetch only');
  });
});

describe('Collection query changes', () => {
  test('search restarts at offset 0, counts total after search, and bumps queryVersion', async () => {
    const server = new FakeConfd(people(400));
    const collection = open(server);
    collection.ensure(100, 10);
    await flush();
    collection.setSearch('emilie');
    await flush();
    const request = server.requests.find((entry) => entry.query.search === 'emilie');
    assert.equal(request?.query.offset, 0);
    const snapshot = collection.getSnapshot();
    assert.equal(snapshot.queryVersion, 1);
    assert.equal(snapshot.total, 50, 'one in eight people is an Émilie');
    assert.match(snapshot.rowAt(0)?.firstname ?? '', /^Émilie$/);
    assert.deepEqual(snapshot.rows(0, 10), expected(server, 0, 10, 'emilie'));
  });

  test('a late answer for an old search never replaces the new one', async () => {
    const server = new FakeConfd(people(400), {hold: true, rejectOnAbort: false});
    const collection = open(server, {prefetch: false});
    collection.ensure(0, 10);
    collection.setSearch('zoe');
    const [old, fresh] = server.requests;
    assert.equal(old?.signal.aborted, true);
    fresh?.release();
    await flush();
    const snapshot = collection.getSnapshot();
    assert.deepEqual(snapshot.rows(0, 10), expected(server, 0, 10, 'zoe'));
    old?.release();
    await flush();
    assert.equal(collection.getSnapshot(), snapshot, 'the old answer was dropped');
    assert.equal(snapshot.total, 50);
  });

  test('a late answer for an old sort order is dropped too', async () => {
    const server = new FakeConfd(people(100), {hold: true, rejectOnAbort: false});
    const collection = open(server, {prefetch: false});
    collection.ensure(0, 10);
    collection.setOrder('id', 'desc');
    assert.deepEqual(
      server.requests.map((entry) => [entry.query.order, entry.query.direction]),
      [['lastname', 'asc'], ['id', 'desc']],
    );
    server.requests[1]?.release();
    server.requests[0]?.release();
    await flush();
    assert.equal(collection.getSnapshot().rowAt(0)?.id, 100);
    assert.equal(collection.getSnapshot().direction, 'desc');
  });

  test('an empty result is a valid, settled state', async () => {
    const server = new FakeConfd(people(100));
    const collection = open(server);
    collection.setSearch('nobody-here');
    collection.ensure(0, 10);
    await flush();
    const snapshot = collection.getSnapshot();
    assert.equal(snapshot.total, 0);
    assert.equal(snapshot.status.kind, 'idle');
    assert.deepEqual(snapshot.rows(0, 3), [undefined, undefined, undefined]);
    collection.ensure(0, 10);
    await flush();
    assert.equal(server.requests.length, 1, 'an empty collection is not asked again and again');
  });

  test('toggleRecurse sends recurse=true and starts over', async () => {
    const server = new FakeConfd(people(100));
    const collection = open(server);
    collection.ensure(50, 10);
    await flush();
    collection.toggleRecurse();
    await flush();
    const last = server.requests.find((entry) => entry.query.recurse === true);
    assert.equal(last?.query.offset, 0);
    assert.equal(collection.getSnapshot().recurse, true);
  });

  test('setSearchDebounced makes one request for a burst of keystrokes', async (t) => {
    t.mock.timers.enable({apis: ['setTimeout']});
    const server = new FakeConfd(people(100));
    const collection = open(server, {prefetch: false});
    collection.ensure(0, 10);
    await flush();
    for (const text of ['e', 'em', 'emi', 'emil', 'emili']) {
      collection.setSearchDebounced(text);
      t.mock.timers.tick(150);
    }
    await flush();
    assert.deepEqual(server.requests.map((entry) => entry.query.search), [undefined], 'nothing sent while typing');
    t.mock.timers.tick(200);
    await flush();
    assert.deepEqual(server.requests.map((entry) => entry.query.search), [undefined, 'emili']);
    assert.equal(collection.getSnapshot().search, 'emili');
  });

  test('setSearch cancels a pending debounced search', async (t) => {
    t.mock.timers.enable({apis: ['setTimeout']});
    const server = new FakeConfd(people(100));
    const collection = open(server, {prefetch: false});
    collection.ensure(0, 10);
    collection.setSearchDebounced('zo');
    collection.setSearch('');
    t.mock.timers.tick(1000);
    await flush();
    assert.deepEqual(server.requests.map((entry) => entry.query.search), [undefined]);
  });
});
