import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {inspect} from 'node:util';
import {ApiError, isApiError} from '../../source/api/errors.js';
import {Session, type SessionOptions} from '../../source/session/session.js';
import {FakeAuth, FakeClock, deferred, flush, settled} from './fakes.js';

function setup(options: Partial<SessionOptions> = {}) {
  const clock = new FakeClock();
  const auth = new FakeAuth(clock);
  const session = new Session(auth.client, {
    clientId: 'wazo-tui-test',
    expiration: 5,
    now: clock.now,
    setTimer: clock.setTimer,
    clearTimer: clock.clearTimer,
    ...options,
  });
  return {clock, auth, session};
}

const count = (calls: string[], name: string) => calls.filter((call) => call === name).length;

describe('Session.login', () => {
  test('asks for an offline token with the client id and shows what the token allows', async () => {
    const {auth, session} = setup({expiration: 3600});
    await session.login('admin', 'secret');
    assert.deepEqual(auth.createRequests, [
      {username: 'admin', password: 'secret', expiration: 3600, accessType: 'offline', clientId: 'wazo-tui-test'},
    ]);
    const snapshot = session.snapshot;
    assert.equal(snapshot.state, 'active');
    assert.equal(snapshot.username, 'admin');
    assert.equal(snapshot.tenantUuid, 'tenant-uuid');
    assert.deepEqual(snapshot.acl, ['#']);
    assert.equal(snapshot.fullAccess, true);
    assert.equal(snapshot.hasRefreshToken, true);
    assert.equal(snapshot.lifetime, 3_600_000);
    assert.equal(session.remaining(), 3_600_000);
    assert.ok(!inspect(session, {depth: Infinity, showHidden: true}).includes('secret'), 'the password is kept nowhere');
    await session.end();
  });

  test('a refused login throws the client error and keeps no trace of the password', async () => {
    const {session} = setup();
    await assert.rejects(session.login('admin', 'wrong-password'), (error) => isApiError(error, 'auth-failed'));
    assert.equal(session.snapshot.state, 'logged-out');
    assert.ok(!inspect(session, {depth: Infinity, showHidden: true}).includes('wrong-password'));
  });

  test('subscribers hear changes and the snapshot keeps its identity between them', async () => {
    const {session} = setup();
    let heard = 0;
    const unsubscribe = session.subscribe(() => heard++);
    await session.login('admin', 'secret');
    assert.ok(heard >= 1);
    const before = heard;
    assert.equal(session.getSnapshot(), session.getSnapshot());
    unsubscribe();
    await session.end();
    assert.equal(heard, before);
    assert.equal(session.snapshot.state, 'ended');
  });

  test('a server clock 10 minutes ahead does not move the countdown', async () => {
    const {clock, auth, session} = setup({expiration: 3600});
    auth.clockOffset = 600_000;
    await session.login('admin', 'secret');
    assert.equal(session.snapshot.expiresAt, clock.time + 3_600_000);
    await session.end();
  });
});

