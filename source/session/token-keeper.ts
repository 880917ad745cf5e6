/**
 * The tokens of a logged-in session and what time does to them: the access token with its renewal
 * and expiry timers, the refresh token, renewal (one in flight at most, retried once after a
 * failure that may pass), and expiry. Every change is published to the session's store.
 */
import type {WazoClient} from '../api/contract.js';
import {ApiError} from '../api/errors.js';
import type {Token} from '../api/schemas.js';
import type {Store} from '../util/store.js';
import {AliveChecks} from './alive-checks.js';
import {renewDelay, tokenTimes} from './countdown.js';
import {LongTimers, type Clock} from './long-timers.js';
import {renewalRetryAt} from './renewal-retry.js';
import type {Revoker} from './revocation.js';
import {asApiError, expiredError, revokedError} from './session-errors.js';
import type {SessionSnapshot} from './snapshot.js';
import {refreshRequest, type TokenSettings} from './token-requests.js';

interface AccessToken {
  token: string;
  expiresAt: number;
  lifetime: number;
  /** The server said this token is unknown: it is never sent again. */
  gone: boolean;
}

/** What the keeper needs from its session. */
export interface KeeperContext {
  client: WazoClient;
  settings: TokenSettings;
  clock: Clock;
  store: Store<SessionSnapshot>;
  revoker: Revoker;
  /** A new access token is in (login or renewal): the calls waiting for one may run. */
  onToken(token: string): void;
}

export class TokenKeeper {
  readonly #context: KeeperContext;
  readonly #timers: LongTimers<'renew' | 'expiry'>;
  /** Shared "is this token alive?" questions after a 401. */
  readonly checks: AliveChecks;
  #access?: AccessToken;
  #refreshToken?: string;
  /** Bumped by every installed token and by `clear`: an older renewal's answer is discarded. */
  #generation = 0;
  #renewal?: Promise<void>;

  constructor(context: KeeperContext) {
    this.#context = context;
    this.#timers = new LongTimers(context.clock);
    this.checks = new AliveChecks((token) => context.client.auth.checkToken(token));
  }

  /** The refresh token, if the server gave one that is still accepted. */
  get refreshToken(): string | undefined {
    return this.#refreshToken;
  }

  /** The renewal in flight, if any. */
  get renewal(): Promise<void> | undefined {
    return this.#renewal;
  }

  /** The access token worth sending or revoking, if any (not known gone; it may be past its time). */
  liveToken(): string | undefined {
    return this.#access && !this.#access.gone ? this.#access.token : undefined;
  }

  /** The access token if it is live and within its time. */
  validToken(): string | undefined {
    const access = this.#access;
    return access && !access.gone && this.#context.clock.now() < access.expiresAt ? access.token : undefined;
  }

