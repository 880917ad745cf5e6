/**
 * After a failed renewal, whether to try once more before the token expires: only for a failure
 * that may pass (the network, the server), at half the time left, and not in the last second.
 */
import type {ApiError} from '../api/errors.js';

const MIN_RETRY_MS = 1000;
const TRANSIENT: ReadonlySet<string> = new Set(['unreachable', 'timeout', 'server', 'name-not-found']);

/** The instant (epoch ms) to renew again, or undefined to let the token run out. */
export function renewalRetryAt(error: ApiError, left: number, now: number): number | undefined {
  return TRANSIENT.has(error.kind) && left / 2 >= MIN_RETRY_MS ? now + left / 2 : undefined;
}
