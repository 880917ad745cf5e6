/**
 * `wazo-tui cert` and `wazo-tui trust`, each a real process against the embedded demo server:
 * what is printed, what gets pinned (and only when the server presents exactly the fingerprint
 * given), and what happens when the server's certificate changes under a pin.
 */
import {after, before, describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {X509Certificate} from 'node:crypto';
import {readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {PinStore} from '../../source/config/pins.js';
import {generateCertificate} from '../../source/demo/certificate.js';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {runCli, tempDir} from './cli.js';

const PBX_COMMAND = 'openssl x509 -noout -fingerprint -sha256 -in /usr/share/wazo-certs/server.crt';

function pinOf(configDir: string, hostPort: string): string | undefined {
  return new PinStore(configDir).get(hostPort)?.fingerprint256;
}

/** The same fingerprint with its hex pairs reversed: well-formed, but not the server's. */
function otherFingerprint(fingerprint: string): string {
  return fingerprint.split(':').reverse().join(':');
}

let root = '';
before(() => {
  root = tempDir();
});
after(() => rmSync(root, {recursive: true, force: true}));

describe('wazo-tui cert', () => {
  let server: DemoServer;
  before(async () => {
    server = await startDemoServer({users: 5, lines: 5});
  });
  after(() => server.close());

  it('prints the certificate details and the SHA-256 fingerprint without sending any HTTP request', async () => {
    const configDir = tempDir(root);
    const seen = server.requests.length;
    const result = await runCli(['cert', server.hostPort, '--config-dir', configDir]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stderr, '');
    const fields = new Map(
      result.stdout
        .split('\n')
        .map((line) => /^(\S.*?)\s{2,}(.*)$/.exec(line))
        .filter((match) => match !== null)
        .map((match) => [match[1], match[2]]),
    );
    assert.equal(fields.get('server'), server.hostPort);
    assert.equal(fields.get('subject'), 'localhost');
    assert.equal(fields.get('names (SAN)'), 'DNS:localhost');
    assert.equal(fields.get('issuer'), 'localhost');
    assert.equal(fields.get('self-signed'), 'yes');
    assert.equal(fields.get('matches 127.0.0.1'), 'no');
    assert.equal(fields.get('not trusted because'), 'DEPTH_ZERO_SELF_SIGNED_CERT');
    assert.match(fields.get('validity') ?? '', /\(valid now\)$/);
    assert.equal(fields.get('serial'), new X509Certificate(server.certPem).serialNumber);
    assert.equal(fields.get('SHA-256 fingerprint'), server.fingerprint256);
    assert.equal(fields.has('pinned fingerprint'), false);
    assert.ok(result.stdout.includes(PBX_COMMAND));
    assert.equal(server.requests.length, seen, 'the probe reads the certificate and sends no HTTP');
    assert.equal(pinOf(configDir, server.hostPort), undefined, 'cert pins nothing');
  });

  it('--json prints the certificate as JSON, with the pin once there is one', async () => {
    const configDir = tempDir(root);
    const before = await runCli(['cert', server.url, '--json', '--config-dir', configDir]);
    assert.equal(before.code, 0, before.stderr);
    const info = JSON.parse(before.stdout) as Record<string, unknown>;
    assert.equal(info.fingerprint256, server.fingerprint256);
    assert.equal(info.hostPort, server.hostPort);
    assert.equal(info.selfSigned, true);
    assert.equal(info.nameMatches, false);
    assert.equal(info.subjectCN, 'localhost');
    assert.deepEqual(info.sans, ['DNS:localhost']);
    assert.equal(new X509Certificate(String(info.pem)).fingerprint256, server.fingerprint256);
    assert.ok(Date.parse(String(info.validFrom)) < Date.now() && Date.now() < Date.parse(String(info.validTo)));
    assert.equal(info.pinned, null);

    const trusted = await runCli(['trust', server.hostPort, '--fingerprint', server.fingerprint256, '--config-dir', configDir]);
    assert.equal(trusted.code, 0, trusted.stderr);
    const after = await runCli(['cert', server.hostPort, '--json', '--config-dir', configDir]);
    assert.equal(after.code, 0, after.stderr);
    const pinned = (JSON.parse(after.stdout) as {pinned: {fingerprint256: string; hostPort: string}}).pinned;
    assert.equal(pinned.fingerprint256, server.fingerprint256);
    assert.equal(pinned.hostPort, server.hostPort);
  });

  it('shows the pin next to the certificate when the server is pinned', async () => {
    const configDir = tempDir(root);
    assert.equal((await runCli(['trust', server.hostPort, '--fingerprint', server.fingerprint256, '--config-dir', configDir])).code, 0);
    const result = await runCli(['cert', server.hostPort, '--config-dir', configDir]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, new RegExp(`^pinned fingerprint\\s+${server.fingerprint256}$`, 'm'));
    assert.match(result.stdout, /^trusted since\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/m);
  });

  it('exits 1 with a sentence when nothing listens on the port', async () => {
    const closed = await startDemoServer({users: 1, lines: 1});
    const hostPort = closed.hostPort;
    await closed.close();
    const result = await runCli(['cert', hostPort, '--config-dir', tempDir(root)]);
    assert.equal(result.code, 1, result.stderr);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^wazo-tui: /);
    assert.doesNotMatch(result.stderr, /a bug/);
  });

  it('exits 1 and names the file when pins.json is damaged, without overwriting it', async () => {
    const configDir = tempDir(root);
    const file = join(configDir, 'pins.json');
    writeFileSync(file, '{"pins": not json', {mode: 0o600});
    const result = await runCli(['cert', server.hostPort, '--config-dir', configDir]);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /^wazo-tui: The pin store .*pins\.json is damaged \(not valid JSON\)/);
    assert.doesNotMatch(result.stderr, /a bug/);
    assert.equal(readFileSync(file, 'utf8'), '{"pins": not json');
  });
});

