/**
 * The main screen over the real demo server, driven by keys at 80×24: paging at window and
 * server-page boundaries, search, sort, detail and relations, tenants, help, ACL, a missing
 * permission, hostile record values and a terminal that is too small.
 */
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {DEMO_TENANT_UUIDS, startDemoServer, type DemoServer, type RecordedRequest} from '../../source/demo/server.js';
import {helpSections} from '../../source/keys.js';
import {MIN_HEIGHT, MIN_WIDTH} from '../../source/components/layout.js';
import {confdGet, login} from '../helpers/demo.js';
import {assertFits, eventually, frameLines, KEYS, press, waitForText, type Rendered} from '../helpers/ink.js';
import {loginApp, startApp, waitUntil, type AppHarness} from '../app/harness.js';

let server: DemoServer;
let adminToken: string;

before(async () => {
  // clerk may read confd but not list tenants (no auth.tenants.read), as on many real installs.
  server = await startDemoServer({accounts: [{username: 'clerk', password: 'clerk', acl: ['confd.#']}]});
  adminToken = await login(server);
});

after(() => server.close());

/** 80×24 with the full-access warning: header 2, title 1, column header 1, status 1, footer 1. */
const windowRows = 18;

async function session<T>(run: (harness: AppHarness) => Promise<T>, account?: {username: string; password: string}): Promise<T> {
  const harness = await loginApp(server, account);
  try {
    return await run(harness);
  } finally {
    await harness.close();
  }
}

function selectedLine(app: Rendered): string {
  const line = frameLines(app).find((each) => each.startsWith('›'));
  assert.ok(line !== undefined, `no selected row in:\n${app.lastFrame()}`);
  return line;
}

/** The ID column (the last cell) of the selected row. */
function selectedId(app: Rendered): number {
  const id = Number(/(\d+)\s*$/.exec(selectedLine(app))?.[1]);
  assert.ok(Number.isInteger(id), `no id at the end of the selected row: ${selectedLine(app)}`);
  return id;
}

/** The IDs of the table rows on screen, top to bottom. */
function visibleIds(app: Rendered): number[] {
  return frameLines(app)
    .filter((line) => /^[› ] \S/.test(line) && /\s\d+\s*$/.test(line))
    .map((line) => Number(/(\d+)\s*$/.exec(line)?.[1]));
}

interface Listed {
  total: number;
  ids: number[];
}

/** What the server itself answers for a users query, as the admin in Acme. */
async function serverUsers(query: Record<string, string | number>, headers: Record<string, string> = {}): Promise<Listed> {
  const search = new URLSearchParams(Object.entries(query).map(([key, value]): [string, string] => [key, String(value)]));
  const response = await confdGet(server, adminToken, `/users?${search}`, headers);
  assert.equal(response.status, 200, response.text);
  const body = response.json as {total: number; items: Array<{id: number}>};
  return {total: body.total, ids: body.items.map((item) => item.id)};
}

async function serverUserAt(index: number, query: Record<string, string> = {}): Promise<number> {
  const {ids} = await serverUsers({order: 'lastname', direction: 'asc', ...query, limit: 1, offset: index});
  assert.ok(ids[0] !== undefined, `the server has no user at ${index}`);
  return ids[0];
}

/** The App's confd list requests for `collection` since `from` (the test's own checks use another token). */
function appListRequests(from: number, collection = 'users'): RecordedRequest[] {
  return server.requests
    .slice(from)
    .filter((request) => request.method === 'GET' && request.url.startsWith(`/api/confd/1.1/${collection}?`))
    .filter((request) => request.headers['x-auth-token'] !== adminToken);
}

/** The query parameters of {@link appListRequests}. */
function listQueries(from: number, collection = 'users'): URLSearchParams[] {
  return appListRequests(from, collection).map((request) => new URL(request.url, 'https://demo.invalid').searchParams);
}

