/**
 * Read a server's certificate over a bare TLS connection that sends no application byte:
 * the only safe way to look at a certificate that is not trusted yet (notes/tls.md §1).
 */
import type {X509Certificate} from 'node:crypto';
import {isIP} from 'node:net';
import {checkServerIdentity, connect, type TLSSocket} from 'node:tls';
import {ApiError} from '../errors.js';
import {mapConnectionError, unexpectedFailure} from '../connection-errors.js';
import {endpointFor, type Endpoint} from '../endpoint.js';
import type {CertificateInfo} from './types.js';

/** How long and against which CAs to probe. */
export interface ProbeOptions {
  /** Default 10 000 ms, for DNS, connection and handshake together. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** CA certificates that decide `authorizationError`; default: Node's roots. */
  ca?: readonly string[];
}

const DEFAULT_TIMEOUT_MS = 10_000;

/** Connect, read the leaf certificate, close. Connection failures are the same ApiErrors as a request's. */
export function probeCertificate(host: string, port: number, options: ProbeOptions = {}): Promise<CertificateInfo> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const endpoint = endpointFor(host, port);
  const {hostPort} = endpoint;
  const what = `reading the certificate of ${hostPort}`;

  return new Promise<CertificateInfo>((resolve, reject) => {
    const {signal} = options;
    if (signal?.aborted) {
      reject(new ApiError('cancelled', `Cancelled: ${what}`, {request: what}));
      return;
    }
    const socket: TLSSocket = connect({
      host,
      port,
      // SNI carries DNS names only (RFC 6066); Node warns when given an IP.
      servername: isIP(host) === 0 ? host : undefined,
      rejectUnauthorized: false,
      ca: options.ca ? [...options.ca] : undefined,
    });
    let settled = false;
    const finish = (outcome: {info: CertificateInfo} | {error: ApiError}): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      if ('info' in outcome) {
        socket.end();
        resolve(outcome.info);
      } else {
        socket.destroy();
        reject(outcome.error);
      }
    };
    const onAbort = (): void => finish({error: new ApiError('cancelled', `Cancelled: ${what}`, {request: what})});
    const timer = setTimeout(() => {
      const timeout = Object.assign(new Error('probe timed out'), {code: 'ETIMEDOUT'});
      finish({error: mapConnectionError(timeout, endpoint, what, timeoutMs) ?? unexpectedFailure(timeout, endpoint, what)});
    }, timeoutMs);
    signal?.addEventListener('abort', onAbort, {once: true});

    socket.once('secureConnect', () => {
      const x509 = socket.getPeerX509Certificate();
      if (x509 === undefined) {
        finish({error: new ApiError('tls', `${hostPort} sent no certificate`, {request: what})});
        return;
      }
      const authorizationError = socket.authorizationError;
      finish({info: describeCertificate(x509, endpoint, authorizationError ? String(authorizationError) : undefined)});
    });
    socket.once('error', (error) => {
      finish({error: mapConnectionError(error, endpoint, what, timeoutMs) ?? unexpectedFailure(error, endpoint, what)});
    });
  });
}

/** Every field the Certificate screen shows, read from one X.509 certificate. */
function describeCertificate(x509: X509Certificate, {host, port, hostPort}: Endpoint, authorizationError?: string): CertificateInfo {
  const subjectCN = commonName(x509.subject);
  const issuerCN = commonName(x509.issuer);
  return {
    hostPort,
    host,
    port,
    subject: oneLine(x509.subject),
    subjectCN,
    sans: splitAltNames(x509.subjectAltName),
    issuer: oneLine(x509.issuer),
    issuerCN,
    validFrom: x509.validFromDate,
    validTo: x509.validToDate,
    serial: x509.serialNumber.toUpperCase(),
    fingerprint256: x509.fingerprint256,
    // checkIssued() is false for a self-signed leaf without keyCertSign (notes/tls.md §1): compare and verify instead.
    selfSigned: x509.subject === x509.issuer && x509.verify(x509.publicKey),
    nameMatches: checkServerIdentity(host, x509.toLegacyObject()) === undefined,
    authorizationError,
    pem: x509.toString(),
  };
}

/** Node prints a distinguished name one attribute per line. */
function oneLine(name: string): string {
  return name.split('\n').filter(Boolean).join(', ');
}

function commonName(name: string): string | undefined {
  const line = name.split('\n').find((part) => part.startsWith('CN='));
  return line?.slice(3);
}

/** `DNS:a, IP Address:1.2.3.4` → entries; Node quotes values that hold a comma, so split only before a new `Type:`. */
function splitAltNames(text: string | undefined): string[] {
  if (!text) return [];
  return text.split(/, (?=[A-Za-z][A-Za-z ]*:)/).filter(Boolean);
}
