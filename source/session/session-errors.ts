/**
 * The errors the session itself raises: a cancelled wait, an expired or revoked session (with the
 * hint that the password prompt keeps the screen), and a 401 that turned out to be a missing ACL.
 */
import {ApiError} from '../api/errors.js';

const REVOKED_MESSAGE = 'The session was ended on the server (token revoked or expired)';
const PASSWORD_HINT = 'Enter the password to continue; the screen is kept.';

export function cancelled(): ApiError {
  return new ApiError('cancelled', 'The request was cancelled');
}

/** The token's time ran out; `cause` is the renewal failure that let it, if any. */
export function expiredError(cause?: ApiError): ApiError {
  return new ApiError('token-expired', 'The session expired', {hint: passwordHint(cause), cause});
}

/** The server no longer knows the token before its time. */
export function revokedError(cause?: ApiError): ApiError {
  return new ApiError('token-expired', REVOKED_MESSAGE, {hint: passwordHint(cause), cause});
}

function passwordHint(cause: ApiError | undefined): string {
  return cause ? `${PASSWORD_HINT} (renewal failed: ${cause.message})` : PASSWORD_HINT;
}

/** A 401 whose token is still valid: the token lacks an ACL. */
export function forbidden(error: ApiError): ApiError {
  const what = error.requiredAcl ? `the permission ${error.requiredAcl}` : 'the permission for this request';
  return new ApiError('forbidden', `This account lacks ${what}`, {
    status: error.status,
    serverMessage: error.serverMessage,
    requiredAcl: error.requiredAcl,
    request: error.request,
    hint: 'Ask an administrator for a policy that grants it, or log in with another account.',
    cause: error,
  });
}

/** Anything thrown by a request, as an ApiError (the client throws only those; this is a last resort). */
export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('server', error instanceof Error ? error.message : String(error), {cause: error});
}
