/**
 * A non-2xx answer turned into an ApiError whose message a person can act on, read from the
 * status and the service's error body. No message ever holds a password, a token or an
 * Authorization header: endpoints pass their secrets, and every server text is redacted and cut.
 */
import {clipServerText, parseConfdTuple, parseErrorBody, type ErrorBody} from './error-body.js';
import {ApiError} from './errors.js';
import {serviceName, type ApiRequest} from './request.js';

/** What every ApiError made from one answer carries. */
interface ErrorBase {
  status: number;
  serverMessage?: string;
  request: string;
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

function unauthorized(request: ApiRequest, parsed: ErrorBody, base: ErrorBase): ApiError {
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

function tokenGone(what: string, base: ErrorBase): ApiError {
  return new ApiError('token-expired', `The session has ended: the token is unknown, expired or revoked (${what})`, {
    ...base,
    hint: 'Log in again.',
  });
}

function forbidden(
  what: string,
  acl: string | undefined,
  tenant: string | undefined,
  base: ErrorBase,
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
  base: ErrorBase,
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