async function waitForSelectedId(app: Rendered, id: number): Promise<void> {
  await waitUntil(
    () => frameLines(app).some((line) => line.startsWith('›') && new RegExp(`\\s${id}\\s*$`).test(line)),
    () => `row ${id} selected in:\n${app.lastFrame()}`,
  );
}

async function pressTimes(app: Rendered, key: string, times: number): Promise<void> {
  for (let i = 0; i < times; i++) await press(app, key);
}

describe('Main screen: navigation', () => {
  test('j at the bottom of the window scrolls by one, PgDn/PgUp move by a window, j past a server page loads the next page', async () => {
    const start = server.requests.length;
    await session(async ({app}) => {
      const {total} = await serverUsers({limit: 1});
      await waitForText(app, `rows 1–${windowRows} of ${total}`);
      assert.equal(selectedId(app), await serverUserAt(0));
      assertFits(app.lastFrame() ?? '', 80);
      assert.equal(frameLines(app).length, 24);

      await pressTimes(app, 'j', windowRows - 1);
      await waitForSelectedId(app, await serverUserAt(windowRows - 1));
      assert.match(app.lastFrame() ?? '', new RegExp(`rows 1–${windowRows} of`), 'still the first window');
      await press(app, 'j');
      await waitForText(app, `rows 2–${windowRows + 1} of ${total}`);
      await waitForSelectedId(app, await serverUserAt(windowRows));

      await press(app, 'g');
      await waitForText(app, `rows 1–${windowRows} of`);
      await waitForSelectedId(app, await serverUserAt(0));
      await press(app, KEYS.pageDown);
      await waitForText(app, `rows ${windowRows + 1}–${2 * windowRows} of`);
      await waitForSelectedId(app, await serverUserAt(windowRows));
      await press(app, KEYS.ctrlF);
      await waitForText(app, `rows ${2 * windowRows + 1}–${3 * windowRows} of`);
      await press(app, KEYS.pageUp);
      await waitForText(app, `rows ${windowRows + 1}–${2 * windowRows} of`);
      await waitForSelectedId(app, await serverUserAt(windowRows));

      // Rows 0–99 are the first server page (100 rows per request): walk to 99, then one more.
      await pressTimes(app, KEYS.pageDown, 4);
      await waitForSelectedId(app, await serverUserAt(5 * windowRows));
      await pressTimes(app, 'j', 99 - 5 * windowRows);
      await waitForSelectedId(app, await serverUserAt(99));
      await press(app, 'j');
      await waitForSelectedId(app, await serverUserAt(100));
      const offsets = listQueries(start).map((query) => query.get('offset'));
      assert.ok(offsets.includes('100'), `the second page was requested: ${offsets.join(',')}`);
      assert.ok(listQueries(start).every((query) => query.get('limit') === '100'), 'pages of 100 rows');
    });
  });

  test('G fetches the last page directly, not every page before it; g goes back to the first row', async () => {
    const start = server.requests.length;
    await session(async ({app}) => {
      const {total} = await serverUsers({limit: 1});
      await waitForText(app, `rows 1–${windowRows} of ${total}`);
      await waitUntil(() => listQueries(start).some((query) => query.get('offset') === '100'), () => 'the prefetch of the second page');
      const mark = server.requests.length;
      await press(app, 'G');
      await waitForText(app, `rows ${total - windowRows + 1}–${total} of ${total}`);
      await waitForSelectedId(app, await serverUserAt(total - 1));
      const offsets = new Set(listQueries(mark).map((query) => Number(query.get('offset'))));
      const lastPage = Math.floor((total - 1) / 100) * 100;
      assert.ok(offsets.has(lastPage), `the last page (offset ${lastPage}) was fetched: ${[...offsets].join(',')}`);
      for (const offset of offsets) assert.ok(offset >= lastPage - 100, `no walk through the pages before: offset ${offset} requested`);
      await press(app, 'g');
      await waitForText(app, `rows 1–${windowRows} of ${total}`);
      await waitForSelectedId(app, await serverUserAt(0));
      await press(app, KEYS.end);
      await waitForSelectedId(app, await serverUserAt(total - 1));
      await press(app, KEYS.home);
      await waitForSelectedId(app, await serverUserAt(0));
    });
  });
});

