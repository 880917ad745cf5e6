/**
 * A request with a time limit that holds even when the request ignores its abort signal, so
 * that quitting (which revokes the token) never waits on a dead server.
 */
import {ApiError} from '../api/errors.js';
import type {Clock} from './long-timers.js';

/** Run `run` with a signal that aborts after `ms`; the promise rejects with a 'timeout' ApiError then. */
export function withTimeLimit<T>(run: (signal: AbortSignal) => Promise<T>, ms: number, clock: Omit<Clock, 'now'>): Promise<T> {
  const controller = new AbortController();
  return new Promise<T>((resolve, reject) => {
    const timer = clock.setTimer(() => {
      controller.abort();
      reject(new ApiError('timeout', `The server did not answer within ${ms} ms`));
    }, ms);
    run(controller.signal).then(
      (value) => {
        clock.clearTimer(timer);
        resolve(value);
      },
      (error: unknown) => {
        clock.clearTimer(timer);
        reject(error);
      },
    );
  });
}
