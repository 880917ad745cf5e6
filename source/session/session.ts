/**
 * The token lifecycle of one logged-in user, as a state machine: login, countdown, renewal with
 * the refresh token, waiting for the password when the token is gone, and revocation on quit.
 * React reads it through `subscribe`/`getSnapshot` (useSyncExternalStore). This file holds the
 * transitions a user causes; the tokens and their timers are the TokenKeeper's, and the calls
 * waiting for a password are the PasswordWait's.
 */
import type {WazoClient} from '../api/contract.js';
import type {Token} from '../api/schemas.js';
import {ApiError, isApiError} from '../api/errors.js';
import {Store} from '../util/store.js';
import type {Clock, TimerHandle} from './long-timers.js';
import {PasswordWait} from './password-wait.js';
import {Revoker} from './revocation.js';
import {asApiError, cancelled, forbidden} from './session-errors.js';
import {initialSnapshot, type SessionSnapshot} from './snapshot.js';
import {withTimeLimit} from './time-limit.js';
import {TokenKeeper} from './token-keeper.js';
import {loginRequest, type TokenSettings} from './token-requests.js';

export type {SessionSnapshot, SessionState} from './snapshot.js';
export type {TimerHandle} from './long-timers.js';

export interface SessionOptions {
  /** `wazo-tui-<install id>`. */
  clientId: string;
  /** Token lifetime in seconds, default 3600. */
  expiration?: number;
  /** Ask for an offline token and renew it with the refresh token (default true); false asks for the password at expiry. */
  refresh?: boolean;
  now?: () => number;
  setTimer?: (callback: () => void, ms: number) => TimerHandle;
  clearTimer?: (handle: TimerHandle) => void;
  /** Time limit of each revocation request on quit and logout, default 2000 ms. */
  revokeTimeoutMs?: number;
}

export interface WithTokenOptions {
  /** Stops waiting (for a renewal or for the password) with a 'cancelled' error. */
  signal?: AbortSignal;
}

/** One user's session against one server. The password is only passed through, never kept. */
export class Session {
  private readonly client: WazoClient;
  private readonly settings: TokenSettings;
  private readonly clock: Clock;
  private readonly store = new Store<SessionSnapshot>(initialSnapshot);
  private readonly waiting = new PasswordWait();
  private readonly revoker: Revoker;
  private readonly tokens: TokenKeeper;
  /** Bumped by login, logout and end: answers to requests of an older epoch are discarded. */
  private epoch = 0;

