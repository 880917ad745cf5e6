/**
 * The Certificate and Changed screens at 80×24, reached through the App against demo servers
 * with a fresh, an expired, and a replaced certificate.
 */
import {after, before, describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {X509Certificate} from 'node:crypto';
import {PinStore} from '../../source/config/pins.js';
import {pinnedHostPorts} from '../config/pins-on-disk.js';
import {generateCertificate} from '../../source/demo/certificate.js';
import {startDemoServer, type DemoServer} from '../../source/demo/server.js';
import {pbxFingerprintCommand} from '../../source/output/certificate.js';
import {MIN_HEIGHT, MIN_WIDTH} from '../../source/components/layout.js';
import {withDemoServer} from '../helpers/demo.js';
import {assertFits, frameLines, KEYS, press, waitForText} from '../helpers/ink.js';
import {credentialRequests, startApp, using} from '../app/harness.js';

let server: DemoServer;

before(async () => {
  server = await startDemoServer({users: 10, lines: 10});
});

after(() => server.close());


const pairs = /^([\dA-F]{2}:)*[\dA-F]{2}$/;

/** The fingerprint printed under `heading` (which may wrap): the run of hex-pair lines after it, joined again. */
function fingerprintAfter(lines: readonly string[], heading: RegExp): string {
  const start = lines.findIndex((line) => heading.test(line));
  assert.ok(start >= 0, `no ${heading} in:\n${lines.join('\n')}`);
  const first = lines.findIndex((line, index) => index > start && pairs.test(line.trim()));
  assert.ok(first > start && first <= start + 2, `a fingerprint right under ${heading}:\n${lines.join('\n')}`);
  const parts: string[] = [];
  for (const line of lines.slice(first)) {
    if (!pairs.test(line.trim())) break;
    parts.push(line.trim());
  }
  return parts.join(':');
}

function assertScreenSize(frame: string, columns = 80, rows = 24): void {
  assertFits(frame, columns);
  assert.ok(frame.split('\n').length <= rows, `at most ${rows} lines:\n${frame}`);
}

describe('Certificate screen', () => {
  test('at 80×24: every detail, the complete fingerprint across its lines, the openssl command and the choices', async () => {
    const x509 = new X509Certificate(server.certPem);
    await using(startApp({server: server.hostPort, username: 'admin'}), async ({app}) => {
      const frame = await waitForText(app, 'SHA-256 fingerprint:', 8000);
      assertScreenSize(frame);
      const lines = frameLines(app);
      assert.match(frame, new RegExp(`server\\s+${server.hostPort.replace(/\./g, '\\.')}`));
      assert.match(frame, /subject\s+localhost\n/);
      assert.match(frame, /names \(SAN\)\s+DNS:localhost\n/);
      assert.match(frame, /issuer\s+localhost\n/);
      const minutes = (date: string) => new Date(date).toISOString().slice(0, 16).replace('T', ' ');
      assert.match(frame, new RegExp(`validity\\s+${minutes(x509.validFrom)} → ${minutes(x509.validTo)} UTC \\(valid now\\)`));
      assert.match(frame, new RegExp(`serial\\s+${x509.serialNumber}`, 'i'));
      assert.match(frame, /self-signed\s+yes/);
      assert.match(frame, /matches 127\.0\.0\.1\s+no/);
      assert.match(frame, /DEPTH_ZERO_SELF_SIGNED_CERT/);

      const fingerprint = fingerprintAfter(lines, /^\s*SHA-256 fingerprint:$/);
      assert.equal(fingerprint, server.fingerprint256, 'the fingerprint, joined from its lines, is complete');
      assert.ok(lines.filter((line) => /^\s+([\dA-F]{2}:)+[\dA-F]{2}$/.test(line)).length >= 2, 'it is wrapped on whole pairs');
      assert.ok(frame.replace(/\s+/g, ' ').includes(pbxFingerprintCommand), 'the command to run on the PBX, even wrapped');
      const choices = frame.replace(/\s+/g, ' ');
      assert.match(choices, /y trust and remember · o trust this time only · n\/Esc refuse \(nothing is sent\)/);
    });
  });

  test(`at the minimum size (${MIN_WIDTH}×${MIN_HEIGHT}) the fingerprint and the choices still show, nothing drawn over`, async () => {
    await using(startApp({server: server.hostPort, username: 'admin', columns: MIN_WIDTH, rows: MIN_HEIGHT}), async ({app}) => {
      const frame = await waitForText(app, 'SHA-256 fingerprint:', 8000);
      assertScreenSize(frame, MIN_WIDTH, MIN_HEIGHT);
      assert.equal(fingerprintAfter(frameLines(app), /^\s*SHA-256 fingerprint:$/), server.fingerprint256);
      assert.match(frame.replace(/\s+/g, ' '), /y trust and remember · o trust this time only · n\/Esc refuse/);
      assert.match(frame, new RegExp(`^  The certificate of ${server.hostPort.replace(/\./g, '\\.')} is not trusted yet`, 'm'));
    });
  });

  test('an expired certificate is explained and offers no y or o', async () => {
    const day = 24 * 60 * 60 * 1000;
    const expired = generateCertificate({notBefore: new Date(Date.now() - 30 * day), notAfter: new Date(Date.now() - day)});
    await withDemoServer({users: 5, lines: 5, certificate: expired}, async (old) => {
      await using(startApp({server: old.hostPort, username: 'admin'}), async (harness) => {
        const frame = await waitForText(harness.app, 'cannot be trusted', 8000);
        assertScreenSize(frame);
        assert.match(frame, /expired on \d{4}-\d{2}-\d{2}/);
        assert.match(frame, /\(EXPIRED\)/);
        assert.match(frame.replace(/\s+/g, ' '), /Nothing can be trusted here: Renew the certificate on the server/);
        assert.doesNotMatch(frame, /trust and remember|trust this time only/);
        assert.equal(fingerprintAfter(frameLines(harness.app), /^\s*SHA-256 fingerprint:$/), expired.fingerprint256);

        await press(harness.app, 'y', 'o');
        await press(harness.app, 'n');
        await waitForText(harness.app, `Certificate of ${old.hostPort} refused: nothing was sent to it.`);
        assert.deepEqual(pinnedHostPorts(harness.configDir), [], 'y and o did not trust it');
        assert.equal(old.requests.length, 0);
      });
    });
  });
});

describe('Changed certificate screen', () => {
  /** A pin for the server's address, made for another certificate: as after a regenerated certificate. */
  const other = generateCertificate();
  const pinOther = (dir: string) =>
    new PinStore(dir).set({hostPort: server.hostPort, pem: other.certPem, fingerprint256: other.fingerprint256, trustedAt: '2024-01-02T03:04:05.000Z'});

  test('shows both fingerprints complete; y does nothing; typing replace and Enter replaces the pin', async () => {
    const mark = server.requests.length;
    await using(startApp({server: server.hostPort, username: 'admin', prepare: pinOther}), async (harness) => {
      const frame = await waitForText(harness.app, 'HAS CHANGED', 8000);
      assertScreenSize(frame);
      const lines = frameLines(harness.app);
      assert.equal(fingerprintAfter(lines, /^\s*Pinned \(trusted 2024-01-02 03:04:05 UTC\)/), other.fingerprint256);
      assert.equal(fingerprintAfter(lines, /^\s*Offered now/), server.fingerprint256);
      assert.ok(frame.replace(/\s+/g, ' ').includes(pbxFingerprintCommand));

      await press(harness.app, 'y');
      await press(harness.app, KEYS.enter);
      await waitForText(harness.app, 'type the whole word: replace');
      assert.match(harness.app.lastFrame() ?? '', /HAS CHANGED/);
      assert.equal(new PinStore(harness.configDir).get(server.hostPort)?.fingerprint256, other.fingerprint256, 'y changed nothing');

      await press(harness.app, KEYS.ctrlU, 'replace', KEYS.enter);
      await waitForText(harness.app, `Pinned ${server.hostPort}`);
      assert.equal(new PinStore(harness.configDir).get(server.hostPort)?.fingerprint256, server.fingerprint256, 'the pin was replaced');
      assert.deepEqual(credentialRequests(server.requests.slice(mark)), [], 'no credential yet');

      await press(harness.app, server.password, KEYS.enter);
      await waitForText(harness.app, /Users {2}rows 1–/, 8000);
    });
  });

  test(`at the minimum size (${MIN_WIDTH}×${MIN_HEIGHT}) both fingerprints and the prompt still show`, async () => {
    await using(startApp({server: server.hostPort, username: 'admin', prepare: pinOther, columns: MIN_WIDTH, rows: MIN_HEIGHT}), async ({app}) => {
      const frame = await waitForText(app, 'HAS CH', 8000);
      assertScreenSize(frame, MIN_WIDTH, MIN_HEIGHT);
      const lines = frameLines(app);
      assert.equal(fingerprintAfter(lines, /^\s*Pinned \(trusted/), other.fingerprint256);
      assert.equal(fingerprintAfter(lines, /^\s*Offered now/), server.fingerprint256);
      assert.match(frame.replace(/\s+/g, ' '), /Type replace and Enter to trust the new certificate, Esc to refuse: >/);
    });
  });

  test('Esc refuses: the old pin stays and nothing was sent', async () => {
    const mark = server.requests.length;
    await using(startApp({server: server.hostPort, username: 'admin', prepare: pinOther}), async (harness) => {
      await waitForText(harness.app, 'HAS CHANGED', 8000);
      await press(harness.app, 'replac', KEYS.escape);
      await waitForText(harness.app, `Certificate of ${server.hostPort} refused: nothing was sent to it.`);
      assert.equal(new PinStore(harness.configDir).get(server.hostPort)?.fingerprint256, other.fingerprint256);
      assert.equal(server.requests.length, mark, 'no HTTP request reached the server');
    });
  });
});
