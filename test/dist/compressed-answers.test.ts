/**
 * The bundle loads `node:zlib` only when an answer is compressed (scripts/builtin-require.mjs):
 * against the demo server with `gzip` (nginx's `gzip on` for JSON), the built binary still reads
 * gzipped pages, and the server did send them gzipped.
 */
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {rmSync} from 'node:fs';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {basicAuth, demoRequest} from '../helpers/demo.js';
import {runCli, tempDir} from '../commands/cli.js';

let root = '';
let server: DemoServer;

before(async () => {
  root = tempDir();
  server = await startDemoServer({users: 120, gzip: true});
});
after(async () => {
  await server.close();
  rmSync(root, {recursive: true, force: true});
});

describe('gzipped answers', () => {
  it('the demo server gzips JSON for a client that accepts it, and only then', async () => {
    const login = {method: 'POST', path: '/api/auth/0.1/token', body: {expiration: 60}};
    const plain = await demoRequest(server, {...login, headers: {authorization: basicAuth('admin', 'secret')}});
    assert.equal(plain.status, 200, plain.text);
    assert.equal(plain.headers['content-encoding'], undefined);
    const token = (plain.json as {data: {token: string}}).data.token;
    const zipped = await demoRequest(server, {
      path: '/api/confd/1.1/users?limit=3',
      headers: {'x-auth-token': token, 'accept-encoding': 'br;q=0, gzip'},
    });
    assert.equal(zipped.status, 200);
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    const refused = await demoRequest(server, {path: '/api/confd/1.1/users?limit=3', headers: {'x-auth-token': token, 'accept-encoding': 'gzip;q=0'}});
    assert.equal(refused.headers['content-encoding'], undefined);
    assert.equal((refused.json as {items: unknown[]}).items.length, 3);
    // The helper does not decompress: what it read is the gzip stream, not JSON.
    assert.equal(zipped.json, undefined);
  });

  it('the built binary reads a gzipped page of users', async () => {
    const configDir = tempDir(root);
    const trusted = await runCli(['trust', server.hostPort, '--fingerprint', server.fingerprint256, '--config-dir', configDir]);
    assert.equal(trusted.code, 0, trusted.stderr);
    const from = server.requests.length;
    const listed = await runCli(['users', server.hostPort, '-u', 'admin', '--password-stdin', '--json', '--limit', '7', '--config-dir', configDir], {
      input: 'secret\n',
    });
    assert.equal(listed.code, 0, listed.stderr);
    const page = JSON.parse(listed.stdout) as {total: number; items: Array<{uuid: string}>};
    assert.equal(page.items.length, 7);
    assert.ok(page.total >= 7);
    const asked = server.requests.slice(from).find((request) => request.url.startsWith('/api/confd/1.1/users?'));
    assert.match(String(asked?.headers['accept-encoding']), /gzip/, 'the client asked for gzip, so the page came gzipped');
  });
});
