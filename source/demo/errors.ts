/** Each service's real error bodies (NOTES §3): wazo-auth legacy and APIException shapes, confd string lists. */
import {pythonTuple} from './text.js';

/** wazo-auth `_error()`: `{"reason": [msg], "timestamp": [float], "status_code": n}`. */
export function legacyError(status: number, message: string, nowMs: number) {
  return {reason: [message], timestamp: [nowMs / 1000], status_code: status};
}

/** xivo `APIException` as wazo-auth serialises it. */
export function apiException(message: string, errorId: string, details: Record<string, unknown>, nowMs: number) {
  return {message, error_id: errorId, details, timestamp: nowMs / 1000};
}

/** wazo-auth 401 for a missing, unknown or expired token. */
export function invalidTokenError(token: string, requiredAccess: string, nowMs: number) {
  return apiException('Unauthorized', 'unauthorized', {invalid_token: token, reason: 'not_found_or_expired', required_access: requiredAccess}, nowMs);
}

/** wazo-auth 401 for a token that lacks the ACL or the tenant. */
export function missingPermissionError(token: string, requiredAccess: string, tenantUuid: string | null, nowMs: number) {
  return apiException(
    'Unauthorized',
    'unauthorized',
    {invalid_token: token, reason: 'missing_permission_or_invalid_tenant', required_access: requiredAccess, tenant_uuid: tenantUuid},
    nowMs,
  );
}

/**
 * confd's 401 body: `[str(exception)]`, which is the repr of the exception's arguments —
 * `(token, acl)` for an invalid token, `(token, acl, tenant or None)` for a missing permission.
 */
export function confdUnauthorized(args: [string, string] | [string, string, string | null]): string[] {
  return [pythonTuple(args)];
}

/** confd's 404: `["Resource Not Found - User was not found ('id': 42)"]`. */
export function confdNotFound(resource: string, id: number | string): string[] {
  const shown = typeof id === 'number' ? String(id) : `'${id}'`;
  return [`Resource Not Found - ${resource} was not found ('id': ${shown})`];
}

/** Flask's routing 404 (unknown path, or a path segment of the wrong type). */
export const ROUTE_NOT_FOUND = {
  message: 'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.',
};

/** Flask's 405. */
export const METHOD_NOT_ALLOWED = {message: 'The method is not allowed for the requested URL.'};

/** The page nginx itself serves for a 5xx it generates (fault injection of 502/503/504). */
export function nginxErrorPage(status: number, reason: string): string {
  return `<html>\r\n<head><title>${status} ${reason}</title></head>\r\n<body>\r\n<center><h1>${status} ${reason}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}
