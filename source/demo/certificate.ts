/**
 * X.509 certificates for the demo server and for tests, made like Wazo's default one
 * (wazo-certs: RSA 2048, SHA-256, 825 days, self-signed, CN=localhost, SAN DNS:localhost, serverAuth).
 */
import {X509Certificate, generateKeyPairSync, randomBytes} from 'node:crypto';
import {isIP} from 'node:net';
import forge from 'node-forge';

/** A certificate and its private key, both PEM, with the fingerprint `openssl x509 -fingerprint -sha256` prints. */
export interface GeneratedCertificate {
  certPem: string;
  keyPem: string;
  /** `AB:CD:…`, 32 uppercase hex pairs. */
  fingerprint256: string;
}

/** A subjectAltName entry. */
export type AltName = {dns: string} | {ip: string};

/** What to put in a generated certificate; every field has the wazo-certs default. */
export interface CertificateOptions {
  /** Subject CN, default `localhost`. */
  commonName?: string;
  /** subjectAltName entries, default `[{dns: 'localhost'}]`. */
  altNames?: AltName[];
  /** Default: one minute ago. */
  notBefore?: Date;
  /** Default: 825 days after now. */
  notAfter?: Date;
  /** Sign with this CA instead of self-signing. */
  issuer?: {certPem: string; keyPem: string};
  /** basicConstraints CA:TRUE with keyCertSign/cRLSign. */
  isCA?: boolean;
  /** RSA modulus length, default 2048 (at least 2048). */
  keyBits?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_VALIDITY_DAYS = 825;

/** Build and sign an RSA/SHA-256 certificate; the key comes from node:crypto, forge only writes the X.509. */
export function generateCertificate(options: CertificateOptions = {}): GeneratedCertificate {
  const keyBits = options.keyBits ?? 2048;
  if (keyBits < 2048) throw new RangeError(`keyBits must be at least 2048, got ${keyBits}`);
  const commonName = options.commonName ?? 'localhost';
  const altNames = options.altNames ?? [{dns: 'localhost'}];
  const now = Date.now();

  const pair = generateKeyPairSync('rsa', {modulusLength: keyBits});
  const keyPem = pair.privateKey.export({type: 'pkcs1', format: 'pem'}).toString();
  const publicPem = pair.publicKey.export({type: 'spki', format: 'pem'}).toString();

  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicPem);
  cert.serialNumber = randomSerial();
  cert.validity.notBefore = options.notBefore ?? new Date(now - 60_000);
  cert.validity.notAfter = options.notAfter ?? new Date(now + DEFAULT_VALIDITY_DAYS * DAY_MS);
  const subject = [{name: 'commonName', value: commonName}];
  cert.setSubject(subject);

  let signingKey: forge.pki.rsa.PrivateKey;
  if (options.issuer) {
    const issuerCert = forge.pki.certificateFromPem(options.issuer.certPem);
    cert.setIssuer(issuerCert.subject.attributes);
    signingKey = forge.pki.privateKeyFromPem(options.issuer.keyPem) as forge.pki.rsa.PrivateKey;
  } else {
    cert.setIssuer(subject);
    signingKey = forge.pki.privateKeyFromPem(keyPem) as forge.pki.rsa.PrivateKey;
  }

  const extensions: object[] = [
    {name: 'basicConstraints', cA: options.isCA === true, critical: options.isCA === true},
    options.isCA
      ? {name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true}
      : {name: 'keyUsage', digitalSignature: true, keyEncipherment: true},
    {name: 'subjectKeyIdentifier'},
  ];
  if (!options.isCA) extensions.push({name: 'extKeyUsage', serverAuth: true});
  if (altNames.length > 0) extensions.push({name: 'subjectAltName', altNames: altNames.map(toForgeAltName)});
  cert.setExtensions(extensions);
  cert.sign(signingKey, forge.md.sha256.create());

  const certPem = forge.pki.certificateToPem(cert);
  return {certPem, keyPem, fingerprint256: new X509Certificate(certPem).fingerprint256};
}

/** 16 random bytes as hex with the top bit cleared, so the DER INTEGER is positive and non-zero. */
function randomSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x01;
  return bytes.toString('hex');
}

function toForgeAltName(name: AltName): {type: number; value?: string; ip?: string} {
  if ('dns' in name) return {type: 2, value: name.dns};
  if (isIP(name.ip) === 0) throw new TypeError(`not an IP address: ${name.ip}`);
  return {type: 7, ip: name.ip};
}