describe('wazo-tui trust', () => {
  let server: DemoServer;
  before(async () => {
    server = await startDemoServer({users: 5, lines: 5});
  });
  after(() => server.close());

  it('pins the certificate when the server presents exactly the fingerprint, in a private file', async () => {
    const configDir = join(tempDir(root), 'config');
    const result = await runCli(['trust', server.hostPort, '--fingerprint', server.fingerprint256, '--config-dir', configDir]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, `Pinned ${server.hostPort}: SHA256 ${server.fingerprint256}\n`);
    assert.equal(pinOf(configDir, server.hostPort), server.fingerprint256);
    assert.equal(statSync(configDir).mode & 0o777, 0o700);
    assert.equal(statSync(join(configDir, 'pins.json')).mode & 0o777, 0o600);
    const pem = new PinStore(configDir).get(server.hostPort)?.pem ?? '';
    assert.ok(new X509Certificate(pem).raw.equals(new X509Certificate(server.certPem).raw), 'the pin holds the served certificate');

    const again = await runCli(['trust', server.hostPort, '--fingerprint', server.fingerprint256, '--config-dir', configDir]);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.stdout, `${server.hostPort} is already pinned to SHA256 ${server.fingerprint256}\n`);
  });

  const spellings: Array<[string, (fp: string) => string]> = [
    ['lowercase', (fp) => `${fp.toLowerCase()}\n`],
    ['without colons', (fp) => fp.replaceAll(':', '')],
    ["with openssl's `SHA256 Fingerprint=` prefix", (fp) => `sha256 Fingerprint=${fp}`],
  ];
  for (const [name, spell] of spellings) {
    it(`accepts the fingerprint ${name}`, async () => {
      const configDir = tempDir(root);
      const result = await runCli(['trust', server.hostPort, '--fingerprint', spell(server.fingerprint256), '--config-dir', configDir]);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(pinOf(configDir, server.hostPort), server.fingerprint256);
    });
  }

  it('refuses with exit 4 and pins nothing when the server presents another certificate', async () => {
    const configDir = tempDir(root);
    const expected = otherFingerprint(server.fingerprint256);
    const result = await runCli(['trust', server.hostPort, '--fingerprint', expected, '--config-dir', configDir]);
    assert.equal(result.code, 4);
    assert.equal(result.stdout, '');
    assert.ok(result.stderr.includes(`presents SHA256 ${server.fingerprint256}`), result.stderr);
    assert.ok(result.stderr.includes(`not the expected ${expected}`), result.stderr);
    assert.match(result.stderr, /Nothing was pinned/);
    assert.equal(pinOf(configDir, server.hostPort), undefined);
  });

  it('uses $WAZO_TUI_CONFIG_DIR when no --config-dir is given', async () => {
    const configDir = tempDir(root);
    const result = await runCli(['trust', server.hostPort, '--fingerprint', server.fingerprint256], {env: {WAZO_TUI_CONFIG_DIR: configDir}});
    assert.equal(result.code, 0, result.stderr);
    assert.equal(pinOf(configDir, server.hostPort), server.fingerprint256);
  });
});

