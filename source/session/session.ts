/**
 * The token lifecycle of one logged-in user: login, countdown, renewal with the refresh token,
 * waiting for the password when the token is gone, and revocation on quit.
 * A plain class with subscribe/getSnapshot so React can read it with useSyncExternalStore.
 */
import type {WazoClient} from '../api/contract.js';
import type {Token} from '../api/schemas.js';
import {ApiError, isApiError} from '../api/errors.js';
import {renewDelay, tokenTimes} from './countdown.js';

/** Where the session is in its life. */
export type SessionState = 'logged-out' | 'active' | 'renewing' | 'expired' | 'ended';

/** What the header shows; a new object on every change, the same object otherwise. */
export interface SessionSnapshot {
  readonly state: SessionState;
  readonly username?: string;
  /** The token's own tenant (`metadata.tenant_uuid`), not the working tenant. */
  readonly tenantUuid?: string;
  readonly acl: readonly string[];
  /** The ACL holds `#`: this token can do anything, as the Wazo quickstart warns. */
  readonly fullAccess: boolean;
  /** Local epoch ms when the access token expires, corrected for the server's clock. */
  readonly expiresAt?: number;
  /** The token's lifetime in ms. */
  readonly lifetime?: number;
  readonly hasRefreshToken: boolean;
  /** Why the session is expired, or why the last renewal or revocation failed. */
  readonly lastError?: ApiError;
}

/** Whatever the injected timer functions return. */
export type TimerHandle = unknown;

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

interface AccessToken {
  token: string;
  expiresAt: number;
  lifetime: number;
  /** The server said this token is unknown: it is never sent again. */
  gone: boolean;
}

interface Waiter {
  resolve(token: string): void;
  reject(error: ApiError): void;
}

type TimerSlot = 'renew' | 'expiry';

// setTimeout takes at most 2^31-1 ms; longer waits are re-armed.
const MAX_TIMER_MS = 2_147_483_647;
// A failed renewal is retried once at half the time left, unless less than this is left.
const MIN_RETRY_MS = 1000;
const TRANSIENT: ReadonlySet<string> = new Set(['unreachable', 'timeout', 'server', 'name-not-found']);

const REVOKED_MESSAGE = 'The session was ended on the server (token revoked or expired)';
const PASSWORD_HINT = 'Enter the password to continue; the screen is kept.';

const initialSnapshot: SessionSnapshot = {state: 'logged-out', acl: [], fullAccess: false, hasRefreshToken: false};

/** One user's session against one server. The password is only passed through, never kept. */
export class Session {
  private readonly client: WazoClient;
  private readonly clientId: string;
  private readonly expiration: number;
  private readonly refresh: boolean;
  private readonly now: () => number;
  private readonly setTimer: (callback: () => void, ms: number) => TimerHandle;
  private readonly clearTimer: (handle: TimerHandle) => void;
  private readonly revokeTimeoutMs: number;

  private snap: SessionSnapshot = initialSnapshot;
  private readonly listeners = new Set<() => void>();
  private access?: AccessToken;
  private refreshToken?: string;
  /** Bumped by login, logout and end: answers to requests of an older epoch are discarded. */
  private epoch = 0;
  /** Bumped by every installed token: an older renewal's answer is discarded. */
  private generation = 0;
  private renewal?: Promise<void>;
  private readonly waiters = new Set<Waiter>();
  private readonly timers = new Map<TimerSlot, TimerHandle>();
  private readonly checks = new Map<string, Promise<boolean>>();

