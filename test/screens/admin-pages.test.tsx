/**
 * `:accounts` and `:sessions` in the real App over the demo server at 80×24: the lists are what
 * wazo-auth holds, changes take typing their word and then are on the server, and a token without
 * the account ACLs is told which one it lacks.
 */
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {browsePreset} from '../../source/resources/browse-acl.js';
import {auth, tokenData, tokenRequest, type Json} from '../demo/auth-helpers.js';
import {login} from '../helpers/demo.js';
import {assertFits, frameLines, KEYS, press, waitForText, type Rendered} from '../helpers/ink.js';
import {loginApp, using} from '../app/harness.js';

let server: DemoServer;
let admin = '';

before(async () => {
  server = await startDemoServer({users: 20, lines: 20});
  admin = await login(server);
});
after(() => server.close());

function selected(app: Rendered): string {
  return frameLines(app).find((line) => line.includes('› ')) ?? '';
}

/** The frame as one line of words: wrapped sentences read whole. */
function flat(frame: string): string {
  return frame.replace(/[│╭╮╰╯─\n ]+/g, ' ');
}

async function command(app: Rendered, text: string): Promise<void> {
  await press(app, ':');
  await press(app, text, KEYS.enter);
}

async function userNamed(name: string): Promise<Json | undefined> {
  const answer = await auth(server, admin, 'GET', `/users?username=${name}&recurse=true`);
  return (answer.json as {items: Json[]}).items[0];
}