  constructor(client: WazoClient, options: SessionOptions) {
    this.client = client;
    this.settings = {clientId: options.clientId, expiration: options.expiration ?? 3600, refresh: options.refresh ?? true};
    const now = options.now ?? Date.now;
    const setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
    const clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as NodeJS.Timeout));
    this.clock = {now: () => now(), setTimer: (callback, ms) => setTimer(callback, ms), clearTimer: (handle) => clearTimer(handle)};
    const revokeTimeoutMs = options.revokeTimeoutMs ?? 2000;
    this.revoker = new Revoker(client, this.settings, (run) => withTimeLimit(run, revokeTimeoutMs, this.clock));
    this.tokens = new TokenKeeper({
      client,
      settings: this.settings,
      clock: this.clock,
      store: this.store,
      revoker: this.revoker,
      onToken: (token) => this.waiting.resolveAll(token),
    });
  }

  /** Register a change listener (React's useSyncExternalStore); returns the unsubscribe function. */
  readonly subscribe = this.store.subscribe;

  /** The current snapshot (stable identity between changes). */
  readonly getSnapshot = this.store.getSnapshot;

  /** The current snapshot. */
  /** This installation's `client_id`: its refresh token's name on the server. */
  get clientId(): string {
    return this.settings.clientId;
  }

  get snapshot(): SessionSnapshot {
    return this.store.getSnapshot();
  }

  /** ms until the access token expires, 0 when past or when there is none. */
  remaining(now: number = this.clock.now()): number {
    return this.snapshot.expiresAt === undefined ? 0 : Math.max(0, this.snapshot.expiresAt - now);
  }

  /**
   * Log in with `POST /token` (offline, this installation's client_id). Failures are the client's ApiError
   * (auth-failed, too-many-sessions, unreachable, cert-*). A previous session of this object is abandoned and revoked.
   */
  async login(username: string, password: string): Promise<void> {
    const previous = this.tokens.liveToken();
    this.close('logged-out', new ApiError('cancelled', 'A new login replaced the session'));
    if (previous) void this.revoker.revokeQuietly(previous);
    await this.logIn(username, password);
  }

  /**
   * Log in again as the same user with a new password entry; calls waiting for a token then run with the new one.
   * A failure is thrown and the waiting calls keep waiting.
   */
  async relogin(password: string): Promise<void> {
    const {username, state} = this.snapshot;
    if (username === undefined || state === 'logged-out' || state === 'ended') {
      throw new Error('relogin() needs a session that logged in and did not end');
    }
    await this.logIn(username, password);
  }

  /** Run an authenticated call with a valid token; waits for an in-flight renewal, or for relogin, instead of failing. */
  async withToken<T>(fn: (token: string) => Promise<T>, options: WithTokenOptions = {}): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const token = await this.acquire(options.signal);
      try {
        return await fn(token);
      } catch (error) {
        if (!isApiError(error, 'token-expired')) throw error;
        if (this.tokens.isCurrent(token)) {
          // A 401 is either a dead token or a missing permission: only wazo-auth can tell which.
          if (await this.tokens.checks.isAlive(token)) throw forbidden(error);
          this.tokens.tokenGone(token);
        }
        if (attempt >= 2) throw error;
      }
    }
  }

  /**
   * Log out: forget this installation's refresh token on the server (`DELETE /users/me/tokens/{client_id}`)
   * and revoke the access token, each within the time limit. The local session is cleared first; the first
   * server failure is thrown afterwards.
   */
  async logout(): Promise<void> {
    const token = this.tokens.liveToken();
    const refreshToken = this.tokens.refreshToken;
    this.close('logged-out', new ApiError('cancelled', 'The session was logged out'));
    const failures = await this.revoker.logout(token, refreshToken);
    if (failures.length > 0) throw failures[0];
  }

  /**
   * End the session on quit: revoke the access token (`DELETE /token/{token}`) within the time limit,
   * so a dead server cannot hold the terminal. Never throws; a failure lands in `lastError`.
   */
  async end(): Promise<void> {
    if (this.snapshot.state === 'ended') return;
    const token = this.tokens.liveToken();
    this.close('ended', new ApiError('cancelled', 'The session has ended'));
    if (token === undefined) return;
    try {
      await this.revoker.revoke(token);
    } catch (error) {
      this.store.publish({...this.snapshot, lastError: asApiError(error)});
    }
  }

  private async logIn(username: string, password: string): Promise<void> {
    const epoch = this.epoch;
    const token: Token = await this.client.auth.createToken(loginRequest(this.settings, username, password));
    const receivedAt = this.clock.now();
    // A token nobody will use is revoked rather than left valid on the server.
    if (epoch !== this.epoch) return void this.revoker.revokeQuietly(token.token);
    this.tokens.install(token, receivedAt, username);
  }

  private async acquire(signal?: AbortSignal): Promise<string> {
    for (;;) {
      if (signal?.aborted) throw cancelled();
      switch (this.snapshot.state) {
        case 'logged-out':
          throw new ApiError('token-expired', 'Not logged in', {hint: 'Log in first.'});
        case 'ended':
          throw new ApiError('cancelled', 'The session has ended');
        case 'expired':
          return this.waiting.wait(signal);
        case 'renewing':
          await this.tokens.renewal;
          continue;
        case 'active': {
          const token = this.tokens.validToken();
          if (token !== undefined) return token;
          // The expiry timer has not fired yet (a suspended laptop, a busy loop): act as it would.
          await this.tokens.renewOrExpire();
          continue;
        }
      }
    }
  }

  /** Stop everything local: timers, waiting calls, tokens; requests still in flight are ignored when they answer. */
  private close(state: 'logged-out' | 'ended', reason: ApiError): void {
    const username = this.snapshot.username;
    this.epoch++;
    this.tokens.clear();
    this.waiting.rejectAll(reason);
    this.store.publish({...initialSnapshot, state, username: state === 'ended' ? username : undefined});
  }
}
