/**
 * A short-lived token whose renewal fails: the password prompt comes over the main screen, and
 * logging in again brings back the same table, page, selection and search.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {withDemoServer} from '../helpers/demo.js';
import {frameLines, KEYS, press, waitForText} from '../helpers/ink.js';
import {pinDemo, startApp, waitUntil} from './harness.js';

const tokenPosts = (requests: ReadonlyArray<{method: string; url: string}>) =>
  requests.filter((request) => request.method === 'POST' && request.url === '/api/auth/0.1/token').length;

test('the session expires with a failing renewal: the password prompt, then the same screen back', async () => {
  await withDemoServer({users: 300, lines: 10}, async (server) => {
    const harness = startApp({server: server.hostPort, username: 'admin', prepare: (dir) => pinDemo(dir, server)});
    const {app} = harness;
    try {
      await waitForText(app, '› Password');
      // A 4-second token, typed in the form's lifetime field.
      await press(app, server.password, KEYS.tab, KEYS.ctrlU, '4');
      await waitForText(app, /› Token lifetime \(s\)\s+4\b/);
      await press(app, KEYS.enter);
      await waitForText(app, /Users {2}rows 1–/, 8000);
      assert.match(app.lastFrame() ?? '', /expires in 0:0[34]/);
      // Every renewal is refused from now on (a 401: the refresh token is no longer accepted; a
      // failure that may pass would be retried instead); only this App's token requests are POST /token.
      server.setFault({kind: 'status', status: 401}, /^\/api\/auth\/0\.1\/token$/);

      await press(app, '/');
      await press(app, 'an', KEYS.enter);
      await waitForText(app, /search “an”: \d+ matches/);
      await press(app, KEYS.pageDown, 'j', 'j');
      await waitForText(app, /rows 19–36 of \d+/);
      await waitUntil(() => frameLines(app).some((line) => line.startsWith('›')), () => 'a selected row');
      const title = frameLines(app).find((line) => line.startsWith('Users'));
      const selected = frameLines(app).find((line) => line.startsWith('›'));
      assert.ok(title && selected);
      const posts = tokenPosts(server.requests);

      await waitForText(app, 'Session ended — log in again to carry on where you were', 8000);
      assert.match(app.lastFrame() ?? '', /Password for admin:/);
      assert.match(app.lastFrame() ?? '', /token expired/);
      assert.match(frameLines(app).at(-1) ?? '', /^Enter log in {2}Ctrl-U clear {2}Ctrl-W delete word {2}Ctrl-C quit/, 'the footer names the prompt’s keys');
      assert.ok(tokenPosts(server.requests) > posts, 'a renewal was tried and failed');
      const title2 = frameLines(app).find((line) => line.startsWith('Users'));
      assert.equal(title2, undefined, 'the prompt is over the table');

      server.setFault({kind: 'none'});
      // The password holds s, S, j and g: keys that would sort and move the table if it still listened.
      await press(app, 'sjSg');
      await press(app, KEYS.ctrlU, server.password);
      await waitForText(app, /Password for admin: ••••••/);
      await press(app, KEYS.enter);
      await waitUntil(
        () => frameLines(app).find((line) => line.startsWith('Users')) === title,
        () => `the same title line ${title} in:\n${app.lastFrame()}`,
      );
      await waitUntil(
        () => frameLines(app).find((line) => line.startsWith('›')) === selected,
        () => `the same selected row ${selected} in:\n${app.lastFrame()}`,
      );
      assert.doesNotMatch(app.lastFrame() ?? '', /Session ended/);
      // The countdown wakes once a second: it shows the new token's time on its next tick.
      await waitForText(app, /expires in 0:0[1-4]/, 3000);
    } finally {
      server.setFault({kind: 'none'});
      await harness.close();
    }
  });
});
