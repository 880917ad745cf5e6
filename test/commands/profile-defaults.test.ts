/**
 * A profile's default tenant and token lifetime in the script commands (`COLLECTION`, `--all`,
 * `get`, `account`, `token`), each a real process against the embedded demo server: used when no
 * flag is given, a flag wins, and a tenant given by name is looked up as the dashboard does.
 */
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {rmSync} from 'node:fs';
import {ProfileStore} from '../../source/config/profiles.js';
import {DEMO_TENANT_UUIDS} from '../../source/demo/tenants.js';
import {startDemoServer, type DemoServer, type RecordedRequest} from '../../source/demo/server.js';
import {demoRequest} from '../helpers/demo.js';
import {runCli, spawnCli, tempDir, type CliResult} from './cli.js';

const AUTH = '/api/auth/0.1';
const CONFD = '/api/confd/1.1';

let root = '';
let server: DemoServer;

before(async () => {
  root = tempDir();
  server = await startDemoServer({users: 20, lines: 5});
});
after(async () => {
  await server.close();
  rmSync(root, {recursive: true, force: true});
});

/** A pinned config dir holding one profile `p` of the demo server with `fields`. */
async function profileDir(fields: {tenant?: string; expiration?: number}): Promise<string> {
  const configDir = tempDir(root);
  const pinned = await runCli(['trust', server.hostPort, '--fingerprint', server.fingerprint256, '--config-dir', configDir]);
  assert.equal(pinned.code, 0, pinned.stderr);
  new ProfileStore(configDir).add('p', {server: server.hostPort, username: server.username, ...fields});
  return configDir;
}

/** Run `args -p p` with the password on stdin; the requests that reached the server meanwhile. */
async function run(configDir: string, args: string[]): Promise<{result: CliResult; requests: RecordedRequest[]}> {
  const start = server.requests.length;
  const result = await runCli([...args, '-p', 'p', '--password-stdin', '--config-dir', configDir], {input: `${server.password}\n`});
  return {result, requests: server.requests.slice(start)};
}

const tenantOf = (requests: RecordedRequest[], path: string) => requests.find((request) => request.url.startsWith(`${CONFD}${path}`))?.headers['wazo-tenant'];

describe("a profile's tenant in script mode", () => {
  it('a name (any case) is looked up and sent as the uuid, for a page, an --all export and get', async () => {
    const configDir = await profileDir({tenant: 'acme LAB'});
    const page = await run(configDir, ['users', '--json', '--limit', '1']);
    assert.equal(page.result.code, 0, page.result.stderr);
    assert.ok(page.requests.some((request) => request.url === `${AUTH}/tenants`), 'the tenant list was asked for the name');
    assert.equal(tenantOf(page.requests, '/users'), DEMO_TENANT_UUIDS.acmeLab);
    const all = await run(configDir, ['users', '--all', '--ndjson']);
    assert.equal(all.result.code, 0, all.result.stderr);
    assert.equal(tenantOf(all.requests, '/users'), DEMO_TENANT_UUIDS.acmeLab);
    const id = String((JSON.parse(page.result.stdout) as {items: Array<{id: number}>}).items[0]?.id ?? 1);
    const record = await run(configDir, ['get', 'users', id]);
    assert.equal(record.result.code, 0, record.result.stderr);
    assert.equal(tenantOf(record.requests, `/users/${id}`), DEMO_TENANT_UUIDS.acmeLab);
  });

  it('a uuid is sent as it is, without asking for the tenant list; --tenant wins over the profile', async () => {
    const configDir = await profileDir({tenant: DEMO_TENANT_UUIDS.acmeLab});
    const page = await run(configDir, ['users', '--limit', '1']);
    assert.equal(page.result.code, 0, page.result.stderr);
    assert.equal(page.requests.some((request) => request.url.startsWith(`${AUTH}/tenants`)), false);
    assert.equal(tenantOf(page.requests, '/users'), DEMO_TENANT_UUIDS.acmeLab);
    const flagged = await run(configDir, ['users', '--limit', '1', '--tenant', 'Acme']);
    assert.equal(flagged.result.code, 0, flagged.result.stderr);
    assert.equal(tenantOf(flagged.requests, '/users'), DEMO_TENANT_UUIDS.acme, 'a --tenant name is looked up too');
  });

  it('a name no tenant has stops the command (exit 2) before any confd request, and the token is revoked', async () => {
    const configDir = await profileDir({tenant: 'Initech'});
    const {result, requests} = await run(configDir, ['users']);
    assert.equal(result.code, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /no tenant is named "Initech" among those this account sees \(Acme, Acme Lab\)/);
    assert.equal(requests.some((request) => request.url.startsWith(CONFD)), false);
    assert.ok(requests.some((request) => request.method === 'DELETE' && request.url.startsWith(`${AUTH}/token/`)), 'the token was revoked');
  });

  it('account list works in the profile tenant', async () => {
    const configDir = await profileDir({tenant: 'acme_lab'});
    const {result, requests} = await run(configDir, ['account', 'list', '--json']);
    assert.equal(result.code, 0, result.stderr);
    const listed = requests.filter((request) => request.url.startsWith(`${AUTH}/users`));
    assert.ok(listed.length > 0);
    for (const request of listed) assert.equal(request.headers['wazo-tenant'], DEMO_TENANT_UUIDS.acmeLab);
  });
});

describe("a profile's token lifetime in script mode", () => {
  /** The lifetime in seconds of the token a hung `users` run holds (read from wazo-auth while it waits). */
  async function lifetimeOf(configDir: string, extra: string[]): Promise<number> {
    await server.setFault({kind: 'hang'}, /^\/api\/confd\/1\.1\/users/);
    const start = server.requests.length;
    const child = spawnCli(['users', ...extra, '-p', 'p', '--password-stdin', '--config-dir', configDir]);
    child.stdin.end(`${server.password}\n`);
    try {
      let token: string | undefined;
      while (token === undefined) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        const hung = server.requests.slice(start).find((request) => request.url.startsWith(`${CONFD}/users`));
        token = hung?.headers['x-auth-token'] as string | undefined;
        assert.equal(child.exitCode, null, 'the run waits on the hung request');
      }
      const answer = await demoRequest(server, {method: 'GET', path: `${AUTH}/token/${token}`});
      const {data} = answer.json as {data: {utc_issued_at: string; utc_expires_at: string}};
      return Math.round((Date.parse(`${data.utc_expires_at}Z`) - Date.parse(`${data.utc_issued_at}Z`)) / 1000);
    } finally {
      const closed = new Promise((resolve) => child.once('close', resolve));
      child.kill('SIGTERM');
      await closed;
      await server.setFault({kind: 'none'});
    }
  }

  it("the profile's lifetime without --expiration, the flag's with it, and at least an hour for --all", async () => {
    const configDir = await profileDir({expiration: 900});
    assert.equal(await lifetimeOf(configDir, []), 900);
    assert.equal(await lifetimeOf(configDir, ['--expiration', '120']), 120);
    assert.equal(await lifetimeOf(configDir, ['--all']), 3600);
  });

  it('token takes the profile lifetime too', async () => {
    const configDir = await profileDir({expiration: 900});
    const {result} = await run(configDir, ['token']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /valid 900 s/);
    const flagged = await run(configDir, ['token', '--expiration', '60']);
    assert.match(flagged.result.stderr, /valid 60 s/);
  });
});
