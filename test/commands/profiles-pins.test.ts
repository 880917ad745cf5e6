/**
 * `wazo-tui profiles …` and `wazo-tui pins …` as a script runs them: the built binary, a fresh
 * config directory each, and the files checked on disk afterwards.
 */
import assert from 'node:assert/strict';
import {readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {after, before, describe, it} from 'node:test';
import {PinStore} from '../../source/config/pins.js';
import {ProfileStore} from '../../source/config/profiles.js';
import {generateCertificate, type GeneratedCertificate} from '../../source/demo/certificate.js';
import {runCli, tempDir} from './cli.js';

let certA: GeneratedCertificate;
let certB: GeneratedCertificate;
const dirs: string[] = [];
before(() => {
  certA = generateCertificate();
  certB = generateCertificate();
});
after(() => {
  for (const dir of dirs) rmSync(dir, {recursive: true, force: true});
});
const fresh = () => {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
};

describe('wazo-tui profiles', () => {
  it('add, list, show, edit (set and clear), rm', async () => {
    const dir = fresh();
    const cli = (...args: string[]) => runCli(['profiles', ...args, '--config-dir', dir]);

    const added = await cli('add', 'prod', 'pbx.example.com', '-u', 'admin', '--auth-url', 'https://auth.example.com/api/auth/0.1', '--ca-file', '/etc/corp.pem', '--tenant', 'Acme', '--collection', 'lines', '--expiration', '900');
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stderr, /Added profile prod \(pbx\.example\.com\).*wazo-tui -p prod/);
    assert.equal((await cli('add', 'lab', '10.0.0.5:8443')).code, 0);

    const listed = await cli('list');
    assert.equal(listed.code, 0);
    assert.match(listed.stdout, /^ {2}prod +pbx\.example\.com +admin/m);
    assert.match(listed.stdout, /^ {2}lab +10\.0\.0\.5:8443/m);
    const json = JSON.parse((await cli('list', '--json')).stdout) as {profiles: Array<{name: string}>; current: string | null};
    assert.deepEqual(json.profiles.map((profile) => profile.name).sort(), ['lab', 'prod']);
    assert.equal(json.current, null);

    const shown = await cli('show', 'prod');
    assert.match(shown.stdout, /^authUrl: +https:\/\/auth\.example\.com\/api\/auth\/0\.1$/m);
    assert.match(shown.stdout, /^caFiles: +\/etc\/corp\.pem$/m);
    assert.match(shown.stdout, /^collection: +lines$/m);

    const edited = await cli('edit', 'prod', '--clear', 'auth-url', '--clear', 'ca-file', '--username', 'root');
    assert.equal(edited.code, 0, edited.stderr);
    assert.doesNotMatch(edited.stdout, /authUrl|caFiles/);
    assert.match(edited.stdout, /^username: +root$/m);
    assert.deepEqual(new ProfileStore(dir).get('prod'), {name: 'prod', server: 'pbx.example.com', username: 'root', tenant: 'Acme', collection: 'lines', expiration: 900});

    const removed = await cli('rm', 'lab');
    assert.equal(removed.code, 0);
    assert.deepEqual(new ProfileStore(dir).list().map((profile) => profile.name), ['prod']);
  });

  it('says what is wrong, with exit 1 for a missing profile and 2 for a usage error', async () => {
    const dir = fresh();
    const cli = (...args: string[]) => runCli(['profiles', ...args, '--config-dir', dir]);
    const none = await cli('show', 'ghost');
    assert.equal(none.code, 1);
    assert.match(none.stderr, /No profile named ghost/);
    assert.equal((await cli('rm', 'ghost')).code, 1);
    for (const [args, message] of [
      [['add', 'x'], /usage: wazo-tui profiles add NAME SERVER/],
      [['add', 'x', 'pbx', '--collection', 'phones'], /--collection names a collection/],
      [['edit', 'x'], /profiles edit needs something to change/],
      [['edit', 'x', '--clear', 'server'], /--clear takes one of .*a profile always keeps its server/],
      [['edit', 'x', '--clear', 'username', '--username', 'y'], /--clear username and a new value for it at once/],
      [['frobnicate'], /profiles takes list, show NAME/],
    ] as const) {
      const result = await cli(...args);
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, message);
    }
    const refused = await cli('add', 'web', 'http://pbx');
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, /http:\/\/ is refused/);
  });

  it('a broken file is moved aside with its line named, and the command goes on', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'profiles.yaml'), 'profiles:\n  prod:\n    server: [pbx\n', {mode: 0o600});
    const result = await runCli(['profiles', 'add', 'new', 'pbx2', '--config-dir', dir]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /profiles\.yaml could not be used \(line \d: not valid YAML.*moved to .*profiles\.yaml\.broken-/);
    assert.ok(readdirSync(dir).some((name) => name.startsWith('profiles.yaml.broken-')));
    assert.equal(new ProfileStore(dir).get('new')?.server, 'pbx2');
  });
});