describe(':accounts', () => {
  test('lists wazo-auth users with purpose, enabled, policies and the # flag; Enter opens the policies and ACL', async () => {
    await using(await loginApp(server), async ({app}) => {
      await command(app, 'accounts');
      const frame = await waitForText(app, /admin\s+external_api on\s+#\s+demo-admin/, 4000);
      assertFits(frame, 80);
      assert.match(frame, /reader\s+external_api on\s+\*\s+demo-reader/);
      assert.match(frame, /wazo-auth users \(2\)/);
      assert.match(frame, /d delete/, 'the footer comes from the key table');
      await press(app, 'j', KEYS.enter);
      const detail = await waitForText(app, 'Account reader');
      assert.match(detail, /demo-reader \([0-9a-f-]+\), 7 ACL:/);
      assert.match(detail, /^│\s+confd\.users\.read/m);
      await press(app, KEYS.escape);
      await waitForText(app, 'wazo-auth users (2)');
      assert.match(selected(app), /reader/);
    });
  });

  test('c creates an API account with the browse preset after typing create; d deletes it after typing delete', async () => {
    await using(await loginApp(server), async ({app}) => {
      await command(app, 'accounts');
      await waitForText(app, 'wazo-auth users (2)', 4000);
      await press(app, 'c');
      await waitForText(app, 'Name of the new API account');
      assert.match(frameLines(app).at(-1) ?? '', /^Enter continue {2}Esc cancel/, 'the footer names the field’s keys, not the page’s');
      await press(app, 'screen-bot', KEYS.enter);
      const confirm = await waitForText(app, 'Type create and Enter');
      assert.match(frameLines(app).at(-1) ?? '', /^Enter create {2}Esc cancel/);
      assert.match(flat(confirm), /Create the API account screen-bot \(purpose external_api\) and its policy screen-bot holding:/);
      assert.match(confirm, /confd\.lines\.read/);
      await press(app, 'yes', KEYS.enter);
      await waitForText(app, 'type the whole word: create');
      assert.equal(await userNamed('screen-bot'), undefined, 'nothing is created before the word is typed');
      await press(app, KEYS.ctrlU, 'create', KEYS.enter);
      const done = await waitForText(app, 'Its password, shown only now:', 4000);
      const password = /^\s+(\S{24})\s*$/m.exec(done)?.[1] ?? '';
      assert.equal(password.length, 24, done);
      await waitForText(app, 'wazo-auth users (3)', 4000);
      const token = tokenData(await tokenRequest(server, {username: 'screen-bot', password}));
      assert.deepEqual(token.acl, browsePreset());

      await press(app, 'G', 'd');
      const ask = await waitForText(app, 'Type delete and Enter');
      assert.match(flat(ask), /Delete the API account screen-bot \([0-9a-f-]+\): it can no longer log in\./);
      assert.ok(flat(ask).includes(`Its policy screen-bot (${browsePreset().length} ACL) is deleted too, unless another user holds it.`), flat(ask));
      await press(app, 'delete', KEYS.enter);
      await waitForText(app, /Deleted its policy screen-bot/, 4000);
      await waitForText(app, 'wazo-auth users (2)', 4000);
      assert.equal(await userNamed('screen-bot'), undefined);
      assert.equal((await tokenRequest(server, {username: 'screen-bot', password})).status, 401);
    });
  });

  test('without auth.users.read the page names the missing ACL', async () => {
    await using(await loginApp(server, {username: 'reader', password: 'reader'}), async ({app}) => {
      await command(app, 'accounts');
      const frame = await waitForText(app, 'not available', 4000);
      assert.match(flat(frame), /lacks the ACL auth\.users\.read/);
      await press(app, KEYS.escape);
      await waitForText(app, /Users {2}rows 1–/);
    });
  });
});

describe(':sessions', () => {
  test('lists the user’s sessions and refresh token, ours marked; d revokes the other one after typing revoke', async () => {
    const other = tokenData(await tokenRequest(server, {username: 'admin', password: server.password}));
    await using(await loginApp(server), async ({app}) => {
      await command(app, 'sessions');
      const frame = await waitForText(app, /refresh\s+wazo-tui-/, 4000);
      assertFits(frame, 80);
      const mine = frameLines(app).filter((line) => /^│ [› ] session /.test(line));
      assert.ok(mine.length >= 2, frame);
      assert.equal(mine.filter((line) => line.includes('◀ ours')).length, 1, 'exactly one session is ours');
      assert.match(frame, /refresh\s+wazo-tui-\S+\s+◀ ours/);
      // Move to the other login's session and revoke it.
      const index = mine.findIndex((line) => line.includes(String(other.session_uuid)));
      assert.ok(index >= 0, `the other session is listed:\n${frame}`);
      for (let step = 0; step < index; step++) await press(app, 'j');
      assert.match(selected(app), new RegExp(String(other.session_uuid)));
      await press(app, 'd');
      const ask = await waitForText(app, 'Type revoke and Enter');
      assert.match(flat(ask), new RegExp(`Revoke the session ${String(other.session_uuid)}: its token stops working at once\\.`));
      await press(app, 'revoke', KEYS.enter);
      await waitForText(app, `Revoked the session ${String(other.session_uuid)}`, 4000);
      assert.equal((await auth(server, null, 'HEAD', `/token/${String(other.token)}`)).status, 404, 'the other token is gone');
      assert.doesNotMatch(app.lastFrame() ?? '', /Session ended|Password for/, 'ours goes on');
    });
  });

  test('without the session ACLs each missing one is named', async () => {
    await using(await loginApp(server, {username: 'reader', password: 'reader'}), async ({app}) => {
      await command(app, 'sessions');
      const frame = flat(await waitForText(app, 'auth.sessions.read', 4000));
      assert.match(frame, /Your sessions: not shown, needs the ACL auth\.users\.[0-9a-f-]+\.sessions\.read/);
      assert.match(frame, /Your refresh tokens: not shown, needs the ACL auth\.users\.me\.tokens\.read/);
      assert.match(frame, /The tenant's sessions: not shown, needs the ACL auth\.sessions\.read/);
    });
  });
});

describe(':accounts among many', () => {
  let many: DemoServer;
  const bulk = 130;

  before(async () => {
    many = await startDemoServer({users: 5, lines: 5});
    const token = await login(many);
    for (let n = 0; n < bulk; n++) {
      const answer = await auth(many, token, 'POST', '/users', {username: `bulk-${String(n).padStart(3, '0')}`, password: 'bulk-password', purpose: 'external_api'});
      assert.equal(answer.status, 200, answer.text);
    }
  });
  after(() => many.close());

  test('the next 100 come as the selection reaches the last screen; / searches wazo-auth and Esc clears the search', async () => {
    const total = bulk + 2;
    await using(await loginApp(many), async ({app}) => {
      await command(app, 'accounts');
      await waitForText(app, `wazo-auth users (100 of ${total})`, 6000);
      await press(app, 'G');
      await waitForText(app, `wazo-auth users (${total})`, 6000);
      await press(app, 'G', 'k');
      assert.match(selected(app), /bulk-129/, 'by username, the second page ends with bulk-129 and reader');
      const pages = many.requests.filter((request) => request.method === 'GET' && request.url.startsWith('/api/auth/0.1/users?'));
      assert.deepEqual(
        pages.map((request) => new URL(request.url, 'https://demo').searchParams.get('offset')),
        ['0', '100'],
        'one request a page of users',
      );

      await press(app, '/');
      await waitForText(app, /^ Search:/m);
      assert.match(frameLines(app).at(-1) ?? '', /^Enter search {2}Esc cancel/);
      await press(app, 'bulk-07', KEYS.enter);
      const found = await waitForText(app, 'wazo-auth users (10)', 4000);
      assert.match(found, /search “bulk-07” on wazo-auth/);
      assert.match(selected(app), /bulk-070/, 'a new search starts at its first match');
      await press(app, KEYS.escape);
      await waitForText(app, `wazo-auth users (100 of ${total})`, 4000);
      assert.doesNotMatch(app.lastFrame() ?? '', /search “/);
      await press(app, KEYS.escape);
      await waitForText(app, /Users {2}rows 1–/);
    });
  });

  test('a server that ignores the offset ends the list at its first page instead of being asked again and again', async () => {
    const total = bulk + 2;
    await using(await loginApp(many), async ({app}) => {
      await command(app, 'accounts');
      await waitForText(app, `wazo-auth users (100 of ${total})`, 6000);
      const before = many.requests.length;
      many.setFault({kind: 'no-offset'}, /^\/api\/auth\/0\.1\/users\?/);
      try {
        await press(app, 'G');
        await waitForText(app, 'wazo-auth users (100)', 6000);
        await new Promise((resolve) => setTimeout(resolve, 300));
        const lists = many.requests.slice(before).filter((request) => request.method === 'GET' && request.url.startsWith('/api/auth/0.1/users?'));
        assert.equal(lists.length, 1, 'one request for the second page, answered with the first');
      } finally {
        many.setFault({kind: 'none'});
      }
    });
  });

  test('a next page refused by the server is said, the loaded ones stay, and r loads the list anew', async () => {
    const total = bulk + 2;
    await using(await loginApp(many), async ({app}) => {
      await command(app, 'accounts');
      await waitForText(app, `wazo-auth users (100 of ${total})`, 6000);
      many.setFault({kind: 'status', status: 503}, /^\/api\/auth\/0\.1\/users\?/);
      try {
        await press(app, 'G');
        await waitForText(app, `wazo-auth users (100 of ${total}, r reloads)`, 6000);
        assert.match(app.lastFrame() ?? '', /503/, 'the status line says what the server answered');
        assert.match(selected(app), /bulk-098/, 'the loaded accounts stay, the selection on the last');
      } finally {
        many.setFault({kind: 'none'});
      }
      await press(app, 'r');
      await waitForText(app, `wazo-auth users (100 of ${total})`, 6000);
    });
  });
});
