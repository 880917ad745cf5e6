/**
 * Keys that arrive together, as over a slow SSH link or from a password manager: each written
 * to the App in ONE stdin write, against the real demo server. Every key must act where the
 * focus is at its turn; keys after a submit wait for the next screen; a paste is text only.
 */
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {maxWaitMs} from '../../source/hooks/keyboard.js';
import {confdGet, login} from '../helpers/demo.js';
import {frameLines, KEYS, press, waitForText, type Rendered} from '../helpers/ink.js';
import {loginApp, pinDemo, startApp, using, waitUntil} from './harness.js';

let server: DemoServer;
let adminToken: string;

before(async () => {
  server = await startDemoServer({users: 400, lines: 50});
  adminToken = await login(server);
});

after(() => server.close());

/** The users the server lists for `query`, in the App's default order (lastname). */
async function userIds(query: Record<string, string | number>): Promise<{total: number; ids: number[]}> {
  const search = new URLSearchParams(Object.entries({order: 'lastname', direction: 'asc', ...query}).map(([k, v]): [string, string] => [k, String(v)]));
  const response = await confdGet(server, adminToken, `/users?${search}`);
  assert.equal(response.status, 200, response.text);
  const body = response.json as {total: number; items: Array<{id: number}>};
  return {total: body.total, ids: body.items.map((item) => item.id)};
}

function selectedId(app: Rendered): number | undefined {
  const line = frameLines(app).find((each) => each.startsWith('›'));
  const id = Number(/(\d+)\s*$/.exec(line ?? '')?.[1]);
  return Number.isInteger(id) ? id : undefined;
}

async function waitForRecord(app: Rendered, id: number): Promise<void> {
  await waitForText(app, new RegExp(`^  id\\s+${id}$`, 'm'), 4000);
}

/** One write: the whole sequence reaches Ink as a single chunk. */
function burst(app: Rendered, text: string): void {
  app.stdin.write(text);
}

const revocations = (from: number) =>
  server.requests.slice(from).filter((request) => request.method === 'DELETE' && request.url.startsWith('/api/auth/0.1/token/')).length;

describe('type-ahead on Connect', () => {
  test('admin⇥secret⏎ in one chunk logs in as admin', async () => {
    const start = server.requests.length;
    await using(startApp({server: server.hostPort, prepare: (dir) => pinDemo(dir, server)}), async ({app}) => {
      await waitForText(app, '› Username');
      burst(app, `${server.username}\t${server.password}\r`);
      await waitForText(app, /Users {2}rows 1–/, 8000);
      assert.match(frameLines(app)[0] ?? '', new RegExp(` · ${server.username} · `), 'the header names the user admin');
      const posts = server.requests.slice(start).filter((request) => request.method === 'POST' && request.url === '/api/auth/0.1/token');
      assert.equal(posts.length, 1, 'one login');
      const basic = Buffer.from(String(posts[0]?.headers.authorization ?? '').replace(/^Basic /, ''), 'base64').toString();
      assert.equal(basic, `${server.username}:${server.password}`);
    });
  });

  test('keys after the Enter wait for the table: jj⏎ opens the third user, nothing is typed into a field', async () => {
    const first = await userIds({limit: 3});
    const third = first.ids[2];
    assert.ok(third !== undefined, JSON.stringify(first));
    await using(startApp({server: server.hostPort, prepare: (dir) => pinDemo(dir, server)}), async ({app}) => {
      await waitForText(app, '› Username');
      burst(app, `${server.username}\t${server.password}\rjj\r`);
      await waitForRecord(app, third);
    });
  });

  test('keys typed ahead of a failed login are dropped, not typed into the form', async () => {
    await using(startApp({server: server.hostPort, prepare: (dir) => pinDemo(dir, server)}), async ({app}) => {
      await waitForText(app, '› Username');
      burst(app, `${server.username}\twrong\rxyz`);
      await waitForText(app, 'Wrong username or password', 8000);
      // Give the held keys every chance to land somewhere.
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.doesNotMatch(app.lastFrame() ?? '', /•/, 'the cleared password field stayed empty');
      assert.doesNotMatch(app.lastFrame() ?? '', /xyz/);
    });
  });
});

