/**
 * Bounded answers (issue 9): whatever size a server sends, the client reads at most the ceiling
 * of what it asked for (a page, a record, a token), refuses the rest as a `too-large` ApiError,
 * and goes on working. Against the demo server's faults over real HTTPS, and a gzip bomb.
 */
import assert from 'node:assert/strict';
import {createServer} from 'node:https';
import type {AddressInfo} from 'node:net';
import {after, before, describe, it} from 'node:test';
import {gzipSync} from 'node:zlib';
import {ANSWER_LIMITS, formatBytes, pageCeiling} from '../../source/api/answer-limit.js';
import {createClient} from '../../source/api/client.js';
import type {WazoClient} from '../../source/api/contract.js';
import {ApiError, isApiError, type ApiErrorKind} from '../../source/api/errors.js';
import {parseServer} from '../../source/api/target.js';
import {generateCertificate} from '../../source/demo/certificate.js';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';

const CONFD = /^\/api\/confd\//;

async function failure(promise: Promise<unknown>, kind: ApiErrorKind): Promise<ApiError> {
  const error = await promise.then(
    () => assert.fail(`expected an ApiError ${kind}`),
    (caught: unknown) => caught,
  );
  assert.ok(isApiError(error), `expected an ApiError, got ${String(error)}`);
  assert.equal(error.kind, kind, error.message);
  return error;
}

describe('answers are bounded by what was asked for', () => {
  let server: DemoServer;
  let client: WazoClient;
  let token: string;
  const options = () => ({token});

  before(async () => {
    server = await startDemoServer({users: 40, lines: 40});
    client = createClient(
      parseServer(server.hostPort),
      {pin: {hostPort: server.hostPort, pem: server.certPem, fingerprint256: server.fingerprint256, trustedAt: new Date().toISOString()}},
      {timeoutMs: 5000},
    );
    token = (await client.auth.createToken({username: server.username, password: server.password, expiration: 600})).token;
  });
  after(async () => {
    client.close();
    await server.close();
  });

  it('refuses a 50 MB page by its Content-Length, with a sentence, a hint and no secret', async () => {
    await server.setFault({kind: 'huge'}, CONFD);
    const error = await failure(client.confd.list('users', {limit: 5}, options()), 'too-large');
    assert.match(error.message, /^The answer of 127\.0\.0\.1:\d+ to GET \/users was 50 MB, over the 1 MB wazo-tui reads for a page; nothing of it was kept$/);
    assert.match(error.hint ?? '', /try again/);
    assert.ok(!error.message.includes(token) && !(error.hint ?? '').includes(token));
  });

  it('refuses a chunked answer without Content-Length while it streams', async () => {
    await server.setFault({kind: 'huge', chunked: true, bytes: 20 * 1024 * 1024}, CONFD);
    const error = await failure(client.confd.list('users', {}, options()), 'too-large');
    assert.match(error.message, /was over the 8 MB wazo-tui reads for a page/);
  });

  it('reads a large page that stays under the ceiling', async () => {
    await server.setFault({kind: 'huge', bytes: ANSWER_LIMITS.page - 64 * 1024}, CONFD);
    const page = await client.confd.list('users', {}, options());
    assert.ok(page.items.length > 1000, `${page.items.length} items`);
  });

  it('gives a page asked for by its rows 16 KB a row, from 1 MB up to the page ceiling', async () => {
    assert.deepEqual([pageCeiling(5), pageCeiling(100), pageCeiling(500), pageCeiling(100_000), pageCeiling(undefined)], [1024 * 1024, 1_638_400, 8_192_000, ANSWER_LIMITS.page, ANSWER_LIMITS.page]);
    await server.setFault({kind: 'huge', bytes: 3 * 1024 * 1024}, CONFD);
    const hundred = await failure(client.confd.list('users', {limit: 100}, options()), 'too-large');
    assert.match(hundred.message, /was 3 MB, over the 1\.6 MB wazo-tui reads for a page/);
    const page = await client.confd.list('users', {limit: 500}, options());
    assert.ok(page.items.length > 500, 'a page of 500 rows may be 3 MB');
  });

  it('gives a record and a token a smaller ceiling than a page', async () => {
    const twoMegabytes = 2 * 1024 * 1024;
    assert.ok(ANSWER_LIMITS.record < twoMegabytes && ANSWER_LIMITS.token < twoMegabytes && ANSWER_LIMITS.page > twoMegabytes);
    await server.setFault({kind: 'huge', bytes: twoMegabytes}, /\/users\/1$/);
    const record = await failure(client.confd.get('users', 1, options()), 'too-large');
    assert.match(record.message, new RegExp(`to GET /users/1 was 2 MB, over the ${formatBytes(ANSWER_LIMITS.record)} wazo-tui reads for a record`));
    await server.setFault({kind: 'huge', bytes: twoMegabytes}, /\/token$/);
    const login = await failure(
      client.auth.createToken({username: server.username, password: server.password, expiration: 60}),
      'too-large',
    );
    assert.match(login.message, /to POST \/token was 2 MB, over the 1 MB wazo-tui reads for a token answer/);
    assert.ok(!login.message.includes(server.password));
  });

  it('works again at once when the server behaves: a retry is all it takes', async () => {
    await server.setFault({kind: 'huge'}, CONFD);
    await failure(client.confd.list('users', {limit: 5}, options()), 'too-large');
    await server.setFault({kind: 'none'});
    const page = await client.confd.list('users', {limit: 5}, options());
    assert.equal(page.items.length, 5);
  });

  it('turns a truncated body and a malformed one into errors, and a body slower than the timeout into a timeout', async () => {
    await server.setFault({kind: 'truncated'}, CONFD);
    const cut = await client.confd.list('users', {limit: 5}, options()).then(
      () => assert.fail('a truncated body was accepted'),
      (error: unknown) => error,
    );
    assert.ok(isApiError(cut), `a truncated body gave ${String(cut)}`);
    await server.setFault({kind: 'malformed'}, CONFD);
    await failure(client.confd.list('users', {limit: 5}, options()), 'malformed');
    const impatient = createClient(parseServer(server.hostPort), (hostPort) => client.trustOf(hostPort), {timeoutMs: 500});
    try {
      await server.setFault({kind: 'slow-body', durationMs: 5000}, CONFD);
      await failure(impatient.confd.list('users', {limit: 5}, options()), 'timeout');
    } finally {
      impatient.close();
      await server.setFault({kind: 'none'});
    }
  });
});

