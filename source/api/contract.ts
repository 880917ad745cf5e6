/**
 * The client's public surface: what session, resources and commands may call.
 * `client.ts` implements it; nothing outside `source/api` knows URLs, headers or the TLS agent.
 */
import type {CertificateInfo, Pin} from './tls/types.js';
import type {Extension, Infos, Line, ListPage, Tenant, Token, User, UserSummary} from './schemas.js';
import type {AuthSession, AuthUser, Policy, RefreshToken} from './account-schemas.js';

/** Where the services of one server live. */
export interface ServerTarget {
  /** Host name or IP as typed (IPv6 without brackets). */
  host: string;
  port: number;
  /** `host:port` (IPv6 in brackets): the key of the pin store and of profiles. */
  hostPort: string;
  /** `https://HOST[:PORT]/api/auth/0.1` unless `--auth-url` said otherwise. */
  authUrl: string;
  /** `https://HOST[:PORT]/api/confd/1.1` unless `--confd-url` said otherwise. */
  confdUrl: string;
}

/** The trust policy of one profile. Changing it rebuilds the agent. */
export interface TrustPolicy {
  /** The pinned leaf: when present it is the only trust anchor, and its fingerprint must match. */
  pin?: Pin;
  /** Extra CA bundle files (PEM) trusted on top of Node's roots and the OS bundle. */
  caFiles?: string[];
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface AuthedOptions extends RequestOptions {
  token: string;
  /** `Wazo-Tenant` header; absent = the token's tenant. */
  tenant?: string;
}

export interface ListQuery {
  limit?: number;
  offset?: number;
  search?: string;
  order?: string;
  direction?: 'asc' | 'desc';
  recurse?: boolean;
}

export interface CreateTokenRequest {
  username: string;
  password: string;
  /** Seconds, 1..315360000. */
  expiration: number;
  accessType?: 'online' | 'offline';
  clientId?: string;
}

export interface RefreshTokenRequest {
  refreshToken: string;
  clientId: string;
  expiration: number;
}

/** The confd collections the client knows; the resource layer describes them by this name. */
export type ConfdCollection = 'users' | 'lines' | 'extensions';
export interface ConfdItem {
  users: User;
  lines: Line;
  extensions: Extension;
}

/**
 * The lighter forms confd lists some collections in (`GET /users?view=summary`), by collection and
 * `view=` value, with the item type of each. A collection absent here has only its default form.
 */
export interface ConfdViews {
  users: {summary: UserSummary};
}

/** The `view=` values a collection accepts besides its default (never when it has none). */
export type ConfdView<C extends ConfdCollection> = C extends keyof ConfdViews ? keyof ConfdViews[C] & string : never;

/** An item as listed in `view` V; undefined is the default view, the full item. */
export type ConfdListed<C extends ConfdCollection, V extends ConfdView<C> | undefined> = V extends undefined
  ? ConfdItem[C]
  : C extends keyof ConfdViews
    ? V extends keyof ConfdViews[C]
      ? ConfdViews[C][V]
      : never
    : never;

/** A list query in a view of collection C. */
export type ViewQuery<C extends ConfdCollection, V extends ConfdView<C> | undefined> = ListQuery & {view?: V};

export interface AuthApi {
  createToken(request: CreateTokenRequest, options?: RequestOptions): Promise<Token>;
  refreshToken(request: RefreshTokenRequest, options?: RequestOptions): Promise<Token>;
  /** `HEAD /token/{token}`: true on 204, false on 404. */
  checkToken(token: string, options?: RequestOptions): Promise<boolean>;
  /** `DELETE /token/{token}`. */
  revokeToken(token: string, options?: RequestOptions): Promise<void>;
  /** `DELETE /users/me/tokens/{client_id}`: forget this installation's refresh token. */
  deleteRefreshToken(clientId: string, options: AuthedOptions): Promise<void>;
  listTenants(options: AuthedOptions): Promise<ListPage<Tenant>>;
}

export interface ConfdApi {
  /** `GET /<path>`; `query.view` asks for one of the collection's lighter forms. */
  list<C extends ConfdCollection, V extends ConfdView<C> | undefined = undefined>(
    collection: C,
    query: ViewQuery<C, V>,
    options: AuthedOptions,
  ): Promise<ListPage<ConfdListed<C, V>>>;
  get<C extends ConfdCollection>(collection: C, id: number | string, options: AuthedOptions): Promise<ConfdItem[C]>;
  infos(options: AuthedOptions): Promise<Infos>;
}

/** wazo-auth's list parameters plus the exact filters its list schemas keep (`purpose=external_api`). */
export interface AuthListQuery extends ListQuery {
  filters?: Record<string, string>;
}

/** A wazo-auth user to create; `purpose` defaults to `external_api`. */
export interface NewApiUser {
  username: string;
  password: string;
  purpose?: 'user' | 'external_api';
  firstname?: string;
}

export interface NewPolicy {
  name: string;
  acl: readonly string[];
  description?: string;
}

/** The wazo-auth account endpoints (source/api/accounts.ts). */
export interface AccountsApi {
  listUsers(query: AuthListQuery, options: AuthedOptions): Promise<ListPage<AuthUser>>;
  getUser(uuid: string, options: AuthedOptions): Promise<AuthUser>;
  createUser(user: NewApiUser, options: AuthedOptions): Promise<AuthUser>;
  deleteUser(uuid: string, options: AuthedOptions): Promise<void>;
  listPolicies(query: AuthListQuery, options: AuthedOptions): Promise<ListPage<Policy>>;
  createPolicy(policy: NewPolicy, options: AuthedOptions): Promise<Policy>;
  deletePolicy(uuid: string, options: AuthedOptions): Promise<void>;
  userPolicies(userUuid: string, options: AuthedOptions): Promise<ListPage<Policy>>;
  attachPolicy(userUuid: string, policyUuid: string, options: AuthedOptions): Promise<void>;
  /** `GET /sessions`: every session of the tenant (needs `auth.sessions.read`). */
  listSessions(query: AuthListQuery, options: AuthedOptions): Promise<ListPage<AuthSession>>;
  userSessions(userUuid: string, query: AuthListQuery, options: AuthedOptions): Promise<ListPage<AuthSession>>;
  /** `DELETE /users/{user}/sessions/{uuid}` when the user is given, else `DELETE /sessions/{uuid}`. */
  deleteSession(sessionUuid: string, options: AuthedOptions, userUuid?: string): Promise<void>;
  refreshTokens(user: string, query: AuthListQuery, options: AuthedOptions): Promise<ListPage<RefreshToken>>;
  deleteUserRefreshToken(user: string, clientId: string, options: AuthedOptions): Promise<void>;
}

export interface WazoClient {
  readonly target: ServerTarget;
  readonly auth: AuthApi;
  readonly accounts: AccountsApi;
  readonly confd: ConfdApi;
  /** The policy in force. */
  readonly trust: TrustPolicy;
  /** Replace the trust policy: the old agent (and its keep-alive sockets) is destroyed. */
  setTrust(policy: TrustPolicy): void;
  /** Read the server's certificate over a bare TLS connection that sends no HTTP byte. */
  probeCertificate(options?: RequestOptions): Promise<CertificateInfo>;
  /** Destroy the agent and its sockets. */
  close(): void;
}
