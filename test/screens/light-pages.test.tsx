/**
 * Light pages: the tables ask confd for the lightest form of each collection (`view=summary` for
 * users) and the detail view fetches the full record, over the real demo server at 80×24.
 */
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {startDemoServer, type DemoServer, type RecordedRequest} from '../../source/demo/server.js';
import {frameLines, KEYS, press, waitForText} from '../helpers/ink.js';
import {loginApp, using, waitUntil} from '../app/harness.js';

let server: DemoServer;

before(async () => {
  server = await startDemoServer({users: 300, lines: 360});
});

after(() => server.close());

/** The App's confd GETs under `/collection` since `from`: lists (`/users?…`) and items (`/users/7`). */
function confdGets(from: number, collection: string): {lists: URLSearchParams[]; items: RecordedRequest[]} {
  const gets = server.requests.slice(from).filter((request) => request.method === 'GET');
  const prefix = `/api/confd/1.1/${collection}`;
  return {
    lists: gets.filter((request) => request.url.startsWith(`${prefix}?`)).map((request) => new URL(request.url, 'https://demo.invalid').searchParams),
    items: gets.filter((request) => request.url.startsWith(`${prefix}/`)),
  };
}

describe('Light pages', () => {
  test('the users table asks for view=summary and shows what the summary carries; Enter fetches the full user', async () => {
    const start = server.requests.length;
    await using(await loginApp(server), async ({app}) => {
      await waitForText(app, /Users {2}rows 1–/);
      const {lists} = confdGets(start, 'users');
      assert.ok(lists.length > 0, 'the table listed users');
      for (const query of lists) assert.equal(query.get('view'), 'summary', `users?${query}`);
      const header = frameLines(app).find((line) => line.startsWith('  Name')) ?? '';
      assert.match(header, /Email/);
      assert.match(header, /Extension/);

      const selected = frameLines(app).find((line) => line.startsWith('›')) ?? '';
      const id = Number(/(\d+)\s*$/.exec(selected)?.[1]);
      assert.ok(Number.isInteger(id), `an id ends the selected row: ${selected}`);
      const opened = server.requests.length;
      await press(app, KEYS.enter);
      // `username` and the lines are in the full record only: the detail shows them.
      await waitForText(app, new RegExp(`^  id\\s+${id}$`, 'm'));
      await waitForText(app, /^ {2}username\s/m);
      await waitForText(app, /^› Line {2}\S+/m);
      const {items} = confdGets(opened, 'users');
      assert.deepEqual(
        items.map((request) => request.url),
        [`/api/confd/1.1/users/${id}`],
        'one GET of the full record, without view=',
      );
    });
  });

  test('lines and extensions, which confd lists in one form only, are asked for without view=', async () => {
    const start = server.requests.length;
    await using(await loginApp(server), async ({app}) => {
      await press(app, KEYS.tab);
      await waitForText(app, /Lines {2}rows 1–/);
      await press(app, KEYS.tab);
      await waitForText(app, /Extensions {2}rows 1–/);
      await waitUntil(
        () => confdGets(start, 'extensions').lists.length > 0,
        () => 'no extensions list request',
      );
      for (const collection of ['lines', 'extensions']) {
        const {lists} = confdGets(start, collection);
        assert.ok(lists.length > 0, `${collection} listed`);
        for (const query of lists) assert.equal(query.get('view'), null, `${collection}?${query}`);
      }
    });
  });
});
