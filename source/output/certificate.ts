/**
 * The certificate's details as label/value pairs, in the order an administrator checks them.
 * Used by `wazo-tui cert` and by the Certificate screens, so both say the same thing.
 */
import {X509Certificate} from 'node:crypto';
import {formatDate} from '../text/format-date.js';
import type {CertificateInfo, Pin} from '../api/tls/types.js';

export {formatDate};
export {VERIFY_ON_SERVER as pbxFingerprintCommand} from '../api/tls/trust-errors.js';

/** A validity period, to the minute, with whether it holds now. */
export function validity(info: {validFrom: Date; validTo: Date}, now = Date.now()): string {
  const state =
    now < info.validFrom.getTime() ? 'NOT YET VALID' : now > info.validTo.getTime() ? 'EXPIRED' : 'valid now';
  const minutes = (date: Date) => date.toISOString().slice(0, 16).replace('T', ' ');
  return `${minutes(info.validFrom)} → ${minutes(info.validTo)} UTC (${state})`;
}

export function certificateFields(info: CertificateInfo, now = Date.now()): Array<[string, string]> {
  return [
    ['server', info.hostPort],
    ['subject', info.subjectCN ?? info.subject],
    ['names (SAN)', info.sans.length > 0 ? info.sans.join(', ') : '(none)'],
    ['issuer', info.issuerCN ?? info.issuer],
    ['validity', validity(info, now)],
    ['serial', info.serial],
    ['self-signed', info.selfSigned ? 'yes' : 'no'],
    [`matches ${info.host}`, info.nameMatches ? 'yes' : 'no'],
    ['not trusted because', info.authorizationError ?? '(trusted by a CA)'],
  ];
}

export function pinFields(pin: Pin): Array<[string, string]> {
  return [
    ['pinned fingerprint', pin.fingerprint256],
    ['trusted since', formatDate(new Date(pin.trustedAt))],
  ];
}

/** The validity period of a pinned certificate, read from its PEM. */
export function pinValidity(pin: Pin, now = Date.now()): string {
  const x509 = new X509Certificate(pin.pem);
  return validity({validFrom: new Date(x509.validFrom), validTo: new Date(x509.validTo)}, now);
}

/** A fingerprint cut into lines of whole hex pairs that fit `width`, so no character is lost. */
export function wrapFingerprint(fingerprint: string, width: number): string[] {
  const pairs = fingerprint.split(':');
  const fit = Math.max(1, Math.floor((width + 1) / 3));
  // Even lines (16 + 16 pairs rather than 25 + 7) are easier to compare by eye.
  const perLine = Math.ceil(pairs.length / Math.ceil(pairs.length / fit));
  const lines: string[] = [];
  for (let i = 0; i < pairs.length; i += perLine) lines.push(pairs.slice(i, i + perLine).join(':'));
  return lines;
}
