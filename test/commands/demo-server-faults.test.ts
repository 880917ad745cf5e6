/**
 * `wazo-tui demo-server` reproduces issue 9's faults from the command line: its start-up output
 * names every URL, fingerprint, fault and the CA file, and what it prints is what it serves.
 * Also: bad flags exit 2 with a sentence, and faults switch at run time from standard input.
 */
import {describe, it} from 'node:test';
import assert from 'node:assert/strict';
import {X509Certificate} from 'node:crypto';
import {existsSync, readFileSync} from 'node:fs';
import {runCli} from './cli.js';
import {presentedCertificate, printed, startCommand} from './demo-server-process.js';
import {loginRequest, tokenOf, wireRequest} from '../helpers/wire.js';

const FINGERPRINT = '((?:[\\dA-F]{2}:){31}[\\dA-F]{2})';

describe('wazo-tui demo-server faults and certificates', () => {
  it('split ports, a CA-issued leaf on each, huge after one confd answer, auth down after a login', async () => {
    const running = await startCommand(['--users', '20', '--lines', '20', '--cert', 'ca', '--confd-port', '0', '--fault', 'huge=1', '--fault', 'auth-down', '--fault-after', '1']);
    let caFile = '';
    try {
      const {stdout} = running;
      const authPort = Number(printed(stdout, /^ {2}wazo-auth: {2}https:\/\/127\.0\.0\.1:(\d+)\/api\/auth\/0\.1$/m));
      const confdPort = Number(printed(stdout, /^ {2}wazo-confd: https:\/\/127\.0\.0\.1:(\d+)\/api\/confd\/1\.1 {2}\(its own port and certificate\)$/m));
      assert.notEqual(authPort, confdPort);
      const authFingerprint = printed(stdout, new RegExp(`^Certificate of 127\\.0\\.0\\.1:${authPort} \\(wazo-auth\\): CN=localhost, issued by the demo CA \\(the CA is not sent\\)\\n  SHA-256 fingerprint: ${FINGERPRINT}$`, 'm'));
      const confdFingerprint = printed(stdout, new RegExp(`^Certificate of 127\\.0\\.0\\.1:${confdPort} \\(wazo-confd\\): .*\\n  SHA-256 fingerprint: ${FINGERPRINT}$`, 'm'));
      caFile = printed(stdout, /^CA that issued them, for --ca-file: (\S+)$/m);
      const caFingerprint = printed(stdout, new RegExp(`--ca-file: \\S+\\n  SHA-256 fingerprint: ${FINGERPRINT}$`, 'm'));
      assert.match(stdout, /^Faults:\n {2}huge: JSON answers of 1 MB with Content-Length \(wazo-confd requests, after 1 of them\)\n {2}auth-down: the wazo-auth port refuses connections \(wazo-auth requests, after 1 of them\)$/m);
      assert.match(stdout, new RegExp(`^Connect: wazo-tui 127\\.0\\.0\\.1:${authPort} --username admin --confd-url https://127\\.0\\.0\\.1:${confdPort}/api/confd/1\\.1 --ca-file ${caFile.replace(/[.]/g, '\\.')}$`, 'm'));
      assert.match(stdout, new RegExp(`^Try: curl --cacert ${caFile.replace(/[.]/g, '\\.')} -u admin:secret `, 'm'));

      assert.equal((await presentedCertificate(authPort)).fingerprint256, authFingerprint);
      assert.equal((await presentedCertificate(confdPort)).fingerprint256, confdFingerprint);
      const ca = readFileSync(caFile, 'utf8');
      assert.equal(new X509Certificate(ca).fingerprint256, caFingerprint);

      // The CA file alone verifies both ports; the first request of each service goes through.
      const token = tokenOf(await wireRequest(loginRequest(authPort, ca)));
      const users = (path: string) => wireRequest({port: confdPort, ca, path: `/api/confd/1.1${path}`, headers: {'x-auth-token': token}});
      const first = await users('/users?limit=2');
      assert.equal(first.status, 200);
      assert.ok(first.bytes < 100_000);
      const second = await users('/users?limit=2');
      assert.equal(Number(second.headers?.['content-length']), second.bytes);
      assert.ok(second.bytes >= 1024 * 1024, `the second confd answer is huge: ${second.bytes} bytes`);
      assert.equal((await wireRequest(loginRequest(authPort, ca))).errorCode, 'ECONNRESET');
      // The port closes just after the reset; a connection the kernel queued before it may still be reset.
      let refused = (await wireRequest(loginRequest(authPort, ca))).errorCode;
      for (let tries = 0; refused === 'ECONNRESET' && tries < 20; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        refused = (await wireRequest(loginRequest(authPort, ca))).errorCode;
      }
      assert.equal(refused, 'ECONNREFUSED');
      assert.equal((await users('/lines?limit=1')).status, 200, 'confd answers while wazo-auth is down');
    } finally {
      running.child.kill('SIGTERM');
    }
    assert.deepEqual(await running.exit, {code: 143, signal: null});
    assert.equal(existsSync(caFile), false, 'the CA file is removed on exit');
  });

  it('faults switch at run time from standard input, and a signal still stops it with stdin open', async () => {
    const running = await startCommand(['--users', '5', '--lines', '5', '--fault-path', '/infos'], {keepStdin: true});
    try {
      const port = Number(printed(running.stdout, /listening on https:\/\/127\.0\.0\.1:(\d+)$/m));
      const ca = (await presentedCertificate(port)).toString();
      const token = tokenOf(await wireRequest(loginRequest(port, ca)));
      const infos = () => wireRequest({port, ca, path: '/api/confd/1.1/infos', headers: {'x-auth-token': token}});
      assert.equal((await infos()).status, 200);
      running.child.stdin.write('fault 5xx=503\n');
      await waitForOutput(running.output, /^Fault: answer 503 \(requests whose path matches \\\/infos\)$/m);
      assert.equal((await infos()).status, 503);
      assert.equal((await wireRequest({port, ca, path: '/api/confd/1.1/users', headers: {'x-auth-token': token}})).status, 200, 'the --fault-path still applies');
      running.child.stdin.write('fault nope\nfault none\n');
      await waitForOutput(running.output, /^! unknown --fault "nope".*\nFaults: none$/m);
      assert.equal((await infos()).status, 200);
    } finally {
      running.child.kill('SIGTERM');
    }
    assert.deepEqual(await running.exit, {code: 143, signal: null});
  });

  it('prints the certificate mode, latency, clock offset and compression it was given', async () => {
    const running = await startCommand(['--users', '1', '--lines', '1', '--cert', 'expired', '--latency', '20', '--clock-offset=-7200', '--gzip']);
    try {
      assert.match(running.stdout, /^Certificate of 127\.0\.0\.1:\d+ \(wazo-auth and wazo-confd\): self-signed, CN=localhost, EXPIRED on \d{4}-/m);
      assert.match(running.stdout, /^Latency: every answer waits 20 ms$/m);
      assert.match(running.stdout, /^Server clock: 7200 s behind$/m);
      assert.match(running.stdout, /^JSON answers are gzipped for clients that accept it$/m);
      assert.doesNotMatch(running.stdout, /^Faults:/m);
    } finally {
      running.child.kill('SIGTERM');
    }
    assert.equal((await running.exit).code, 143);
  });

  it('refuses bad fault and certificate flags with exit 2 and a sentence', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--fault', 'explode'], /unknown --fault "explode"; one of: huge/],
      [['--fault', 'slow-body=soon'], /the duration in seconds/],
      [['--fault', 'auth-down=refused'], /auth-down=refused needs --confd-port/],
      [['--cert', 'stolen'], /--cert is one of self-signed, ca, ca-chain, expired, not-yet-valid, not "stolen"/],
      [['--fault-path', '(['], /--fault-path takes a regular expression/],
      [['--fault-after', '-1'], /--fault-after/],
      [['--clock-offset', 'soon'], /--clock-offset takes whole seconds/],
      [['--confd-port', '70000'], /--confd-port takes a whole number from 0 to 65535/],
    ];
    for (const [args, message] of cases) {
      const result = await runCli(['demo-server', ...args]);
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, message);
    }
  });
});

async function waitForOutput(output: () => string, pattern: RegExp): Promise<void> {
  for (let waited = 0; waited < 10_000; waited += 50) {
    if (pattern.test(output())) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.fail(`${pattern} not in:\n${output()}`);
}