describe('Session renewal', () => {
  test('a 5-second token renews at 4 s with the refresh token, and the new token is used', async () => {
    const {clock, auth, session} = setup();
    await session.login('admin', 'secret');
    await clock.advance(3999);
    assert.equal(count(auth.calls, 'refresh'), 0);
    await clock.advance(1);
    assert.equal(count(auth.calls, 'refresh'), 1);
    assert.deepEqual(auth.refreshRequests[0], {refreshToken: 'refresh-1', clientId: 'wazo-tui-test', expiration: 5});
    assert.equal(session.snapshot.state, 'active');
    assert.equal(session.remaining(), 5000);
    assert.equal(await session.withToken((token) => auth.call(token)), 'ok with token-2');
    await clock.advance(4000);
    assert.equal(count(auth.calls, 'refresh'), 2, 'renewal goes on');
    await session.end();
  });

  test('an hour token renews at 48 minutes; a 2-minute token 60 s before expiry', async () => {
    for (const [expiration, at] of [
      [3600, 2_880_000],
      [120, 60_000],
    ] as const) {
      const {clock, auth, session} = setup({expiration});
      await session.login('admin', 'secret');
      await clock.advance(at - 1);
      assert.equal(count(auth.calls, 'refresh'), 0, `${expiration} s`);
      await clock.advance(1);
      assert.equal(count(auth.calls, 'refresh'), 1, `${expiration} s`);
      await session.end();
    }
  });

  test('10 calls during a renewal wait for it, then all run with the new token; one refresh', async () => {
    const {clock, auth, session} = setup();
    await session.login('admin', 'secret');
    const gate = deferred();
    auth.refreshGate = gate.promise;
    await clock.advance(4000);
    assert.equal(session.snapshot.state, 'renewing');
    const calls = Array.from({length: 10}, () => session.withToken((token) => auth.call(token)));
    assert.equal(await settled(Promise.race(calls)), false, 'the calls wait for the renewal');
    gate.resolve();
    assert.deepEqual(await Promise.all(calls), Array(10).fill('ok with token-2'));
    assert.equal(count(auth.calls, 'refresh'), 1);
    await session.end();
  });

  test('a refused refresh token leads to expired at expiry; a waiting call is resolved by relogin', async () => {
    const {clock, auth, session} = setup();
    await session.login('admin', 'secret');
    auth.refreshError = new ApiError('auth-failed', 'Authentication failed', {status: 401});
    await clock.advance(4000);
    assert.equal(session.snapshot.state, 'active', 'the token still has a second');
    assert.equal(session.snapshot.hasRefreshToken, false);
    assert.equal(session.snapshot.lastError?.kind, 'auth-failed');
    await clock.advance(1000);
    assert.equal(session.snapshot.state, 'expired');
    assert.equal(session.snapshot.lastError?.kind, 'token-expired');
    const call = session.withToken((token) => auth.call(token));
    assert.equal(await settled(call), false, 'the call waits for the password');
    await assert.rejects(session.relogin('bad'), (error) => isApiError(error, 'auth-failed'));
    assert.equal(await settled(call), false, 'a failed relogin keeps it waiting');
    await session.relogin('secret');
    assert.equal(await call, 'ok with token-2');
    assert.equal(session.snapshot.state, 'active');
    assert.equal(auth.createRequests.at(-1)?.username, 'admin');
    await session.end();
  });

  test('a renewal failing on something that may pass is retried after 2, 5, then every 10 s, and says so', async () => {
    const {clock, auth, session} = setup({expiration: 100});
    await session.login('admin', 'secret');
    auth.refreshError = new ApiError('unreachable', 'Connection refused');
    await clock.advance(80_000);
    assert.equal(count(auth.calls, 'refresh'), 1);
    assert.equal(session.snapshot.state, 'active');
    assert.equal(session.snapshot.retry?.error.kind, 'unreachable');
    assert.equal(session.snapshot.retry?.retryAt, clock.now() + 2000);
    for (const wait of [2000, 5000, 10_000, 10_000]) {
      await clock.advance(wait - 1);
      const before = count(auth.calls, 'refresh');
      await clock.advance(1);
      assert.equal(count(auth.calls, 'refresh'), before + 1, `retried after ${wait} ms`);
    }
    auth.refreshError = undefined;
    await clock.advance(10_000);
    assert.equal(session.snapshot.state, 'active');
    assert.equal(session.snapshot.retry, undefined, 'a renewal that works clears the retry');
    assert.equal(session.remaining(), 100_000);
    await session.end();
  });

  test('past expiry the refresh token is tried until wazo-auth answers; the password is not asked meanwhile', async () => {
    const {clock, auth, session} = setup({expiration: 10});
    await session.login('admin', 'secret');
    auth.refreshError = new ApiError('unreachable', 'Connection refused');
    await clock.advance(10_000);
    assert.equal(session.snapshot.state, 'expired');
    assert.ok(session.snapshot.retry, 'still retrying with the refresh token');
    const waiting = session.withToken((token) => auth.call(token));
    await clock.advance(30_000);
    assert.equal(await settled(waiting), false, 'the call waits');
    const refreshes = count(auth.calls, 'refresh');
    assert.ok(refreshes >= 4, `${refreshes} refresh attempts`);
    auth.refreshError = undefined;
    await clock.advance(10_000);
    assert.equal(session.snapshot.state, 'active');
    assert.equal(session.snapshot.retry, undefined);
    assert.match(await waiting, /^ok with token-/, 'the waiting call runs with the renewed token');
    assert.equal(count(auth.calls, 'create'), 1, 'no password was needed');
    await session.end();
  });

  test('past expiry, a refused refresh token stops the retries: then the password is asked', async () => {
    const {clock, auth, session} = setup({expiration: 10});
    await session.login('admin', 'secret');
    auth.refreshError = new ApiError('unreachable', 'Connection refused');
    await clock.advance(12_000);
    assert.ok(session.snapshot.retry);
    auth.refreshError = new ApiError('auth-failed', 'Unauthorized', {status: 401});
    await clock.advance(10_000);
    assert.equal(session.snapshot.state, 'expired');
    assert.equal(session.snapshot.retry, undefined);
    assert.equal(session.snapshot.hasRefreshToken, false);
    const refreshes = count(auth.calls, 'refresh');
    await clock.advance(60_000);
    assert.equal(count(auth.calls, 'refresh'), refreshes, 'no more attempts');
    await session.end();
  });

  test('without refresh the token is online-only and the session expires', async () => {
    const {clock, auth, session} = setup({refresh: false});
    await session.login('admin', 'secret');
    assert.deepEqual(auth.createRequests[0], {username: 'admin', password: 'secret', expiration: 5});
    assert.equal(session.snapshot.hasRefreshToken, false);
    await clock.advance(5000);
    assert.equal(session.snapshot.state, 'expired');
    assert.equal(count(auth.calls, 'refresh'), 0);
    await session.end();
  });

  test('a timer that fires late (suspended laptop) does not hand out a dead token', async () => {
    const {clock, auth, session} = setup();
    await session.login('admin', 'secret');
    clock.time += 10_000;
    assert.equal(await session.withToken((token) => auth.call(token)), 'ok with token-2');
    assert.equal(count(auth.calls, 'refresh'), 1);
    await session.end();
  });
});

