import assert from 'node:assert/strict';
import {createHash, X509Certificate} from 'node:crypto';
import {describe, it} from 'node:test';
import {UsageError} from '../../source/api/errors.js';
import {fingerprintOf, normaliseFingerprint} from '../../source/api/tls/fingerprint.js';
import {generateCertificate} from '../../source/demo/certificate.js';

describe('fingerprints', () => {
  const certificate = generateCertificate();
  const der = new X509Certificate(certificate.certPem).raw;
  const expected = createHash('sha256')
    .update(der)
    .digest('hex')
    .toUpperCase()
    .match(/../g)
    ?.join(':');

  it('prints the SHA-256 of the DER as 32 uppercase pairs, from PEM or DER', () => {
    assert.equal(fingerprintOf(certificate.certPem), expected);
    assert.equal(fingerprintOf(der), expected);
    assert.match(fingerprintOf(der), /^([\dA-F]{2}:){31}[\dA-F]{2}$/);
  });

  it('normalises what a person pastes', () => {
    const plain = expected?.replace(/:/g, '') ?? '';
    for (const typed of [
      expected ?? '',
      expected?.toLowerCase() ?? '',
      plain,
      plain.toLowerCase(),
      `SHA256 Fingerprint=${expected}`,
      `sha256 fingerprint=${plain}`,
      `SHA256:${expected}`,
      `  ${expected?.replace(/:/g, ' ')}  `,
    ]) {
      assert.equal(normaliseFingerprint(typed), expected, `for ${typed}`);
    }
  });

  it('refuses what is not a SHA-256 fingerprint', () => {
    for (const bad of ['', 'AB:CD', `${expected}:00`, 'Z'.repeat(64), 'SHA1 Fingerprint=AB:CD']) {
      assert.throws(() => normaliseFingerprint(bad), UsageError, bad);
    }
  });
});
