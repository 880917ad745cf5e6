/**
 * Calls that need a token while the session is expired: they wait, and the screen with them,
 * until the user types the password again (then they run with the new token), the session
 * ends (then they fail with its reason), or their own signal gives up.
 */
import type {ApiError} from '../api/errors.js';
import {cancelled} from './session-errors.js';

interface Waiter {
  resolve(token: string): void;
  reject(error: ApiError): void;
}

/** The calls waiting for a new login. */
export class PasswordWait {
  readonly #waiters = new Set<Waiter>();

  /** Wait for the next token; an aborted `signal` rejects with a 'cancelled' error. */
  wait(signal?: AbortSignal): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      const onAbort = () => {
        this.#waiters.delete(waiter);
        reject(cancelled());
      };
      const waiter: Waiter = {
        resolve: (token) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(token);
        },
        reject: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      this.#waiters.add(waiter);
      signal?.addEventListener('abort', onAbort, {once: true});
    });
  }

  /** A new token is in: every waiting call runs with it. */
  resolveAll(token: string): void {
    for (const waiter of this.#take()) waiter.resolve(token);
  }

  /** The session is over: every waiting call fails with `reason`. */
  rejectAll(reason: ApiError): void {
    for (const waiter of this.#take()) waiter.reject(reason);
  }

  #take(): Waiter[] {
    const waiting = [...this.#waiters];
    this.#waiters.clear();
    return waiting;
  }
}
