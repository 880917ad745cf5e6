/**
 * wazo-auth tokens, sessions and refresh tokens. Every access token is created with its own session
 * (`TokenDAO.create`), so a session is listed and deleted through the token it holds; deleting the
 * session deletes the token. A refresh token outlives its sessions and is unique per (user, client_id).
 */
import {randomUUID} from 'node:crypto';

/** Who a token was issued to. The ACL is copied at login, as wazo-auth stores it in the token row. */
export interface TokenOwner {
  uuid: string;
  acl: readonly string[];
  tenantUuid: string;
  purpose: 'user' | 'internal' | 'external_api';
  pbxUserUuid: string | null;
}

/** One access token (one session). Times are the server clock, in fractional milliseconds. */
export interface TokenRecord {
  token: string;
  account: TokenOwner;
  sessionUuid: string;
  /** The session's tenant: the owner's tenant at login. */
  sessionTenantUuid: string;
  /** `Wazo-Session-Type: mobile` at login. */
  mobile: boolean;
  issuedAt: number;
  expiresAt: number;
  remoteAddr: string;
  userAgent: string;
  /** Present only for `access_type: offline` logins. */
  refreshToken: string | null;
  /** The refresh token this token came from or came with (purging it ends this session). */
  linkedRefreshToken: string | null;
}

/** A refresh token as `GET /users/{uuid}/tokens` shows it (plus its secret value). */
export interface RefreshRecord {
  token: string;
  userUuid: string;
  tenantUuid: string;
  clientId: string;
  createdAt: number;
  mobile: boolean;
}

/** In-memory token store; `clock` is the server's (possibly skewed) clock in fractional ms. */
export class TokenStore {
  private readonly tokens = new Map<string, TokenRecord>();
  private readonly refreshByValue = new Map<string, RefreshRecord>();
  private readonly refreshByClient = new Map<string, RefreshRecord>();

  constructor(
    private readonly clock: () => number,
    private readonly xivoUuid: string,
  ) {}

  /**
   * Issue a token (and its session) for `expiration` seconds. `refresh.shown` is the refresh token
   * an offline login answers with; `refresh.used` the one a refresh login redeemed.
   */
  issue(
    account: TokenOwner,
    expiration: number,
    client: {remoteAddr: string; userAgent: string; mobile: boolean},
    refresh: {shown: string | null; used: string | null},
  ): TokenRecord {
    const issuedAt = this.clock();
    const record: TokenRecord = {
      token: randomUUID(),
      account,
      sessionUuid: randomUUID(),
      sessionTenantUuid: account.tenantUuid,
      mobile: client.mobile,
      issuedAt,
      expiresAt: issuedAt + expiration * 1000,
      remoteAddr: client.remoteAddr,
      userAgent: client.userAgent,
      refreshToken: refresh.shown,
      linkedRefreshToken: refresh.used ?? refresh.shown,
    };
    this.tokens.set(record.token, record);
    return record;
  }

  /** A live token; expired ones are forgotten, exactly like unknown ones. */
  find(token: string): TokenRecord | undefined {
    const record = this.tokens.get(token);
    if (!record) return undefined;
    if (record.expiresAt <= this.clock()) {
      this.tokens.delete(token);
      return undefined;
    }
    return record;
  }

  revoke(token: string): void {
    this.tokens.delete(token);
  }

  /** End every session; refresh tokens stay, as when wazo-auth revokes sessions on a password change. */
  revokeAll(): void {
    this.tokens.clear();
  }

  /** Live sessions (one token each), in creation order; expired ones are purged on the way. */
  sessions(): TokenRecord[] {
    const now = this.clock();
    const live: TokenRecord[] = [];
    for (const [token, record] of this.tokens) {
      if (record.expiresAt <= now) this.tokens.delete(token);
      else live.push(record);
    }
    return live;
  }

  /** Delete a session, and so its token, if it lies in one of `tenantUuids` (`SessionDAO.delete`). */
  deleteSession(sessionUuid: string, tenantUuids: ReadonlySet<string>): void {
    for (const [token, record] of this.tokens) {
      if (record.sessionUuid === sessionUuid && tenantUuids.has(record.sessionTenantUuid)) this.tokens.delete(token);
    }
  }

  /** Live sessions of one account. */
  liveCount(accountUuid: string): number {
    return this.sessions().filter((record) => record.account.uuid === accountUuid).length;
  }

