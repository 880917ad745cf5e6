/** wazo-auth tokens and refresh tokens: issue, look up, expire, revoke, and the real token dict. */
import {randomUUID} from 'node:crypto';
import type {Account} from './accounts.js';

/** One access token (one session). Times are the server clock, in fractional milliseconds. */
export interface TokenRecord {
  token: string;
  account: Account;
  sessionUuid: string;
  issuedAt: number;
  expiresAt: number;
  remoteAddr: string;
  userAgent: string;
  /** Present only for `access_type: offline` logins. */
  refreshToken: string | null;
}

interface RefreshRecord {
  token: string;
  accountUuid: string;
  clientId: string;
  createdAt: number;
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

  /** Issue a token for `expiration` seconds. */
  issue(account: Account, expiration: number, remoteAddr: string, userAgent: string, refreshToken: string | null): TokenRecord {
    const issuedAt = this.clock();
    const record: TokenRecord = {
      token: randomUUID(),
      account,
      sessionUuid: randomUUID(),
      issuedAt,
      expiresAt: issuedAt + expiration * 1000,
      remoteAddr,
      userAgent,
      refreshToken,
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

  /** Live sessions of one account. */
  liveCount(accountUuid: string): number {
    const now = this.clock();
    let count = 0;
    for (const [token, record] of this.tokens) {
      if (record.expiresAt <= now) this.tokens.delete(token);
      else if (record.account.uuid === accountUuid) count++;
    }
    return count;
  }

  /** The one refresh token of (account, client_id), created on first use. */
  refreshTokenFor(account: Account, clientId: string): string {
    const key = refreshKey(account.uuid, clientId);
    const existing = this.refreshByClient.get(key);
    if (existing) return existing.token;
    const record: RefreshRecord = {token: randomUUID(), accountUuid: account.uuid, clientId, createdAt: this.clock()};
    this.refreshByClient.set(key, record);
    this.refreshByValue.set(record.token, record);
    return record.token;
  }

  /** The account uuid a refresh token belongs to, if it exists and was issued to `clientId`. */
  redeemRefreshToken(refreshToken: string, clientId: string): string | undefined {
    const record = this.refreshByValue.get(refreshToken);
    return record && record.clientId === clientId ? record.accountUuid : undefined;
  }

  deleteRefreshToken(accountUuid: string, clientId: string): void {
    const key = refreshKey(accountUuid, clientId);
    const record = this.refreshByClient.get(key);
    if (!record) return;
    this.refreshByClient.delete(key);
    this.refreshByValue.delete(record.token);
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