describe('a certificate that changed under a pin', () => {
  let first: DemoServer;
  let second: DemoServer;
  let configDir = '';

  before(async () => {
    configDir = tempDir(root);
    first = await startDemoServer({users: 5, lines: 5});
    const pinned = await runCli(['trust', first.hostPort, '--fingerprint', first.fingerprint256, '--config-dir', configDir]);
    assert.equal(pinned.code, 0, pinned.stderr);
    await first.close();
    // The same address now presents a regenerated certificate.
    second = await startDemoServer({users: 5, lines: 5, port: first.port, certificate: generateCertificate()});
    assert.notEqual(second.fingerprint256, first.fingerprint256);
  });
  after(() => second.close());

  function assertChangedReport(stderr: string): void {
    assert.match(stderr, new RegExp(`@@@ WARNING: THE CERTIFICATE OF ${second.hostPort.replaceAll('.', '\\.')} HAS CHANGED @@@`));
    assert.ok(stderr.includes(`pinned:  SHA256 ${first.fingerprint256}`), stderr);
    assert.ok(stderr.includes(`offered: SHA256 ${second.fingerprint256}`), stderr);
    assert.ok(stderr.includes(`wazo-tui trust ${second.hostPort} --fingerprint ${second.fingerprint256} --replace --config-dir ${configDir}`), stderr);
  }

  it('cert still prints what the server presents, then exits 4 with both fingerprints on stderr', async () => {
    const result = await runCli(['cert', second.hostPort, '--config-dir', configDir]);
    assert.equal(result.code, 4);
    assert.match(result.stdout, new RegExp(`^SHA-256 fingerprint\\s+${second.fingerprint256}$`, 'm'));
    assert.match(result.stdout, new RegExp(`^pinned fingerprint\\s+${first.fingerprint256}$`, 'm'));
    assertChangedReport(result.stderr);
  });

  it('trust without --replace exits 4 with both fingerprints and keeps the old pin', async () => {
    const result = await runCli(['trust', second.hostPort, '--fingerprint', second.fingerprint256, '--config-dir', configDir]);
    assert.equal(result.code, 4);
    assert.equal(result.stdout, '');
    assertChangedReport(result.stderr);
    assert.equal(pinOf(configDir, second.hostPort), first.fingerprint256);
  });

  it('trust of the old fingerprint exits 4: the server no longer presents it', async () => {
    const result = await runCli(['trust', second.hostPort, '--fingerprint', first.fingerprint256, '--replace', '--config-dir', configDir]);
    assert.equal(result.code, 4);
    assert.ok(result.stderr.includes(`presents SHA256 ${second.fingerprint256}`), result.stderr);
    assert.equal(pinOf(configDir, second.hostPort), first.fingerprint256);
  });

  it('trust --replace with the new fingerprint replaces the pin', async () => {
    const result = await runCli(['trust', second.hostPort, '--fingerprint', second.fingerprint256, '--replace', '--config-dir', configDir]);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, `Replaced the pin of ${second.hostPort}: SHA256 ${second.fingerprint256}\n`);
    assert.equal(pinOf(configDir, second.hostPort), second.fingerprint256);
    const cert = await runCli(['cert', second.hostPort, '--config-dir', configDir]);
    assert.equal(cert.code, 0, cert.stderr);
  });
});

describe('cert and trust with -p NAME', () => {
  let server: DemoServer;
  before(async () => {
    server = await startDemoServer({users: 5, lines: 5});
  });
  after(() => server.close());

  it("probe and pin the profile's server, and leave the profiles file as it was", async () => {
    const configDir = tempDir(root);
    const added = await runCli(['profiles', 'add', 'prod', server.hostPort, '--config-dir', configDir]);
    assert.equal(added.code, 0, added.stderr);
    const file = readFileSync(join(configDir, 'profiles.yaml'), 'utf8');
    const cert = await runCli(['cert', '-p', 'prod', '--json', '--config-dir', configDir]);
    assert.equal(cert.code, 0, cert.stderr);
    assert.equal((JSON.parse(cert.stdout) as {hostPort: string}).hostPort, server.hostPort);
    const trust = await runCli(['trust', '--profile', 'prod', '--fingerprint', server.fingerprint256, '--config-dir', configDir]);
    assert.equal(trust.code, 0, trust.stderr);
    assert.equal(trust.stdout, `Pinned ${server.hostPort}: SHA256 ${server.fingerprint256}\n`);
    assert.equal(pinOf(configDir, server.hostPort), server.fingerprint256);
    assert.equal(readFileSync(join(configDir, 'profiles.yaml'), 'utf8'), file, 'probing and pinning change no profile');
  });

  it('exit 2 with a sentence for an unknown profile, a profile and a SERVER, or neither', async () => {
    const configDir = tempDir(root);
    const unknown = await runCli(['cert', '-p', 'nope', '--config-dir', configDir]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /no profile named nope/);
    const both = await runCli(['trust', server.hostPort, '-p', 'prod', '--fingerprint', server.fingerprint256, '--config-dir', configDir]);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /give a SERVER or -p prod, not both/);
    const neither = await runCli(['cert', '--config-dir', configDir]);
    assert.equal(neither.code, 2);
    assert.match(neither.stderr, /cert needs a SERVER .* or -p NAME/);
    assert.equal(pinOf(configDir, server.hostPort), undefined);
  });
});