describe('Session and 401 answers', () => {
  test('a 401 with a valid token is a missing permission: forbidden, naming the ACL; the session stays', async () => {
    const {auth, session} = setup();
    await session.login('reader', 'secret');
    await assert.rejects(
      session.withToken((token) => auth.call(token, 'confd.lines.read')),
      (error) => isApiError(error, 'forbidden') && error.message.includes('confd.lines.read') && error.requiredAcl === 'confd.lines.read',
    );
    assert.equal(session.snapshot.state, 'active');
    const passThrough = new ApiError('forbidden', 'Unauthorized tenant');
    await assert.rejects(session.withToken(() => Promise.reject(passThrough)), (error) => error === passThrough);
    await session.end();
  });

  test('a revoked token is refreshed once and the call is retried', async () => {
    const {auth, session} = setup({expiration: 3600});
    await session.login('admin', 'secret');
    auth.live.clear();
    assert.equal(await session.withToken((token) => auth.call(token)), 'ok with token-2');
    assert.equal(count(auth.calls, 'check'), 1);
    assert.equal(count(auth.calls, 'refresh'), 1);
    await session.end();
  });

  test('a revoked token without a working refresh is reported, and the call waits for relogin', async () => {
    const {auth, session} = setup({expiration: 3600});
    await session.login('admin', 'secret');
    auth.refreshError = new ApiError('auth-failed', 'Authentication failed', {status: 401});
    auth.live.clear();
    const calls = [1, 2, 3].map(() => session.withToken((token) => auth.call(token)));
    assert.equal(await settled(Promise.race(calls)), false);
    assert.equal(session.snapshot.state, 'expired');
    assert.match(session.snapshot.lastError?.message ?? '', /ended on the server \(token revoked or expired\)/);
    assert.equal(count(auth.calls, 'check'), 1, 'one HEAD for concurrent 401s');
    assert.equal(count(auth.calls, 'refresh'), 1);
    await session.relogin('secret');
    assert.deepEqual(await Promise.all(calls), Array(3).fill('ok with token-2'));
    await session.end();
  });

  test('a waiting call can be cancelled by its signal', async () => {
    const {clock, auth, session} = setup({refresh: false});
    await session.login('admin', 'secret');
    await clock.advance(5000);
    const controller = new AbortController();
    const call = session.withToken((token) => auth.call(token), {signal: controller.signal});
    controller.abort();
    await assert.rejects(call, (error) => isApiError(error, 'cancelled'));
    await session.end();
  });
});

