import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {formatDate} from '../../source/text/format-date.js';

describe('formatDate', () => {
  test('UTC to the second, whatever the local zone', () => {
    assert.equal(formatDate(new Date(Date.UTC(2026, 10, 28, 0, 52, 51, 999))), '2026-11-28 00:52:51 UTC');
  });
});
