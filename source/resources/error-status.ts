/**
 * Errors as the status line words them, and the status itself: what every screen reports with.
 */
import {ApiError, UsageError} from '../api/errors.js';
import {ConfigFileError} from '../config/errors.js';
import {safe, sanitize, type SafeText} from '../text/sanitize.js';

/** Kind of status. */
export type StatusLevel = 'info' | 'progress' | 'error' | 'warn';

/** What the status line shows. */
export interface Status {
  level: StatusLevel;
  /** May contain a server's message, so it is SafeText: sanitised by whoever wrote the status. */
  text: SafeText;
  /** What the user can do about it, e.g. `r: retry`. */
  hint?: SafeText;
}

/**
 * An error as one status: the sentence, then the error's own advice, then (as the hint, which the
 * status line keeps visible when it cuts) the keys that retry. The sentence comes first: a long
 * piece of advice must never push out what went wrong.
 */
export function errorStatus(error: unknown, retryHint?: string): Status {
  if (error instanceof ApiError) {
    const text = error.hint ? `${error.message} — ${error.hint}` : error.message;
    return {level: 'error', text: sanitize(text), ...(retryHint ? {hint: sanitize(retryHint)} : {})};
  }
  if (error instanceof ConfigFileError || error instanceof UsageError) return {level: 'error', text: sanitize(error.message)};
  return {level: 'error', text: safe`Unexpected error: ${sanitize(error instanceof Error ? error.message : String(error))}`};
}

/**
 * Why a collection's rows could not be had, when the reason is the server's or the token's and not
 * a failure: a server without the collection (404: an older or smaller Wazo), or a token that may
 * not read it (401/403, naming the ACL it lacks). Undefined for real errors.
 */
export function unavailableStatus(error: unknown, collection: {title: string; acl: string}): Status | undefined {
  if (!(error instanceof ApiError)) return undefined;
  if (error.kind === 'not-found') {
    return {level: 'warn', text: safe`${sanitize(collection.title)}: this server does not have them (404 for ${sanitize(error.request ?? 'the list')})`, hint: safe`r: retry`};
  }
  if (error.kind === 'forbidden') {
    // The ACL first: it is what to ask for, and a narrow status line must not cut it.
    const acl = error.requiredAcl ?? collection.acl;
    return {level: 'warn', text: safe`${sanitize(acl)} needed: this token may not read ${sanitize(collection.title)}`, hint: safe`r: retry`};
  }
  return undefined;
}
