import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {formatRemaining, level, parseWazoUtc, renewDelay, tokenTimes} from '../../source/session/countdown.js';

describe('parseWazoUtc', () => {
  test('reads UTC without Z and a 6-digit fraction', () => {
    assert.equal(parseWazoUtc('2024-05-01T12:34:56.789123'), Date.UTC(2024, 4, 1, 12, 34, 56, 789));
    assert.equal(parseWazoUtc('2024-05-01T12:34:56'), Date.UTC(2024, 4, 1, 12, 34, 56));
    assert.equal(parseWazoUtc('2024-05-01T12:34:56.5Z'), Date.UTC(2024, 4, 1, 12, 34, 56, 500));
  });

  test('refuses anything else', () => {
    for (const text of ['', 'yesterday', '2024-05-01', '2024-13-01T00:00:00', '2024-05-01T12:34:56+02:00', '2024-05-01T25:00:00']) {
      assert.equal(parseWazoUtc(text), undefined, text);
    }
  });
});

describe('tokenTimes', () => {
  const token = {utc_issued_at: '2024-05-01T12:00:00.000000', utc_expires_at: '2024-05-01T13:00:00.000000'};

  test('expiry is placed on the local clock: a server 10 minutes off changes nothing', () => {
    const receivedAt = Date.UTC(2024, 4, 1, 12, 10, 0);
    const times = tokenTimes(token, receivedAt);
    assert.deepEqual(times, {expiresAt: receivedAt + 3_600_000, lifetime: 3_600_000, skew: 600_000});
    const inSync = tokenTimes(token, Date.UTC(2024, 4, 1, 12, 0, 0));
    assert.equal(inSync?.expiresAt, Date.UTC(2024, 4, 1, 13, 0, 0));
    assert.equal(inSync?.skew, 0);
  });

  test('unreadable or reversed timestamps give undefined', () => {
    assert.equal(tokenTimes({...token, utc_expires_at: 'soon'}, 0), undefined);
    assert.equal(tokenTimes({utc_issued_at: token.utc_expires_at, utc_expires_at: token.utc_issued_at}, 0), undefined);
  });
});

describe('formatRemaining', () => {
  test('M:SS under an hour, H:MM:SS from an hour, 0:00 when past', () => {
    assert.equal(formatRemaining(0), '0:00');
    assert.equal(formatRemaining(-5000), '0:00');
    assert.equal(formatRemaining(1), '0:01');
    assert.equal(formatRemaining(59_000), '0:59');
    assert.equal(formatRemaining(61_000), '1:01');
    assert.equal(formatRemaining(3_599_000), '59:59');
    assert.equal(formatRemaining(3_600_000), '1:00:00');
    assert.equal(formatRemaining(7_265_000), '2:01:05');
    assert.equal(formatRemaining(36_000_000 * 3), '30:00:00');
  });
});

describe('level', () => {
  test('ok, warn under 5 min, critical under 1 min, expired at 0', () => {
    assert.equal(level(3_600_000), 'ok');
    assert.equal(level(300_000), 'ok');
    assert.equal(level(299_999), 'warn');
    assert.equal(level(60_000), 'warn');
    assert.equal(level(59_999), 'critical');
    assert.equal(level(1), 'critical');
    assert.equal(level(0), 'expired');
    assert.equal(level(-1), 'expired');
  });
});

describe('renewDelay', () => {
  test('80 % of the lifetime or 60 s before expiry, whichever comes first', () => {
    assert.equal(renewDelay(3_600_000), 2_880_000);
    assert.equal(renewDelay(300_000), 240_000);
    assert.equal(renewDelay(120_000), 60_000);
  });

  test('short tokens renew at 80 %, never at a negative time', () => {
    assert.equal(renewDelay(5000), 4000);
    assert.equal(renewDelay(61_000), 48_800);
    assert.equal(renewDelay(0), 0);
  });
});
