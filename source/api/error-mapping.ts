/**
 * Failures of a request (network, timeout, HTTP status, error body) turned into ApiErrors
 * whose message a person can act on. No message ever holds a password, a token or an
 * Authorization header: endpoints pass their secrets, and every server text is redacted and cut.
 */
import {ApiError} from './errors.js';
import {serviceName, type ApiRequest} from './request.js';

/** Where a request went: the host and port of the service's base URL. */
export interface Endpoint {
  host: string;
  port: number;
  /** `host:port`, IPv6 in brackets. */
  hostPort: string;
}

/** Longest piece of server text a message carries. */
const MAX_SERVER_TEXT = 300;

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

/** Remove secrets, flatten whitespace, and cut server text to a length a status line can hold. */
export function clipServerText(text: string, secrets: readonly string[]): string {
  let clean = text;
  for (const secret of secrets) {
    if (secret.length > 0) clean = clean.split(secret).join('…');
  }
  clean = clean.replace(/\s+/g, ' ').trim();
  return clean.length > MAX_SERVER_TEXT ? `${clean.slice(0, MAX_SERVER_TEXT - 1)}…` : clean;
}

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

/** What a Wazo error body says, whatever the service's format. */
interface ErrorBody {
  messages: string[];
  errorId?: string;
  /** APIException `details.reason`. */
  reason?: string;
  requiredAcl?: string;
  tenant?: string;
}

/** A non-2xx answer as an ApiError, read from the status and the service's error body. */
export function mapHttpStatus(status: number, body: string, request: ApiRequest): ApiError {
  const parsed = parseErrorBody(body);
  const serverMessage = parsed.messages.length === 0 ? undefined : clipServerText(parsed.messages.join('; '), request.secrets);
  const what = request.label;
  const service = serviceName(request.service);
  const base = {status, serverMessage, request: what};
  const said = serverMessage === undefined ? '' : `: ${serverMessage}`;

  if (status === 401) return unauthorized(request, parsed, base);
  if (status === 403) {
    const acl = parsed.requiredAcl ?? /Unauthorized for (\S+)/.exec(serverMessage ?? '')?.[1];
    return new ApiError('forbidden', `Permission denied for ${what}${said}`, {
      ...base,
      requiredAcl: acl,
      hint: acl ? `Ask an administrator to grant ${acl} to this user.` : 'Ask an administrator for the permission.',
    });
  }
  if (status === 404) {
    if (request.notFoundMeansTokenGone) return tokenGone(what, base);
    return new ApiError('not-found', `Not found (${what})${said}`, {...base, hint: 'It may have been deleted, or belong to another tenant.'});
  }
  if (status === 429) {
    return new ApiError(
      'too-many-sessions',
      'This user has too many sessions open on the server (wazo-auth allows 100): close some or wait for them to expire',
      {...base, hint: 'Sessions end when their token expires; quitting wazo-tui with q revokes its own token.'},
    );
  }
  if (status === 400 || (status > 400 && status < 500)) {
    return new ApiError('bad-request', `${service} refused ${what} (${status})${said}`, base);
  }
  if (status >= 500) return serverFailure(status, service, parsed, base, said);
  return new ApiError('server', `${service} answered ${what} with an unexpected status ${status}`, {
    ...base,
    hint: 'Check the server address, --auth-url and --confd-url: a redirect or a proxy may be in the way.',
  });
}

function unauthorized(request: ApiRequest, parsed: ErrorBody, base: {status: number; serverMessage?: string; request: string}): ApiError {
  // Neither the server's words nor which part was wrong are repeated for a login: one sentence for all cases.
  if (request.unauthorized === 'login') {
    return new ApiError('auth-failed', 'Wrong username or password', {
      status: base.status,
      request: base.request,
      hint: 'Check both and try again (wazo-auth does not say which one is wrong).',
    });
  }
  if (request.unauthorized === 'refresh') {
    return new ApiError('auth-failed', 'wazo-auth refused the saved session (refresh token): log in again with your password', {
      status: base.status,
      request: base.request,
    });
  }
  if (parsed.reason === 'missing_permission_or_invalid_tenant' || parsed.errorId === 'unauthorized-tenant') {
    return forbidden(base.request, parsed.requiredAcl, parsed.tenant, base);
  }
  if (parsed.reason === 'not_found_or_expired') return tokenGone(base.request, base);
  const tuple = parsed.messages.length === 1 ? parseConfdTuple(parsed.messages[0] ?? '') : undefined;
  // confd's 401 body is the repr of the exception's arguments and holds the token: never keep it.
  if (tuple?.length === 3) return forbidden(base.request, tuple[1] ?? undefined, tuple[2] ?? undefined, {...base, serverMessage: undefined});
  return tokenGone(base.request, {...base, serverMessage: tuple ? undefined : base.serverMessage});
}

