import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {connect} from 'node:tls';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {generateCertificate} from '../../source/demo/certificate.js';
import {basicAuth, confdGet, demoRequest, login} from '../helpers/demo.js';

describe('demo server plumbing', () => {
  let server: DemoServer;
  let token: string;
  before(async () => {
    server = await startDemoServer({users: 20, lines: 20});
    token = await login(server);
  });
  after(() => server.close());

  test('URLs, credentials and certificate describe the running server', async () => {
    assert.equal(server.host, '127.0.0.1');
    assert.ok(server.port > 0);
    assert.equal(server.hostPort, `127.0.0.1:${server.port}`);
    assert.equal(server.url, `https://127.0.0.1:${server.port}`);
    assert.equal(server.authUrl, `${server.url}/api/auth/0.1`);
    assert.equal(server.confdUrl, `${server.url}/api/confd/1.1`);
    assert.deepEqual([server.username, server.password], ['admin', 'secret']);
    assert.deepEqual(server.accounts.map((account) => account.username), ['admin', 'reader']);
    assert.deepEqual(server.tenants.map((tenant) => tenant.name), ['Acme', 'Acme Lab', 'Globex']);
    const peer = await new Promise<string>((resolve, reject) => {
      const socket = connect({host: server.host, port: server.port, ca: server.certPem, servername: 'localhost'}, () => {
        resolve(socket.getPeerX509Certificate()?.fingerprint256 ?? '');
        socket.end();
      });
      socket.on('error', reject);
    });
    assert.equal(peer, server.fingerprint256);
  });

  test('every request is recorded with lower-cased headers', async () => {
    const before = server.requests.length;
    await confdGet(server, token, '/users?limit=1', {'X-Custom-Header': 'yes'});
    const recorded = server.requests.slice(before);
    assert.equal(recorded.length, 1);
    assert.equal(recorded[0]?.method, 'GET');
    assert.equal(recorded[0]?.url, '/api/confd/1.1/users?limit=1');
    assert.equal(recorded[0]?.headers['x-auth-token'], token);
    assert.equal(recorded[0]?.headers['x-custom-header'], 'yes');
  });

  test('unknown paths are Flask 404s and wrong methods 405s', async () => {
    const unknown = await demoRequest(server, {path: '/api/confd/1.1/nothing-here'});
    assert.equal(unknown.status, 404);
    assert.match((unknown.json as {message: string}).message, /not found/);
    assert.equal((await demoRequest(server, {path: '/'})).status, 404);
    assert.equal((await demoRequest(server, {method: 'PUT', path: '/api/auth/0.1/token'})).status, 405);
  });

  test('a status fault answers matching paths only, in the service format or as nginx', async () => {
    server.setFault({kind: 'status', status: 500}, /\/api\/confd\//);
    try {
      const confd = await confdGet(server, token, '/users');
      assert.equal(confd.status, 500);
      assert.deepEqual(confd.json, ['Injected fault']);
      const head = await demoRequest(server, {method: 'HEAD', path: `/api/auth/0.1/token/${token}`});
      assert.equal(head.status, 204, 'auth paths are not matched');
      server.setFault({kind: 'status', status: 503});
      const auth = await demoRequest(server, {method: 'POST', path: '/api/auth/0.1/token', body: {}});
      assert.equal(auth.status, 503);
      assert.match(String(auth.headers['content-type']), /text\/html/);
      assert.match(auth.text, /503 Service Temporarily Unavailable.*nginx/s);
      server.setFault({kind: 'status', status: 429}, /\/token$/);
      const limited = await demoRequest(server, {method: 'POST', path: '/api/auth/0.1/token', body: {}, headers: {authorization: basicAuth('admin', 'secret')}});
      assert.equal(limited.status, 429);
      assert.equal((limited.json as {status_code: number}).status_code, 429);
    } finally {
      server.setFault({kind: 'none'});
    }
    assert.equal((await confdGet(server, token, '/users?limit=1')).status, 200);
  });

  test('a no-offset fault answers every page of a list as its first', async () => {
    const first = (await confdGet(server, token, '/users?limit=3&order=id')).json as {items: Array<{id: number}>};
    server.setFault({kind: 'no-offset'}, /\/users/);
    try {
      const later = (await confdGet(server, token, '/users?limit=3&offset=6&order=id')).json as {items: Array<{id: number}>};
      assert.deepEqual(later.items.map((item) => item.id), first.items.map((item) => item.id));
    } finally {
      server.setFault({kind: 'none'});
    }
    const later = (await confdGet(server, token, '/users?limit=3&offset=6&order=id')).json as {items: Array<{id: number}>};
    assert.notDeepEqual(later.items.map((item) => item.id), first.items.map((item) => item.id), 'without the fault the offset counts');
  });

  test('a malformed fault answers 200 with a body that is not JSON', async () => {
    server.setFault({kind: 'malformed'}, /\/users/);
    try {
      const response = await confdGet(server, token, '/users');
      assert.equal(response.status, 200);
      assert.match(String(response.headers['content-type']), /application\/json/);
      assert.throws(() => JSON.parse(response.text));
    } finally {
      server.setFault({kind: 'none'});
    }
  });

  test('a hang fault never answers; the request is still recorded', async () => {
    server.setFault({kind: 'hang'}, /\/infos/);
    try {
      const before = server.requests.length;
      await assert.rejects(demoRequest(server, {path: '/api/confd/1.1/infos', headers: {'x-auth-token': token}, timeoutMs: 300}), /timed out/);
      assert.equal(server.requests[before]?.url, '/api/confd/1.1/infos');
    } finally {
      server.setFault({kind: 'none'});
    }
  });

  test('latency delays every answer', async () => {
    server.setLatency(300);
    try {
      const started = Date.now();
      const response = await confdGet(server, token, '/infos');
      assert.equal(response.status, 200);
      assert.ok(Date.now() - started >= 250, 'the answer waited for the latency');
      await assert.rejects(demoRequest(server, {path: '/api/confd/1.1/infos', headers: {'x-auth-token': token}, timeoutMs: 100}), /timed out/);
    } finally {
      server.setLatency(0);
    }
  });
});

describe('demo server lifecycle', () => {
  test('close() returns while a request hangs and a keep-alive socket is open', async () => {
    const server = await startDemoServer({users: 5, lines: 5});
    server.setFault({kind: 'hang'});
    const hanging = demoRequest(server, {path: '/api/confd/1.1/infos'}).catch((error: unknown) => error);
    const idle = connect({host: server.host, port: server.port, ca: server.certPem, servername: 'localhost'});
    idle.on('error', () => {});
    await new Promise((resolve) => idle.once('secureConnect', resolve));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await server.close();
    assert.ok((await hanging) instanceof Error);
  });

  test('a restart can reuse the same certificate, and a fixed port', async () => {
    const certificate = generateCertificate();
    const first = await startDemoServer({users: 5, lines: 5, certificate});
    const port = first.port;
    await first.close();
    const second = await startDemoServer({users: 5, lines: 5, certificate, port});
    try {
      assert.equal(second.port, port);
      assert.equal(second.fingerprint256, certificate.fingerprint256);
      assert.equal(second.certPem, certificate.certPem);
      assert.equal(typeof (await login(second)), 'string');
    } finally {
      await second.close();
    }
  });

  test('custom main credentials', async () => {
    const server = await startDemoServer({users: 5, lines: 5, username: 'root', password: 'pa ss:wörd'});
    try {
      assert.deepEqual([server.username, server.password], ['root', 'pa ss:wörd']);
      assert.equal(typeof (await login(server, {username: 'root', password: 'pa ss:wörd'})), 'string');
      await assert.rejects(login(server, {username: 'admin', password: 'secret'}), /401/);
    } finally {
      await server.close();
    }
  });
});
