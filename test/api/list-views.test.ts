/**
 * `view=` on confd lists: the client asks for the view, validates the answer with that view's
 * schema, and a summary that breaks its schema is refused like any malformed answer.
 */
import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {createServer, type Server} from 'node:https';
import {createClient} from '../../source/api/client.js';
import type {WazoClient} from '../../source/api/contract.js';
import {isApiError} from '../../source/api/errors.js';
import {parseServer} from '../../source/api/target.js';
import {generateCertificate} from '../../source/demo/certificate.js';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';

let server: DemoServer;
let client: WazoClient;
let token: string;

before(async () => {
  server = await startDemoServer({users: 60, lines: 70});
  client = createClient(parseServer(server.hostPort), {
    pin: {hostPort: server.hostPort, pem: server.certPem, fingerprint256: server.fingerprint256, trustedAt: new Date().toISOString()},
  });
  token = (await client.auth.createToken({username: server.username, password: server.password, expiration: 600})).token;
});

after(async () => {
  client?.close();
  await server?.close();
});

describe('confd list views', () => {
  it('view=summary is sent and answered in the summary form; without it the full form comes', async () => {
    const from = server.requests.length;
    const summary = await client.confd.list('users', {limit: 5, order: 'id', view: 'summary'}, {token});
    const full = await client.confd.list('users', {limit: 5, order: 'id'}, {token});
    const urls = server.requests.slice(from).map((request) => new URL(request.url, server.url).searchParams.get('view'));
    assert.deepEqual(urls, ['summary', null]);
    assert.equal(summary.total, full.total);
    assert.deepEqual(summary.items.map((user) => user.id), full.items.map((user) => user.id));
    for (const [index, user] of summary.items.entries()) {
      assert.ok(!('lines' in user), 'a summary carries no lines');
      const main = full.items[index]?.lines?.[0]?.extensions?.[0];
      assert.equal(user.extension ?? null, main?.exten ?? null, `user ${user.id}: the main extension`);
    }
    assert.ok(JSON.stringify(summary).length * 4 < JSON.stringify(full).length, 'the summary is a fraction of the full form');
  });

  it('a summary item that breaks its schema is a malformed answer naming the field', async () => {
    const {certPem, keyPem, fingerprint256} = generateCertificate();
    const bad: Server = createServer({cert: certPem, key: keyPem}, (_request, response) => {
      response.writeHead(200, {'Content-Type': 'application/json'});
      response.end(JSON.stringify({total: 1, items: [{id: 'not a number', uuid: 'u'}]}));
    });
    await new Promise<void>((resolve) => bad.listen(0, '127.0.0.1', resolve));
    const address = bad.address();
    assert.ok(address !== null && typeof address === 'object');
    const target = parseServer(`127.0.0.1:${address.port}`);
    const other = createClient(target, {pin: {hostPort: target.hostPort, pem: certPem, fingerprint256, trustedAt: new Date().toISOString()}});
    try {
      const error = await other.confd.list('users', {view: 'summary'}, {token: 't'}).then(
        () => assert.fail('a malformed summary was accepted'),
        (caught: unknown) => caught,
      );
      assert.ok(isApiError(error), String(error));
      assert.match(error.message, /items\.0\.id|items\[0\]\.id/);
    } finally {
      other.close();
      bad.closeAllConnections();
      await new Promise((resolve) => bad.close(resolve));
    }
  });
});