function tokenGone(what: string, base: {status: number; serverMessage?: string; request: string}): ApiError {
  return new ApiError('token-expired', `The session has ended: the token is unknown, expired or revoked (${what})`, {
    ...base,
    hint: 'Log in again.',
  });
}

function forbidden(
  what: string,
  acl: string | undefined,
  tenant: string | undefined,
  base: {status: number; serverMessage?: string; request: string},
): ApiError {
  // The server reports a missing ACL and a tenant outside the token's reach the same way; with a tenant, say both.
  if (acl && tenant) {
    return new ApiError('forbidden', `Permission denied for ${what}: the token lacks the ACL ${acl}, or may not use tenant ${tenant}`, {
      ...base,
      requiredAcl: acl,
      hint: `Choose a tenant this user belongs to, or ask an administrator to grant ${acl}.`,
    });
  }
  if (acl) {
    return new ApiError('forbidden', `Permission denied: this token lacks the ACL ${acl} needed for ${what}`, {
      ...base,
      requiredAcl: acl,
      hint: `Ask an administrator to grant ${acl} (or a policy that includes it) to this user.`,
    });
  }
  const forTenant = tenant ? `: tenant ${tenant} is not allowed for this token` : '';
  return new ApiError('forbidden', `Permission denied for ${what}${forTenant}`, {
    ...base,
    hint: 'Ask an administrator for the permission, or choose a tenant this user belongs to.',
  });
}

function serverFailure(
  status: number,
  service: string,
  parsed: ErrorBody,
  base: {status: number; serverMessage?: string; request: string},
  said: string,
): ApiError {
  if (parsed.errorId === 'authentication-server-unreachable') {
    return new ApiError('server', `${service} cannot reach wazo-auth to check the token (${status}): the problem is on the server`, {
      ...base,
      hint: 'Try again later; an administrator can check that wazo-auth is running.',
    });
  }
  if (status === 503 && /not initiali[sz]ed/i.test(base.serverMessage ?? '')) {
    return new ApiError('server', `${service} is still starting (503, not initialized): try again in a minute`, base);
  }
  if (status === 502 || status === 504) {
    return new ApiError('server', `The web server got no valid answer from ${service} (${status})${said}`, {
      ...base,
      hint: `${service} may be stopped or restarting; try again later.`,
    });
  }
  return new ApiError('server', `${service} failed on ${base.request} (${status})${said}`, {
    ...base,
    hint: 'This is a problem on the server; try again later.',
  });
}

/** Read confd's string list, wazo-auth's legacy `{reason: [...]}` and the APIException `{message, error_id, details}`. */
function parseErrorBody(body: string): ErrorBody {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    const title = /<title>([^<]*)<\/title>/i.exec(body)?.[1];
    const text = title ?? body.trim().split('\n')[0] ?? '';
    return {messages: text === '' || text.startsWith('<') ? [] : [text]};
  }
  if (Array.isArray(value)) return {messages: value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item)))};
  if (!isRecord(value)) return {messages: []};
  const messages = Array.isArray(value.reason)
    ? value.reason.map(String)
    : typeof value.message === 'string'
      ? [value.message]
      : [];
  const details = isRecord(value.details) ? value.details : {};
  return {
    messages,
    errorId: stringOrUndefined(value.error_id),
    reason: stringOrUndefined(details.reason),
    requiredAcl: stringOrUndefined(details.required_access),
    tenant: stringOrUndefined(details.tenant_uuid),
  };
}

/** `('<token>', 'confd.users.read', None)` → ['<token>', 'confd.users.read', null]; undefined when not a tuple repr. */
function parseConfdTuple(text: string): Array<string | null> | undefined {
  const inner = /^\((.*)\)$/s.exec(text.trim())?.[1];
  if (inner === undefined) return undefined;
  const items: Array<string | null> = [];
  const item = /\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|(None))\s*(?:,|$)/y;
  while (item.lastIndex < inner.length) {
    const match = item.exec(inner);
    if (match === null) return undefined;
    items.push(match[3] === undefined ? (match[1] ?? match[2] ?? '') : null);
  }
  return items.length > 0 ? items : undefined;
}

function failedAddress(error: unknown): string | undefined {
  const cause = error instanceof Error && error.cause !== undefined ? error.cause : error;
  const first = cause instanceof AggregateError ? cause.errors[0] : cause;
  if (!isRecord(first) || typeof first.address !== 'string') return undefined;
  const host = first.address.includes(':') ? `[${first.address}]` : first.address;
  return typeof first.port === 'number' ? `${host}:${first.port}` : host;
}

/** The Node or got error code, looking through got's wrapper. */
export function errorCode(error: unknown): string | undefined {
  if (!isRecord(error)) return undefined;
  if (typeof error.code === 'string' && error.code !== 'ERR_GOT_REQUEST_ERROR') return error.code;
  return isRecord(error.cause) && typeof error.cause.code === 'string' ? error.cause.code : undefined;
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
