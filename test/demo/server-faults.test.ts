/**
 * The demo server's faults as they happen on the wire (issue 9): sizes, the shape of a slow body
 * over time, resets, cut bodies, wazo-auth down while confd answers, and which requests a fault
 * hits. Each test looks at the bytes a real HTTPS client receives.
 */
import {after, afterEach, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {DEFAULT_HUGE_BYTES, parseFaultSpec} from '../../source/demo/fault-spec.js';
import {loginRequest, tokenOf, wireRequest, type WireRequest} from '../helpers/wire.js';

const CONFD = /^\/api\/confd\//;

describe('demo server faults on the wire', () => {
  let server: DemoServer;
  let token: string;
  const confd = (path: string, extra: Partial<WireRequest> = {}): WireRequest => ({
    port: server.port,
    ca: server.certPem,
    path: `/api/confd/1.1${path}`,
    headers: {'x-auth-token': token},
    ...extra,
  });
  before(async () => {
    server = await startDemoServer({users: 30, lines: 30});
    token = tokenOf(await wireRequest(loginRequest(server.port, server.certPem)));
  });
  afterEach(() => server.setFault({kind: 'none'}));
  after(() => server.close());

  test('huge sends a 50 MB confd list with a Content-Length that matches the bytes sent', async () => {
    await server.setFault(parseFaultSpec('huge'), CONFD);
    const result = await wireRequest(confd('/users?limit=5'));
    assert.equal(result.status, 200);
    assert.equal(result.complete, true);
    const length = Number(result.headers?.['content-length']);
    assert.ok(length >= DEFAULT_HUGE_BYTES && length < DEFAULT_HUGE_BYTES + 4096, `Content-Length ${length}`);
    assert.equal(result.bytes, length);
  });

  test('huge-chunked sends a valid list of the size asked, without Content-Length', async () => {
    await server.setFault(parseFaultSpec('huge-chunked=2'), CONFD);
    const result = await wireRequest(confd('/users?limit=5', {keepBody: true}));
    assert.equal(result.status, 200);
    assert.equal(result.headers?.['content-length'], undefined);
    assert.equal(result.headers?.['transfer-encoding'], 'chunked');
    assert.ok(result.bytes >= 2 * 1024 * 1024 && result.bytes < 2 * 1024 * 1024 + 4096, `${result.bytes} bytes`);
    const page = JSON.parse(result.body!.toString('utf8')) as {total: number; items: Array<{uuid: string}>};
    assert.equal(page.items.length, page.total, 'total says how many items were sent');
    assert.ok(page.items.length > 100, `${page.items.length} items`);
    assert.equal(new Set(page.items.map((item) => item.uuid)).size, 1, 'the first item, repeated');
  });

  test('huge pads an answer that is not a list, keeping its fields', async () => {
    await server.setFault({kind: 'huge', bytes: 300_000}, /\/token$/);
    const result = await wireRequest(loginRequest(server.port, server.certPem));
    assert.equal(result.bytes, Number(result.headers?.['content-length']));
    assert.ok(result.bytes >= 300_000 && result.bytes < 301_000, `${result.bytes} bytes`);
    const answer = JSON.parse(result.body!.toString('utf8')) as {data: {token: string}; padding: string};
    assert.match(answer.data.token, /^[0-9a-f-]{36}$/);
    assert.ok(answer.padding.length > 290_000);
  });

  test('slow-body sends the headers at once and the body in pieces spread over the duration', async () => {
    await server.setFault(parseFaultSpec('slow-body=1.5'), CONFD);
    const result = await wireRequest(confd('/users?limit=20', {keepBody: true}));
    assert.equal(result.status, 200);
    assert.equal(result.complete, true);
    assert.equal(result.bytes, Number(result.headers?.['content-length']));
    assert.ok(Array.isArray((JSON.parse(result.body!.toString('utf8')) as {items: unknown[]}).items), 'the whole body, intact');
    assert.ok(result.chunkTimes.length >= 4, `${result.chunkTimes.length} pieces`);
    const last = result.chunkTimes.at(-1)!;
    assert.ok(last - result.headersAt! >= 1200, `the body took ${last - result.headersAt!} ms after the headers`);
    assert.ok(result.chunkTimes[0]! - result.headersAt! < last - result.chunkTimes[0]!, 'the headers came well before the body ended');
  });

  test('reset answers with a TCP reset and no HTTP answer', async () => {
    await server.setFault(parseFaultSpec('reset'), CONFD);
    const result = await wireRequest(confd('/users'));
    assert.equal(result.status, undefined);
    assert.equal(result.errorCode, 'ECONNRESET');
  });

  test('truncated announces the whole body, sends half, then closes', async () => {
    await server.setFault(parseFaultSpec('truncated'), CONFD);
    const result = await wireRequest(confd('/users?limit=20'));
    assert.equal(result.status, 200);
    const length = Number(result.headers?.['content-length']);
    assert.ok(length > 1000);
    assert.equal(result.complete, false);
    assert.equal(result.bytes, Math.floor(length / 2));
  });

  test('5xx is nginx 502 by default, or the status given', async () => {
    await server.setFault(parseFaultSpec('5xx'), CONFD);
    const gateway = await wireRequest(confd('/users', {keepBody: true}));
    assert.equal(gateway.status, 502);
    assert.match(gateway.body!.toString(), /502 Bad Gateway.*nginx/s);
    await server.setFault(parseFaultSpec('5xx=500'), CONFD);
    const internal = await wireRequest(confd('/users', {keepBody: true}));
    assert.equal(internal.status, 500);
    assert.deepEqual(JSON.parse(internal.body!.toString()), ['Injected fault']);
  });

  test('auth-down on one port: wazo-auth paths get nginx 502, confd still answers the token it issued', async () => {
    await server.setFault(parseFaultSpec('auth-down'));
    assert.deepEqual(server.faults, [{fault: {kind: 'auth-down', mode: 'bad-gateway'}}]);
    const login = await wireRequest(loginRequest(server.port, server.certPem));
    assert.equal(login.status, 502);
    assert.match(login.body!.toString(), /Bad Gateway/);
    assert.equal((await wireRequest(confd('/users?limit=1'))).status, 200);
    await server.setFault({kind: 'none'});
    assert.equal((await wireRequest(loginRequest(server.port, server.certPem))).status, 200);
  });

  test('after lets that many matching requests through; other paths do not count', async () => {
    await server.setFaults([{fault: {kind: 'status', status: 503}, match: /\/users/, after: 2}]);
    const statuses = [];
    for (const path of ['/users?limit=1', '/lines?limit=1', '/users?limit=1', '/users?limit=1', '/users?limit=1']) {
      statuses.push((await wireRequest(confd(path))).status);
    }
    assert.deepEqual(statuses, [200, 200, 200, 503, 503]);
  });

  test('of several faults, the first whose paths match applies', async () => {
    await server.setFaults([
      {fault: {kind: 'status', status: 504}, match: /\/lines/},
      {fault: {kind: 'status', status: 500}, match: CONFD},
    ]);
    assert.equal((await wireRequest(confd('/lines'))).status, 504);
    assert.equal((await wireRequest(confd('/users'))).status, 500);
    assert.equal((await wireRequest(loginRequest(server.port, server.certPem))).status, 200);
  });
});

describe('fault specs from the command line', () => {
  test('every kind, with and without a value', () => {
    assert.deepEqual(parseFaultSpec('huge'), {kind: 'huge', chunked: false});
    assert.deepEqual(parseFaultSpec('huge=10'), {kind: 'huge', chunked: false, bytes: 10 * 1024 * 1024});
    assert.deepEqual(parseFaultSpec('huge-chunked=0.5'), {kind: 'huge', chunked: true, bytes: 512 * 1024});
    assert.deepEqual(parseFaultSpec('slow-body'), {kind: 'slow-body'});
    assert.deepEqual(parseFaultSpec('slow-body=2.5'), {kind: 'slow-body', durationMs: 2500});
    assert.deepEqual(parseFaultSpec('5xx'), {kind: 'status', status: 502});
    assert.deepEqual(parseFaultSpec('5xx=503'), {kind: 'status', status: 503});
    assert.deepEqual(parseFaultSpec('auth-down'), {kind: 'auth-down'});
    assert.deepEqual(parseFaultSpec('auth-down=refused'), {kind: 'auth-down', mode: 'refused'});
    assert.deepEqual(parseFaultSpec('auth-down=502'), {kind: 'auth-down', mode: 'bad-gateway'});
    for (const kind of ['hang', 'reset', 'truncated', 'malformed', 'no-offset'] as const) assert.deepEqual(parseFaultSpec(kind), {kind});
  });

  test('wrong names and values are refused with a sentence', () => {
    assert.throws(() => parseFaultSpec('explode'), /unknown --fault "explode"; one of: huge, huge-chunked/);
    assert.throws(() => parseFaultSpec('5xx=404'), /5xx=404: the status is a number from 500 to 599/);
    assert.throws(() => parseFaultSpec('5xx=502.5'), /whole number/);
    assert.throws(() => parseFaultSpec('huge=lots'), /the size in MB/);
    assert.throws(() => parseFaultSpec('slow-body='), /the duration in seconds/);
    assert.throws(() => parseFaultSpec('reset=1'), /takes no value/);
    assert.throws(() => parseFaultSpec('auth-down=maybe'), /502 or refused/);
  });
});
