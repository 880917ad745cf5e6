/**
 * One error taxonomy for everything the client can meet. Every failure that leaves
 * `source/api` is an ApiError with a kind, a sentence a person can act on, and a hint.
 */

export type ApiErrorKind =
  /** DNS could not resolve the host name. */
  | 'name-not-found'
  /** Connection refused, reset, or network unreachable. */
  | 'unreachable'
  /** No answer in time. */
  | 'timeout'
  /** The certificate is neither CA-trusted nor pinned (first contact). */
  | 'cert-untrusted'
  /** A pin exists and the server shows another certificate. */
  | 'cert-changed'
  /** The certificate is expired or not yet valid. */
  | 'cert-expired'
  /** Any other TLS failure (protocol, handshake). */
  | 'tls'
  /** wazo-auth refused the credentials (or the refresh token). */
  | 'auth-failed'
  /** The token is unknown, expired or revoked. */
  | 'token-expired'
  /** The token lacks an ACL (or the tenant is not allowed). */
  | 'forbidden'
  | 'not-found'
  /** 400: the server's own message is kept. */
  | 'bad-request'
  /** 429 from wazo-auth: too many sessions for this user. */
  | 'too-many-sessions'
  /** 5xx. */
  | 'server'
  /** The answer is not JSON, or not the shape the Wazo service sends. */
  | 'malformed'
  /** The answer is larger than what the client reads for that kind of request (answer-limit.ts). */
  | 'too-large'
  /** The request was cancelled by the caller (a newer request replaced it). */
  | 'cancelled';

export interface ApiErrorDetails {
  status?: number;
  /** The service's own message (confd's string list joined, wazo-auth's reason). */
  serverMessage?: string;
  /** The ACL the server said was missing. */
  requiredAcl?: string;
  /** Method and URL of the failed request, without credentials. */
  request?: string;
  /** Node or TLS error code, for the curious. */
  code?: string;
  hint?: string;
  cause?: unknown;
}

export class ApiError extends Error {
  override readonly name: string = 'ApiError';
  readonly kind: ApiErrorKind;
  readonly status?: number;
  readonly serverMessage?: string;
  readonly requiredAcl?: string;
  readonly request?: string;
  readonly code?: string;
  readonly hint?: string;

  constructor(kind: ApiErrorKind, message: string, details: ApiErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : {cause: details.cause});
    this.kind = kind;
    this.status = details.status;
    this.serverMessage = details.serverMessage;
    this.requiredAcl = details.requiredAcl;
    this.request = details.request;
    this.code = details.code;
    this.hint = details.hint;
  }
}

/** A mistake in what the user typed (a server address, a flag, a fingerprint): exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function isApiError(error: unknown, kind?: ApiErrorKind): error is ApiError {
  return error instanceof ApiError && (kind === undefined || error.kind === kind);
}

/** The process exit code for an error, as DESIGN.md fixes them. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError) return 2;
  if (!(error instanceof ApiError)) return 1;
  switch (error.kind) {
    case 'auth-failed':
      return 3;
    case 'cert-untrusted':
    case 'cert-changed':
    case 'cert-expired':
      return 4;
    default:
      return 1;
  }
}
