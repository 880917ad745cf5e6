/**
 * A failing renewal seen from the dashboard: the status line says why and when it retries, the
 * header's countdown turns to "token expired", no password is asked while the refresh token may
 * still work, and the session comes back by itself once wazo-auth answers.
 */
import {test} from 'node:test';
import assert from 'node:assert/strict';
import {PinStore} from '../../source/config/pins.js';
import {startDemoServer} from '../../source/demo/server.js';
import {KEYS, press, waitForText} from '../helpers/ink.js';
import {startApp, using} from './harness.js';

test('wazo-auth unreachable during a session: the status line counts down to the next try, and no password is asked', async () => {
  const server = await startDemoServer({users: 5, lines: 5, splitConfd: {}});
  try {
    const prepare = (dir: string) => {
      const pins = new PinStore(dir);
      for (const endpoint of server.endpoints) {
        pins.set({hostPort: endpoint.hostPort, pem: endpoint.certPem, fingerprint256: endpoint.fingerprint256, trustedAt: new Date().toISOString()});
      }
    };
    const harness = startApp({server: server.hostPort, username: 'admin', confdUrl: server.confdUrl, expiration: 4, prepare});
    await using(harness, async () => {
      await waitForText(harness.app, '› Password', 8000);
      await press(harness.app, server.password, KEYS.enter);
      await waitForText(harness.app, /Users {2}rows 1–/, 8000);
      await server.setFaults([{fault: {kind: 'auth-down', mode: 'refused'}}]);

      await waitForText(harness.app, /! Renewal failed: wazo-auth unreachable, retrying in \d+ s/, 8000);
      const expired = await waitForText(harness.app, /✗ The token expired; wazo-auth unreachable, retrying the refresh token in \d+ s/, 10_000);
      assert.match(expired, /token expired(?!;)/, 'the header says it too');
      assert.doesNotMatch(expired, /Password for/, 'no password prompt while the refresh token may work');
      assert.match(expired, /Users {2}rows 1–/, 'the table stays');

      await server.setFaults([]);
      const back = await waitForText(harness.app, /expires in 0:0\d/, 15_000);
      assert.doesNotMatch(back, /Password for|retrying/);
    });
  } finally {
    await server.close();
  }
});
