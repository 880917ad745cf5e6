/** Fake clock and fake wazo-auth for the session's unit tests. */
import {ApiError} from '../../source/api/errors.js';
import type {CreateTokenRequest, RefreshTokenRequest, WazoClient} from '../../source/api/contract.js';
import type {Token} from '../../source/api/schemas.js';

/** Let pending promise callbacks run. */
export function flush(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A clock whose timers fire only when the test advances it. */
export class FakeClock {
  time = Date.UTC(2024, 4, 1, 12, 0, 0);
  private nextId = 0;
  private readonly timers = new Map<number, {at: number; run: () => void}>();

  readonly now = (): number => this.time;
  readonly setTimer = (run: () => void, ms: number): number => {
    const id = ++this.nextId;
    this.timers.set(id, {at: this.time + ms, run});
    return id;
  };
  readonly clearTimer = (handle: unknown): void => {
    this.timers.delete(handle as number);
  };

  get pending(): number {
    return this.timers.size;
  }

  /** Move time forward, firing due timers in order and letting promises settle after each. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      await flush();
      let next: [number, {at: number; run: () => void}] | undefined;
      for (const entry of this.timers) if (entry[1].at <= end && (!next || entry[1].at < next[1].at)) next = entry;
      if (!next) break;
      this.timers.delete(next[0]);
      this.time = Math.max(this.time, next[1].at);
      next[1].run();
    }
    this.time = end;
    await flush();
  }
}

function wazoUtc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}000`;
}

/** A controllable promise. */
export function deferred(): {promise: Promise<void>; resolve: () => void} {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return {promise, resolve};
}

/** An in-memory wazo-auth whose tokens live on the fake clock. */
export class FakeAuth {
  readonly calls: string[] = [];
  readonly createRequests: CreateTokenRequest[] = [];
  readonly refreshRequests: RefreshTokenRequest[] = [];
  readonly live = new Set<string>();
  acl = ['#'];
  /** Server clock minus local clock. */
  clockOffset = 0;
  password = 'secret';
  /** When set, refresh answers only after this resolves. */
  refreshGate?: Promise<void>;
  /** When set, refresh fails with it. */
  refreshError?: ApiError;
  revokeHangs = false;
  private counter = 0;

  constructor(private readonly clock: FakeClock) {}

  private issue(expiration: number, refreshToken?: string): Token {
    const token = `token-${++this.counter}`;
    this.live.add(token);
    const issued = this.clock.time + this.clockOffset;
    return {
      token,
      auth_id: 'user-uuid',
      utc_issued_at: wazoUtc(issued),
      utc_expires_at: wazoUtc(issued + expiration * 1000),
      acl: this.acl,
      refresh_token: refreshToken,
      metadata: {tenant_uuid: 'tenant-uuid'},
    };
  }

  readonly client = {
    auth: {
      createToken: async (request: CreateTokenRequest): Promise<Token> => {
        this.calls.push('create');
        this.createRequests.push(request);
        if (request.password !== this.password) throw new ApiError('auth-failed', 'Authentication failed', {status: 401});
        return this.issue(request.expiration, request.accessType === 'offline' ? 'refresh-1' : undefined);
      },
      refreshToken: async (request: RefreshTokenRequest): Promise<Token> => {
        this.calls.push('refresh');
        this.refreshRequests.push(request);
        if (this.refreshGate) await this.refreshGate;
        if (this.refreshError) throw this.refreshError;
        return this.issue(request.expiration);
      },
      checkToken: async (token: string): Promise<boolean> => {
        this.calls.push('check');
        return this.live.has(token);
      },
      revokeToken: async (token: string, options?: {signal?: AbortSignal}): Promise<void> => {
        this.calls.push(`revoke ${token}`);
        if (this.revokeHangs) return new Promise<void>(() => {});
        this.live.delete(token);
        void options;
      },
      deleteRefreshToken: async (clientId: string, options: {token: string}): Promise<void> => {
        this.calls.push(`delete-refresh ${clientId} with ${options.token}`);
      },
    },
  } as unknown as WazoClient;

  /** A confd-like call: succeeds with a live token, 401 otherwise; `missingAcl` makes it a permission 401. */
  call(token: string, missingAcl?: string): Promise<string> {
    if (!this.live.has(token) || missingAcl !== undefined) {
      return Promise.reject(new ApiError('token-expired', 'Unauthorized', {status: 401, requiredAcl: missingAcl}));
    }
    return Promise.resolve(`ok with ${token}`);
  }
}

/** Whether a promise has settled yet, without waiting for it. */
export async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  await flush();
  return done;
}
