/**
 * `wazo-tui account create|delete|list`, `token` and `revoke`, each the built binary against the
 * demo server: what they create is what the server then holds, an account logs in with exactly
 * its policy's ACL, a failure half-way leaves nothing behind, and a deleted account cannot log in.
 */
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {rmSync} from 'node:fs';
import {DEMO_TENANT_UUIDS, startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {browsePreset} from '../../source/resources/browse-acl.js';
import {auth, tokenData, tokenRequest, type Json} from '../demo/auth-helpers.js';
import {login} from '../helpers/demo.js';
import {runCli, tempDir, type CliResult} from './cli.js';

const PASSWORD = 'adm1n pass ✓';
/** Can create users and policies and grant the browse preset, but not attach a policy to a user. */
const HALF_ADMIN_ACL = ['auth.users.create', 'auth.users.read', 'auth.users.*.delete', 'auth.policies.read', 'auth.policies.create', 'auth.policies.*.delete', ...browsePreset()];

let root = '';
let server: DemoServer;
let trusted = '';
let admin = '';

/** Run an account command as `username` with `stdin` (default: the admin password). */
async function run(args: string[], options: {input?: string; username?: string} = {}): Promise<CliResult> {
  const login = args[0] === 'revoke' ? [] : ['--username', options.username ?? 'admin', '--password-stdin'];
  return runCli([...args, ...login, '--config-dir', trusted], {input: options.input ?? `${PASSWORD}\n`});
}

async function userNamed(name: string): Promise<Json | undefined> {
  const answer = await auth(server, admin, 'GET', `/users?username=${encodeURIComponent(name)}&recurse=true`);
  return (answer.json as {items: Json[]}).items[0];
}

async function policyNamed(name: string): Promise<Json | undefined> {
  const answer = await auth(server, admin, 'GET', `/policies?name=${encodeURIComponent(name)}`);
  return (answer.json as {items: Json[]}).items[0];
}

before(async () => {
  root = tempDir();
  server = await startDemoServer({users: 20, lines: 20, password: PASSWORD, accounts: [{username: 'half-admin', password: 'half', acl: HALF_ADMIN_ACL}]});
  trusted = tempDir(root);
  const pinned = await runCli(['trust', server.hostPort, '--fingerprint', server.fingerprint256, '--config-dir', trusted]);
  assert.equal(pinned.code, 0, pinned.stderr);
  admin = await login(server);
});

after(async () => {
  await server.close();
  rmSync(root, {recursive: true, force: true});
});

describe('account create', () => {
  it('by default makes an external_api user whose policy holds exactly the browse preset, and prints its generated password once', async () => {
    const result = await run(['account', 'create', 'browse-bot', server.hostPort]);
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.split('\n');
    assert.equal(lines.length, 2, 'stdout is the password alone');
    const password = lines[0] ?? '';
    assert.match(password, /^[A-Za-z0-9_-]{24}$/);
    assert.match(result.stderr, new RegExp(`Created the API account browse-bot .* with the policy browse-bot, ${browsePreset().length} ACLs`));
    assert.ok(!result.stderr.includes(password), 'the password is on stdout only');

    const user = await userNamed('browse-bot');
    assert.equal(user?.purpose, 'external_api');
    const policy = await policyNamed('browse-bot');
    assert.deepEqual(policy?.acl, browsePreset());
    const token = tokenData(await tokenRequest(server, {username: 'browse-bot', password}));
    assert.deepEqual(token.acl, browsePreset());
    assert.ok(!(token.acl as string[]).includes('#'));
  });

  it('the browse preset holds every collection of the registry, the tenants, infos and its own refresh tokens, and no wildcard #', () => {
    const preset = browsePreset();
    for (const acl of ['confd.users.read', 'confd.users.*.read', 'confd.lines.read', 'confd.extensions.read', 'confd.infos.read', 'auth.tenants.read', 'auth.users.me.tokens.read', 'auth.users.me.tokens.*.delete']) {
      assert.ok(preset.includes(acl), acl);
    }
    assert.ok(!preset.some((acl) => acl.includes('#')));
  });

  it('refuses a name that exists, and creates nothing', async () => {
    const before = server.requests.length;
    const result = await run(['account', 'create', 'reader', server.hostPort]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /an account named reader exists already .*nothing was created/);
    assert.equal(result.stdout, '');
    assert.ok(!server.requests.slice(before).some((request) => request.method === 'POST' && request.url.endsWith('/users')));
  });

  it('takes # only with --full-access, and then warns', async () => {
    const before = server.requests.length;
    const refused = await run(['account', 'create', 'root-bot', server.hostPort, '--acl', '#']);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /the ACL # grants every permission .*--full-access/);
    assert.equal(server.requests.length, before, 'nothing was sent');

    const full = await run(['account', 'create', 'root-bot', server.hostPort, '--full-access']);
    assert.equal(full.code, 0, full.stderr);
    assert.match(full.stderr, /warning: this account gets the ACL #.*wazo-tui account delete root-bot/);
    assert.deepEqual((await policyNamed('root-bot'))?.acl, ['#']);
  });

  it('--acl sets a custom ACL and --account-password-stdin takes the password from the second line', async () => {
    const result = await run(['account', 'create', 'lines-bot', server.hostPort, '--acl', 'confd.lines.read', '--acl', 'confd.lines.*.read', '--account-password-stdin'], {
      input: `${PASSWORD}\nmy own password\n`,
    });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, '', 'a given password is not printed');
    const token = tokenData(await tokenRequest(server, {username: 'lines-bot', password: 'my own password'}));
    assert.deepEqual(token.acl, ['confd.lines.read', 'confd.lines.*.read']);
  });

  it('undoes the user and the policy when attaching fails half-way, naming the missing ACL', async () => {
    const result = await run(['account', 'create', 'half-bot', server.hostPort], {username: 'half-admin', input: 'half\n'});
    assert.equal(result.code, 1);
    assert.match(result.stderr, /undone: policy half-bot/);
    assert.match(result.stderr, /undone: user half-bot/);
    assert.match(result.stderr, /lacks the ACL auth\.users\.[0-9a-f-]+\.policies\.[0-9a-f-]+\.create/);
    assert.equal(result.stdout, '', 'no password for an account that does not exist');
    assert.equal(await userNamed('half-bot'), undefined);
    assert.equal(await policyNamed('half-bot'), undefined);
  });

  it('--tenant creates the user and its policy in that tenant, and delete finds them there', async () => {
    const result = await run(['account', 'create', 'lab-bot', server.hostPort, '--tenant', DEMO_TENANT_UUIDS.acmeLab]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal((await userNamed('lab-bot'))?.tenant_uuid, DEMO_TENANT_UUIDS.acmeLab);
    const policies = await auth(server, admin, 'GET', '/policies?search=lab-bot', undefined, {'wazo-tenant': DEMO_TENANT_UUIDS.acmeLab});
    assert.equal((policies.json as {items: Json[]}).items[0]?.tenant_uuid, DEMO_TENANT_UUIDS.acmeLab);
    const deleted = await run(['account', 'delete', 'lab-bot', server.hostPort, '--tenant', DEMO_TENANT_UUIDS.acmeLab]);
    assert.equal(deleted.code, 0, deleted.stderr);
    assert.match(deleted.stderr, /Deleted its policy lab-bot/);
  });

  it('rejects a name that is not a username, before logging in', async () => {
    const result = await run(['account', 'create', 'bad name', server.hostPort]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /account NAME is letters, digits/);
  });
});

describe('account list and delete', () => {
  it('list shows the API accounts with their policies and wildcards', async () => {
    const result = await run(['account', 'list', server.hostPort]);
    assert.equal(result.code, 0, result.stderr);
    const rows = result.stdout.trimEnd().split('\n').map((line) => line.split('\t'));
    assert.deepEqual(rows[0], ['Username', 'UUID', 'Enabled', 'Policies', 'Wildcards', 'Created']);
    const byName = new Map(rows.slice(1).map((row) => [row[0], row]));
    assert.deepEqual(byName.get('admin')?.slice(3, 5), ['demo-admin', '# (full access)']);
    assert.deepEqual(byName.get('browse-bot')?.slice(2, 5), ['yes', 'browse-bot', 'wildcard']);
    const json = await run(['account', 'list', server.hostPort, '--json']);
    const items = (JSON.parse(json.stdout) as {items: Array<{username: string; wildcard: string; policies: Array<{acl: string[]}>}>}).items;
    assert.deepEqual(items.find((item) => item.username === 'lines-bot')?.policies[0]?.acl, ['confd.lines.read', 'confd.lines.*.read']);
    assert.equal(items.find((item) => item.username === 'lines-bot')?.wildcard, 'wildcard');
  });

  it('delete removes the account and its policy; the next login fails', async () => {
    const result = await run(['account', 'delete', 'lines-bot', server.hostPort]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /Deleted the API account lines-bot .*\nDeleted its policy lines-bot/);
    assert.equal(await userNamed('lines-bot'), undefined);
    assert.equal(await policyNamed('lines-bot'), undefined);
    assert.equal((await tokenRequest(server, {username: 'lines-bot', password: 'my own password'})).status, 401);
  });

  it('delete keeps the policy when another user holds it', async () => {
    const policy = await policyNamed('root-bot');
    const holder = (await auth(server, admin, 'POST', '/users', {username: 'holder', password: 'pw', purpose: 'external_api'})).json as Json;
    assert.equal((await auth(server, admin, 'PUT', `/users/${String(holder.uuid)}/policies/${String(policy?.uuid)}`)).status, 204);
    const result = await run(['account', 'delete', 'root-bot', server.hostPort]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /Kept the policy root-bot: 1 other user holds it/);
    assert.ok(await policyNamed('root-bot'));
  });

  it('delete of an unknown name says so', async () => {
    const result = await run(['account', 'delete', 'nobody-here', server.hostPort]);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /there is no account named nobody-here/);
  });
});

describe('token and revoke', () => {
  it('token prints one online token on stdout and what it grants on stderr; revoke from stdin ends it', async () => {
    const result = await run(['token', server.hostPort, '--expiration', '120']);
    assert.equal(result.code, 0, result.stderr);
    const token = result.stdout.trim();
    assert.match(result.stdout, /^[0-9a-f-]{36}\n$/);
    assert.match(result.stderr, /Token for admin, valid 120 s, until \d{4}-\d\d-\d\dT[\d:.]+ UTC/);
    assert.match(result.stderr, /every permission \(ACL #\)/);
    const data = (await auth(server, null, 'GET', `/token/${token}`)).json as {data: Json};
    assert.equal(data.data.refresh_token ?? null, null, 'an online token: no refresh token');

    const revoked = await run(['revoke', '-', server.hostPort], {input: `${token}\n`});
    assert.equal(revoked.code, 0, revoked.stderr);
    assert.match(revoked.stderr, /Revoked/);
    assert.equal((await auth(server, null, 'HEAD', `/token/${token}`)).status, 404);
    const again = await run(['revoke', token, server.hostPort]);
    assert.match(again.stderr, /was not valid/);
  });

  it('token defaults to 600 s and lists a limited ACL', async () => {
    const result = await run(['token', server.hostPort], {username: 'reader', input: 'reader\n'});
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /valid 600 s/);
    assert.match(result.stderr, /It grants 7 ACLs: confd\.users\.read /);
  });
});
