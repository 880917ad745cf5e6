/**
 * A request that failed before any HTTP status (DNS, refused, unreachable, timeout, cancel, TLS
 * protocol) turned into an ApiError whose message a person can act on. Certificate verdicts are
 * not here: the trust layer handles those.
 */
import {formatHostPort, urlHost} from '../util/host-port.js';
import type {Endpoint} from './endpoint.js';
import {ApiError} from './errors.js';
import {isRecord} from './error-body.js';

const NAME_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_NODATA', 'EAI_FAIL']);

const UNREACHABLE_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused (nothing listens on that port, or a firewall rejects it)',
  EHOSTUNREACH: 'no route to the host (it is down, or a network is missing on the way)',
  EHOSTDOWN: 'the host is down',
  ENETUNREACH: 'the network is unreachable (check the connection or the VPN)',
  ECONNRESET: 'the connection was reset by the server or something on the way',
  ECONNABORTED: 'the connection was aborted',
  EPIPE: 'the connection was closed while the request was being sent',
};

/** Codes of a failed TLS handshake that are not about the certificate (wrong protocol, no common cipher). */
const TLS_PROTOCOL_CODE = /^(ERR_SSL_|ERR_TLS_|EPROTO$)/;

/**
 * A connection-level failure (DNS, refused, unreachable, timeout, cancel, TLS protocol) as an ApiError,
 * or undefined when the error is not one of those (certificate codes are handled by the trust layer).
 */
export function mapConnectionError(error: unknown, endpoint: Endpoint, what: string, timeoutMs: number): ApiError | undefined {
  const code = errorCode(error);
  const name = error instanceof Error ? error.name : '';
  if (name === 'AbortError' || code === 'ERR_ABORTED' || code === 'ABORT_ERR') {
    return new ApiError('cancelled', `Cancelled: ${what}`, {code, request: what});
  }
  if (name === 'TimeoutError' || code === 'ETIMEDOUT') {
    return new ApiError('timeout', `No answer from ${endpoint.hostPort} within ${formatSeconds(timeoutMs)} (${what})`, {
      code,
      request: what,
      hint: 'The server or the network is slow or down: try again, or check that the server is up.',
    });
  }
  if (code !== undefined && NAME_CODES.has(code)) {
    const why = code === 'EAI_AGAIN' ? 'the name server did not answer; check the network and the name' : 'check the name';
    return new ApiError('name-not-found', `Cannot find host ${endpoint.host}: ${why}`, {
      code,
      request: what,
      hint: 'Check the spelling of the server name, or use its IP address.',
    });
  }
  const reason = code === undefined ? undefined : UNREACHABLE_REASONS[code];
  if (reason !== undefined) {
    const address = failedAddress(error);
    const where = address === undefined || address === endpoint.hostPort ? endpoint.hostPort : `${endpoint.hostPort} (${address})`;
    return new ApiError('unreachable', `Cannot connect to ${where}: ${reason}`, {
      code,
      request: what,
      hint: `Check that the server is up and that ${endpoint.port} is its HTTPS port.`,
    });
  }
  if (code !== undefined && TLS_PROTOCOL_CODE.test(code)) {
    return new ApiError('tls', `The TLS handshake with ${endpoint.hostPort} failed (${code})`, {
      code,
      request: what,
      hint: `Check that ${endpoint.port} is the server's HTTPS port (Wazo's nginx listens on 443).`,
    });
  }
  return undefined;
}

/** Any failure that is neither a connection error nor an HTTP status: a last resort that still names the request. */
export function unexpectedFailure(error: unknown, endpoint: Endpoint, what: string): ApiError {
  const code = errorCode(error);
  return new ApiError('unreachable', `The request ${what} to ${endpoint.hostPort} failed${code ? ` (${code})` : ''}`, {
    code,
    request: what,
  });
}

/** The Node or got error code, looking through got's wrapper. */
export function errorCode(error: unknown): string | undefined {
  if (!isRecord(error)) return undefined;
  if (typeof error.code === 'string' && error.code !== 'ERR_GOT_REQUEST_ERROR') return error.code;
  return isRecord(error.cause) && typeof error.cause.code === 'string' ? error.cause.code : undefined;
}

/** The address the socket tried (one of several a name resolved to), as `host:port`. */
function failedAddress(error: unknown): string | undefined {
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  const first = cause instanceof AggregateError ? cause.errors[0] : cause;
  if (!isRecord(first) || typeof first.address !== 'string') return undefined;
  return typeof first.port === 'number' ? formatHostPort(first.address, first.port) : urlHost(first.address);
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
