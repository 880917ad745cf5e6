/**
 * SHA-256 certificate fingerprints in exactly the form `openssl x509 -noout -fingerprint -sha256` prints.
 */
import {X509Certificate} from 'node:crypto';
import {UsageError} from '../errors.js';

/** The fingerprint of a PEM or DER certificate: `AB:CD:…`, 32 uppercase hex pairs. */
export function fingerprintOf(certificate: string | Buffer): string {
  return new X509Certificate(certificate).fingerprint256;
}

/**
 * Normalise a fingerprint typed or pasted by a person: lowercase, without colons, with spaces,
 * or with openssl's `SHA256 Fingerprint=` prefix. Throws a UsageError when it is not 32 bytes of hex.
 */
export function normaliseFingerprint(input: string): string {
  const withoutPrefix = input.trim().replace(/^sha-?256\s*(fingerprint)?\s*[=:]?\s*/i, '');
  const hex = withoutPrefix.replace(/[\s:]/g, '').toUpperCase();
  if (!/^[\dA-F]{64}$/.test(hex)) {
    throw new UsageError(
      'Not a SHA-256 fingerprint: expected 64 hex digits (32 pairs like AB:CD:…), as `openssl x509 -noout -fingerprint -sha256` prints',
    );
  }
  return hex.match(/../g)?.join(':') ?? hex;
}
