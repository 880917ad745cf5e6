import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {mapConnectionError} from '../../source/api/connection-errors.js';

const endpoint = {host: 'pbx.example.com', port: 443, hostPort: 'pbx.example.com:443'};

describe('mapConnectionError', () => {
  const err = (code: string, extra: Record<string, unknown> = {}) => Object.assign(new Error(code), {code, ...extra});

  it('names the host that cannot be found', () => {
    const error = mapConnectionError(err('ENOTFOUND'), endpoint, 'GET /users', 1000);
    assert.equal(error?.kind, 'name-not-found');
    assert.equal(error?.message, 'Cannot find host pbx.example.com: check the name');
  });

  it('says which address failed and why', () => {
    const refused = mapConnectionError(err('ECONNREFUSED', {address: '192.0.2.7', port: 443}), endpoint, 'GET /users', 1000);
    assert.equal(refused?.kind, 'unreachable');
    assert.match(refused?.message ?? '', /pbx\.example\.com:443 \(192\.0\.2\.7:443\): connection refused/);
    const v6 = mapConnectionError(err('ECONNREFUSED', {address: '2001:db8::7', port: 443}), endpoint, 'GET /users', 1000);
    assert.match(v6?.message ?? '', /\(\[2001:db8::7\]:443\)/, 'an IPv6 address is bracketed');
    for (const code of ['EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET']) {
      assert.equal(mapConnectionError(err(code), endpoint, 'x', 1000)?.kind, 'unreachable', code);
    }
  });

  it('maps timeouts, cancels and TLS protocol errors, and leaves other errors alone', () => {
    const timeout = mapConnectionError(Object.assign(new Error('t'), {name: 'TimeoutError', code: 'ETIMEDOUT'}), endpoint, 'GET /users', 1500);
    assert.equal(timeout?.kind, 'timeout');
    assert.match(timeout?.message ?? '', /within 1\.5 s \(GET \/users\)/);
    assert.equal(mapConnectionError(err('ERR_ABORTED'), endpoint, 'x', 1)?.kind, 'cancelled');
    assert.equal(mapConnectionError(err('ERR_SSL_WRONG_VERSION_NUMBER'), endpoint, 'x', 1)?.kind, 'tls');
    assert.equal(mapConnectionError(err('SOMETHING_ELSE'), endpoint, 'x', 1), undefined);
  });
});
