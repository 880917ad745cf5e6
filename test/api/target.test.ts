import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {UsageError} from '../../source/api/errors.js';
import {parseServer} from '../../source/api/target.js';

describe('parseServer', () => {
  it('takes a bare host with the default port 443 and the nginx paths', () => {
    assert.deepEqual(parseServer('pbx.example.com'), {
      host: 'pbx.example.com',
      port: 443,
      hostPort: 'pbx.example.com:443',
      authUrl: 'https://pbx.example.com/api/auth/0.1',
      confdUrl: 'https://pbx.example.com/api/confd/1.1',
    });
  });

  it('keeps a port other than 443 in the URLs', () => {
    const target = parseServer('pbx.example.com:8443');
    assert.equal(target.port, 8443);
    assert.equal(target.hostPort, 'pbx.example.com:8443');
    assert.equal(target.authUrl, 'https://pbx.example.com:8443/api/auth/0.1');
    assert.equal(target.confdUrl, 'https://pbx.example.com:8443/api/confd/1.1');
  });

  it('accepts https:// with and without a port and a trailing slash', () => {
    assert.equal(parseServer('https://PBX.Example.com').hostPort, 'pbx.example.com:443');
    assert.equal(parseServer('https://pbx.example.com:9443/').authUrl, 'https://pbx.example.com:9443/api/auth/0.1');
    assert.equal(parseServer('  https://10.0.0.5:443  ').authUrl, 'https://10.0.0.5/api/auth/0.1');
  });

  it('handles IPv6 in brackets, with and without a port, and a bare IPv6 address', () => {
    const withPort = parseServer('[::1]:8443');
    assert.equal(withPort.host, '::1');
    assert.equal(withPort.port, 8443);
    assert.equal(withPort.hostPort, '[::1]:8443');
    assert.equal(withPort.confdUrl, 'https://[::1]:8443/api/confd/1.1');
    assert.equal(parseServer('[::1]').hostPort, '[::1]:443');
    assert.equal(parseServer('fe80::1').hostPort, '[fe80::1]:443');
    assert.equal(parseServer('https://[::1]:8443').host, '::1');
  });

  it('takes IPv4 addresses and names as typed', () => {
    assert.equal(parseServer('127.0.0.1:5000').hostPort, '127.0.0.1:5000');
    assert.equal(parseServer('localhost').authUrl, 'https://localhost/api/auth/0.1');
  });

  it('uses --auth-url and --confd-url when given, without a trailing slash', () => {
    const target = parseServer('pbx', {authUrl: 'https://pbx:9497/0.1/', confdUrl: 'https://pbx:9486/1.1'});
    assert.equal(target.authUrl, 'https://pbx:9497/0.1');
    assert.equal(target.confdUrl, 'https://pbx:9486/1.1');
    assert.equal(target.hostPort, 'pbx:443');
  });

  it('refuses http:// with a clear UsageError, for the server and the overrides', () => {
    assert.throws(() => parseServer('http://pbx.example.com'), (error: unknown) => {
      return error instanceof UsageError && /http:\/\/ is refused/.test(error.message) && /https:\/\//.test(error.message);
    });
    assert.throws(() => parseServer('pbx', {authUrl: 'http://pbx:9497/0.1'}), UsageError);
  });

  it('refuses what is not a server address', () => {
    for (const bad of ['', '   ', 'pbx:0', 'pbx:65536', 'pbx:abc', 'pbx:', '[pbx]:443', ':443', 'pbx/path', 'ftp://pbx', '1::2::3']) {
      assert.throws(() => parseServer(bad), UsageError, `should refuse ${JSON.stringify(bad)}`);
    }
  });

  it('refuses a path in an https:// address and points at the override flags', () => {
    assert.throws(() => parseServer('https://pbx/api/auth/0.1'), /--auth-url/);
  });

  it('never echoes credentials put in the URL', () => {
    assert.throws(
      () => parseServer('https://admin:s3cret@pbx.example.com'),
      (error: unknown) => error instanceof UsageError && !error.message.includes('s3cret'),
    );
    assert.throws(
      () => parseServer('http://admin:s3cret@pbx.example.com'),
      (error: unknown) => error instanceof UsageError && !error.message.includes('s3cret'),
    );
  });
});
