import {describe, test} from 'node:test';
import assert from 'node:assert/strict';
import {X509Certificate, createHash, createPrivateKey} from 'node:crypto';
import {generateCertificate} from '../../source/demo/certificate.js';

describe('generateCertificate', () => {
  test('defaults mimic wazo-certs: self-signed CN=localhost, SAN DNS:localhost, serverAuth, RSA 2048, 825 days', () => {
    const before = Date.now();
    const generated = generateCertificate();
    const x509 = new X509Certificate(generated.certPem);
    assert.equal(x509.subject, 'CN=localhost');
    assert.equal(x509.issuer, 'CN=localhost');
    assert.equal(x509.subjectAltName, 'DNS:localhost');
    assert.equal(x509.ca, false);
    assert.deepEqual(x509.keyUsage, ['1.3.6.1.5.5.7.3.1']);
    assert.ok(x509.verify(x509.publicKey), 'self-signature verifies');
    assert.equal(x509.publicKey.asymmetricKeyDetails?.modulusLength, 2048);
    assert.equal(x509.publicKey.asymmetricKeyType, 'rsa');
    assert.ok(x509.validFromDate.getTime() <= before);
    const days = (x509.validToDate.getTime() - before) / 86_400_000;
    assert.ok(days > 824 && days < 826, `validity ${days} days`);
    assert.ok(x509.checkPrivateKey(createPrivateKey(generated.keyPem)));
  });

  test('fingerprint256 is the SHA-256 of the DER in uppercase hex pairs', () => {
    const generated = generateCertificate();
    const x509 = new X509Certificate(generated.certPem);
    const expected = createHash('sha256').update(x509.raw).digest('hex').toUpperCase().match(/../g)?.join(':');
    assert.equal(generated.fingerprint256, expected);
    assert.match(generated.fingerprint256, /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  test('serial numbers are random and positive', () => {
    const first = new X509Certificate(generateCertificate().certPem).serialNumber;
    const second = new X509Certificate(generateCertificate().certPem).serialNumber;
    assert.notEqual(first, second);
    for (const serial of [first, second]) assert.ok(Number.parseInt(serial.slice(0, 2), 16) < 0x80, serial);
  });

  test('custom names, including IP addresses', () => {
    const generated = generateCertificate({
      commonName: 'pbx.example.test',
      altNames: [{dns: 'pbx.example.test'}, {ip: '127.0.0.1'}, {ip: '::1'}],
    });
    const x509 = new X509Certificate(generated.certPem);
    assert.equal(x509.subject, 'CN=pbx.example.test');
    assert.equal(x509.subjectAltName, 'DNS:pbx.example.test, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1');
    assert.equal(x509.checkHost('pbx.example.test'), 'pbx.example.test');
    assert.equal(x509.checkIP('127.0.0.1'), '127.0.0.1');
    assert.throws(() => generateCertificate({altNames: [{ip: 'not-an-ip'}]}), TypeError);
  });

  test('a CA-signed leaf verifies against its CA and not against another one', () => {
    const ca = generateCertificate({commonName: 'Demo Test CA', isCA: true, altNames: []});
    const other = generateCertificate({commonName: 'Other CA', isCA: true, altNames: []});
    const leaf = generateCertificate({issuer: ca});
    const caX509 = new X509Certificate(ca.certPem);
    const leafX509 = new X509Certificate(leaf.certPem);
    assert.equal(caX509.ca, true);
    assert.equal(caX509.subjectAltName, undefined);
    assert.equal(leafX509.issuer, 'CN=Demo Test CA');
    assert.ok(leafX509.checkIssued(caX509));
    assert.ok(leafX509.verify(caX509.publicKey));
    assert.equal(leafX509.verify(new X509Certificate(other.certPem).publicKey), false);
    assert.equal(leafX509.verify(leafX509.publicKey), false, 'the leaf is not self-signed');
  });

  test('explicit validity dates, including an expired certificate', () => {
    const notBefore = new Date('2019-01-01T00:00:00Z');
    const notAfter = new Date('2021-01-01T00:00:00Z');
    const x509 = new X509Certificate(generateCertificate({notBefore, notAfter}).certPem);
    assert.equal(x509.validFromDate.toISOString(), notBefore.toISOString());
    assert.equal(x509.validToDate.toISOString(), notAfter.toISOString());
    assert.ok(x509.validToDate.getTime() < Date.now());
  });

  test('larger keys are honoured and keys below 2048 bits are refused', () => {
    const x509 = new X509Certificate(generateCertificate({keyBits: 3072}).certPem);
    assert.equal(x509.publicKey.asymmetricKeyDetails?.modulusLength, 3072);
    assert.throws(() => generateCertificate({keyBits: 1024}), RangeError);
  });
});