describe('a compressed answer is bounded by its decompressed size', () => {
  it('refuses a gzip bomb of 64 MB of JSON sent as a few dozen KB', async () => {
    const certificate = generateCertificate();
    const bomb = gzipSync(Buffer.from(`{"total": 1, "items": [{"padding": "${'0'.repeat(64 * 1024 * 1024)}"}]}`));
    assert.ok(bomb.length < 1024 * 1024, `${bomb.length} bytes compressed`);
    const bombServer = createServer({cert: certificate.certPem, key: certificate.keyPem}, (request, response) => {
      request.resume();
      response.writeHead(200, {'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': bomb.length});
      response.end(bomb);
    });
    await new Promise<void>((resolve) => bombServer.listen(0, '127.0.0.1', resolve));
    const {port} = bombServer.address() as AddressInfo;
    const target = parseServer(`127.0.0.1:${port}`);
    const client = createClient(target, {
      pin: {hostPort: target.hostPort, pem: certificate.certPem, fingerprint256: certificate.fingerprint256, trustedAt: new Date().toISOString()},
    });
    try {
      const error = await failure(client.confd.list('users', {}, {token: 'x'}), 'too-large');
      assert.match(error.message, /was over the 8 MB wazo-tui reads for a page/);
    } finally {
      client.close();
      bombServer.closeAllConnections();
      await new Promise((resolve) => bombServer.close(resolve));
    }
  });
});