  /** Make `token` the session's access token, arm its timers and publish an active snapshot. */
  install(token: Token, receivedAt: number, username: string): void {
    const times = tokenTimes(token, receivedAt);
    if (times === undefined) {
      void this.#context.revoker.revokeQuietly(token.token);
      throw new ApiError('malformed', 'The server sent a token without a readable expiry time', {
        serverMessage: `utc_issued_at=${token.utc_issued_at} utc_expires_at=${token.utc_expires_at}`,
      });
    }
    this.#generation++;
    this.#timers.cancelAll();
    this.checks.clear();
    this.#access = {token: token.token, expiresAt: times.expiresAt, lifetime: times.lifetime, gone: false};
    // A refresh answer carries no refresh token: the one from the login stays valid.
    if (token.refresh_token) this.#refreshToken = token.refresh_token;
    this.#context.store.publish({
      state: 'active',
      username,
      tenantUuid: token.metadata?.tenant_uuid ?? undefined,
      userUuid: token.auth_id,
      sessionUuid: token.session_uuid ?? undefined,
      acl: token.acl,
      fullAccess: token.acl.includes('#'),
      expiresAt: times.expiresAt,
      lifetime: times.lifetime,
      hasRefreshToken: this.#refreshToken !== undefined,
    });
    if (this.#refreshToken !== undefined) {
      this.#timers.arm('renew', times.expiresAt - times.lifetime + renewDelay(times.lifetime), () => void this.renew());
    }
    this.#timers.arm('expiry', times.expiresAt, () => this.#onExpiry());
    this.#context.onToken(token.token);
  }

  /** Renew now if a live token and a refresh token allow it, else expire; for a token past its time. */
  renewOrExpire(): Promise<void> {
    if (this.#refreshToken !== undefined && this.#access && !this.#access.gone) return this.renew();
    this.expire(expiredError());
    return Promise.resolve();
  }

  /** One renewal in flight at most; it never rejects, its outcome is the state. */
  renew(): Promise<void> {
    if (this.#renewal) return this.#renewal;
    const refreshToken = this.#refreshToken;
    if (refreshToken === undefined || this.#access === undefined) return Promise.resolve();
    const {client, settings, clock, store} = this.#context;
    const generation = this.#generation;
    const username = store.getSnapshot().username ?? '';
    this.#timers.cancel('renew');
    this.#update({state: 'renewing'});
    const current = () => generation === this.#generation && store.getSnapshot().state === 'renewing';
    const run = async () => {
      try {
        const token = await client.auth.refreshToken(refreshRequest(settings, refreshToken));
        const receivedAt = clock.now();
        if (!current()) return void this.#context.revoker.revokeQuietly(token.token);
        this.install(token, receivedAt, username);
      } catch (error) {
        if (current()) this.#renewFailed(asApiError(error));
      }
    };
    const renewal = run().finally(() => {
      if (this.#renewal === renewal) this.#renewal = undefined;
    });
    this.#renewal = renewal;
    return renewal;
  }

  /** The server does not know `token` (a 401 that wazo-auth confirmed): renew if possible, else expire. */
  tokenGone(token: string): void {
    const access = this.#access;
    if (!access || access.token !== token || access.gone) return;
    access.gone = true;
    if (this.#context.store.getSnapshot().state !== 'active') return;
    if (this.#refreshToken !== undefined) void this.renew();
    else this.expire(revokedError());
  }

  /** Whether `token` is the live access token (a 401 on an older one says nothing about the session). */
  isCurrent(token: string): boolean {
    return this.#access?.token === token && !this.#access.gone;
  }

  expire(error: ApiError): void {
    this.#timers.cancelAll();
    if (this.#access) this.#access.gone = true;
    this.#update({state: 'expired', lastError: error});
  }

  /** Forget both tokens and stop the timers; answers still in flight are ignored when they arrive. */
  clear(): void {
    this.#generation++;
    this.#timers.cancelAll();
    this.checks.clear();
    this.#access = undefined;
    this.#refreshToken = undefined;
  }

  #renewFailed(error: ApiError): void {
    if (error.kind === 'auth-failed') this.#refreshToken = undefined;
    const access = this.#access;
    const now = this.#context.clock.now();
    const left = access ? access.expiresAt - now : 0;
    if (!access || access.gone || left <= 0) {
      this.expire(access?.gone ? revokedError(error) : expiredError(error));
      return;
    }
    this.#update({state: 'active', lastError: error, hasRefreshToken: this.#refreshToken !== undefined});
    const retryAt = this.#refreshToken === undefined ? undefined : renewalRetryAt(error, left, now);
    if (retryAt !== undefined) this.#timers.arm('renew', retryAt, () => void this.renew());
  }

  #onExpiry(): void {
    // A renewal in flight decides the state itself when it settles.
    const snapshot = this.#context.store.getSnapshot();
    if (snapshot.state === 'active') this.expire(expiredError(snapshot.lastError));
  }

  #update(change: Partial<SessionSnapshot>): void {
    const store = this.#context.store;
    store.publish({...store.getSnapshot(), ...change});
  }
}