describe('Session end and logout', () => {
  test('end lets a renewal in flight land, then deletes the refresh token and revokes the renewed token', async () => {
    const {clock, auth, session} = setup();
    await session.login('admin', 'secret');
    const gate = deferred();
    auth.refreshGate = gate.promise;
    await clock.advance(4000);
    assert.equal(session.snapshot.state, 'renewing');
    const ending = session.end();
    await flush();
    assert.equal(await settled(ending), false, 'end waits for the renewal');
    gate.resolve();
    await ending;
    assert.equal(session.snapshot.state, 'ended');
    assert.deepEqual(auth.calls.slice(-2), ['delete-refresh wazo-tui-test with token-2', 'revoke token-2']);
    assert.equal(session.snapshot.lastError, undefined);
    assert.equal(clock.pending, 0, 'no timer left behind');
    await assert.rejects(session.withToken((token) => auth.call(token)), (error) => isApiError(error, 'cancelled'));
  });

  test('end gives up on a renewal that hangs at half its time limit, and revokes the token it brings later', async () => {
    const {clock, auth, session} = setup({expiration: 60, revokeTimeoutMs: 2000});
    await session.login('admin', 'secret');
    const gate = deferred();
    auth.refreshGate = gate.promise;
    await clock.advance(48_000);
    assert.equal(session.snapshot.state, 'renewing');
    const ending = session.end();
    await clock.advance(999);
    assert.equal(await settled(ending), false);
    await clock.advance(1);
    await ending;
    assert.equal(session.snapshot.state, 'ended');
    assert.equal(session.snapshot.lastError?.kind, 'timeout');
    assert.deepEqual(auth.calls.slice(-2), ['delete-refresh wazo-tui-test with token-1', 'revoke token-1'], 'with half the limit left, what it held is revoked');
    gate.resolve();
    await flush();
    assert.ok(auth.calls.includes('revoke token-2'), 'the late token is revoked, not left valid');
  });

  test('end never throws and gives up on a hung server after its time limit', async () => {
    const {clock, auth, session} = setup({revokeTimeoutMs: 2000});
    await session.login('admin', 'secret');
    auth.revokeHangs = true;
    const ending = session.end();
    await clock.advance(1999);
    assert.equal(await settled(ending), false);
    await clock.advance(1);
    await ending;
    assert.equal(session.snapshot.state, 'ended');
    assert.equal(session.snapshot.lastError?.kind, 'timeout');
  });

  test('logout deletes this installation refresh token, then revokes the access token', async () => {
    const {auth, session} = setup();
    await session.login('admin', 'secret');
    await session.logout();
    assert.deepEqual(auth.calls.slice(-2), ['delete-refresh wazo-tui-test with token-1', 'revoke token-1']);
    assert.equal(session.snapshot.state, 'logged-out');
    assert.equal(session.snapshot.username, undefined);
  });
});