describe('Main screen: search and sort', () => {
  test('/ searches on the server: only matching rows, the count shown; Esc clears', async () => {
    await session(async ({app}) => {
      const {total} = await serverUsers({limit: 1});
      await waitForText(app, `of ${total}`);
      const mark = server.requests.length;
      await press(app, '/');
      await waitForText(app, 'search on the server');
      const footer = frameLines(app).at(-1) ?? '';
      assert.match(footer, /^Enter search {2}Esc cancel {2}Ctrl-U clear/, 'the footer names the field’s keys');
      assert.doesNotMatch(footer, /PgDn|help/, 'not the table’s, which are not read while typing');
      await press(app, 'emilie', KEYS.enter);
      const expected = await serverUsers({search: 'emilie', order: 'lastname', direction: 'asc', limit: windowRows});
      assert.ok(expected.total > 0 && expected.total < total, `the demo has some Émilies: ${expected.total}`);
      await waitForText(app, `search “emilie”: ${expected.total} match`);
      await waitUntil(
        () => JSON.stringify(visibleIds(app)) === JSON.stringify(expected.ids),
        () => `the matching rows ${expected.ids.join(',')} in:\n${app.lastFrame()}`,
      );
      const folded = (app.lastFrame() ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
      assert.ok(folded.includes('emilie'));
      assert.ok(listQueries(mark).some((query) => query.get('search') === 'emilie' && query.get('offset') === '0'));

      await press(app, KEYS.escape);
      await waitForText(app, `rows 1–${windowRows} of ${total}`);
      assert.doesNotMatch(app.lastFrame() ?? '', /search “/);
      await waitForSelectedId(app, await serverUserAt(0));
    });
  });

  test('s sorts by the next column, marked in the header; S reverses; both are server-side', async () => {
    await session(async ({app}) => {
      await waitForText(app, 'Name▲');
      let mark = server.requests.length;
      await press(app, 's');
      await waitForText(app, 'sort email ▲ asc');
      const header = frameLines(app).find((line) => line.includes('Name') && line.includes('ID')) ?? '';
      assert.match(header, /Email▲/, `the sorted column is marked: ${header}`);
      assert.doesNotMatch(header, /Name▲/);
      await eventually(() => assert.ok(listQueries(mark).some((query) => query.get('order') === 'email' && query.get('direction') === 'asc')));
      await waitForSelectedId(app, await serverUserAt(0, {order: 'email'}));

      mark = server.requests.length;
      await press(app, 'S');
      await waitForText(app, 'sort email ▼ desc');
      assert.match(app.lastFrame() ?? '', /Email▼/);
      await eventually(() => assert.ok(listQueries(mark).some((query) => query.get('order') === 'email' && query.get('direction') === 'desc')));
      await waitForSelectedId(app, await serverUserAt(0, {order: 'email', direction: 'desc'}));
    });
  });
});

describe('Main screen: bursts of keys', () => {
  test('keys that arrive in one chunk after : or / are typed into that field, a line break submits it', async () => {
    await session(async ({app}) => {
      await waitForText(app, 'tenant Acme ');
      await press(app, ':tenant Acme Lab\r');
      await waitForText(app, 'tenant Acme Lab');
      assert.doesNotMatch(app.lastFrame() ?? '', /Token ACL/, 'the a of "tenant" was not taken as the ACL key');
      await press(app, ':tenant acme\r');
      await waitForText(app, /Working tenant: Acme\s*$/m);

      await press(app, 'jj/emil');
      await waitForText(app, /^Users {2}\/emil/m);
      await press(app, 'ie', KEYS.enter);
      const expected = await serverUsers({search: 'emilie', limit: 1});
      await waitForText(app, `search “emilie”: ${expected.total} match`);
      await press(app, KEYS.escape, '/tremblay\r');
      const tremblay = await serverUsers({search: 'tremblay', limit: 1});
      await waitForText(app, `search “tremblay”: ${tremblay.total} match`);
    });
  });
});

describe('Main screen: detail and relations', () => {
  test('Enter opens the record, Esc comes back to the same row', async () => {
    await session(async ({app}) => {
      await waitForText(app, 'rows 1–');
      await pressTimes(app, 'j', 3);
      const id = await serverUserAt(3);
      await waitForSelectedId(app, id);
      const before = frameLines(app).find((line) => line.startsWith('Users'));
      await press(app, KEYS.enter);
      await waitForText(app, new RegExp(`^  id\\s+${id}$`, 'm'));
      assert.match(app.lastFrame() ?? '', /^User /m);
      await press(app, KEYS.escape);
      await waitForSelectedId(app, id);
      assert.equal(frameLines(app).find((line) => line.startsWith('Users')), before);
    });
  });

  test('user → line → user and back: Enter follows a relation, Esc returns to the line it left', async () => {
    await session(async ({app}) => {
      await waitForText(app, 'rows 1–');
      const id = selectedId(app);
      await press(app, KEYS.enter);
      await waitForText(app, /^› Line {2}\S+/m);
      const lineName = /^› Line {2}(\S+)/m.exec(app.lastFrame() ?? '')?.[1] ?? '';
      const userTitle = frameLines(app).find((line) => line.startsWith('User ')) ?? '';
      await press(app, KEYS.enter);
      // The path taken is over the record: `User … › Line NAME`.
      await waitForText(app, new RegExp(`^User .* › Line ${lineName}$`, 'm'));
      await waitForText(app, /^› User {2}/m);
      await press(app, KEYS.enter);
      await waitForText(app, new RegExp(`^  id\\s+${id}$`, 'm'));
      assert.ok(frameLines(app).some((line) => line.endsWith(` › ${userTitle}`)), `back on ${userTitle}, after the path taken`);
      await press(app, KEYS.escape);
      await waitForText(app, new RegExp(`^User .* › Line ${lineName}$`, 'm'));
      await press(app, KEYS.escape);
      await waitForText(app, new RegExp(`^› Line {2}${lineName}`, 'm'));
      await press(app, KEYS.escape);
      await waitForSelectedId(app, id);
      const framesOnTitle = app.frames.filter((frame) => /^› Related \(Enter opens\)/m.test(frame));
      assert.deepEqual(framesOnTitle, [], 'the cursor starts on the first relation, never on the heading');
    });
  });
});

describe('Main screen: tenants', () => {
  test(':tenant opens a picker and :tenant NAME switches; the Wazo-Tenant header follows', async () => {
    const start = server.requests.length;
    await session(async ({app}) => {
      await waitForText(app, 'tenant Acme ');
      assert.ok(appListRequests(start).length > 0);
      assert.ok(
        appListRequests(start).every((request) => request.headers['wazo-tenant'] === undefined),
        'the token’s own tenant needs no header',
      );
      await press(app, ':');
      await press(app, 'tenant', KEYS.enter);
      await waitForText(app, 'Tenants visible to this token');
      assert.match(app.lastFrame() ?? '', /› Acme {2}\(current\)/);
      let mark = server.requests.length;
      await press(app, 'j', KEYS.enter);
      await waitForText(app, 'Working tenant: Acme Lab');
      await waitForText(app, 'tenant Acme Lab');
      const lab = await serverUsers({limit: 1}, {'wazo-tenant': DEMO_TENANT_UUIDS.acmeLab});
      await waitForText(app, `of ${lab.total}`);
      const labRequests = appListRequests(mark);
      assert.ok(labRequests.length > 0);
      assert.ok(labRequests.every((request) => request.headers['wazo-tenant'] === DEMO_TENANT_UUIDS.acmeLab));

      mark = server.requests.length;
      await press(app, ':');
      await press(app, 'tenant acme', KEYS.enter);
      await waitForText(app, /Working tenant: Acme\s*$/m);
      const acme = await serverUsers({limit: 1});
      await waitForText(app, `of ${acme.total}`);
      const acmeRequests = appListRequests(mark);
      assert.ok(acmeRequests.length > 0);
      assert.ok(acmeRequests.every((request) => request.headers['wazo-tenant'] === DEMO_TENANT_UUIDS.acme));

      // Globex is another tenant tree: the admin of Acme does not see it.
      await press(app, ':');
      await press(app, 'tenant Globex', KEYS.enter);
      await waitForText(app, 'No tenant “Globex” is visible to this token');
      assert.match(app.lastFrame() ?? '', /tenant Acme /);
    });
  });

  test('without auth.tenants.read the lists work and say nothing; :tenant explains why there is no list', async () => {
    await session(async ({app}) => {
      await waitForText(app, /Users {2}rows 1–/);
      const lines = frameLines(app);
      assert.doesNotMatch(lines.at(-2) ?? '', /\S/, `the status line stays empty:\n${app.lastFrame()}`);
      await press(app, ':');
      await press(app, 'tenant', KEYS.enter);
      await waitForText(app, 'Tenants visible to this token');
      await waitForText(app, 'auth.tenants.read');
      await press(app, KEYS.escape);
      await press(app, ':');
      await press(app, 'tenant Acme Lab', KEYS.enter);
      await waitForText(app, /✗ .*auth\.tenants\.read/);
    }, {username: 'clerk', password: 'clerk'});
  });

  test('a record whose fields hold escape sequences shows visible markers and never an ESC byte', async () => {
    await session(async ({app}) => {
      await press(app, ':');
      await press(app, 'tenant Acme Lab', KEYS.enter);
      await waitForText(app, 'tenant Acme Lab');
      await press(app, '/');
      await press(app, 'evil', KEYS.enter);
      await waitForText(app, 'search “evil”: 1 match');
      await waitForText(app, '␛[31mRed');
      await press(app, KEYS.enter);
      await waitForText(app, /username\s+evil␛\]0;pwned␇/);
      // Her memberships come first: the description is further down.
      await press(app, KEYS.pageDown);
      await waitForText(app, /description\s+Line one␊Line two␉Tabbed␇Bell/);
      await press(app, 'y');
      await waitForText(app, 'raw JSON');
      const frames = app.frames.join('\n');
      assert.match(frames, /⟪RLO⟫gnp\.exe/, 'the bidi override is a visible marker');
      assert.match(frames, /evil␛\]0;pwned␇/, 'the OSC title sequence is visible and inert');
      // Ink's own styles would be SGR sequences; none may come from the data, nor any other escape.
      const unstyled = frames.replace(/\u001B\[[\d;]*m/g, '');
      assert.doesNotMatch(unstyled, /[\u001B\u0007\u009B\u202E]/u, 'no escape, bell, CSI or bidi override reached the terminal');
      assert.doesNotMatch(frames, /\u001B\[31m(?=Red)/u);
    });
  });
});

describe('Main screen: overlays and permissions', () => {
  test('? lists every binding of the key table, scrolling to the end; Esc closes', async () => {
    await session(async ({app}) => {
      await waitForText(app, 'rows 1–');
      await press(app, '?');
      await waitForText(app, 'Keys (Esc or ? closes)');
      assertFits(app.lastFrame() ?? '', 80);
      const seen = new Set<string>();
      const collect = () => {
        for (const line of frameLines(app)) seen.add(line.replace(/^│/, '').replace(/│$/, '').trim());
      };
      for (let step = 0; step < 4; step++) {
        collect();
        await press(app, KEYS.pageDown);
      }
      collect();
      const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const missing = helpSections('table').flatMap((section) => [
        ...(seen.has(section.group) ? [] : [section.group]),
        ...section.entries
          .filter((entry) => ![...seen].some((line) => new RegExp(`^${escape(entry.keys)} +${escape(entry.help)}$`).test(line)))
          .map((entry) => `${entry.keys}: ${entry.help}`),
      ]);
      assert.deepEqual(missing, [], 'every help line can be seen');
      await press(app, KEYS.escape);
      await waitForText(app, /Users {2}rows 1–/);
    });
  });

  test('the admin sees the full-access warning and # in the ACL overlay (a)', async () => {
    await session(async ({app}) => {
      assert.match(app.lastFrame() ?? '', /⚠ token grants full access \(#\)/);
      await press(app, 'a');
      await waitForText(app, 'Token ACL (1) — # grants full access');
      assert.match(app.lastFrame() ?? '', /^│ #\s+│$/m);
      await press(app, KEYS.escape);
      await waitForText(app, /Users {2}rows 1–/);
    });
  });

  test('a collection the token may not read says so with the ACL it needs, as a warning, and keeps the session', async () => {
    const reader = server.accounts.find((account) => account.username === 'reader');
    assert.ok(reader);
    const start = server.requests.length;
    await session(async ({app}) => {
      assert.doesNotMatch(app.lastFrame() ?? '', /full access/);
      await press(app, ':');
      await press(app, 'lines', KEYS.enter);
      await waitForText(app, 'confd.lines.read');
      const status = frameLines(app).find((line) => line.startsWith('!')) ?? '';
      assert.match(status, /^! confd\.lines\.read needed: this token may not read Lines — r: retry$/);
      assert.match(app.lastFrame() ?? '', /Lines {2}not available/);
      assert.match(app.lastFrame() ?? '', /^ {2}confd\.lines\.read needed: this token may not read Lines/m);
      assert.doesNotMatch(app.lastFrame() ?? '', /✗/);
      assert.doesNotMatch(app.lastFrame() ?? '', /Session ended|Password for/);
      await press(app, 'r');
      await waitUntil(
        () => appListRequests(start, 'lines').length >= 2,
        () => 'r asked again',
      );
      await waitForText(app, /^! confd\.lines\.read needed/m);
      await press(app, 'a');
      await waitForText(app, `Token ACL (${reader.acl.length})`);
      assert.match(app.lastFrame() ?? '', /confd\.users\.read/);
      assert.doesNotMatch(app.lastFrame() ?? '', /full access/);
      await press(app, KEYS.escape, '1');
      await waitForText(app, /Users {2}rows 1–/);
      assert.match(app.lastFrame() ?? '', /· reader/);
    }, reader);
  });

  test('below the minimum size the screen says so, and the table comes back when it grows', async () => {
    await session(async (harness) => {
      const {app} = harness;
      await pressTimes(app, 'j', 2);
      const id = await serverUserAt(2);
      await waitForSelectedId(app, id);
      harness.resize(MIN_WIDTH - 1, 24);
      await waitForText(app, 'terminal too small');
      assert.match(app.lastFrame() ?? '', new RegExp(`need at least ${MIN_WIDTH}×${MIN_HEIGHT} \\(now ${MIN_WIDTH - 1}×24\\)`));
      harness.resize(80, MIN_HEIGHT - 1);
      await waitForText(app, `(now 80×${MIN_HEIGHT - 1})`);
      harness.resize(MIN_WIDTH, MIN_HEIGHT);
      await waitForSelectedId(app, id);
      assertFits(app.lastFrame() ?? '', MIN_WIDTH);
      assert.ok(frameLines(app).length <= MIN_HEIGHT, `fits ${MIN_HEIGHT} rows:\n${app.lastFrame()}`);
    });
  });

  test('the connect screen also says when the terminal is too small', async () => {
    const harness = startApp({columns: 40, rows: 10});
    try {
      await waitForText(harness.app, 'need at least');
      assert.match(harness.app.lastFrame() ?? '', /now 40×10/);
    } finally {
      await harness.close();
    }
  });
});