  constructor(client: WazoClient, options: SessionOptions) {
    this.client = client;
    this.clientId = options.clientId;
    this.expiration = options.expiration ?? 3600;
    this.refresh = options.refresh ?? true;
    this.now = options.now ?? Date.now;
    this.setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
    this.clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as NodeJS.Timeout));
    this.revokeTimeoutMs = options.revokeTimeoutMs ?? 2000;
  }

  /** Register a change listener (React's useSyncExternalStore); returns the unsubscribe function. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The current snapshot (stable identity between changes). */
  readonly getSnapshot = (): SessionSnapshot => this.snap;

  /** The current snapshot. */
  get snapshot(): SessionSnapshot {
    return this.snap;
  }

  /** ms until the access token expires, 0 when past or when there is none. */
  remaining(now: number = this.now()): number {
    return this.snap.expiresAt === undefined ? 0 : Math.max(0, this.snap.expiresAt - now);
  }

  /**
   * Log in with `POST /token` (offline, this installation's client_id). Failures are the client's ApiError
   * (auth-failed, too-many-sessions, unreachable, cert-*). A previous session of this object is abandoned and revoked.
   */
  async login(username: string, password: string): Promise<void> {
    const previous = this.liveToken();
    this.close('logged-out', new ApiError('cancelled', 'A new login replaced the session'));
    if (previous) void this.revokeQuietly(previous);
    const epoch = this.epoch;
    const token = await this.createToken(username, password);
    const receivedAt = this.now();
    if (epoch !== this.epoch) return this.discard(token);
    this.install(token, receivedAt, username);
  }

  /**
   * Log in again as the same user with a new password entry; calls waiting for a token then run with the new one.
   * A failure is thrown and the waiting calls keep waiting.
   */
  async relogin(password: string): Promise<void> {
    const username = this.snap.username;
    if (username === undefined || this.snap.state === 'logged-out' || this.snap.state === 'ended') {
      throw new Error('relogin() needs a session that logged in and did not end');
    }
    const epoch = this.epoch;
    const token = await this.createToken(username, password);
    const receivedAt = this.now();
    if (epoch !== this.epoch) return this.discard(token);
    this.install(token, receivedAt, username);
  }

  /** Run an authenticated call with a valid token; waits for an in-flight renewal, or for relogin, instead of failing. */
  async withToken<T>(fn: (token: string) => Promise<T>, options: WithTokenOptions = {}): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const token = await this.acquire(options.signal);
      try {
        return await fn(token);
      } catch (error) {
        if (!isApiError(error, 'token-expired')) throw error;
        if (this.access?.token === token && !this.access.gone) {
          // A 401 is either a dead token or a missing permission: only wazo-auth can tell which.
          if (await this.isAlive(token)) throw forbidden(error);
          this.tokenGone(token);
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
    let token = this.liveToken();
    const refreshToken = this.refreshToken;
    this.close('logged-out', new ApiError('cancelled', 'The session was logged out'));
    const failures: unknown[] = [];
    if (refreshToken !== undefined) {
      if (token === undefined) {
        // The access token is gone: a last one from the refresh token lets us delete the refresh token itself.
        try {
          token = (await this.limited((signal) => this.client.auth.refreshToken(this.refreshRequest(refreshToken), {signal}))).token;
        } catch (error) {
          failures.push(error);
        }
      }
      if (token !== undefined) {
        const authed = token;
        await this.limited((signal) => this.client.auth.deleteRefreshToken(this.clientId, {token: authed, signal})).catch(
          (error: unknown) => failures.push(error),
        );
      }
    }
    if (token !== undefined) {
      const revoked = token;
      await this.limited((signal) => this.client.auth.revokeToken(revoked, {signal})).catch((error: unknown) => failures.push(error));
    }
    if (failures.length > 0) throw failures[0];
  }

  /**
   * End the session on quit: revoke the access token (`DELETE /token/{token}`) within the time limit,
   * so a dead server cannot hold the terminal. Never throws; a failure lands in `lastError`.
   */
  async end(): Promise<void> {
    if (this.snap.state === 'ended') return;
    const token = this.liveToken();
    this.close('ended', new ApiError('cancelled', 'The session has ended'));
    if (token === undefined) return;
    try {
      await this.limited((signal) => this.client.auth.revokeToken(token, {signal}));
    } catch (error) {
      this.update({lastError: asApiError(error)});
    }
  }

  private async acquire(signal?: AbortSignal): Promise<string> {
    for (;;) {
      if (signal?.aborted) throw cancelled();
      const access = this.access;
      switch (this.snap.state) {
        case 'logged-out':
          throw new ApiError('token-expired', 'Not logged in', {hint: 'Log in first.'});
        case 'ended':
          throw new ApiError('cancelled', 'The session has ended');
        case 'expired':
          return this.waitForLogin(signal);
        case 'renewing':
          await this.renewal;
          continue;
        case 'active':
          if (access && !access.gone && this.now() < access.expiresAt) return access.token;
          // The expiry timer has not fired yet (a suspended laptop, a busy loop): act as it would.
          if (this.refreshToken !== undefined && access && !access.gone) await this.renew();
          else this.expire(this.expiredError());
          continue;
      }
    }
  }

  private waitForLogin(signal?: AbortSignal): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      const onAbort = () => {
        this.waiters.delete(waiter);
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
      this.waiters.add(waiter);
      signal?.addEventListener('abort', onAbort, {once: true});
    });
  }

  private createToken(username: string, password: string): Promise<Token> {
    return this.client.auth.createToken(
      this.refresh
        ? {username, password, expiration: this.expiration, accessType: 'offline', clientId: this.clientId}
        : {username, password, expiration: this.expiration},
    );
  }

  private refreshRequest(refreshToken: string) {
    return {refreshToken, clientId: this.clientId, expiration: this.expiration};
  }

  private install(token: Token, receivedAt: number, username: string): void {
    const times = tokenTimes(token, receivedAt);
    if (times === undefined) {
      void this.revokeQuietly(token.token);
      throw new ApiError('malformed', 'The server sent a token without a readable expiry time', {
        serverMessage: `utc_issued_at=${token.utc_issued_at} utc_expires_at=${token.utc_expires_at}`,
      });
    }
    this.generation++;
    this.cancelTimers();
    this.checks.clear();
    this.access = {token: token.token, expiresAt: times.expiresAt, lifetime: times.lifetime, gone: false};
    // A refresh answer carries no refresh token: the one from the login stays valid.
    if (token.refresh_token) this.refreshToken = token.refresh_token;
    this.publish({
      state: 'active',
      username,
      tenantUuid: token.metadata?.tenant_uuid ?? undefined,
      acl: token.acl,
      fullAccess: token.acl.includes('#'),
      expiresAt: times.expiresAt,
      lifetime: times.lifetime,
      hasRefreshToken: this.refreshToken !== undefined,
    });
    if (this.refreshToken !== undefined) {
      this.arm('renew', times.expiresAt - times.lifetime + renewDelay(times.lifetime), () => void this.renew());
    }
    this.arm('expiry', times.expiresAt, () => this.onExpiry());
    const waiting = [...this.waiters];
    this.waiters.clear();
    for (const waiter of waiting) waiter.resolve(token.token);
  }

  /** One renewal in flight at most; it never rejects, its outcome is the state. */
  private renew(): Promise<void> {
    if (this.renewal) return this.renewal;
    const refreshToken = this.refreshToken;
    if (refreshToken === undefined || this.access === undefined) return Promise.resolve();
    const generation = this.generation;
    const username = this.snap.username ?? '';
    this.cancelTimer('renew');
    this.update({state: 'renewing'});
    const run = async () => {
      try {
        const token = await this.client.auth.refreshToken(this.refreshRequest(refreshToken));
        const receivedAt = this.now();
        if (generation !== this.generation || this.snap.state !== 'renewing') return this.discard(token);
        this.install(token, receivedAt, username);
      } catch (error) {
        if (generation === this.generation && this.snap.state === 'renewing') this.renewFailed(asApiError(error));
      }
    };
    const renewal = run().finally(() => {
      if (this.renewal === renewal) this.renewal = undefined;
    });
    this.renewal = renewal;
    return renewal;
  }

  private renewFailed(error: ApiError): void {
    if (error.kind === 'auth-failed') this.refreshToken = undefined;
    const access = this.access;
    const left = access ? access.expiresAt - this.now() : 0;
    if (!access || access.gone || left <= 0) {
      this.expire(access?.gone ? revokedError(error) : this.expiredError(error));
      return;
    }
    this.update({state: 'active', lastError: error, hasRefreshToken: this.refreshToken !== undefined});
    if (this.refreshToken !== undefined && TRANSIENT.has(error.kind) && left / 2 >= MIN_RETRY_MS) {
      this.arm('renew', this.now() + left / 2, () => void this.renew());
    }
  }

  private onExpiry(): void {
    // A renewal in flight decides the state itself when it settles.
    if (this.snap.state === 'active') this.expire(this.expiredError(this.snap.lastError));
  }

  private tokenGone(token: string): void {
    const access = this.access;
    if (!access || access.token !== token || access.gone) return;
    access.gone = true;
    if (this.snap.state === 'renewing') return;
    if (this.snap.state !== 'active') return;
    if (this.refreshToken !== undefined) void this.renew();
    else this.expire(revokedError());
  }

  private expire(error: ApiError): void {
    this.cancelTimers();
    if (this.access) this.access.gone = true;
    this.update({state: 'expired', lastError: error});
  }

  private expiredError(cause?: ApiError): ApiError {
    return new ApiError('token-expired', 'The session expired', {
      hint: cause ? `${PASSWORD_HINT} (renewal failed: ${cause.message})` : PASSWORD_HINT,
      cause,
    });
  }

  /** Ask wazo-auth whether the token still exists; concurrent questions about one token share one request. */
  private isAlive(token: string): Promise<boolean> {
    const pending = this.checks.get(token);
    if (pending) return pending;
    const check = this.client.auth.checkToken(token).finally(() => {
      if (this.checks.get(token) === check) this.checks.delete(token);
    });
    this.checks.set(token, check);
    return check;
  }

  /** The access token worth revoking, if any. */
  private liveToken(): string | undefined {
    return this.access && !this.access.gone ? this.access.token : undefined;
  }

  /** Stop everything local: timers, waiting calls, tokens; requests still in flight are ignored when they answer. */
  private close(state: 'logged-out' | 'ended', reason: ApiError): void {
    this.epoch++;
    this.generation++;
    this.cancelTimers();
    this.checks.clear();
    this.access = undefined;
    this.refreshToken = undefined;
    const waiting = [...this.waiters];
    this.waiters.clear();
    for (const waiter of waiting) waiter.reject(reason);
    this.publish({...initialSnapshot, state, username: state === 'ended' ? this.snap.username : undefined});
  }

  /** A token nobody will use: revoke it rather than leave it valid on the server. */
  private discard(token: Token): void {
    void this.revokeQuietly(token.token);
  }

  private async revokeQuietly(token: string): Promise<void> {
    try {
      await this.limited((signal) => this.client.auth.revokeToken(token, {signal}));
    } catch {
      // Best effort: the token expires on its own.
    }
  }

  /** Run a request with the revocation time limit, even if the request ignores its abort signal. */
  private limited<T>(run: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    return new Promise<T>((resolve, reject) => {
      const timer = this.setTimer(() => {
        controller.abort();
        reject(new ApiError('timeout', `The server did not answer within ${this.revokeTimeoutMs} ms`));
      }, this.revokeTimeoutMs);
      run(controller.signal).then(
        (value) => {
          this.clearTimer(timer);
          resolve(value);
        },
        (error: unknown) => {
          this.clearTimer(timer);
          reject(error);
        },
      );
    });
  }

  private arm(slot: TimerSlot, due: number, action: () => void): void {
    this.cancelTimer(slot);
    const delay = Math.min(Math.max(0, due - this.now()), MAX_TIMER_MS);
    const handle = this.setTimer(() => {
      this.timers.delete(slot);
      if (this.now() < due) this.arm(slot, due, action);
      else action();
    }, delay);
    // These timers must not keep a forgotten session's process alive for an hour.
    if (typeof handle === 'object' && handle !== null && 'unref' in handle && typeof handle.unref === 'function') handle.unref();
    this.timers.set(slot, handle);
  }

  private cancelTimer(slot: TimerSlot): void {
    const handle = this.timers.get(slot);
    if (handle === undefined) return;
    this.clearTimer(handle);
    this.timers.delete(slot);
  }

  private cancelTimers(): void {
    this.cancelTimer('renew');
    this.cancelTimer('expiry');
  }

  private update(change: Partial<SessionSnapshot>): void {
    this.publish({...this.snap, ...change});
  }

  private publish(next: SessionSnapshot): void {
    this.snap = next;
    for (const listener of [...this.listeners]) listener();
  }
}

function cancelled(): ApiError {
  return new ApiError('cancelled', 'The request was cancelled');
}

function revokedError(cause?: ApiError): ApiError {
  return new ApiError('token-expired', REVOKED_MESSAGE, {
    hint: cause ? `${PASSWORD_HINT} (renewal failed: ${cause.message})` : PASSWORD_HINT,
    cause,
  });
}

/** A 401 whose token is still valid: the token lacks an ACL. */
function forbidden(error: ApiError): ApiError {
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

function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('server', error instanceof Error ? error.message : String(error), {cause: error});
}
