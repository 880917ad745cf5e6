/**
 * Script mode when wazo-auth and wazo-confd live on different hosts (the demo's split mode: confd
 * on a port of its own with another certificate): each host's certificate is shown, pinned and
 * checked under its own `host:port`, and every hint names the host it is about.
 */
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {rmSync} from 'node:fs';
import {PinStore} from '../../source/config/pins.js';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {runCli, tempDir} from './cli.js';

let root = '';
let server: DemoServer;

before(async () => {
  root = tempDir();
  server = await startDemoServer({users: 5, lines: 5, splitConfd: {}});
});
after(async () => {
  await server.close();
  rmSync(root, {recursive: true, force: true});
});

const split = () => ['--confd-url', server.confdUrl];
const pinned = (configDir: string, hostPort: string) => new PinStore(configDir).get(hostPort)?.fingerprint256;
const confdRequests = () => server.requests.filter((request) => request.port === server.confd.port);

describe('split hosts in script mode', () => {
  it('cert shows each host it contacts, wazo-auth first, with its own fingerprint', async () => {
    const result = await runCli(['cert', server.hostPort, ...split(), '--config-dir', tempDir(root)]);
    assert.equal(result.code, 0, result.stderr);
    const servers = [...result.stdout.matchAll(/^server\s+(\S+)$/gm)].map((match) => match[1]);
    assert.deepEqual(servers, [server.hostPort, server.confd.hostPort]);
    const fingerprints = [...result.stdout.matchAll(/^SHA-256 fingerprint\s+(\S+)$/gm)].map((match) => match[1]);
    assert.deepEqual(fingerprints, [server.fingerprint256, server.confd.fingerprint256]);
    assert.notEqual(server.fingerprint256, server.confd.fingerprint256);

    const json = await runCli(['cert', server.hostPort, ...split(), '--json', '--config-dir', tempDir(root)]);
    assert.equal(json.code, 0, json.stderr);
    const hosts = (JSON.parse(json.stdout) as Array<{hostPort: string}>).map((info) => info.hostPort);
    assert.deepEqual(hosts, [server.hostPort, server.confd.hostPort]);
  });

  it("cert and trust -p NAME contact the profile's confd host too, and trust pins it under its own host", async () => {
    const configDir = tempDir(root);
    const added = await runCli(['profiles', 'add', 'split', server.hostPort, ...split(), '--config-dir', configDir]);
    assert.equal(added.code, 0, added.stderr);
    const cert = await runCli(['cert', '-p', 'split', '--json', '--config-dir', configDir]);
    assert.equal(cert.code, 0, cert.stderr);
    const hosts = (JSON.parse(cert.stdout) as Array<{hostPort: string}>).map((info) => info.hostPort);
    assert.deepEqual(hosts, [server.hostPort, server.confd.hostPort]);
    const trust = await runCli(['trust', '-p', 'split', '--fingerprint', server.confd.fingerprint256, '--config-dir', configDir]);
    assert.equal(trust.code, 0, trust.stderr);
    assert.equal(new PinStore(configDir).get(server.confd.hostPort)?.fingerprint256, server.confd.fingerprint256);
  });

  it('a list with only wazo-auth pinned sends no token to confd, and its hint pins confd under its own host', async () => {
    const configDir = tempDir(root);
    const auth = await runCli(['trust', server.hostPort, '--fingerprint', server.fingerprint256, '--config-dir', configDir]);
    assert.equal(auth.code, 0, auth.stderr);

    const before = confdRequests().length;
    const args = ['users', server.hostPort, ...split(), '--username', 'admin', '--password-stdin', '--config-dir', configDir];
    const refused = await runCli(args, {input: `${server.password}\n`});
    assert.equal(refused.code, 4, refused.stderr);
    assert.equal(confdRequests().length, before, 'nothing reached wazo-confd');
    assert.ok(refused.stderr.includes(server.confd.hostPort), refused.stderr);
    assert.ok(refused.stderr.includes(server.confd.fingerprint256), refused.stderr);
    const hint = /^ {2}wazo-tui (trust .*)$/m.exec(refused.stderr)?.[1];
    assert.ok(hint, refused.stderr);
    assert.ok(hint.startsWith(`trust ${server.confd.hostPort} `), hint);

    const followed = await runCli([...hint.split(' '), '--config-dir', configDir]);
    assert.equal(followed.code, 0, followed.stderr);
    assert.equal(pinned(configDir, server.confd.hostPort), server.confd.fingerprint256);
    assert.equal(pinned(configDir, server.hostPort), server.fingerprint256, 'the auth pin stays');

    const listed = await runCli(args, {input: `${server.password}\n`});
    assert.equal(listed.code, 0, listed.stderr);
    assert.ok(confdRequests().length > before);
  });

  it('trust with --confd-url pins whichever contacted host presents the fingerprint, under that host', async () => {
    const configDir = tempDir(root);
    const result = await runCli(['trust', server.hostPort, ...split(), '--fingerprint', server.confd.fingerprint256, '--config-dir', configDir]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, `Pinned ${server.confd.hostPort}: SHA256 ${server.confd.fingerprint256}\n`);
    assert.equal(pinned(configDir, server.confd.hostPort), server.confd.fingerprint256);
    assert.equal(pinned(configDir, server.hostPort), undefined);

    const wrong = await runCli(['trust', server.hostPort, ...split(), '--fingerprint', server.authority?.fingerprint256 ?? '00'.repeat(32), '--config-dir', configDir]);
    assert.equal(wrong.code, 4);
    assert.ok(wrong.stderr.includes(`${server.hostPort} presents SHA256 ${server.fingerprint256}`), wrong.stderr);
    assert.ok(wrong.stderr.includes(`${server.confd.hostPort} presents SHA256 ${server.confd.fingerprint256}`), wrong.stderr);
  });
});
