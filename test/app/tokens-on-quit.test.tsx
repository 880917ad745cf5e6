/**
 * No token outlives the dashboard, through the whole App against the demo server: one login at a
 * time however often Enter is pressed, a quit during a login revokes what that login brings, and
 * quitting after a login leaves neither the access token nor the refresh token on the server.
 */
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {KEYS, press, waitForText} from '../helpers/ink.js';
import {liveTokens} from '../helpers/live-tokens.js';
import {pinDemo, startApp, waitUntil} from './harness.js';

let server: DemoServer;
before(async () => {
  server = await startDemoServer({users: 10, lines: 10});
});
after(() => server.close());

const tokenPosts = () => server.requests.filter((request) => request.method === 'POST' && /\/token$/.test(request.url)).length;
const wazoTuiRefreshTokens = (ids: string[]) => ids.filter((id) => id.startsWith('wazo-tui-'));

describe('tokens and quitting', () => {
  test('Enter pressed again while a login runs is ignored: one token, and quit leaves none', async () => {
    const before = await liveTokens(server, 'admin');
    const posts = tokenPosts();
    const harness = startApp({server: server.hostPort, username: 'admin', prepare: (dir) => pinDemo(dir, server)});
    let closed = false;
    try {
      await waitForText(harness.app, '› Password');
      server.setLatency(400);
      await press(harness.app, server.password, KEYS.enter);
      await waitUntil(() => tokenPosts() > posts, () => 'the first login request reaches the server');
      await press(harness.app, KEYS.enter, KEYS.enter);
      await waitForText(harness.app, /Users {2}rows 1–/, 10_000);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      server.setLatency(0);
      assert.equal(tokenPosts() - posts, 1, 'one login request');
      const during = await liveTokens(server, 'admin');
      assert.equal(during.sessions, before.sessions + 1, 'one live session');
      assert.equal(wazoTuiRefreshTokens(during.refreshTokens).length, wazoTuiRefreshTokens(before.refreshTokens).length + 1);
      await harness.close();
      closed = true;
      const after = await liveTokens(server, 'admin');
      assert.equal(after.sessions, before.sessions, 'the access token is revoked on quit');
      assert.deepEqual(wazoTuiRefreshTokens(after.refreshTokens), wazoTuiRefreshTokens(before.refreshTokens), 'and the refresh token deleted');
    } finally {
      server.setLatency(0);
      if (!closed) await harness.close();
    }
  });

  test('quitting while a login is in flight revokes the tokens it brings', async () => {
    const before = await liveTokens(server, 'admin');
    const posts = tokenPosts();
    const harness = startApp({server: server.hostPort, username: 'admin', prepare: (dir) => pinDemo(dir, server)});
    try {
      await waitForText(harness.app, '› Password');
      server.setLatency(500);
      await press(harness.app, server.password, KEYS.enter);
      await waitUntil(() => tokenPosts() > posts, () => 'the login request reaches the server');
      await harness.close();
    } finally {
      server.setLatency(0);
    }
    const after = await liveTokens(server, 'admin');
    assert.equal(after.sessions, before.sessions, 'the abandoned login left no live token');
    assert.deepEqual(wazoTuiRefreshTokens(after.refreshTokens), wazoTuiRefreshTokens(before.refreshTokens), 'nor a refresh token');
  });
});