describe('type-ahead on the main screen', () => {
  test('a search typed and confirmed in one burst, then j and Enter, open the second match', async () => {
    const matches = await userIds({search: 'an', limit: 2});
    assert.ok(matches.total >= 2);
    await using(await loginApp(server), async ({app}) => {
      burst(app, '/an\rj\r');
      await waitForRecord(app, matches.ids[1]!);
    });
  });

  test('a burst of moves is drawn as one frame and lands where the keys say: 3 PgDn, 5 j, 2 k, then Enter', async () => {
    await using(await loginApp(server), async ({app}) => {
      const height = frameLines(app).filter((each) => /^[› ] \S/.test(each) && /\s\d+\s*$/.test(each)).length;
      const {ids} = await userIds({limit: 3 * height + 4});
      const framesBefore = app.frames.length;
      burst(app, KEYS.pageDown.repeat(3) + 'jjjjj' + 'kk');
      await waitUntil(() => selectedId(app) === ids[3 * height + 3], () => `selected ${selectedId(app)}`, 4000);
      // The moves compose in the selection's reducer: one render for the ten keys, not ten.
      assert.ok(app.frames.length - framesBefore <= 3, `${app.frames.length - framesBefore} frames for one burst of 10 moves`);
      burst(app, KEYS.enter);
      await waitForRecord(app, ids[3 * height + 3]!);
    });
  });

  test(':tenant, then / and a search, in one chunk: each field gets its own words', async () => {
    await using(await loginApp(server), async ({app}) => {
      burst(app, ':tenant Acme Lab\r/evil\r');
      await waitForText(app, 'tenant Acme Lab');
      await waitForText(app, 'search “evil”: 1 match');
      assert.doesNotMatch(app.lastFrame() ?? '', /Token ACL|Unknown command/);
    });
  });

  test('a split arrow key (ESC, then [B after Ink took ESC alone) moves down and does not clear the search', async () => {
    const matches = await userIds({search: 'an', limit: 2});
    await using(await loginApp(server), async ({app}) => {
      burst(app, '/an\r');
      await waitForText(app, /search “an”: \d+ match/);
      await waitUntil(() => selectedId(app) === matches.ids[0], () => `first match selected in:\n${app.lastFrame()}`);
      app.stdin.write(KEYS.escape);
      await new Promise((resolve) => setTimeout(resolve, 30));
      app.stdin.write('[B');
      await waitUntil(() => selectedId(app) === matches.ids[1], () => `second match selected in:\n${app.lastFrame()}`);
      assert.match(app.lastFrame() ?? '', /search “an”/, 'Esc did not clear the search');
    });
  });

  test('Esc and then an arrow key soon after are two keys: back from a record, then down one row', async () => {
    const first = await userIds({limit: 2});
    await using(await loginApp(server), async ({app}) => {
      await press(app, KEYS.enter);
      await waitForRecord(app, first.ids[0]!);
      app.stdin.write(KEYS.escape);
      await new Promise((resolve) => setTimeout(resolve, 30));
      app.stdin.write(KEYS.down);
      await waitUntil(() => selectedId(app) === first.ids[1], () => `the second row selected in:\n${app.lastFrame()}`);
    });
  });

  test('a multi-line paste into the search field is one line of text; a paste over the table is no keys', async () => {
    const start = server.requests.length;
    await using(await loginApp(server), async (harness) => {
      const {app} = harness;
      const before = selectedId(app);
      // Over the table: q would quit, j would move, / would open the search.
      burst(app, '\u001b[200~qj/x\u001b[201~');
      await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(harness.exitCode(), undefined, 'the pasted q did not quit');
      assert.equal(selectedId(app), before, 'the pasted j did not move');
      assert.doesNotMatch(app.lastFrame() ?? '', /^Users {2}\//m, 'the pasted / opened nothing');

      await press(app, '/');
      burst(app, '\u001b[200~emilie\ntremblay\n\u001b[201~');
      await waitForText(app, /^Users {2}\/emilie tremblay/m);
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.match(app.lastFrame() ?? '', /^Users {2}\/emilie tremblay/m, 'the paste did not submit: the field is still open');
      assert.equal(revocations(start), 0);
    });
  });
});

describe('a key waiting for a list never blocks the keyboard', () => {
  test('with confd hanging, a j typed ahead of the new list is dropped after its wait, and q then quits', async () => {
    const harness = await loginApp(server);
    await using(harness, async ({app}) => {
      await server.setFault({kind: 'hang'}, /^\/api\/confd\/1\.1\/users/);
      try {
        const started = Date.now();
        burst(app, 'sjq');
        await waitUntil(() => harness.exitCode() !== undefined, () => `q did not quit:\n${app.lastFrame()}`, 6000);
        assert.equal(harness.exitCode(), 0);
        assert.ok(Date.now() - started >= maxWaitMs, 'the j waited its whole wait for the list before it was dropped');
      } finally {
        await server.setFault({kind: 'none'});
      }
    });
  });
});

describe('a new query starts at row 1', () => {
  for (const [what, keys] of [
    ['a search', '/an\r'],
    ['a sort', 's'],
    ['recurse', 'R'],
    ['another tenant', ':tenant Acme Lab\r'],
  ] as const) {
    test(`${what} from row 121 opens at row 1`, async () => {
      await using(await loginApp(server), async ({app}) => {
        burst(app, `${KEYS.pageDown.repeat(6)}${'j'.repeat(12)}`);
        await waitForText(app, /rows 109–126 of/, 4000);
        burst(app, keys);
        await waitForText(app, /rows 1–\d+ of \d+/, 4000);
        const line = frameLines(app).findIndex((each) => each.startsWith('›'));
        const firstRow = frameLines(app).findIndex((each) => /^[› ] \S/.test(each) && /\s\d+\s*$/.test(each));
        assert.equal(line, firstRow, `the first row is selected in:\n${app.lastFrame()}`);
      });
    });
  }
});

describe('Ctrl-C quits with 130 from every field, overlay and prompt', () => {
  const contexts: Array<[string, (app: Rendered) => Promise<void>]> = [
    ['the table', async () => {}],
    ['the / field', async (app) => {
      await press(app, '/', 'a');
      await waitForText(app, /^Users {2}\/a/m);
    }],
    ['the : field', async (app) => {
      await press(app, ':', 'x');
      await waitForText(app, /^:x/m);
    }],
    ['the help overlay', async (app) => {
      await press(app, '?');
      await waitForText(app, 'Keys (Esc or ? closes)');
    }],
    ['the password prompt', async (app) => {
      // The token revoked and its refresh refused (a 5xx would be retried): the session ends at the next request.
      server.setFault({kind: 'status', status: 401}, /^\/api\/auth\/0\.1\/token$/);
      server.revokeAllTokens();
      await press(app, 'r');
      await waitForText(app, 'Session ended', 4000);
      await press(app, 'x');
    }],
  ];
  for (const [where, reach] of contexts) {
    test(`from ${where}: exit 130, and the token is revoked`, async () => {
      const harness = await loginApp(server);
      await using(harness, async ({app}) => {
        await reach(app);
        const start = server.requests.length;
        await press(app, KEYS.ctrlC);
        await waitUntil(() => harness.exitCode() !== undefined, () => `no quit from ${where}:\n${app.lastFrame()}`);
        assert.equal(harness.exitCode(), 130);
        server.setFault({kind: 'none'});
        if (where !== 'the password prompt') {
          await waitUntil(() => revocations(start) > 0, () => 'the token was revoked');
        }
      });
    });
  }

  test('from Connect and from the Certificate screen', async () => {
    const connect = startApp({server: server.hostPort, prepare: (dir) => pinDemo(dir, server)});
    await using(connect, async ({app}) => {
      await waitForText(app, '› Username');
      await press(app, 'ad', KEYS.ctrlC);
      await waitUntil(() => connect.exitCode() !== undefined, () => 'no quit from Connect');
      assert.equal(connect.exitCode(), 130);
    });
    const certificate = startApp({server: server.hostPort});
    await using(certificate, async ({app}) => {
      await waitForText(app, 'is not trusted yet', 4000);
      await press(app, KEYS.ctrlC);
      await waitUntil(() => certificate.exitCode() !== undefined, () => 'no quit from the Certificate screen');
      assert.equal(certificate.exitCode(), 130);
    });
  });
});
