/** What the demo server takes and what it gives back (startDemoServer in server.ts). */
import type {DemoAccount} from './accounts.js';
import type {DemoFault, FaultRule} from './faults.js';
import type {CertificateMode, CertificatePair} from './served-certificates.js';

/** How to start the demo server; every field has a default. */
export interface DemoServerOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** 0 or absent: a free port. */
  port?: number;
  /** Default 500. */
  users?: number;
  /** Default 600. */
  lines?: number;
  /** The main account (ACL `#`, tenant Acme); default `admin`. */
  username?: string;
  /** Default `secret`. */
  password?: string;
  /** Default 1; the data is identical for a given seed. */
  seed?: number;
  /** Extra accounts, on top of the main one and `reader`. */
  accounts?: DemoAccount[];
  /** Which kind of certificate each port presents; default `self-signed` (like wazo-certs). */
  certificates?: CertificateMode;
  /**
   * Reuse a certificate on the main port (tests restart on the same one); otherwise one is generated.
   * In the CA modes, pass the CA that issued it as `certificateAuthority`.
   */
  certificate?: CertificatePair;
  /** The CA that signs the leaves in the `ca` and `ca-chain` modes; otherwise one is generated. */
  certificateAuthority?: CertificatePair;
  /**
   * Split hosts: serve wazo-confd on a port of its own with another certificate; the main port
   * then serves wazo-auth only. `port` 0 or absent: a free one.
   */
  splitConfd?: {port?: number; certificate?: CertificatePair};
  /** Faults in force from the start (see setFaults). */
  faults?: FaultRule[];
  /** Delay every answer by this many ms from the start. */
  latencyMs?: number;
  /**
   * gzip JSON answers to a client that accepts it, as nginx in front of Wazo does when `gzip` is on
   * for `application/json`.
   */
  gzip?: boolean;
  /** Run the server clock this many ms ahead (negative: behind) from the start. */
  clockOffsetMs?: number;
  /** Live sessions allowed per user before wazo-auth answers 429; default 100. */
  maxSessions?: number;
}

/** One request as it reached the server. */
export interface RecordedRequest {
  method: string;
  /** Path with query. */
  url: string;
  /** Lower-cased names. */
  headers: Record<string, string | string[] | undefined>;
  /** The port it came in on (the main one, or confd's own when split). */
  port: number;
}

/** One port of the server and the certificate it presents. */
export interface DemoEndpoint {
  readonly port: number;
  /** `127.0.0.1:PORT` (IPv6 in brackets). */
  readonly hostPort: string;
  /** `https://127.0.0.1:PORT`. */
  readonly url: string;
  /** The leaf, PEM. */
  readonly certPem: string;
  /** `AB:CD:…` as `openssl x509 -noout -fingerprint -sha256` prints it. */
  readonly fingerprint256: string;
  readonly services: ReadonlyArray<'wazo-auth' | 'wazo-confd'>;
}

/** A running demo server. The top-level address fields are the main port's (wazo-auth's when split). */
export interface DemoServer {
  readonly host: string;
  readonly port: number;
  readonly hostPort: string;
  readonly url: string;
  /** `url + '/api/auth/0.1'`. */
  readonly authUrl: string;
  /** wazo-confd's base URL: on the main port, or on its own when split. */
  readonly confdUrl: string;
  readonly username: string;
  readonly password: string;
  /** Every account: the main one, `reader`, then the extra ones. */
  readonly accounts: ReadonlyArray<{username: string; password: string; uuid: string; tenantUuid: string; acl: readonly string[]}>;
  /** The main port's leaf certificate. */
  readonly certPem: string;
  readonly fingerprint256: string;
  /** The main port, then confd's own when split. */
  readonly endpoints: readonly DemoEndpoint[];
  /** wazo-confd's port: the main one unless split. */
  readonly confd: DemoEndpoint;
  readonly certificateMode: CertificateMode;
  /** The issuing CA in the `ca` and `ca-chain` modes, for `--ca-file`. */
  readonly authority?: {certPem: string; fingerprint256: string};
  readonly tenants: ReadonlyArray<{uuid: string; name: string; parent_uuid: string | null}>;
  /** Every request seen, so tests can assert what reached the server. */
  readonly requests: ReadonlyArray<RecordedRequest>;
  /** The faults in force. */
  readonly faults: readonly FaultRule[];
  /** Delay every answer by `ms`. */
  setLatency(ms: number): void;
  /**
   * Put these faults in force instead of the current ones (counts start again); the first rule
   * whose paths match a request and whose `after` is used up applies. Resolves once applied (an
   * `auth-down` that refuses connections closes the auth port; clearing it listens again).
   */
  setFaults(rules: readonly FaultRule[]): Promise<void>;
  /** One fault on requests whose path (with query) matches `match` (default: all); `none` clears. */
  setFault(fault: DemoFault, match?: RegExp): Promise<void>;
  /** Run the server's clock `ms` ahead (skew tests): issued/expires fields and expiry checks follow it. */
  setClockOffset(ms: number): void;
  /** End every session (access tokens); refresh tokens stay. */
  revokeAllTokens(): void;
  /** Stop listening and destroy open sockets (keep-alive, hanging requests), so it never hangs. */
  close(): Promise<void>;
}
