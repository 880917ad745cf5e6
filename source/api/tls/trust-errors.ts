/**
 * A request that failed on the server's certificate becomes a CertificateError carrying what the
 * probe saw and why it was refused, finer than the error kind (notes/tls.md §4).
 */
import {formatDate} from '../../text/format-date.js';
import {ApiError, type ApiErrorKind} from '../errors.js';
import type {CertificateInfo, Pin} from './types.js';

/** The error code our pinned `checkServerIdentity` gives when the fingerprint differs. */
export const PIN_MISMATCH_CODE = 'ERR_CERT_PIN_MISMATCH';

const UNKNOWN_CA_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_UNTRUSTED',
]);
const SELF_SIGNED_CODE = 'DEPTH_ZERO_SELF_SIGNED_CERT';
const NAME_MISMATCH_CODE = 'ERR_TLS_CERT_ALTNAME_INVALID';
const TIME_CODES = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);
/** Other verification failures of OpenSSL's X509_V_ERR_* list that Node reports by name. */
const OTHER_VERIFY_CODES = new Set([
  'CERT_SIGNATURE_FAILURE',
  'CERT_REVOKED',
  'CERT_REJECTED',
  'CERT_CHAIN_TOO_LONG',
  'INVALID_CA',
  'INVALID_PURPOSE',
  'PATH_LENGTH_EXCEEDED',
  'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
  'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY',
  'ERROR_IN_CERT_NOT_BEFORE_FIELD',
  'ERROR_IN_CERT_NOT_AFTER_FIELD',
]);

/** Whether a request error code is a certificate verdict, after which the client probes the server. */
export function isCertificateCode(code: string | undefined): code is string {
  return (
    code !== undefined &&
    (code === PIN_MISMATCH_CODE ||
      code === SELF_SIGNED_CODE ||
      code === NAME_MISMATCH_CODE ||
      UNKNOWN_CA_CODES.has(code) ||
      TIME_CODES.has(code) ||
      OTHER_VERIFY_CODES.has(code))
  );
}

/** Why the certificate was refused, finer than the error kind. */
export type CertificateProblem = 'changed' | 'self-signed' | 'unknown-ca' | 'name-mismatch' | 'expired' | 'not-yet-valid' | 'other';

/** A request refused on the certificate, with what the probe saw and the pin in force (if any). */
export class CertificateError extends ApiError {
  override readonly name = 'CertificateError';
  readonly certificate: CertificateInfo;
  readonly pinned?: Pin;
  readonly problem: CertificateProblem;

  constructor(
    kind: Extract<ApiErrorKind, 'cert-untrusted' | 'cert-changed' | 'cert-expired' | 'tls'>,
    problem: CertificateProblem,
    message: string,
    details: {certificate: CertificateInfo; pinned?: Pin; code: string; request?: string; hint?: string},
  ) {
    super(kind, message, {code: details.code, request: details.request, hint: details.hint});
    this.problem = problem;
    this.certificate = details.certificate;
    this.pinned = details.pinned;
  }
}

/** The command to run on the PBX to read its certificate's fingerprint. */
export const VERIFY_ON_SERVER = 'openssl x509 -noout -fingerprint -sha256 -in /usr/share/wazo-certs/server.crt';

/**
 * Classify a certificate failure from the TLS code, the probed certificate and the pin in force:
 * a pin whose fingerprint differs is always `cert-changed`, whatever the code.
 */
export function certificateErrorFor(
  code: string,
  seen: CertificateInfo,
  pinned: Pin | undefined,
  options: {request?: string; now?: Date} = {},
): CertificateError {
  const now = options.now ?? new Date();
  const base = {certificate: seen, pinned, code, request: options.request};
  const where = seen.hostPort;

  if (pinned && pinned.fingerprint256 !== seen.fingerprint256) {
    return new CertificateError(
      'cert-changed',
      'changed',
      [
        `@@@ WARNING: THE CERTIFICATE OF ${where} HAS CHANGED (possible man-in-the-middle attack) @@@`,
        `pinned:  SHA256 ${pinned.fingerprint256}`,
        `offered: SHA256 ${seen.fingerprint256}`,
        `[${code}] No credential was sent.`,
      ].join('\n'),
      {
        ...base,
        hint: `If the certificate was replaced on purpose, check the new fingerprint on the server (${VERIFY_ON_SERVER}) and replace the pin deliberately.`,
      },
    );
  }
  if (code === 'CERT_NOT_YET_VALID' || seen.validFrom.getTime() > now.getTime()) {
    return new CertificateError(
      'cert-expired',
      'not-yet-valid',
      `The certificate of ${where} is not valid before ${formatDate(seen.validFrom)} (this computer says ${formatDate(now)})`,
      {...base, hint: "Check this computer's clock and the server's."},
    );
  }
  if (code === 'CERT_HAS_EXPIRED' || seen.validTo.getTime() < now.getTime()) {
    return new CertificateError(
      'cert-expired',
      'expired',
      `The certificate of ${where} expired on ${formatDate(seen.validTo)} (valid from ${formatDate(seen.validFrom)})`,
      {...base, hint: 'Renew the certificate on the server, then trust the new one. An expired certificate cannot be trusted.'},
    );
  }
  if (pinned) {
    return new CertificateError('tls', 'other', `The pinned certificate of ${where} was refused (${code})`, {
      ...base,
      hint: 'The server shows the pinned certificate but the TLS check failed: try again, or check the certificate on the server.',
    });
  }
  if (code === SELF_SIGNED_CODE) {
    return new CertificateError(
      'cert-untrusted',
      'self-signed',
      `${where} uses a self-signed certificate that is not trusted yet (${code})`,
      {...base, hint: `Compare its SHA-256 fingerprint with what \`${VERIFY_ON_SERVER}\` prints on the server before trusting it.`},
    );
  }
  if (UNKNOWN_CA_CODES.has(code)) {
    const issuer = seen.issuerCN ?? seen.issuer;
    return new CertificateError(
      'cert-untrusted',
      'unknown-ca',
      `The certificate of ${where} is signed by an authority that is not trusted here (issuer ${issuer}, ${code})`,
      {...base, hint: "If you trust that authority, pass its certificate with --ca-file PEM; or compare the fingerprint and trust this certificate."},
    );
  }
  if (code === NAME_MISMATCH_CODE) {
    const names = seen.sans.length > 0 ? seen.sans.join(', ') : `CN=${seen.subjectCN ?? '?'}`;
    return new CertificateError(
      'cert-untrusted',
      'name-mismatch',
      `The certificate of ${where} is issued for ${names}, not for ${seen.host} (${code})`,
      {...base, hint: 'Connect with a name the certificate covers, or compare the fingerprint and trust this certificate.'},
    );
  }
  return new CertificateError('tls', 'other', `The certificate of ${where} was refused (${code})`, {
    ...base,
    hint: 'This certificate cannot be used for HTTPS as it is: fix it on the server.',
  });
}