describe('wazo-tui pins', () => {
  const pin = (hostPort: string, cert: GeneratedCertificate) => ({hostPort, pem: cert.certPem, fingerprint256: cert.fingerprint256, trustedAt: '2026-03-04T05:06:07.000Z'});

  it('lists every pin with its whole fingerprint, and rm forgets one (port 443 by default)', async () => {
    const dir = fresh();
    const store = new PinStore(dir);
    store.set(pin('pbx.example.com:443', certA));
    store.set(pin('pbx.example.com:8443', certB));
    const listed = await runCli(['pins', 'list', '--config-dir', dir]);
    assert.equal(listed.code, 0);
    assert.match(listed.stdout, new RegExp(`^pbx\\.example\\.com:443 +2026-03-04 +\\d{4}-\\d\\d-\\d\\d +${certA.fingerprint256}$`, 'm'));
    assert.match(listed.stdout, new RegExp(`^pbx\\.example\\.com:8443 .*${certB.fingerprint256}$`, 'm'));
    const json = JSON.parse((await runCli(['pins', '--json', '--config-dir', dir])).stdout) as Array<{hostPort: string; pem?: string}>;
    assert.deepEqual(json.map((each) => each.hostPort), ['pbx.example.com:443', 'pbx.example.com:8443']);
    assert.equal(json[0]?.pem, undefined, 'fingerprints, not PEMs');

    const removed = await runCli(['pins', 'rm', 'pbx.example.com', '--config-dir', dir]);
    assert.equal(removed.code, 0, removed.stderr);
    assert.match(removed.stderr, new RegExp(`Removed the pin of pbx\\.example\\.com:443 \\(SHA256 ${certA.fingerprint256}\\)`));
    assert.deepEqual(new PinStore(dir).list().map((each) => each.hostPort), ['pbx.example.com:8443']);

    const missing = await runCli(['pins', 'rm', 'pbx.example.com:443', '--config-dir', dir]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no pin for pbx\.example\.com:443; pinned for that host: pbx\.example\.com:8443/);
  });

  it('a damaged pin store is named, and neither list nor rm moves or rewrites it', async () => {
    const dir = fresh();
    const file = join(dir, 'pins.json');
    writeFileSync(file, '{"pins": {"a:1": ', {mode: 0o600});
    for (const args of [['pins', 'list'], ['pins', 'rm', 'a:1']]) {
      const result = await runCli([...args, '--config-dir', dir]);
      assert.equal(result.code, 1, args.join(' '));
      assert.match(result.stderr, /The pin store .*pins\.json is damaged \(not valid JSON\)\. Nothing was changed/);
    }
    assert.equal(readFileSync(file, 'utf8'), '{"pins": {"a:1": ');
    assert.deepEqual(readdirSync(dir).sort(), ['pins.json']);
  });
});
