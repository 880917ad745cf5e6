/**
 * After a failed renewal, when to try again: only for a failure that may pass (the network, the
 * server), with a backoff of 2, 5, then every 10 seconds. It goes on past the token's expiry, so
 * that the refresh token, still valid, brings the session back as soon as wazo-auth answers.
 */
import type {ApiError} from '../api/errors.js';

const TRANSIENT: ReadonlySet<string> = new Set(['unreachable', 'timeout', 'server', 'name-not-found']);
const BACKOFF_MS = [2000, 5000, 10_000] as const;

/** Whether a renewal failure may pass by itself (the refresh token was not refused). */
export function isTransient(error: ApiError): boolean {
  return TRANSIENT.has(error.kind);
}

/** The instant (epoch ms) of the next attempt after `failures` failures in a row (1 = the first), or undefined for none. */
export function renewalRetryAt(error: ApiError, failures: number, now: number): number | undefined {
  if (!isTransient(error)) return undefined;
  return now + BACKOFF_MS[Math.min(Math.max(failures, 1), BACKOFF_MS.length) - 1]!;
}
