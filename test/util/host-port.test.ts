import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {formatHostPort, urlHost} from '../../source/util/host-port.js';

describe('host:port', () => {
  test('brackets IPv6 addresses only', () => {
    assert.equal(formatHostPort('::1', 8443), '[::1]:8443');
    assert.equal(formatHostPort('fe80::1', 443), '[fe80::1]:443');
    assert.equal(formatHostPort('10.0.0.5', 443), '10.0.0.5:443');
    assert.equal(formatHostPort('pbx.example.com', 8443), 'pbx.example.com:8443');
    assert.equal(urlHost('::ffff:10.0.0.1'), '[::ffff:10.0.0.1]');
    assert.equal(urlHost('pbx'), 'pbx');
  });
});