  /**
   * The refresh token of an offline login and the number of sessions this login revoked (the
   * `Wazo-Sessions-Revoked` header). There is one per (user, client_id): a desktop login gets the
   * existing one back; a mobile login replaces it and ends every other mobile refresh token of the
   * user, each with its sessions (`TokenService.new_token`).
   */
  offlineLogin(account: TokenOwner, clientId: string, mobile: boolean): {refreshToken: string; revoked: number} {
    const existing = this.refreshByClient.get(refreshKey(account.uuid, clientId));
    if (existing && !mobile) return {refreshToken: existing.token, revoked: 0};
    let revoked = existing ? this.purge(existing) : 0;
    const record: RefreshRecord = {
      token: randomUUID(),
      userUuid: account.uuid,
      tenantUuid: account.tenantUuid,
      clientId,
      createdAt: this.clock(),
      mobile,
    };
    this.refreshByClient.set(refreshKey(account.uuid, clientId), record);
    this.refreshByValue.set(record.token, record);
    if (mobile) {
      for (const other of this.refreshTokens()) {
        if (other !== record && other.userUuid === account.uuid && other.mobile) revoked += this.purge(other);
      }
    }
    return {refreshToken: record.token, revoked};
  }

  /** Delete a refresh token and the sessions linked to it; how many sessions ended. */
  private purge(record: RefreshRecord): number {
    const linked = this.sessions().filter((session) => session.linkedRefreshToken === record.token);
    for (const session of linked) this.tokens.delete(session.token);
    this.deleteRefreshToken(record.userUuid, record.clientId);
    return linked.length;
  }

  /** The user uuid a refresh token belongs to, if it exists and was issued to `clientId`. */
  redeemRefreshToken(refreshToken: string, clientId: string): string | undefined {
    const record = this.refreshByValue.get(refreshToken);
    return record && record.clientId === clientId ? record.userUuid : undefined;
  }

  /** Every refresh token, oldest first. */
  refreshTokens(): RefreshRecord[] {
    return [...this.refreshByClient.values()];
  }

  /**
   * Forget one refresh token; false when there is none in `tenantUuids`. Access tokens already
   * issued from it stay valid (the database sets their link to NULL).
   */
  deleteRefreshToken(userUuid: string, clientId: string, tenantUuids?: ReadonlySet<string>): boolean {
    const key = refreshKey(userUuid, clientId);
    const record = this.refreshByClient.get(key);
    if (!record || (tenantUuids && !tenantUuids.has(record.tenantUuid))) return false;
    this.refreshByClient.delete(key);
    this.refreshByValue.delete(record.token);
    return true;
  }

  /** A deleted user's refresh tokens go with it (ON DELETE CASCADE); its sessions do not. */
  deleteRefreshTokensOf(userUuid: string): void {
    for (const record of this.refreshTokens()) if (record.userUuid === userUuid) this.deleteRefreshToken(userUuid, record.clientId);
  }

  /** wazo-auth's `Token.to_dict()`, with exactly its fields. */
  toDict(record: TokenRecord): Record<string, unknown> {
    const {account} = record;
    const dict: Record<string, unknown> = {
      token: record.token,
      auth_id: account.uuid,
      xivo_user_uuid: account.pbxUserUuid,
      xivo_uuid: this.xivoUuid,
      issued_at: formatLocal(record.issuedAt),
      expires_at: formatLocal(record.expiresAt),
      utc_issued_at: formatUtc(record.issuedAt),
      utc_expires_at: formatUtc(record.expiresAt),
      acl: [...account.acl],
      metadata: {
        uuid: account.uuid,
        tenant_uuid: account.tenantUuid,
        auth_id: account.uuid,
        pbx_user_uuid: account.pbxUserUuid,
        xivo_uuid: this.xivoUuid,
        purpose: account.purpose,
      },
      session_uuid: record.sessionUuid,
      remote_addr: record.remoteAddr,
      user_agent: record.userAgent,
    };
    if (record.refreshToken !== null) dict.refresh_token = record.refreshToken;
    return dict;
  }
}

function refreshKey(accountUuid: string, clientId: string): string {
  return `${accountUuid}\u0000${clientId}`;
}

function micros(ms: number): string {
  const whole = Math.floor(ms);
  return String((whole % 1000) * 1000 + Math.floor((ms - whole) * 1000)).padStart(6, '0');
}

const two = (value: number) => String(value).padStart(2, '0');

/** `%Y-%m-%dT%H:%M:%S.%f` in UTC, no offset, no `Z`. */
export function formatUtc(ms: number): string {
  return `${new Date(Math.floor(ms)).toISOString().slice(0, 19)}.${micros(ms)}`;
}

/** `%Y-%m-%dT%H:%M:%S.%f` in the server's local time, no offset. */
export function formatLocal(ms: number): string {
  const date = new Date(Math.floor(ms));
  const day = `${String(date.getFullYear()).padStart(4, '0')}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
  return `${day}T${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}.${micros(ms)}`;
}
