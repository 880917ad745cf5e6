/**
 * The client's public surface: what session, resources and commands may call.
 * `client.ts` implements it; nothing outside `source/api` knows URLs, headers or the TLS agent.
 */
import type {CertificateInfo, Pin} from './tls/types.js';
import type {
  Agent, Application, CallPermission, CallPickup, Conference, Context, Device, Group, Incall, Ivr, Outcall, Paging, ParkingLot, Queue,
  Schedule, SipEndpoint, Switchboard, Trunk, Voicemail,
} from './pbx-schemas.js';
import type {Extension, Infos, Line, ListPage, Tenant, Token, User} from './schemas.js';

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
  /** confd's exact-match filters (`/extensions?context=NAME`). */
  filters?: Readonly<Record<string, string>>;
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
export type ConfdCollection = keyof ConfdItem;
export interface ConfdItem {
  users: User;
  lines: Line;
  extensions: Extension;
  groups: Group;
  queues: Queue;
  agents: Agent;
  contexts: Context;
  trunks: Trunk;
  outcalls: Outcall;
  incalls: Incall;
  voicemails: Voicemail;
  devices: Device;
  conferences: Conference;
  parkinglots: ParkingLot;
  schedules: Schedule;
  ivr: Ivr;
  switchboards: Switchboard;
  callpermissions: CallPermission;
  callpickups: CallPickup;
  pagings: Paging;
  applications: Application;
  'sip-endpoints': SipEndpoint;
  'sip-templates': SipEndpoint;
}

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
  list<C extends ConfdCollection>(collection: C, query: ListQuery, options: AuthedOptions): Promise<ListPage<ConfdItem[C]>>;
  get<C extends ConfdCollection>(collection: C, id: number | string, options: AuthedOptions): Promise<ConfdItem[C]>;
  infos(options: AuthedOptions): Promise<Infos>;
}

export interface WazoClient {
  readonly target: ServerTarget;
  readonly auth: AuthApi;
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
