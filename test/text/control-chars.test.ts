import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {CONTROL_RANGE, stripControls} from '../../source/text/control-chars.js';

describe('control characters', () => {
  test('C0, DEL and C1 are controls; the characters around them are not', () => {
    const pattern = new RegExp(`^[${CONTROL_RANGE}]$`, 'u');
    for (const code of [0x00, 0x09, 0x0a, 0x1b, 0x1f, 0x7f, 0x80, 0x9b, 0x9f]) assert.ok(pattern.test(String.fromCodePoint(code)), code.toString(16));
    for (const code of [0x20, 0x7e, 0xa0, 0x2400]) assert.ok(!pattern.test(String.fromCodePoint(code)), code.toString(16));
  });

  test('stripControls removes every one of them and keeps the rest', () => {
    assert.equal(stripControls('a\u001b[31mb\u009bc\r\nd\u007f é👩‍👩‍👧'), 'a[31mbcd é👩‍👩‍👧');
    assert.equal(stripControls('plain'), 'plain');
  });
});
